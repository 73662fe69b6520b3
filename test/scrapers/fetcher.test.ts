import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contentTypeFits } from '../../scrapers/fetch/content-kind.ts';
import { FetchError } from '../../scrapers/fetch/fetch-error.ts';
import { createFetcher, type FetcherOptions } from '../../scrapers/fetch/fetcher.ts';
import { backoffDelay, parseRetryAfter } from '../../scrapers/fetch/retry-after.ts';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server.ts';

const UA = 'flightpath-test-bot/1.0 (+https://example.org/bot)';
let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(() => site.close());
beforeEach(() => site.reset());

/** A fetcher whose sleeps are recorded, not slept, so backoff is tested fast. */
function fetcher(extra: Partial<FetcherOptions> = {}) {
  const sleeps: number[] = [];
  const f = createFetcher({
    userAgent: UA,
    minDelayMs: 0,
    backoffBaseMs: 100,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...extra,
  });
  return { f, sleeps };
}

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error('expected a FetchError');
}

describe('polite fetcher', () => {
  it('fetches a page with the identifying User-Agent after reading robots.txt', async () => {
    const { f } = fetcher();
    const out = await f.fetch(`${site.url}/board/jobs.html`, { kind: 'html' });
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    expect(out.body).toContain('Current vacancies');
    expect(out.validators.etag).toMatch(/^"/);
    expect(site.requests.map((r) => r.path)).toEqual(['/robots.txt', '/board/jobs.html']);
    expect(site.requests.every((r) => r.userAgent === UA)).toBe(true);
  });

  it('skips paths robots.txt disallows, without requesting them, and caches robots.txt per host', async () => {
    const { f } = fetcher();
    const out = await f.fetch(`${site.url}/private/job/107.html`, { kind: 'html' });
    expect(out).toMatchObject({ kind: 'skipped', reason: 'disallowed by robots.txt' });
    await f.fetch(`${site.url}/board/jobs.html`, { kind: 'html' });
    expect(site.requests.map((r) => r.path)).toEqual(['/robots.txt', '/board/jobs.html']);
  });

  it('times out a slow page', async () => {
    const { f } = fetcher({ timeoutMs: 300, retries: 1 });
    const err = await failure(f.fetch(`${site.url}/slow`, { kind: 'html' }));
    expect(err.kind).toBe('timeout');
    expect(err.message).toContain('timed out after 300 ms (after 2 attempts)');
  });

  it('retries a 503 after the Retry-After seconds and then succeeds', async () => {
    const { f, sleeps } = fetcher();
    const out = await f.fetch(`${site.url}/busy`, { kind: 'html' });
    expect(out.kind).toBe('ok');
    expect(sleeps).toEqual([1000, 1000]);
    expect(site.requests.filter((r) => r.path === '/busy').map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('caps a Retry-After date far in the future', async () => {
    const { f, sleeps } = fetcher({ retryAfterCapMs: 5000 });
    site.busyFailures = 1;
    const out = await f.fetch(`${site.url}/ratelimited`, { kind: 'html' });
    expect(out.kind).toBe('ok');
    expect(sleeps).toEqual([5000]);
  });

  it('backs off exponentially with jitter and gives up after the retries', async () => {
    const { f, sleeps } = fetcher({ retries: 3, backoffBaseMs: 100, backoffMaxMs: 10_000 });
    const err = await failure(f.fetch(`${site.url}/always-503`, { kind: 'html' }));
    expect(err).toMatchObject({ kind: 'http', status: 503 });
    // random() = 0.5: base + half of (base·2^n − base)
    expect(sleeps).toEqual([100, 150, 250]);
    expect(site.requests.filter((r) => r.path === '/always-503')).toHaveLength(4);
  });

  it('retries a dropped connection', async () => {
    const { f, sleeps } = fetcher();
    const out = await f.fetch(`${site.url}/flaky`, { kind: 'html' });
    expect(out.kind).toBe('ok');
    expect(sleeps).toHaveLength(1);
  });

  it('does not retry a 404', async () => {
    const { f, sleeps } = fetcher();
    const err = await failure(f.fetch(`${site.url}/nope.html`, { kind: 'html' }));
    expect(err).toMatchObject({ kind: 'http', status: 404 });
    expect(sleeps).toEqual([]);
  });

  it('detects a redirect loop', async () => {
    const { f } = fetcher();
    const err = await failure(f.fetch(`${site.url}/loop/a`, { kind: 'html' }));
    expect(err.kind).toBe('redirect');
    expect(err.message).toMatch(/redirect loop at .*\/loop\/a/);
    const limited = await failure(fetcher({ maxRedirects: 0 }).f.fetch(`${site.url}/loop/a`, { kind: 'html' }));
    expect(limited.message).toBe('more than 0 redirects');
  });

  it('stops reading a response over the size limit, streamed or declared', async () => {
    const { f } = fetcher({ maxBytes: 1024 * 1024 });
    expect((await failure(f.fetch(`${site.url}/big`, { kind: 'html' }))).kind).toBe('too-large');
    expect((await failure(f.fetch(`${site.url}/big-declared`, { kind: 'html' }))).message).toMatch(/over the 1048576-byte limit/);
  });

  it('refuses an unexpected content type', async () => {
    const { f } = fetcher();
    const err = await failure(f.fetch(`${site.url}/image`, { kind: 'html' }));
    expect(err.kind).toBe('content-type');
    expect(err.message).toContain('image/png');
  });

  it('decodes gzip and brotli responses', async () => {
    const { f } = fetcher();
    const gz = await f.fetch(`${site.url}/gzip`, { kind: 'html' });
    const br = await f.fetch(`${site.url}/br`, { kind: 'html' });
    expect(gz.kind === 'ok' && gz.body).toContain('Care Assistant (Nights)');
    expect(br.kind === 'ok' && br.body).toContain('Warehouse Operative');
  });

  it('sends If-None-Match from the validator store and returns the memo on 304', async () => {
    const first = await fetcher().f.fetch(`${site.url}/board/job/101.html`, { kind: 'html' });
    if (first.kind !== 'ok') throw new Error('expected ok');
    const memo = { refs: ['x'] };
    const { f } = fetcher({ validators: { get: () => ({ etag: first.validators.etag, lastModified: null, memo }) } });
    const again = await f.fetch(`${site.url}/board/job/101.html`, { kind: 'html', conditional: true });
    expect(again).toEqual({ kind: 'not-modified', url: `${site.url}/board/job/101.html`, memo });
    expect(site.requests.at(-1)).toMatchObject({ status: 304, ifNoneMatch: first.validators.etag });
  });

  it('never exceeds the per-host concurrency, measured at the server', async () => {
    site.latencyMs = 30;
    const { f } = createFetcherWithRealSleep({ perHostConcurrency: 2, globalConcurrency: 8 });
    const urls = Array.from({ length: 20 }, (_, i) => `${site.url}/board/job/10${(i % 4) + 1}.html?i=${i}`);
    const outs = await Promise.all(urls.map((u) => f.fetch(u, { kind: 'html' })));
    expect(outs.every((o) => o.kind === 'ok')).toBe(true);
    expect(site.maxActive).toBe(2);
  });

  it('spaces requests to one host by the minimum delay', async () => {
    let t = 0;
    const starts: number[] = [];
    const f = createFetcher({
      userAgent: UA,
      minDelayMs: 500,
      respectRobots: false,
      perHostConcurrency: 2,
      now: () => t,
      sleep: async (ms) => {
        t += ms;
      },
    });
    for (let i = 0; i < 3; i++) {
      await f.fetch(`${site.url}/board/jobs.html?i=${i}`, { kind: 'html' });
      starts.push(t);
    }
    expect(starts).toEqual([0, 500, 1000]);
  });
});

describe('robots.txt Crawl-delay', () => {
  it('spaces requests by the Crawl-delay for our user agent, capped', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/robots.txt') return res.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: flightpath-test-bot\nCrawl-delay: 3\n\nUser-agent: *\nDisallow: /\n');
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>ok</p>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    let t = 0;
    const f = createFetcher({ userAgent: UA, minDelayMs: 0, maxCrawlDelayMs: 2000, now: () => t, sleep: async (ms) => void (t += ms) });
    const starts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const out = await f.fetch(`${origin}/jobs/${i}`, { kind: 'html' });
      expect(out.kind).toBe('ok');
      starts.push(t);
    }
    server.close();
    // The group for our token allows everything (the * group's Disallow does not apply to us).
    expect(starts).toEqual([0, 2000, 4000]);
  });
});

function createFetcherWithRealSleep(extra: Partial<FetcherOptions>) {
  return { f: createFetcher({ userAgent: UA, minDelayMs: 0, ...extra }) };
}

describe('content types', () => {
  it('accepts what feeds and APIs are really served as, and refuses the rest', () => {
    expect(contentTypeFits('xml', 'application/x-rss+xml')).toBe(true);
    expect(contentTypeFits('xml', 'application/atom+xml; charset=utf-8')).toBe(true);
    expect(contentTypeFits('xml', 'text/xml')).toBe(true);
    expect(contentTypeFits('json', 'application/vnd.api+json')).toBe(true);
    expect(contentTypeFits('html', null)).toBe(true);
    expect(contentTypeFits('html', 'application/pdf')).toBe(false);
    expect(contentTypeFits('json', 'text/html')).toBe(false);
  });
});

describe('Retry-After and backoff', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-23T02:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 02:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 01:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
  it('keeps backoff within [base, cap]', () => {
    for (let n = 0; n < 12; n++) {
      expect(backoffDelay(n, 200, 5000, () => 0)).toBe(200);
      expect(backoffDelay(n, 200, 5000, () => 1)).toBe(Math.min(5000, 200 * 2 ** n));
    }
  });
});
