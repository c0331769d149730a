import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets.ts';

describe('redactSecrets', () => {
  it('censors secret keys at the top level and in nested objects and arrays, in any letter case', () => {
    const redacted = redactSecrets({
      password: 'hunter2',
      user: { name: 'ada', Token: 'abc' },
      req: { headers: { Authorization: 'Bearer xyz', 'set-cookie': ['sid=1'], accept: '*/*' } },
      attempts: [{ secret: 's' }, 'plain'],
    });

    expect(redacted).toEqual({
      password: '[redacted]',
      user: { name: 'ada', Token: '[redacted]' },
      req: { headers: { Authorization: '[redacted]', 'set-cookie': '[redacted]', accept: '*/*' } },
      attempts: [{ secret: '[redacted]' }, 'plain'],
    });
  });

  it('never changes the objects it is given, and returns clean ones as they are', () => {
    const nested = { token: 'abc' };
    const input = { a: nested, clean: { method: 'GET' } };

    const redacted = redactSecrets(input);

    expect(nested).toEqual({ token: 'abc' });
    expect(redacted.clean).toBe(input.clean);
    const clean = { req: { method: 'GET', path: '/' }, res: { statusCode: 200 } };
    expect(redactSecrets(clean)).toBe(clean);
  });

  it('stops at four levels and survives cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['self'] = cyclic;

    expect(redactSecrets(cyclic)).toBe(cyclic);
    expect(redactSecrets({ a: { b: { c: { password: 'x' } } } })).toEqual({
      a: { b: { c: { password: '[redacted]' } } },
    });
  });

  it('censors the properties of errors, keeping their class, message and stack', () => {
    const error = Object.assign(new TypeError('boom'), { code: 'E_X', config: { token: 'abc' } });

    const redacted = redactSecrets({ err: error }).err;

    expect(redacted).toBeInstanceOf(TypeError);
    expect(redacted).toMatchObject({
      message: 'boom',
      code: 'E_X',
      config: { token: '[redacted]' },
    });
    expect(redacted.stack).toBe(error.stack);
    expect(error.config.token).toBe('abc');
  });

  it('leaves other class instances as they are', () => {
    const when = new Date(0);
    const url = new URL('http://user:pw@example.invalid/');

    expect(redactSecrets({ when, url })).toEqual({ when, url });
  });
});
