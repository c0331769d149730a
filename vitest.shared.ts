import { join } from 'node:path';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const workspaceRoot = import.meta.dirname;
// Tests run the TypeScript sources of the workspace libraries (their `@sample/source` export),
// so no library has to be built before a test run.
const conditions = ['@sample/source', 'node', 'development|production'];

/** The vitest config of one project: node environment, sources of the libs, a JSON report for the summary. */
export function projectTestConfig(
  name: string,
  test: NonNullable<ViteUserConfig['test']> = {},
): ViteUserConfig {
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      name,
      environment: 'node',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      reporters: [
        'default',
        ['json', { outputFile: join(workspaceRoot, 'reports/vitest', `${name}.json`) }],
      ],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...test,
    },
  });
}
