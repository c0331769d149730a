import { pino, type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './request-context.ts';
import { activeTraceIds } from './tracing.ts';

/** Fields that must never reach a log line, wherever they appear in a logged object. */
export const redactedPaths = [
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  '*.headers["x-api-key"]',
];

/**
 * The one logger of a process: JSON lines on stdout with level, time, message, the service and its
 * environment on every line, the request and trace ids of the work in progress, and sensitive
 * fields replaced by "[redacted]".
 * NOTE: stdout is written asynchronously (lines written during a write are batched into the next
 * one: a service under load makes a few writes instead of one per line) and flushed synchronously
 * when the process exits, so a crash or `process.exit` loses nothing; only SIGKILL can.
 *
 * @example
 * const log = createLogger({ service: 'backend', env: config.appEnv, level: config.logLevel });
 */
export function createLogger(
  { service, env, level }: { service: string; env: string; level: string },
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level,
      base: { service, env },
      redact: { paths: redactedPaths, censor: '[redacted]' },
      formatters: { level: (label, number) => ({ level: number, levelName: label }) },
      // Lines written while serving a request carry its id, and while a span is active, its
      // trace and span ids.
      mixin: () => {
        const requestId = currentRequestId();
        const traceIds = activeTraceIds();
        return requestId ? { requestId, ...traceIds } : (traceIds ?? {});
      },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
