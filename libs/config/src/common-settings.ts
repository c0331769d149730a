import { z } from 'zod';

/** The logical environments. Each one has a checked-in `config/<APP_ENV>.json` file. */
export const appEnvs = ['development', 'stage', 'production'] as const;
export type AppEnv = (typeof appEnvs)[number];

/** A TCP port; 0 asks the operating system for a free one (tests use it). */
export const portSchema = z.coerce
  .number({ error: 'expected a port number' })
  .int('expected a whole port number')
  .min(0, 'expected a port from 0 to 65535')
  .max(65535, 'expected a port from 0 to 65535');

/** An interface address to bind to, such as 127.0.0.1 or ::1. */
export const hostSchema = z
  .string()
  .trim()
  .min(1, 'expected an interface address such as 127.0.0.1')
  .regex(/^[\w.:-]+$/, 'expected an interface address such as 127.0.0.1');

/** A pino log level. */
export const logLevelSchema = z.enum([
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
]);

/** A positive duration in milliseconds. */
export const millisecondsSchema = z.coerce
  .number({ error: 'expected a duration in milliseconds' })
  .int('expected a whole number of milliseconds')
  .positive('expected a positive number of milliseconds');
