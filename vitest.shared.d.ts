import { type ViteUserConfig } from 'vitest/config';
/** The vitest config of one project: node environment, sources of the libs, a JSON report for the summary. */
export declare function projectTestConfig(
  name: string,
  test?: NonNullable<ViteUserConfig['test']>,
): ViteUserConfig;
//# sourceMappingURL=vitest.shared.d.ts.map
