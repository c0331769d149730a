import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hostSchema, logLevelSchema, portSchema } from './common-settings.ts';
import { ConfigError } from './config-error.ts';
import { loadConfig } from './load-config.ts';
import { serverSettings } from './server-settings.ts';
import { setting } from './setting.ts';

const schema = {
  host: setting({
    env: 'HOST',
    schema: hostSchema,
    default: '127.0.0.1',
    doc: 'interface to bind',
  }),
  httpPort: setting({ env: 'HTTP_PORT', schema: portSchema, default: 8080, doc: 'HTTP port' }),
  logLevel: setting({
    env: 'LOG_LEVEL',
    schema: logLevelSchema,
    default: 'info',
    doc: 'log level',
  }),
  apiToken: setting({
    env: 'API_TOKEN',
    schema: z.string().min(20, 'expected at least 20 characters'),
    default: 'x'.repeat(20),
    doc: 'token',
    secret: true,
  }),
};

function filesFrom(files: Record<string, object>) {
  return {
    configDir: '/config',
    readFile: (path: string) => {
      const file = files[path];
      if (!file) throw new Error(`ENOENT: no such file ${path}`);
      return JSON.stringify(file);
    },
  };
}

const emptyFiles = filesFrom({
  '/config/development.json': {},
  '/config/stage.json': {},
  '/config/production.json': {},
});

describe('loadConfig', () => {
  it('uses the defaults for local development when nothing is set', () => {
    const config = loadConfig(schema, {}, emptyFiles);

    expect(config).toEqual({
      appEnv: 'development',
      host: '127.0.0.1',
      httpPort: 8080,
      logLevel: 'info',
      apiToken: 'x'.repeat(20),
    });
  });

  it('reads the checked-in file of the environment named by APP_ENV', () => {
    const files = filesFrom({ '/config/production.json': { LOG_LEVEL: 'warn', HTTP_PORT: 9000 } });

    const config = loadConfig(schema, { APP_ENV: 'production' }, files);

    expect(config).toMatchObject({ appEnv: 'production', logLevel: 'warn', httpPort: 9000 });
  });

  it('lets environment variables override the file, converting their strings', () => {
    const files = filesFrom({ '/config/stage.json': { LOG_LEVEL: 'warn', HTTP_PORT: 9000 } });

    const config = loadConfig(
      schema,
      { APP_ENV: 'stage', HTTP_PORT: '9100', LOG_LEVEL: 'debug' },
      files,
    );

    expect(config).toMatchObject({ appEnv: 'stage', logLevel: 'debug', httpPort: 9100 });
  });

  it('names every bad variable and where its value came from in one error', () => {
    const files = filesFrom({ '/config/development.json': { LOG_LEVEL: 'loud' } });

    const error = captureError(() => loadConfig(schema, { HTTP_PORT: 'eighty', HOST: ' ' }, files));

    expect(error.issues.map((issue) => [issue.variable, issue.source])).toEqual([
      ['HOST', 'environment'],
      ['HTTP_PORT', 'environment'],
      ['LOG_LEVEL', 'config/development.json'],
    ]);
    expect(error.message).toContain('Invalid configuration for APP_ENV=development');
    expect(error.message).toMatch(/HTTP_PORT \(environment\): .*port.*got "eighty"/);
    expect(error.message).toContain('LOG_LEVEL (config/development.json)');
  });

  it('rejects ports out of range and fractional ports', () => {
    expect(
      captureError(() => loadConfig(schema, { HTTP_PORT: '70000' }, emptyFiles)).issues[0]
        ?.variable,
    ).toBe('HTTP_PORT');
    expect(
      captureError(() => loadConfig(schema, { HTTP_PORT: '80.5' }, emptyFiles)).issues[0]?.variable,
    ).toBe('HTTP_PORT');
  });

  it('rejects an unknown APP_ENV, listing the valid ones', () => {
    const error = captureError(() => loadConfig(schema, { APP_ENV: 'prod' }, emptyFiles));

    expect(error.issues).toEqual([
      {
        variable: 'APP_ENV',
        source: 'environment',
        message: 'expected one of development, stage, production',
      },
    ]);
  });

  it('rejects a misspelled key in a checked-in file instead of ignoring it', () => {
    const files = filesFrom({ '/config/development.json': { LOG_LEVLE: 'debug' } });

    const error = captureError(() => loadConfig(schema, {}, files));

    expect(error.issues[0]).toMatchObject({
      variable: 'LOG_LEVLE',
      source: 'config/development.json',
    });
  });

  it('never echoes the value of a secret setting', () => {
    const error = captureError(() => loadConfig(schema, { API_TOKEN: 'hunter2' }, emptyFiles));

    expect(error.message).toContain('API_TOKEN');
    expect(error.message).not.toContain('hunter2');
  });

  it('reports a config file that is missing or not JSON as a config error', () => {
    expect(
      captureError(() => loadConfig(schema, { APP_ENV: 'stage' }, filesFrom({}))).message,
    ).toContain('cannot read the config file');
    const broken = { configDir: '/config', readFile: () => '{ not json' };
    expect(captureError(() => loadConfig(schema, {}, broken)).message).toContain(
      'cannot read the config file',
    );
  });
});

function captureError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('serverSettings', () => {
  it('gives every service the same listener settings with its own default HTTP port', () => {
    const config = loadConfig(
      { ...serverSettings({ httpPort: 3000 }) },
      { SHUTDOWN_GRACE_MS: '2500' },
      emptyFiles,
    );

    expect(config).toEqual({
      appEnv: 'development',
      host: '127.0.0.1',
      httpPort: 3000,
      logLevel: 'info',
      shutdownGraceMs: 2500,
    });
  });
});
