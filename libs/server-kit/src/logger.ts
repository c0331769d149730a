import { pino, type DestinationStream, type Logger } from 'pino';
import sonicBoom from 'sonic-boom';
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
 * Each line is handed over as UTF-8 bytes (sonic-boom's `contentMode: 'buffer'`): sonic-boom keeps
 * a list of them with their lengths. Handed over as text, the waiting batch is one string that
 * sonic-boom measures in bytes at every line, which flattens (copies) it each time: ~2 KB of
 * garbage per line, half of what writing a line allocated (docs/performance.md).
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
  // sonic-boom 5, not pino.destination (sonic-boom 4), whose flushSync retries a broken pipe forever.
  const stdout = new sonicBoom.SonicBoom({
    fd: 1,
    sync: true,
    minLength: 4096,
    periodicFlush: 250,
    contentMode: 'buffer',
  });
  // Nobody reads stdout any more (the collector went away): say so once on stderr, then drop lines
  // rather than crash or hang the service.
  let broken = false;
  stdout.on('error', (error: Error) => {
    if (broken) return;
    broken = true;
    process.stderr.write(`logs cannot be written to stdout, dropping them: ${error.message}\n`);
  });
  // pino flushes asynchronous destinations on exit by itself; synchronous ones are ours to flush.
  process.once('exit', () => {
    if (broken) return;
    try {
      stdout.flushSync();
    } catch (error) {
      process.stderr.write(
        `the last log lines could not be written: ${(error as Error).message}\n`,
      );
    }
  });
  // pino writes text; in buffer mode sonic-boom takes bytes (its types predate that mode).
  const writeBytes = stdout.write.bind(stdout) as unknown as (bytes: Buffer) => boolean;
  const destination = {
    write: (line: string) => void writeBytes(Buffer.from(line)),
    // `logger.flush()` (after the ready line) writes what is waiting now.
    flush: (callback?: (error?: Error) => void) => stdout.flush(callback),
  };
  return destination;
}
