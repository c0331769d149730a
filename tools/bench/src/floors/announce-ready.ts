// How every floor server says it is listening: one JSON line, as the services do, so the bench
// starts floors and services the same way.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

/** Resolves once `server` listens on 127.0.0.1 (port from `PORT`, default 0 = any free port). */
export function listenOnLoopback(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

/** Prints the ready line the bench waits for. */
export function announceReady(fields: Record<string, string>): void {
  process.stdout.write(`${JSON.stringify({ msg: 'floor ready', ...fields })}\n`);
}

/** Exits on SIGTERM (floors hold no state worth draining). */
export function exitOnSigterm(): void {
  process.once('SIGTERM', () => process.exit(0));
}
