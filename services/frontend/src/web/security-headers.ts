import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers for the pages (helmet). The Content-Security-Policy is strict because the pages
 * need nothing else: no scripts at all, styles and images only from this origin, no frames, no
 * plugins, forms only to this origin.
 * NOTE: escaping every value in the templates is the first defence against injected HTML; this CSP
 * is the second: even markup that slipped through could not run a script.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    // Served over plain HTTP in development; HSTS belongs on the TLS-terminating edge.
    strictTransportSecurity: false,
  });
}
