import type { z } from 'zod';

/** One configuration key: the environment variable that sets it, its schema, default and meaning. */
export interface Setting<S extends z.ZodType = z.ZodType> {
  /** The environment variable (and key in the per-environment JSON file), e.g. `HTTP_PORT`. */
  env: string;
  /** Validates and converts the raw string (or JSON value) into the typed value. */
  schema: S;
  /** The value for local development, used when neither the file nor the environment sets one. */
  default?: z.input<S>;
  /** What the setting means, shown in docs and error messages. */
  doc: string;
  /** A secret value is never echoed back in error messages or logs. */
  secret?: boolean;
}

/** A service's whole configuration schema: one named setting per key. */
export type ConfigSchema = Record<string, Setting>;

/** The typed configuration object a schema produces. */
export type ConfigOf<C extends ConfigSchema> = { [K in keyof C]: z.output<C[K]['schema']> };

/**
 * Declares one setting, keeping the schema's type for `ConfigOf`.
 *
 * @example
 * const schema = { httpPort: setting({ env: 'HTTP_PORT', schema: port, default: 8080, doc: 'HTTP listener' }) };
 */
export function setting<S extends z.ZodType>(definition: Setting<S>): Setting<S> {
  return definition;
}
