import { projectTestConfig } from '../../vitest.shared.ts';

export default projectTestConfig('local-registry', { include: ['test/**/*.test.ts'] });
