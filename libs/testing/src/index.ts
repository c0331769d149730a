export {
  runServiceToExit,
  startServiceProcess,
  type ExitStatus,
  type ServiceProcess,
  type ServiceProcessOptions,
} from './service-process.ts';
export {
  createProtoCatalogClient,
  protoRoot,
  type ProtoCatalogClient,
} from './proto-catalog-client.ts';
export {
  publishableLibraries,
  startLocalRegistry,
  workspaceRoot,
  type LocalRegistry,
} from './local-registry.ts';
