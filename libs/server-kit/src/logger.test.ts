import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('writes JSON lines with level, time, message, service and environment', () => {
    const { lines, stream } = capture();

    createLogger({ service: 'backend', env: 'stage', level: 'info' }, stream).info(
      { productId: 'mug' },
      'product viewed',
    );

    expect(lines).toEqual([
      {
        level: 30,
        levelName: 'info',
        time: expect.any(Number),
        service: 'backend',
        env: 'stage',
        productId: 'mug',
        msg: 'product viewed',
      },
    ]);
  });

  it('replaces secrets, tokens and credentials headers wherever they appear in a line', () => {
    const { lines, stream } = capture();
    const log = createLogger({ service: 'frontend', env: 'development', level: 'info' }, stream);

    log.info(
      {
        password: 'hunter2',
        user: { token: 'abc', name: 'ada' },
        req: { headers: { authorization: 'Bearer xyz', cookie: 'sid=1', accept: 'text/html' } },
      },
      'login',
    );

    expect(lines[0]).toMatchObject({
      password: '[redacted]',
      user: { token: '[redacted]', name: 'ada' },
      req: { headers: { authorization: '[redacted]', cookie: '[redacted]', accept: 'text/html' } },
    });
    expect(JSON.stringify(lines)).not.toMatch(/hunter2|Bearer xyz|sid=1|"abc"/);
  });

  it('replaces secrets in the bindings of child loggers too', () => {
    const { lines, stream } = capture();
    const log = createLogger({ service: 'frontend', env: 'development', level: 'info' }, stream);

    log.child({ session: { token: 'abc' } }).info('in a child');

    expect(lines[0]).toMatchObject({ session: { token: '[redacted]' }, msg: 'in a child' });
  });

  it('respects the configured level', () => {
    const { lines, stream } = capture();
    const log = createLogger({ service: 'backend', env: 'production', level: 'warn' }, stream);

    log.info('hidden');
    log.warn('shown');

    expect(lines.map((line) => line['msg'])).toEqual(['shown']);
  });
});
