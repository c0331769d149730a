import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { listenHttp, type HttpListener } from './http-listener.ts';

let listener: HttpListener | undefined;
const agent = new Agent({ keepAliveTimeout: 10_000 });
afterEach(async () => {
  await listener?.close(100);
  listener = undefined;
});

/** A handler that answers after `delayMs`; `received` resolves once a request has arrived. */
function slowApp(delayMs: number) {
  let arrived: () => void;
  const received = new Promise<void>((resolve) => (arrived = resolve));
  const handler = (_req: unknown, res: { end(body: string): void }) => {
    arrived();
    void sleep(delayMs).then(() => res.end('done'));
  };
  return Object.assign(handler, { received });
}

describe('listenHttp', () => {
  it('binds to the given interface on a free port when asked for port 0', async () => {
    listener = await listenHttp((_req, res) => res.end('hi'), { host: '127.0.0.1', port: 0 });

    expect(listener.port).toBeGreaterThan(0);
    expect(listener.url).toBe(`http://127.0.0.1:${listener.port}`);
    const response = await request(listener.url, { dispatcher: agent });
    expect(await response.body.text()).toBe('hi');
  });

  it('lets in-flight requests finish after close, then refuses new connections', async () => {
    const app = slowApp(300);
    listener = await listenHttp(app, { host: '127.0.0.1', port: 0 });
    const url = listener.url;
    const inFlight = request(url, { dispatcher: agent }).then(async (r) => ({
      status: r.statusCode,
      body: await r.body.text(),
    }));
    await app.received;

    const closing = listener.close(5_000);

    await expect(request(url, { dispatcher: new Agent() })).rejects.toThrow(/ECONNREFUSED/);
    expect(await inFlight).toEqual({ status: 200, body: 'done' });
    expect(await closing).toBe(true);
    listener = undefined;
  });

  it('closes idle keep-alive connections instead of waiting for them to time out', async () => {
    listener = await listenHttp((_req, res) => res.end('ok'), { host: '127.0.0.1', port: 0 });
    await (await request(listener.url, { dispatcher: agent })).body.text();

    const started = Date.now();
    expect(await listener.close(5_000)).toBe(true);
    expect(Date.now() - started).toBeLessThan(4_000);
    listener = undefined;
  });

  it('cuts requests that outlive the grace period and reports that it could not drain', async () => {
    const app = slowApp(10_000);
    listener = await listenHttp(app, { host: '127.0.0.1', port: 0 });
    const inFlight = request(listener.url, { dispatcher: agent }).catch((error: Error) => error);
    await app.received;

    expect(await listener.close(100)).toBe(false);
    expect(await inFlight).toBeInstanceOf(Error);
    listener = undefined;
  });
});
