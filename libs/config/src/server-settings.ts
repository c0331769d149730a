import { hostSchema, logLevelSchema, millisecondsSchema, portSchema } from './common-settings.ts';
import { setting } from './setting.ts';

/**
 * The settings every service process has: where to listen, how much to log, how long to drain.
 * A service spreads them into its own schema and adds its own keys.
 *
 * @example
 * const schema = { ...serverSettings({ httpPort: 8080 }), grpcPort: setting({ env: 'GRPC_PORT', … }) };
 */
export function serverSettings({ httpPort }: { httpPort: number }) {
  return {
    host: setting({
      env: 'HOST',
      schema: hostSchema,
      default: '127.0.0.1',
      doc: 'interface to bind the listeners to; never all interfaces by accident',
    }),
    httpPort: setting({
      env: 'HTTP_PORT',
      schema: portSchema,
      default: httpPort,
      doc: 'HTTP listener port (the service and its ops endpoints)',
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
}
