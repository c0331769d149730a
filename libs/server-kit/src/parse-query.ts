import { InvalidArgumentError } from '@sample/errors';
import { z } from 'zod';

/** A query parameter given at most once, as a plain string (not `?a=1&a=2`, not `?a[b]=1`). */
export const singleQueryValue = z.string({ error: 'must be given once, as a plain value' });

/**
 * Validates an HTTP query string with a zod schema at the boundary: unknown parameters are ignored,
 * and any invalid one becomes an InvalidArgumentError (400) naming the parameter.
 *
 * @example
 * const { pageSize } = parseQuery(req.query, z.object({ pageSize: z.coerce.number().int().optional() }));
 */
export function parseQuery<S extends z.ZodType>(query: unknown, schema: S): z.output<S> {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new InvalidArgumentError(`${issue.path.join('.') || 'query'} ${issue.message}`);
}
