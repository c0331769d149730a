import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

// NOTE: `node:http` from the CommonJS side. `import … from 'node:http'` builds the module's ESM
// facade, which reads every export, including the lazy `WebSocket` getter: that loads Node's whole
// bundled undici, ~27,000 heap objects that each full garbage collection then walks (and ~20 ms of
// start-up) in a service that never opens a WebSocket (nodejs/node#59686; docs/performance.md).
const { createServer } = process.getBuiltinModule('node:http');

export interface HttpListener {
  server: Server;
  /** The bound port (useful when listening on port 0). */
  port: number;
  /** The base URL, e.g. `http://127.0.0.1:8080`. */
  url: string;
  /**
   * Stops accepting connections, lets in-flight requests finish and closes keep-alive connections as
   * they become idle. Resolves `true` when everything drained within `graceMs`; otherwise the
   * remaining connections are cut and it resolves `false`.
   */
  close(graceMs: number): Promise<boolean>;
}

/**
 * Binds an (unbound) Fastify app, or a plain request handler, to `host:port`.
 * NOTE: the app factory never listens by itself; only `main.ts` binds, so tests run the same app
 * in-process on port 0.
 *
 * @example
 * const http = await listenHttp(createApp(deps), { host: '127.0.0.1', port: 0 });
 */
export async function listenHttp(
  app: FastifyInstance | RequestListener,
  { host, port }: { host: string; port: number },
): Promise<HttpListener> {
  const server = typeof app === 'function' ? createServer(app) : await readyServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    port: bound,
    url: `http://${urlHost}:${bound}`,
    close: (graceMs) => drain(server, graceMs),
  };
}

/** The app's own server, once every plugin has loaded (Fastify's documented way to bind it yourself). */
async function readyServer(app: FastifyInstance): Promise<Server> {
  await app.ready();
  return app.server;
}

function drain(server: Server, graceMs: number): Promise<boolean> {
  // Requests that arrive on open keep-alive connections during the drain are still served, but
  // with `Connection: close`, so clients stop reusing this server's connections.
  server.prependListener('request', (_req, res) => res.setHeader('Connection', 'close'));
  return new Promise<boolean>((resolve) => {
    const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => {
      server.closeAllConnections();
      finish(false);
    }, graceMs);
    function finish(drained: boolean): void {
      clearInterval(idleSweep);
      clearTimeout(deadline);
      resolve(drained);
    }
    server.close(() => finish(true));
    server.closeIdleConnections();
  });
}
