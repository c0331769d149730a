/** One invalid setting: which variable, where its value came from, and what is wrong with it. */
export interface ConfigIssue {
  variable: string;
  source: string;
  message: string;
}

/**
 * Thrown by `loadConfig` when any setting is invalid. Its message names every bad variable, so one
 * start-up attempt shows everything to fix.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];

  constructor(appEnv: string, issues: readonly ConfigIssue[]) {
    const lines = issues.map(
      (issue) => `  - ${issue.variable} (${issue.source}): ${issue.message}`,
    );
    super(`Invalid configuration for APP_ENV=${appEnv}:\n${lines.join('\n')}`);
    this.issues = issues;
  }
}
