import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createFastifyApp } from './fastify-app.ts';

async function appWithLimit(maxBodyBytes: number) {
  const app = createFastifyApp({ maxBodyBytes });
  app.all('/', (_request, reply) => reply.send('ok'));
  await app.ready();
  return app.server;
}

describe('the request body limit of createFastifyApp', () => {
  it('refuses a body larger than the limit with 413, also on routes that never read one', async () => {
    const server = await appWithLimit(1024);

    const post = await request(server)
      .post('/')
      .set('content-type', 'text/plain')
      .send('x'.repeat(2048))
      .expect(413);
    await request(server)
      .get('/')
      .set('content-type', 'application/octet-stream')
      .send(Buffer.alloc(4096))
      .expect(413);

    expect(post.text).toBe('Request body too large');
    expect(post.headers['connection']).toBe('close');
  });

  it('lets requests without or with a small body through', async () => {
    const server = await appWithLimit(1024);

    await request(server).get('/').expect(200, 'ok');
    await request(server)
      .post('/')
      .set('content-type', 'text/plain')
      .send('x'.repeat(100))
      .expect(200);
  });
});
