import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each retry (logging). */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 4, baseDelayMs: 200, maxDelayMs: 3000 };

const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Worth trying again: the network failed, the request timed out, or the
 * server said it is overloaded or broken (429, 5xx). A 4xx is our mistake
 * (bad filter, bad key) and fails at once.
 */
export function isTransientError(error: unknown): boolean {
  if (error instanceof MeilisearchRequestTimeOutError) return true;
  if (error instanceof MeilisearchRequestError) return true;
  if (error instanceof MeilisearchApiError) {
    const status = error.response.status;
    return status === 429 || status >= 500;
  }
  return false;
}

/** Exponential backoff: base, 2×base, 4×base… capped. Deterministic so behaviour is testable. */
export function backoffDelay(attempt: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
}

/** Runs fn, retrying transient failures with backoff; the last error is rethrown. */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = DEFAULT_RETRY): Promise<T> {
  const sleep = options.sleep ?? sleepMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= options.attempts || !isTransientError(error)) throw error;
      const delay = backoffDelay(attempt, options);
      options.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}
