import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createFastifyApp } from './fastify-app.ts';
import { createHealth } from './health.ts';
import { httpMetrics } from './http-metrics.ts';
import { createMetrics } from './metrics.ts';
import { opsRoutes } from './ops-routes.ts';

async function appWithMetrics(withMetrics = true) {
  const metrics = createMetrics({ service: 'test' });
  const app = createFastifyApp({ maxBodyBytes: 0 });
  if (withMetrics) app.register(httpMetrics, { metrics });
  app.register(opsRoutes, { health: createHealth(), ...(withMetrics && { metrics }) });
  app.get<{ Params: { id: string } }>('/items/:id', (req, reply) =>
    reply.code(req.params.id === 'missing' ? 404 : 200).send('ok'),
  );
  await app.ready();
  return app.server;
}

describe('/metrics', () => {
  it('serves Prometheus text with process metrics and the service label', async () => {
    const response = await request(await appWithMetrics())
      .get('/metrics')
      .expect(200);

    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.text).toContain('# TYPE process_cpu_seconds_total counter');
    expect(response.text).toContain('nodejs_eventloop_lag_seconds{service="test"}');
  });

  it('counts requests by route template, method and status, never by raw path', async () => {
    const server = await appWithMetrics();
    await request(server).get('/items/1');
    await request(server).get('/items/2');
    await request(server).get('/items/missing');
    await request(server).get('/no/such/path/7');

    const { text } = await request(server).get('/metrics');

    expect(text).toContain(
      'http_server_request_duration_seconds_count{service="test",method="GET",route="/items/:id",status_code="200"} 2',
    );
    expect(text).toContain(
      'http_server_request_duration_seconds_count{service="test",method="GET",route="/items/:id",status_code="404"} 1',
    );
    expect(text).toContain(
      'http_server_request_duration_seconds_count{service="test",method="GET",route="unmatched",status_code="404"} 1',
    );
    expect(text).not.toMatch(/route="\/items\/1"|\/no\/such\/path/);
  });

  it('is absent when a service passes no metrics', async () => {
    await request(await appWithMetrics(false))
      .get('/metrics')
      .expect(404);
  });
});
