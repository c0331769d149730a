import { InvalidArgumentError } from '@sample/errors';

/** What a page token remembers: where the previous page ended, and the filter it was made for. */
export interface PageCursor {
  afterId: string;
  tag: string;
}

/**
 * Page tokens are opaque to clients (base64url JSON here): clients must not build or parse them, so
 * the server can change pagination without breaking anyone.
 */
export function encodePageToken(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify({ v: 1, a: cursor.afterId, t: cursor.tag })).toString(
    'base64url',
  );
}

export function decodePageToken(token: string): PageCursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidToken();
  }
  if (!isCursorJson(decoded)) throw invalidToken();
  return { afterId: decoded.a, tag: decoded.t };
}

function isCursorJson(value: unknown): value is { v: 1; a: string; t: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { v, a, t } = value as Record<string, unknown>;
  return v === 1 && typeof a === 'string' && a.length > 0 && typeof t === 'string';
}

function invalidToken(): InvalidArgumentError {
  return new InvalidArgumentError(
    'page_token is invalid: pass the next_page_token of a previous response',
  );
}
