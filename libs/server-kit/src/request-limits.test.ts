import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { limitRequestBodies } from './request-limits.ts';

const app = express()
  .use(limitRequestBodies({ maxBytes: 1024 }))
  .all('/', (_req, res) => void res.send('ok'));

describe('limitRequestBodies', () => {
  it('refuses a body larger than the limit with 413', async () => {
    const response = await request(app)
      .post('/')
      .set('content-type', 'text/plain')
      .send('x'.repeat(2048))
      .expect(413);

    expect(response.text).toBe('Request body too large');
  });

  it('lets requests without or with a small body through', async () => {
    await request(app).get('/').expect(200, 'ok');
    await request(app)
      .post('/')
      .set('content-type', 'text/plain')
      .send('x'.repeat(100))
      .expect(200);
  });
});
