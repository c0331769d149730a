import { ConfigError } from '@sample/config';

/**
 * Runs a service's `main`. A configuration error prints its message (naming every bad variable)
 * and exits 1 at once; any other start-up failure prints its stack and exits 1.
 *
 * @example
 * runMain(async () => { const config = loadConfig(schema, process.env, options); ... });
 */
export function runMain(
  main: () => Promise<void>,
  {
    exit = (code: number) => process.exit(code),
    stderr = process.stderr,
  }: { exit?: (code: number) => void; stderr?: { write(text: string): boolean } } = {},
): Promise<void> {
  return main().catch((error: unknown) => {
    stderr.write(
      error instanceof ConfigError
        ? `${error.message}\n`
        : `start-up failed: ${String((error as Error)?.stack ?? error)}\n`,
    );
    exit(1);
  });
}
