/**
 * The one error class. Thrown anywhere, rendered by the app's single onError:
 * JSON API callers get RFC 9457 problem+json, pages an error page.
 */
export interface FieldError {
  /** JSON path of the offending field, e.g. `baseSalary.value.minValue` or `items.3.title`. */
  path: string;
  message: string;
}

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors: FieldError[] = [],
    /** Extra response headers (Retry-After, WWW-Authenticate). */
    readonly headers: Record<string, string> = {},
    readonly type = 'about:blank',
  ) {
    super(detail ?? title);
    this.name = 'ProblemError';
  }
}

export const badRequest = (detail: string, errors: FieldError[] = []) =>
  new ProblemError(400, 'Bad Request', detail, errors);
export const validationFailed = (errors: FieldError[]) =>
  new ProblemError(422, 'Validation failed', `${errors.length} field(s) are invalid`, errors);
export const unauthorized = (detail: string) =>
  new ProblemError(401, 'Unauthorized', detail, [], { 'WWW-Authenticate': 'Bearer' });
export const forbidden = (detail: string) => new ProblemError(403, 'Forbidden', detail);
export const notFound = (what: string) => new ProblemError(404, 'Not Found', `${what} was not found`);
export const databaseBusy = () =>
  new ProblemError(503, 'Service busy', 'The database is busy with another write (an import or scrape); nothing was stored, retry shortly', [], { 'Retry-After': '2' });

/** The outcome of checking input: the value, or every field error (a page redraws its form with them, the API answers 422). */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };
