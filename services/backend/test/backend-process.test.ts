import { runServiceToExit, startServiceProcess, type ServiceProcess } from '@sample/testing';
import { createProtoCatalogClient } from '@sample/testing';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const ports = { HOST: '127.0.0.1', HTTP_PORT: '0', GRPC_PORT: '0' };
let backend: ServiceProcess | undefined;
afterEach(async () => {
  await backend?.stop('SIGKILL');
  backend = undefined;
});

describe('the backend process', () => {
  it('serves both transports on the configured interface and exits 0 on SIGTERM', async () => {
    backend = await startServiceProcess({ entry, env: ports, readyMessage: 'backend ready' });
    const { httpUrl, grpcAddress } = backend.ready as { httpUrl: string; grpcAddress: string };

    expect(httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(
      ((await (await fetch(`${httpUrl}/v1/products/brass-pen`)).json()) as { name: string }).name,
    ).toBe('Brass Pen');
    const grpc = createProtoCatalogClient(grpcAddress);
    expect((await grpc.call('GetProduct', { id: 'brass-pen' })).name).toBe('Brass Pen');
    grpc.close();

    expect(await backend.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(backend.stdout.join('\n')).toContain('shutdown complete');
  });

  it('writes one JSON object per line with level, time, message and the request id', async () => {
    backend = await startServiceProcess({ entry, env: ports, readyMessage: 'backend ready' });
    const { httpUrl } = backend.ready as { httpUrl: string };

    await fetch(`${httpUrl}/v1/products`, { headers: { 'x-request-id': 'trace-me-42' } });
    await backend.stop('SIGTERM');

    const lines = backend.stdout.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(
      lines.every(
        (line) =>
          typeof line['level'] === 'number' && typeof line['time'] === 'number' && line['msg'],
      ),
    ).toBe(true);
    expect(lines.find((line) => line['requestId'] === 'trace-me-42')).toMatchObject({
      msg: 'request completed',
      res: { statusCode: 200 },
    });
  });

  it('exits 1 at start-up naming every invalid variable', async () => {
    const result = await runServiceToExit({
      entry,
      env: {
        ...ports,
        HTTP_PORT: 'http',
        GRPC_PORT: '99999',
        LOG_LEVEL: 'chatty',
        APP_ENV: 'production',
      },
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Invalid configuration for APP_ENV=production');
    for (const variable of ['HTTP_PORT', 'GRPC_PORT', 'LOG_LEVEL'])
      expect(result.stderr).toContain(variable);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 for an unknown APP_ENV', async () => {
    const result = await runServiceToExit({ entry, env: { ...ports, APP_ENV: 'prod' } });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'APP_ENV (environment): expected one of development, stage, production',
    );
  });
});
