import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { appEnvs, type AppEnv } from './common-settings.ts';
import { ConfigError, type ConfigIssue } from './config-error.ts';
import type { ConfigOf, ConfigSchema, Setting } from './setting.ts';

export interface LoadConfigOptions {
  /** The folder holding `development.json`, `stage.json` and `production.json`. */
  configDir: string;
  /** Reads a per-environment file; defaults to the file system (tests pass their own). */
  readFile?: (path: string) => string;
}

export type LoadedConfig<C extends ConfigSchema> = ConfigOf<C> & { appEnv: AppEnv };

type FileValues = Record<string, unknown>;

/**
 * Loads a service's configuration: the defaults, overridden by the checked-in file of the
 * environment named by `APP_ENV`, overridden by environment variables. Every value is validated;
 * any problem throws one `ConfigError` that lists each bad variable.
 * NOTE: build-time config (the checked-in file) and run-time config (the environment, 12-factor)
 * meet here, in one pure function of its inputs, so it is easy to test.
 *
 * @example
 * const config = loadConfig(schema, process.env, { configDir: 'services/backend/config' });
 */
export function loadConfig<C extends ConfigSchema>(
  schema: C,
  env: Readonly<Record<string, string | undefined>>,
  options: LoadConfigOptions,
): LoadedConfig<C> {
  const appEnv = env['APP_ENV'] ?? 'development';
  if (!isAppEnv(appEnv)) {
    throw new ConfigError(appEnv, [
      {
        variable: 'APP_ENV',
        source: 'environment',
        message: `expected one of ${appEnvs.join(', ')}`,
      },
    ]);
  }
  const fileName = `${appEnv}.json`;
  const fileValues = readFileValues(join(options.configDir, fileName), options.readFile);
  const issues: ConfigIssue[] = unknownFileKeys(schema, fileValues).map((key) => ({
    variable: key,
    source: `config/${fileName}`,
    message: 'is not a known setting (is it misspelled?)',
  }));

  const values: Record<string, unknown> = {};
  for (const [key, definition] of Object.entries(schema)) {
    const { raw, source } = pickRaw(definition, env, fileValues, fileName);
    const result = definition.schema.safeParse(raw);
    if (result.success) {
      values[key] = result.data;
    } else {
      issues.push({
        variable: definition.env,
        source,
        message: describe(definition, raw, result.error),
      });
    }
  }
  if (issues.length > 0) throw new ConfigError(appEnv, issues);
  return { ...(values as ConfigOf<C>), appEnv };
}

function isAppEnv(value: string): value is AppEnv {
  return (appEnvs as readonly string[]).includes(value);
}

function readFileValues(
  path: string,
  readFile = (p: string) => readFileSync(p, 'utf8'),
): FileValues {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFile(path));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(path, [
      { variable: 'APP_ENV', source: path, message: `cannot read the config file: ${reason}` },
    ]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(path, [
      { variable: 'APP_ENV', source: path, message: 'the config file must hold a JSON object' },
    ]);
  }
  return parsed as FileValues;
}

function unknownFileKeys(schema: ConfigSchema, fileValues: FileValues): string[] {
  const known = new Set(Object.values(schema).map((definition) => definition.env));
  return Object.keys(fileValues).filter((key) => !known.has(key) && !key.startsWith('$'));
}

function pickRaw(
  definition: Setting,
  env: Readonly<Record<string, string | undefined>>,
  fileValues: FileValues,
  fileName: string,
): { raw: unknown; source: string } {
  const fromEnv = env[definition.env];
  if (fromEnv !== undefined) return { raw: fromEnv, source: 'environment' };
  if (definition.env in fileValues)
    return { raw: fileValues[definition.env], source: `config/${fileName}` };
  return { raw: definition.default, source: 'default' };
}

function describe(definition: Setting, raw: unknown, error: z.ZodError): string {
  const reason = error.issues.map((issue) => issue.message).join('; ');
  if (raw === undefined) return `is required: ${definition.doc}`;
  return definition.secret ? reason : `${reason}, got ${JSON.stringify(raw)}`;
}
