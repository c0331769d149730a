import type { Resilience } from '@sample/resilience';
import type { CatalogClient } from './catalog-client.ts';

/**
 * The catalog client with the resilience policies around every read: retries (reads are idempotent),
 * the circuit breaker and the bulkhead. Readiness checks go straight to the backend, so `/readyz`
 * reports the backend's own state rather than the breaker's.
 */
export function withResilience(client: CatalogClient, resilience: Resilience): CatalogClient {
  return {
    transport: client.transport,
    listProducts: (request) =>
      resilience.execute(() => client.listProducts(request), { idempotent: true }),
    getProduct: (id) => resilience.execute(() => client.getProduct(id), { idempotent: true }),
    checkReady: (signal) => client.checkReady(signal),
    close: () => client.close(),
  };
}
