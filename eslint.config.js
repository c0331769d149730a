import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/node_modules',
      '**/generated/**',
      'reports/**',
      'tmp/**',
    ],
  },
  {
    // Production source; project config files (eslint, vitest) may import the shared root config.
    files: ['**/src/**/*.ts', 'tools/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**', 'tools/local-registry/test/**'],
    rules: {
      // Services depend on libs, never the reverse; libs expose only their public API (no deep imports).
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: true,
          depConstraints: [
            {
              sourceTag: 'type:service',
              onlyDependOnLibsWithTags: ['type:util', 'type:contract', 'type:test-util'],
            },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:util', 'type:contract', 'type:test-util'],
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contract'] },
            {
              sourceTag: 'type:test-util',
              onlyDependOnLibsWithTags: ['type:util', 'type:contract'],
            },
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:contract'] },
          ],
        },
      ],
    },
  },
  {
    // `import … from 'node:http'` builds the module's ESM facade, which reads its lazy WebSocket
    // export and so loads Node's bundled undici: ~27,000 heap objects in a process that never opens
    // a WebSocket (nodejs/node#59686; docs/performance.md). Types are free to import.
    files: ['**/src/**/*.ts', 'tools/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test/**', '**/test-support/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['node:http', 'http'].map((name) => ({
            name,
            allowTypeImports: true,
            message:
              "use process.getBuiltinModule('node:http'): its ESM facade loads Node's undici",
          })),
        },
      ],
    },
  },
  {
    // Tests may also use the shared test helpers (type:test-util), whatever project they test.
    files: ['**/*.test.ts', '**/test/**/*.ts', '**/test-support/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          banTransitiveDependencies: true,
          depConstraints: [
            {
              sourceTag: '*',
              onlyDependOnLibsWithTags: ['type:util', 'type:contract', 'type:test-util'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  prettier,
];
