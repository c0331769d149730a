import { pino, type DestinationStream, type Logger } from 'pino';
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
 * environment on every line, and sensitive fields replaced by "[redacted]".
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
      // Lines written while a span is active carry its trace and span ids.
      mixin: () => activeTraceIds() ?? {},
    },
    destination,
  );
}
