import {
  status,
  type Server,
  type ServerUnaryCall,
  type ServerWritableStream,
  type sendUnaryData,
} from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';
import type { Health } from './health.ts';

type ServingStatus = 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN';
interface HealthCheckRequest {
  service: string;
}
interface HealthCheckResponse {
  status: ServingStatus;
}

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
    (await health.readiness()).ready ? 'SERVING' : 'NOT_SERVING';

  server.addService(healthService, {
    Check(
      call: ServerUnaryCall<HealthCheckRequest, HealthCheckResponse>,
      callback: sendUnaryData<HealthCheckResponse>,
    ) {
      if (!known.has(call.request.service)) {
        callback(
          { code: status.NOT_FOUND, details: `unknown service "${call.request.service}"` },
          null,
        );
        return;
      }
      current().then((servingStatus) => callback(null, { status: servingStatus }));
    },
    Watch(call: ServerWritableStream<HealthCheckRequest, HealthCheckResponse>) {
      let last: ServingStatus | undefined;
      const send = async (): Promise<void> => {
        const next = known.has(call.request.service) ? await current() : 'SERVICE_UNKNOWN';
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
  });
}
