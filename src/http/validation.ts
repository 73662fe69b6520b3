import type { z } from 'zod';
import { validationFailed, type FieldError } from '../errors.ts';

/** zod issues → field errors with dotted JSON paths, optionally under a prefix (`items.3`). */
export function toFieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    const join = (...parts: string[]) => parts.filter(Boolean).join('.');
    // One error per unknown field, each named by its own path.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ path: join(prefix, path, k), message: 'unknown field' }));
    }
    return [{ path: join(prefix, path), message: issue.message }];
  });
}

/** Parses or throws 422 naming every invalid field. */
export function parseOr422<T extends z.ZodType>(schema: T, data: unknown, prefix = ''): z.output<T> {
  const r = schema.safeParse(data);
  if (!r.success) throw validationFailed(toFieldErrors(r.error, prefix));
  return r.data;
}
