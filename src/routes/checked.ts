import type { z } from 'zod';
import { validationFailed, type Checked } from '../errors.ts';
import { toFieldErrors } from '../field-errors.ts';

/** Input through a zod schema, as a value or its field errors (pages redraw forms with them). */
export function checkWith<T extends z.ZodType>(schema: T, raw: unknown, prefix = ''): Checked<z.output<T>> {
  const r = schema.safeParse(raw);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: toFieldErrors(r.error, prefix) };
}

/** The API's answer to unchecked input: the value, or a 422 naming every field. */
export function valueOr422<T>(checked: Checked<T>): T {
  if (!checked.ok) throw validationFailed(checked.errors);
  return checked.value;
}

/** Chains a second check (one that needs the first's value) onto a first. */
export function andThen<T, U>(checked: Checked<T>, next: (value: T) => Checked<U>): Checked<U> {
  return checked.ok ? next(checked.value) : checked;
}

/** Parses or throws 422 naming every invalid field (checkWith then valueOr422). */
export function parseOr422<T extends z.ZodType>(schema: T, data: unknown, prefix = ''): z.output<T> {
  return valueOr422(checkWith(schema, data, prefix));
}
