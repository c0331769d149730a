import { projectTestConfig } from '../../vitest.shared.ts';

export default projectTestConfig('ci', { include: ['test/**/*.test.ts'] });
