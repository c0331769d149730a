import { startServiceProcess, type ServiceProcess } from '@sample/testing';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const entry = (service: string) =>
  fileURLToPath(new URL(`../../${service}/src/main.ts`, import.meta.url));
const started: ServiceProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((service) => service.stop('SIGKILL')));
});

async function startBackend(grpcPort = '0'): Promise<ServiceProcess> {
  const backend = await startServiceProcess({
    entry: entry('backend'),
    env: { HOST: '127.0.0.1', HTTP_PORT: '0', GRPC_PORT: grpcPort },
    readyMessage: 'backend ready',
  });
  started.push(backend);
  return backend;
}

const grpcPort = (backend: ServiceProcess) =>
  (backend.ready as { grpcAddress: string }).grpcAddress.split(':').at(-1)!;

describe('restarting one of two backends under steady load', () => {
  it('fails no page request', async () => {
    const first = await startBackend();
    const second = await startBackend();
    const frontend = await startServiceProcess({
      entry: entry('frontend'),
      env: {
        HOST: '127.0.0.1',
        HTTP_PORT: '0',
        CATALOG_GRPC_ADDRESS: `ipv4:127.0.0.1:${grpcPort(first)},127.0.0.1:${grpcPort(second)}`,
      },
      readyMessage: 'frontend ready',
    });
    started.push(frontend);
    const pageUrl = `${(frontend.ready as { httpUrl: string }).httpUrl}/products/brass-pen`;

    // Four clients request pages back to back until told to stop (bounded: at most 40 s).
    let running = true;
    const statuses: number[] = [];
    const client = async () => {
      const until = Date.now() + 40_000;
      while (running && Date.now() < until) {
        const response = await fetch(pageUrl).catch(() => undefined);
        statuses.push(response?.status ?? 0);
        await response?.arrayBuffer();
      }
    };
    const load = Promise.all([client(), client(), client(), client()]);

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const port = grpcPort(first);
    expect(await first.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const restarted = await startBackend(port);
    const served = (backend: ServiceProcess) =>
      backend.stdout.filter(
        (line) => line.includes('"rpc finished"') && line.includes('GetProduct'),
      ).length;
    // The channel reconnects with backoff: keep the load on until the restarted backend serves again.
    await vi.waitFor(() => expect(served(restarted)).toBeGreaterThan(0), {
      timeout: 30_000,
      interval: 200,
    });
    running = false;
    await load;

    expect(statuses.length).toBeGreaterThan(50);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    // Both backends served traffic: the survivor during the restart, the restarted one after it.
    expect(served(second)).toBeGreaterThan(0);
  });
});
