import { portSchema, serverSettings, setting } from '@sample/config';

/** The backend's configuration: every key, its environment variable, default and meaning. */
export const backendConfigSchema = {
  ...serverSettings({ httpPort: 8080 }),
  grpcPort: setting({
    env: 'GRPC_PORT',
    schema: portSchema,
    default: 50051,
    doc: 'gRPC listener port',
  }),
};
