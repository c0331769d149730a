import { projectTestConfig } from '../../vitest.shared.ts';

export default projectTestConfig('container-e2e', {
  // Containers share one engine: run the files one after another.
  fileParallelism: false,
  testTimeout: 120_000,
  hookTimeout: 180_000,
  // Ryuk (testcontainers' reaper) needs an image pull; the tests stop what they start instead, and
  // CI removes anything labelled org.testcontainers=true at the end.
  env: { TESTCONTAINERS_RYUK_DISABLED: 'true' },
  globalSetup: ['src/support/global-teardown.ts'],
});
