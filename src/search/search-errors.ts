import { ProblemError } from '../errors.ts';

/**
 * The two ways a search fails that the caller can act on, as the API's one
 * error class so every route that searches (the search API, matching, pages)
 * answers alike without mapping engine errors itself.
 */

/** The query itself is too costly to run (too many terms, too-short prefixes): 422 naming `q`. */
export function queryTooCostly(message: string): ProblemError {
  return new ProblemError(422, 'Validation failed', `q: ${message}`, [{ path: 'q', message }]);
}

/** Seconds a client should wait before trying again when search is unavailable. */
export const SEARCH_RETRY_AFTER_SECONDS = 5;

/**
 * The engine cannot answer now (unreachable, overloaded, over its time
 * budget): 503 with Retry-After, so a client backs off instead of treating it
 * as a bug in its request.
 */
export function searchUnavailable(detail: string, retryAfterSeconds = SEARCH_RETRY_AFTER_SECONDS): ProblemError {
  return new ProblemError(503, 'Search unavailable', detail, [], { 'Retry-After': String(retryAfterSeconds) });
}
