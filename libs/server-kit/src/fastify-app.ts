import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { fastify, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { limitRequestBodies } from './request-limits.ts';

const validRequestId = /^[\w.:-]{1,128}$/;

/**
 * The request id of an incoming request: its `X-Request-Id` when well-formed (so one id follows a
 * request across services), otherwise a new UUID.
 */
export function requestIdOf(req: IncomingMessage, newId: () => string = randomUUID): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && validRequestId.test(incoming) ? incoming : newId();
}

export interface FastifyAppOptions {
  /** The largest request body accepted; larger ones are refused with 413 before anything reads them. */
  maxBodyBytes: number;
  /** Makes request ids (tests pass their own); default `randomUUID`. */
  newId?: () => string;
}

/**
 * The services validate what they receive with zod at their boundaries (`parseQuery`) and reply with
 * plain `JSON.stringify`: Fastify's JSON-schema compilers (ajv with its formats, fast-json-stringify)
 * would never run. Fastify builds them for every app unless it is given its own, and they were
 * ~24,000 objects of each service's heap, walked by every full garbage collection
 * (docs/performance.md). A route that declares a JSON schema fails at start-up, saying so.
 */
const noSchemaCompilers: NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
> = {
  buildValidator: () => (route) => {
    throw new Error(
      `${route.method} ${route.url} declares a JSON schema; these apps validate with zod (parseQuery), so Fastify's schema compilers are not loaded`,
    );
  },
  buildSerializer: () => (route) => {
    throw new Error(
      `${route.method} ${route.url} declares a response schema; these apps reply with JSON.stringify, so Fastify's schema compilers are not loaded`,
    );
  },
};

/**
 * A Fastify app with the settings every service shares: request ids from `X-Request-Id`, small
 * request bodies only, and no logging of its own (the `requestLogger` plugin writes one access line
 * per request through the service's logger). Routes, hooks and error handlers are the service's.
 * NOTE: Fastify, not express: a request costs about half the CPU in the frontend → backend hop
 * (ADR 010, docs/performance.md). The app is not bound to a port here: `listenHttp` does that in
 * `main.ts`, tests call `app.inject()` or serve `app.server` on port 0.
 *
 * @example
 * const app = createFastifyApp({ maxBodyBytes: 16 * 1024 });
 * app.register(opsRoutes, { health, metrics });
 */
export function createFastifyApp({
  maxBodyBytes,
  newId = randomUUID,
}: FastifyAppOptions): FastifyInstance {
  const app = fastify({
    logger: false,
    requestIdHeader: false,
    genReqId: (req) => requestIdOf(req, newId),
    bodyLimit: Math.max(1, maxBodyBytes),
    // Draining is listenHttp's job: requests on open connections are still served while it drains.
    return503OnClosing: false,
    schemaController: { compilersFactory: noSchemaCompilers },
  });
  app.register(limitRequestBodies, { maxBytes: maxBodyBytes });
  return app;
}
