import fastifyPlugin from 'fastify-plugin';

/**
 * Refuses request bodies larger than `maxBytes` with 413, before anything reads them, on every
 * route (also those that never parse a body). The services serve reads only, so their limit is
 * small; Node itself caps the request head at 16 KB (431).
 */
export const limitRequestBodies = fastifyPlugin<{ maxBytes: number }>(
  (app, { maxBytes }, done) => {
    app.addHook('onRequest', (request, reply, next) => {
      const declared = Number(request.headers['content-length'] ?? 0);
      const chunked = request.headers['transfer-encoding'] !== undefined;
      if (declared > maxBytes || (chunked && maxBytes === 0)) {
        void reply
          .code(413)
          .header('connection', 'close')
          .type('text/plain; charset=utf-8')
          .send('Request body too large');
        return;
      }
      next();
    });
    done();
  },
  { name: '@sample/server-kit/limit-request-bodies' },
);
