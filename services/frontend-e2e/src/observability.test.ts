import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const logLines = (lines: string[]) =>
  lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('one request through both services', () => {
  it.each(['grpc', 'http'] as const)(
    'over %s carries the same request id into the backend logs',
    async (transport) => {
      const requestId = `e2e-${transport}-${Date.now()}`;

      const response = await fetch(`${stack.frontendUrl(transport)}/products/brass-pen`, {
        headers: { 'x-request-id': requestId },
      });

      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe(requestId);
      await expect
        .poll(() =>
          logLines(stack.backend.stdout)
            .filter((line) => line['requestId'] === requestId)
            .map((line) => line['msg']),
        )
        .toEqual(transport === 'grpc' ? ['rpc finished'] : ['request completed']);
    },
  );

  it('is logged by the backend gRPC interceptor with method, status, duration and peer, without the payload', async () => {
    await fetch(`${stack.frontendUrl('grpc')}/products/brass-pen`);

    const finished = logLines(stack.backend.stdout).filter(
      (line) => line['msg'] === 'rpc finished',
    );
    expect(finished.at(-1)).toMatchObject({
      code: 'OK',
      durationMs: expect.any(Number),
      rpc: {
        method: '/catalog.v1.CatalogService/GetProduct',
        peer: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      },
    });
    expect(stack.backend.stdout.join('\n')).not.toContain('A solid brass ballpoint');
  });
});

describe('/metrics', () => {
  it('counts pages on the frontend and RPCs on both sides, by route and method', async () => {
    await fetch(`${stack.frontendUrl('grpc')}/products/brass-pen`);
    await fetch(`${stack.frontendUrl('http')}/products/brass-pen`);

    const frontendMetrics = await (await fetch(`${stack.frontendUrl('grpc')}/metrics`)).text();
    const httpFrontendMetrics = await (await fetch(`${stack.frontendUrl('http')}/metrics`)).text();
    const backendMetrics = await (await fetch(`${stack.backendHttpUrl}/metrics`)).text();

    expect(frontendMetrics).toMatch(
      /http_server_request_duration_seconds_count\{service="frontend",method="GET",route="\/products\/:id",status_code="200"\} [1-9]/,
    );
    expect(frontendMetrics).toMatch(
      /rpc_client_duration_seconds_count\{service="frontend",method="\/catalog\.v1\.CatalogService\/GetProduct",code="OK"\} [1-9]/,
    );
    expect(httpFrontendMetrics).toMatch(
      /http_client_request_duration_seconds_count\{service="frontend",method="GET",route="\/v1\/products\/\{id\}",status_code="200"\} [1-9]/,
    );
    expect(backendMetrics).toMatch(
      /rpc_server_duration_seconds_count\{service="backend",method="\/catalog\.v1\.CatalogService\/GetProduct",code="OK"\} [1-9]/,
    );
    expect(backendMetrics).toMatch(
      /http_server_request_duration_seconds_count\{service="backend",method="GET",route="\/v1\/products\/:id",status_code="200"\} [1-9]/,
    );
  });
});
