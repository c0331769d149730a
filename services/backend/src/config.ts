import {
  hostSchema,
  logLevelSchema,
  millisecondsSchema,
  portSchema,
  setting,
} from '@sample/config';

/** The backend's configuration: every key, its environment variable, default and meaning. */
export const backendConfigSchema = {
  host: setting({
    env: 'HOST',
    schema: hostSchema,
    default: '127.0.0.1',
    doc: 'interface to bind the HTTP and gRPC listeners to',
  }),
  httpPort: setting({
    env: 'HTTP_PORT',
    schema: portSchema,
    default: 8080,
    doc: 'HTTP listener port (JSON API and ops endpoints)',
  }),
  grpcPort: setting({
    env: 'GRPC_PORT',
    schema: portSchema,
    default: 50051,
    doc: 'gRPC listener port',
  }),
  logLevel: setting({
    env: 'LOG_LEVEL',
    schema: logLevelSchema,
    default: 'info',
    doc: 'pino log level',
  }),
  shutdownGraceMs: setting({
    env: 'SHUTDOWN_GRACE_MS',
    schema: millisecondsSchema,
    default: 10_000,
    doc: 'how long in-flight requests and RPCs may take to finish after SIGTERM',
  }),
};
