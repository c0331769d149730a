import type { RequestHandler } from 'express';

/**
 * Refuses request bodies larger than `maxBytes` with 413, before anything reads them. The services
 * serve reads only, so their limit is small; Node itself caps the request head at 16 KB (431).
 */
export function limitRequestBodies({ maxBytes }: { maxBytes: number }): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (declared > maxBytes || (chunked && maxBytes === 0)) {
      res.set('Connection', 'close').status(413).type('text/plain').send('Request body too large');
      return;
    }
    next();
  };
}
