import { status, type Server } from '@grpc/grpc-js';
import {
  HealthCheckResponse_ServingStatus as ServingStatus,
  HealthService,
  type HealthServer,
} from '@sample/catalog-contract';
import type { Health } from './health.ts';

/**
 * Serves the standard `grpc.health.v1.Health` service from the same readiness state as `/readyz`:
 * SERVING only while every readiness check passes and the process is not shutting down.
 * `service` may be empty (the whole server) or one of `serviceNames`; others answer NOT_FOUND.
 */
export function addGrpcHealthService(
  server: Server,
  {
    health,
    serviceNames,
    watchIntervalMs = 1000,
  }: { health: Health; serviceNames: string[]; watchIntervalMs?: number },
): void {
  const known = new Set(['', ...serviceNames]);
  const current = async (): Promise<ServingStatus> =>
    (await health.readiness()).ready ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;

  const handlers: HealthServer = {
    check(call, callback) {
      if (!known.has(call.request.service)) {
        callback(
          { code: status.NOT_FOUND, details: `unknown service "${call.request.service}"` },
          null,
        );
        return;
      }
      void current().then((servingStatus) => callback(null, { status: servingStatus }));
    },
    watch(call) {
      let last: ServingStatus | undefined;
      const send = async (): Promise<void> => {
        const next = known.has(call.request.service)
          ? await current()
          : ServingStatus.SERVICE_UNKNOWN;
        if (call.cancelled) return;
        if (next !== last) call.write({ status: (last = next) });
        // An open Watch stream would hold up a graceful shutdown: end it once draining starts.
        if (health.isShuttingDown()) {
          clearInterval(timer);
          call.end();
        }
      };
      const timer = setInterval(() => void send(), watchIntervalMs);
      call.on('cancelled', () => clearInterval(timer));
      call.on('close', () => clearInterval(timer));
      void send();
    },
  };
  server.addService(HealthService, handlers);
}
