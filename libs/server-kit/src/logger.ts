import { pino, type DestinationStream, type Logger } from 'pino';
import { redactSecrets } from './redact-secrets.ts';
import { currentRequestId } from './request-context.ts';
import { activeTraceIds } from './tracing.ts';

/**
 * The one logger of a process: JSON lines on stdout with level, time, message, the service and its
 * environment on every line, the request and trace ids of the work in progress, and sensitive
 * fields replaced by "[redacted]".
 * NOTE: stdout is written in batches: lines are collected until 4 KB are waiting or a quarter of a
 * second has passed, then written with one system call, so a busy service makes one write for a
 * dozen lines instead of one per line. Writes are synchronous (no hop through libuv's thread pool,
 * and lines stay in order); what is waiting is written when the process exits, so a crash or
 * `process.exit` loses nothing; only SIGKILL can lose the last quarter of a second.
 *
 * @example
 * const log = createLogger({ service: 'backend', env: config.appEnv, level: config.logLevel });
 */
export function createLogger(
  { service, env, level }: { service: string; env: string; level: string },
  destination?: DestinationStream,
): Logger {
  const logger = pino(
    {
      level,
      base: { service, env },
      formatters: {
        level: (label, number) => ({ level: number, levelName: label }),
        // Secrets are censored wherever they appear in a line (redact-secrets.ts).
        log: redactSecrets,
      },
      // Lines written while serving a request carry its id, and while a span is active, its
      // trace and span ids.
      mixin: () => {
        const requestId = currentRequestId();
        const traceIds = activeTraceIds();
        return requestId ? { requestId, ...traceIds } : (traceIds ?? {});
      },
    },
    destination ?? batchedStdout(),
  );
  // The bindings of child loggers are censored too: children (and theirs) inherit this `child`.
  const child = logger.child;
  logger.child = function (this: Logger, bindings, options) {
    return child.call(this, redactSecrets(bindings), options);
  } as Logger['child'];
  return logger;
}

/** Standard output, written in batches (see createLogger), and flushed when the process exits. */
function batchedStdout(): DestinationStream {
  const stdout = pino.destination({ dest: 1, sync: true, minLength: 4096, periodicFlush: 250 });
  // pino flushes asynchronous destinations on exit by itself, synchronous ones are ours to flush.
  process.once('exit', () => stdout.flushSync());
  return stdout;
}
