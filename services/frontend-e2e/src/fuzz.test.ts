import { connect as connectHttp2 } from 'node:http2';
import { connect as connectTcp } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.ts';

// Hostile input thrown at the real service processes. A fixed seed makes every run send the same
// requests, so a failure can be replayed.
let seed = 20261122;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const garbage = (length: number) =>
  Array.from({ length }, () => String.fromCharCode(Math.floor(random() * 0xd7ff))).join('');
// Header values may only hold Latin-1 characters (a client refuses anything else before sending).
const headerGarbage = (length: number) =>
  Array.from({ length }, () =>
    String.fromCharCode(
      random() < 0.8 ? 0x21 + Math.floor(random() * 94) : 0xa0 + Math.floor(random() * 96),
    ),
  ).join('');
const bytes = (length: number) =>
  Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));

const oddValues = [
  '',
  '-1',
  '1e9',
  'NaN',
  '0x10',
  '%00',
  '%ff%fe',
  "' OR 1=1 --",
  '<script>',
  '../../etc/passwd',
  'A'.repeat(5000),
  '{"$gt":""}',
  '🙂'.repeat(300),
];
const oddPaths = [
  '/../../etc/passwd',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/products/..%2f..%2fetc%2fpasswd',
  '/products/%00',
  '/products/' + 'x'.repeat(3000),
  '/static/../package.json',
  '/static/%2e%2e/config/production.json',
  '//evil.example/',
  '/products/%E0%A4%A',
];

function malformedHttpRequest(base: 'backend' | 'frontend'): { path: string; init: RequestInit } {
  const kind = Math.floor(random() * 5);
  if (kind === 0) {
    const parameter =
      base === 'backend' ? pick(['pageSize', 'pageToken', 'tag']) : pick(['page', 'tag']);
    const path = base === 'backend' ? '/v1/products' : '/';
    return {
      path: `${path}?${parameter}=${encodeURIComponent(pick(oddValues) + garbage(Math.floor(random() * 50)))}`,
      init: {},
    };
  }
  if (kind === 1) return { path: pick(oddPaths), init: {} };
  if (kind === 2) {
    const body = pick([
      '{"broken":',
      '[1,2',
      'null',
      '\u0000\u0001',
      garbage(200),
      JSON.stringify({ a: 'x'.repeat(200_000) }),
    ]);
    return {
      path: base === 'backend' ? '/v1/products' : '/',
      init: {
        method: pick(['POST', 'PUT', 'PATCH', 'DELETE']),
        body,
        headers: { 'content-type': 'application/json' },
      },
    };
  }
  if (kind === 3) {
    return {
      path: base === 'backend' ? '/v1/products/brass-pen' : '/',
      init: {
        headers: {
          'if-none-match': headerGarbage(100),
          'x-request-id': headerGarbage(300),
          accept: headerGarbage(80),
        },
      },
    };
  }
  return {
    path: `${base === 'backend' ? '/v1/products/' : '/products/'}${encodeURIComponent(garbage(Math.floor(random() * 200)))}`,
    init: {},
  };
}

/** V8's used heap, from the service's own metrics. */
async function usedHeap(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^nodejs_heap_size_used_bytes\{[^}]*\} (\d+)/m.exec(text)?.[1]);
}

/** A request with an oversized header, written on a raw socket: the answer's status line. */
function rawRequest(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connectTcp(Number(port), hostname, () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += String(chunk)));
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', () => resolve('connection error'));
  });
}

/** Sends one gRPC call whose body is `body`, over a raw HTTP/2 stream; resolves the grpc-status. */
function rawGrpcCall(
  session: ReturnType<typeof connectHttp2>,
  method: string,
  body: Buffer,
): Promise<string> {
  return new Promise((resolve) => {
    const stream = session.request({
      ':method': 'POST',
      ':path': `/catalog.v1.CatalogService/${method}`,
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    let status = 'none';
    stream.on('response', (headers) => (status = String(headers['grpc-status'] ?? status)));
    stream.on('trailers', (trailers) => (status = String(trailers['grpc-status'] ?? status)));
    stream.on('close', () => resolve(status));
    stream.on('error', () => resolve('stream error'));
    stream.on('data', () => {});
    stream.end(body);
  });
}

let stack: Stack;
beforeAll(async () => {
  // A small heap limit makes the garbage collector work for real: memory that leaked would crash
  // the process (out of memory) long before the end, instead of hiding in a heap allowed to grow.
  stack = await startStack({ nodeOptions: '--max-old-space-size=64' });
});
afterAll(() => stack?.stop());

describe('hostile input', () => {
  it.each(['backend', 'frontend'] as const)(
    '1,000 malformed HTTP requests to the %s: no crash, no 5xx, memory flat',
    async (service) => {
      const url = service === 'backend' ? stack.backendHttpUrl : stack.frontendUrl('grpc');
      const statuses = new Map<number, number>();
      const send = () =>
        Promise.all(
          Array.from({ length: 20 }, async () => {
            const { path, init } = malformedHttpRequest(service);
            const response = await fetch(`${url}${path}`, { ...init, redirect: 'manual' });
            await response.arrayBuffer();
            return response.status;
          }),
        );
      // Warm up first (templates compiled, code optimised), then measure from there.
      for (let batch = 0; batch < 10; batch++) await send();
      const before = await usedHeap(url);

      for (let batch = 0; batch < 50; batch++) {
        const answers = await send();
        for (const status of answers) statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
      const oversized = await rawRequest(
        url,
        `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`,
      );
      const broken = await rawRequest(url, 'GET /\u0000 HTTP/9.9\r\n\r\n');

      expect([...statuses.values()].reduce((a, b) => a + b)).toBe(1000);
      expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
      // Node answers 431 or cuts the connection while the client is still sending: refused either way.
      expect(oversized).toMatch(/^HTTP\/1\.1 4\d\d|^connection error$/);
      expect(broken).toMatch(/^HTTP\/1\.1 4\d\d|^$/);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const process = service === 'backend' ? stack.backend : stack.frontends.grpc;
      expect(process.child.exitCode).toBeNull();
      // Flat: after the warm-up, 1,000 more requests leave no more than garbage not yet collected.
      const after = await usedHeap(url);
      expect(
        after,
        `used heap ${Math.round(before / 1e6)} MB → ${Math.round(after / 1e6)} MB`,
      ).toBeLessThan(before + 24 * 1024 * 1024);
    },
  );

  it('1,000 malformed gRPC messages to the backend: each answered with a status, the server stays up', async () => {
    const { grpcAddress } = stack.backend.ready as { grpcAddress: string };
    const session = connectHttp2(`http://${grpcAddress}`);
    const statuses = new Map<string, number>();

    for (let batch = 0; batch < 50; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => {
          const kind = random();
          const payload = bytes(Math.floor(random() * 64));
          // Random bytes; a frame whose length prefix lies; a valid frame holding wrongly typed fields.
          const body =
            kind < 0.34
              ? payload
              : kind < 0.67
                ? Buffer.concat([Buffer.from([0, 0, 0, 255, 255]), payload])
                : Buffer.concat([
                    Buffer.from([0, 0, 0, 0, payload.length + 2]),
                    Buffer.from([0x08, 0x96]),
                    payload,
                  ]);
          return rawGrpcCall(session, pick(['ListProducts', 'GetProduct']), body);
        }),
      );
      for (const status of answers) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    session.close();

    expect([...statuses.values()].reduce((a, b) => a + b)).toBe(1000);
    expect([...statuses.keys()].every((status) => /^\d+$/.test(status))).toBe(true);
    expect(stack.backend.child.exitCode).toBeNull();
    expect((await fetch(`${stack.backendHttpUrl}/readyz`)).status).toBe(200);
  });
});
