import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { replyWithETag } from './conditional-get.ts';
import { createFastifyApp } from './fastify-app.ts';

async function appWithETag(etag: string) {
  let serialized = 0;
  const app = createFastifyApp({ maxBodyBytes: 1024 });
  app.get('/thing', (req, reply) =>
    replyWithETag(req, reply, etag, () => ({ serialized: ++serialized })),
  );
  await app.ready();
  return { server: app.server, serialized: () => serialized };
}

describe('replyWithETag', () => {
  it('answers with the body, its ETag and no-cache', async () => {
    const { server } = await appWithETag('"v1"');

    const response = await request(server).get('/thing').expect(200, { serialized: 1 });

    expect(response.headers['etag']).toBe('"v1"');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('answers 304 without making the body when If-None-Match holds the ETag, also in a list or weak', async () => {
    const { server, serialized } = await appWithETag('"v1"');

    for (const held of ['"v1"', 'W/"v1"', '"v0", "v1"', '*']) {
      const response = await request(server).get('/thing').set('If-None-Match', held).expect(304);
      expect(response.text).toBe('');
      expect(response.headers['etag']).toBe('"v1"');
    }
    expect(serialized()).toBe(0);
  });

  it('answers 200 when If-None-Match holds another ETag', async () => {
    const { server } = await appWithETag('"v2"');

    await request(server).get('/thing').set('If-None-Match', '"v1"').expect(200);
  });
});
