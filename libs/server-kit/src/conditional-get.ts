import type { FastifyReply, FastifyRequest } from 'fastify';
import fresh from 'fresh';

/**
 * Answers a GET with `body()` and its ETag, or with 304 Not Modified and no body when the request's
 * `If-None-Match` already holds that ETag (compared as RFC 9110 says, by `fresh`). Caches must ask
 * again every time (`Cache-Control: no-cache`), and a 304 costs no serialization.
 * NOTE: the ETag comes from a version of the data (a database row version, a hash made once), not
 * from hashing every response: that is what makes a conditional GET cheaper than a full one.
 *
 * @example
 * return replyWithETag(request, reply, `"${await catalog.revision()}"`, () => page);
 */
export function replyWithETag(
  request: FastifyRequest,
  reply: FastifyReply,
  etag: string,
  body: () => unknown,
): FastifyReply {
  void reply.header('etag', etag).header('cache-control', 'no-cache');
  if (fresh(request.headers, { etag })) return reply.code(304).send();
  return reply.send(body());
}
