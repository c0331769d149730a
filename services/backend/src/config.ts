import { portSchema, serverSettings, setting, tlsFileSettings } from '@sample/config';

/** The backend's configuration: every key, its environment variable, default and meaning. */
export const backendConfigSchema = {
  ...serverSettings({ httpPort: 8080 }),
  // Mutual TLS on the gRPC listener: the server's certificate, and the CA that client certificates
  // must be signed by. All three, or none (plaintext, e.g. inside a service mesh).
  ...tlsFileSettings('GRPC_TLS'),
  grpcPort: setting({
    env: 'GRPC_PORT',
    schema: portSchema,
    default: 50051,
    doc: 'gRPC listener port',
  }),
};
