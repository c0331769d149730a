import { projectTestConfig } from '../../vitest.shared.ts';

export default projectTestConfig('ci', {
  include: ['test/**/*.test.ts'],
  testTimeout: 300_000,
  hookTimeout: 600_000,
});
