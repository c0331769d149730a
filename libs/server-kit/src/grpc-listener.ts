import { ServerCredentials, type Server } from '@grpc/grpc-js';

export interface GrpcListener {
  /** The bound port (useful when listening on port 0). */
  port: number;
  /** `host:port`, as a gRPC client dials it. */
  address: string;
  /**
   * Stops accepting calls and waits for in-flight calls to finish. Resolves `true` when they did
   * within `graceMs`; otherwise the remaining calls are cancelled and it resolves `false`.
   */
  close(graceMs: number): Promise<boolean>;
}

/**
 * Binds an (unbound) grpc-js server to `host:port`.
 *
 * @example
 * const grpc = await listenGrpc(createGrpcServer(deps), { host: '127.0.0.1', port: 0 });
 */
export async function listenGrpc(
  server: Server,
  {
    host,
    port,
    credentials = ServerCredentials.createInsecure(),
  }: { host: string; port: number; credentials?: ServerCredentials },
): Promise<GrpcListener> {
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const bound = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${urlHost}:${port}`, credentials, (error, boundPort) =>
      error ? reject(error) : resolve(boundPort),
    );
  });
  return {
    port: bound,
    address: `${urlHost}:${bound}`,
    close: (graceMs) =>
      new Promise<boolean>((resolve) => {
        const deadline = setTimeout(() => {
          server.forceShutdown();
          resolve(false);
        }, graceMs);
        server.tryShutdown(() => {
          clearTimeout(deadline);
          resolve(true);
        });
      }),
  };
}
