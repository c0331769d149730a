import { projectTestConfig } from '../../vitest.shared.ts';

export default projectTestConfig('bench', {
  include: ['test/**/*.test.ts'],
  testTimeout: 60_000,
  hookTimeout: 60_000,
});
