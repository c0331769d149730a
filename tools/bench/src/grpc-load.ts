// gRPC load (autocannon speaks only HTTP/1.1): one grpc-js channel, `connections` concurrent
// ListProducts calls kept in flight for a fixed time, each with a deadline, as a frontend calls.
import { credentials, Metadata } from '@grpc/grpc-js';
import { CatalogServiceClient } from '@sample/catalog-contract';
import type { LoadGenerator } from './load-result.ts';

export function grpcLoad(address: string): LoadGenerator {
  return async ({ durationSeconds, connections, latencies }) => {
    const client = new CatalogServiceClient(address, credentials.createInsecure());
    let requests = 0;
    let errors = 0;
    const started = performance.now();
    const endAt = started + durationSeconds * 1000;
    const callOnce = () =>
      new Promise<void>((resolve) => {
        const sent = performance.now();
        client.listProducts(
          { pageSize: 12, pageToken: '', tag: '' },
          new Metadata(),
          { deadline: Date.now() + 5000 },
          (err) => {
            requests++;
            if (err) errors++;
            else latencies.record(performance.now() - sent);
            resolve();
          },
        );
      });
    const worker = async () => {
      while (performance.now() < endAt) await callOnce();
    };
    await Promise.all(Array.from({ length: connections }, worker));
    const durationSecondsMeasured = (performance.now() - started) / 1000;
    client.close();
    return {
      requests,
      durationSeconds: durationSecondsMeasured,
      errors,
    };
  };
}
