import { projectTestConfig } from '../../vitest.shared.ts';

export default projectTestConfig('container-base', { include: ['test/**/*.test.ts'] });
