import { projectTestConfig } from '../vitest.shared.ts';

export default projectTestConfig('k8s', { include: ['test/**/*.test.ts'] });
