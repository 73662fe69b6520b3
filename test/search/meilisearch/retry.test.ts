import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';
import { describe, expect, it } from 'vitest';
import { backoffDelay, isTransientError, withRetry } from '../../../src/search/meilisearch/retry.ts';

const apiError = (status: number, code = 'internal') =>
  new MeilisearchApiError(new Response('', { status }), { message: `status ${status}`, code, type: 'internal', link: '' });

describe('isTransientError', () => {
  it('retries network failures, request timeouts, 429 and 5xx', () => {
    expect(isTransientError(new MeilisearchRequestError('http://127.0.0.1:7700/health', new TypeError('fetch failed')))).toBe(true);
    expect(isTransientError(new MeilisearchRequestTimeOutError(1000, {}))).toBe(true);
    expect(isTransientError(apiError(503))).toBe(true);
    expect(isTransientError(apiError(500))).toBe(true);
    expect(isTransientError(apiError(429))).toBe(true);
  });

  it('does not retry our own mistakes or unknown errors', () => {
    expect(isTransientError(apiError(400, 'invalid_search_filter'))).toBe(false);
    expect(isTransientError(apiError(403, 'invalid_api_key'))).toBe(false);
    expect(isTransientError(apiError(404, 'index_not_found'))).toBe(false);
    expect(isTransientError(new Error('boom'))).toBe(false);
  });
});

describe('withRetry', () => {
  const delays: number[] = [];
  const options = { attempts: 4, baseDelayMs: 100, maxDelayMs: 250, sleep: async (ms: number) => void delays.push(ms) };

  it('retries transient failures with capped exponential backoff, then succeeds', async () => {
    delays.length = 0;
    let calls = 0;
    const value = await withRetry(async () => {
      calls++;
      if (calls < 4) throw apiError(503);
      return 'ok';
    }, options);
    expect(value).toBe('ok');
    expect(calls).toBe(4);
    expect(delays).toEqual([100, 200, 250]);
  });

  it('gives up after the last attempt with the last error', async () => {
    delays.length = 0;
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw new MeilisearchRequestError('http://x', new Error(`down ${calls}`));
      }, options),
    ).rejects.toBeInstanceOf(MeilisearchRequestError);
    expect(calls).toBe(4);
    expect(delays).toHaveLength(3);
  });

  it('fails at once on a permanent error', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw apiError(400, 'invalid_search_filter');
      }, options),
    ).rejects.toThrow('status 400');
    expect(calls).toBe(1);
  });

  it('computes backoff delays', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, { baseDelayMs: 200, maxDelayMs: 3000 }))).toEqual([200, 400, 800, 1600, 3000]);
  });
});
