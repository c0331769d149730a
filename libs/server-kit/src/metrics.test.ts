import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createHealth } from './health.ts';
import { createHttpMetrics } from './http-metrics.ts';
import { createMetrics } from './metrics.ts';
import { createOpsRouter } from './ops-router.ts';

function appWithMetrics() {
  const metrics = createMetrics({ service: 'test' });
  const app = express();
  app.use(createHttpMetrics({ metrics }));
  app.use(createOpsRouter({ health: createHealth(), metrics }));
  app.get(
    '/items/:id',
    (req, res) => void res.status(req.params.id === 'missing' ? 404 : 200).send('ok'),
  );
  return app;
}

describe('/metrics', () => {
  it('serves Prometheus text with process metrics and the service label', async () => {
    const response = await request(appWithMetrics()).get('/metrics').expect(200);

    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.text).toContain('# TYPE process_cpu_seconds_total counter');
    expect(response.text).toContain('nodejs_eventloop_lag_seconds{service="test"}');
  });

  it('counts requests by route template, method and status, never by raw path', async () => {
    const app = appWithMetrics();
    await request(app).get('/items/1');
    await request(app).get('/items/2');
    await request(app).get('/items/missing');
    await request(app).get('/no/such/path/7');

    const { text } = await request(app).get('/metrics');

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
    const app = express().use(createOpsRouter({ health: createHealth() }));

    await request(app).get('/metrics').expect(404);
  });
});
