import { runServiceToExit, startServiceProcess, type ServiceProcess } from '@sample/testing';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  contractProduct,
  startFakeCatalogBackend,
  type FakeCatalogBackend,
} from '@sample/fake-catalog';

const entry = fileURLToPath(new URL('../src/main.ts', import.meta.url));
let backend: FakeCatalogBackend;
let frontend: ServiceProcess | undefined;
beforeAll(async () => {
  backend = await startFakeCatalogBackend([contractProduct('mug')]);
});
afterAll(() => backend.stop());
afterEach(async () => {
  await frontend?.stop('SIGKILL');
  frontend = undefined;
  backend.behaviour.delayMs = 0;
});

function env(transport: string): Record<string, string> {
  return {
    HOST: '127.0.0.1',
    HTTP_PORT: '0',
    CATALOG_TRANSPORT: transport,
    CATALOG_GRPC_ADDRESS: backend.grpcAddress,
    CATALOG_HTTP_URL: backend.httpUrl,
    CATALOG_DEADLINE_MS: '5000',
  };
}

describe.each(['grpc', 'http'])('the frontend process over %s', (transport) => {
  it('finishes in-flight page requests after SIGTERM, then exits 0', async () => {
    frontend = await startServiceProcess({
      entry,
      env: env(transport),
      readyMessage: 'frontend ready',
    });
    const { httpUrl } = frontend.ready as { httpUrl: string };
    backend.behaviour.delayMs = 1_000;

    const inFlight = Array.from({ length: 5 }, () =>
      fetch(`${httpUrl}/products/mug`).then(async (r) => [r.status, await r.text()] as const),
    );
    await vi.waitFor(() => expect(backend.behaviour.inFlight).toBe(5), { timeout: 10_000 });
    const exited = frontend.stop('SIGTERM');

    const responses = await Promise.all(inFlight);
    expect(responses.map(([status]) => status)).toEqual([200, 200, 200, 200, 200]);
    expect(responses[0]![1]).toContain('Product mug');
    expect(await exited).toEqual({ code: 0, signal: null });
    await expect(fetch(`${httpUrl}/healthz`)).rejects.toThrow();
  });
});

describe('the frontend process configuration', () => {
  it('exits 1 at start-up naming every invalid variable', async () => {
    const result = await runServiceToExit({
      entry,
      env: {
        ...env('carrier-pigeon'),
        CATALOG_GRPC_ADDRESS: 'no-port',
        CATALOG_HTTP_URL: 'ftp://x',
        HTTP_PORT: '-1',
      },
    });

    expect(result.code).toBe(1);
    for (const variable of [
      'CATALOG_TRANSPORT',
      'CATALOG_GRPC_ADDRESS',
      'CATALOG_HTTP_URL',
      'HTTP_PORT',
    ]) {
      expect(result.stderr).toContain(variable);
    }
    expect(result.stderr).toContain(
      'CATALOG_TRANSPORT (environment): expected grpc or http, got "carrier-pigeon"',
    );
  });
});
