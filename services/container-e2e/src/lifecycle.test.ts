import {
  contractProduct,
  startFakeCatalogBackend,
  type FakeCatalogBackend,
} from '@sample/fake-catalog';
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HardenedContainer, stopGracefully } from './support/hardened-container.ts';
import { imageOf } from './support/images.ts';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('the frontend container on SIGTERM', () => {
  let backend: FakeCatalogBackend;
  beforeAll(async () => {
    backend = await startFakeCatalogBackend([contractProduct('mug')]);
  });
  afterAll(() => backend?.stop());

  it('finishes every in-flight request, then exits 0 inside the grace period', async () => {
    // Host networking lets the container reach the slow fake backend this test runs on loopback.
    const port = await freePort();
    const container = await new HardenedContainer(imageOf('frontend'))
      .withNetworkMode('host')
      .withEnvironment({
        HOST: '127.0.0.1',
        HTTP_PORT: String(port),
        CATALOG_GRPC_ADDRESS: backend.grpcAddress,
        CATALOG_DEADLINE_MS: '8000',
      })
      .readyWhenLogged('frontend')
      .start();
    backend.behaviour.delayMs = 1_500;

    const inFlight = Array.from({ length: 8 }, () =>
      fetch(`http://127.0.0.1:${port}/products/mug`).then((r) => r.status),
    );
    await vi.waitFor(() => expect(backend.behaviour.inFlight).toBe(8), { timeout: 15_000 });
    const stopped = stopGracefully(container, 10_000);

    expect(await Promise.all(inFlight)).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
    const { exitCode, tookMs } = await stopped;
    expect(exitCode).toBe(0);
    expect(tookMs).toBeLessThan(10_000);
  });
});

describe('a container with invalid configuration', () => {
  it.each(['backend', 'frontend'] as const)(
    '%s exits 1 at start-up, naming each bad variable',
    (service) => {
      const result = spawnSync(
        'docker',
        [
          'run',
          '--rm',
          '--read-only',
          '--label',
          'org.sample.test=container-e2e',
          '-e',
          'HTTP_PORT=eighty',
          '-e',
          'LOG_LEVEL=loud',
          imageOf(service),
        ],
        { encoding: 'utf8', timeout: 60_000 },
      );

      expect(result.status).toBe(1);
      expect(result.stderr).toContain('Invalid configuration for APP_ENV=development');
      expect(result.stderr).toContain('HTTP_PORT (environment)');
      expect(result.stderr).toContain('LOG_LEVEL (environment)');
    },
  );
});

describe('the images', () => {
  it.each(['backend', 'frontend'] as const)(
    '%s is at most 140 MB and holds no shell',
    (service) => {
      const size = Number(
        execFileSync('docker', ['image', 'inspect', '--format', '{{.Size}}', imageOf(service)], {
          encoding: 'utf8',
        }),
      );
      const shell = spawnSync(
        'docker',
        ['run', '--rm', '--entrypoint', '/bin/sh', imageOf(service), '-c', 'true'],
        { encoding: 'utf8' },
      );

      expect(size).toBeLessThanOrEqual(140_000_000);
      expect(shell.status).not.toBe(0);
    },
  );
});
