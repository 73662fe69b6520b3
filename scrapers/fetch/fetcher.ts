import pLimit, { type LimitFunction } from 'p-limit';
import { acceptHeader, charsetFor, contentTypeFits, type ContentKind } from './content-kind.ts';
import { FetchError } from './fetch-error.ts';
import { backoffDelay, parseRetryAfter } from './retry-after.ts';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, robotsToken, type RobotsRules } from './robots.ts';

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

/** What a page gave last time, so a 304 can be replayed without its body. */
export interface PageMemo {
  refs?: string[];
  links?: string[];
  next?: string | null;
}

export interface CachedPage extends Validators {
  memo: PageMemo | null;
}

/** Read side of the per-URL validator store (the DB-backed one lives in src/scrape). */
export interface ValidatorLookup {
  get(url: string): CachedPage | null;
}

export type FetchOutcome =
  | {
      kind: 'ok';
      url: string;
      /** After redirects. Relative links resolve against it. */
      finalUrl: string;
      status: number;
      body: string;
      contentType: string | null;
      validators: Validators;
      headers: Headers;
    }
  | { kind: 'not-modified'; url: string; memo: PageMemo }
  | { kind: 'skipped'; url: string; reason: string };

export interface FetchRequest {
  kind: ContentKind;
  /** Send If-None-Match / If-Modified-Since from the validator store. */
  conditional?: boolean;
  headers?: Record<string, string>;
}

export interface FetcherOptions {
  userAgent: string;
  perHostConcurrency?: number;
  globalConcurrency?: number;
  /** Minimum gap between the starts of two requests to one host. */
  minDelayMs?: number;
  timeoutMs?: number;
  retries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A Retry-After longer than this is cut to it, so one server cannot stall the night. */
  retryAfterCapMs?: number;
  maxRedirects?: number;
  maxBytes?: number;
  respectRobots?: boolean;
  /** robots.txt Crawl-delay is honoured up to this. */
  maxCrawlDelayMs?: number;
  validators?: ValidatorLookup | null;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface Fetcher {
  fetch(url: string, req: FetchRequest): Promise<FetchOutcome>;
  /** Whether robots.txt lets us fetch `url` (fetches and caches robots.txt for the host). */
  allowed(url: string): Promise<boolean>;
}

const DEFAULTS = {
  perHostConcurrency: 2,
  globalConcurrency: 8,
  minDelayMs: 1000,
  timeoutMs: 20_000,
  retries: 3,
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
  retryAfterCapMs: 120_000,
  maxRedirects: 5,
  maxBytes: 5 * 1024 * 1024,
  respectRobots: true,
  maxCrawlDelayMs: 30_000,
};

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

type Attempt =
  | { type: 'redirect'; location: string }
  | { type: 'not-modified' }
  | { type: 'status'; status: number; retryAfter: string | null }
  | { type: 'ok'; status: number; body: string; contentType: string | null; headers: Headers };

interface HostState {
  limit: LimitFunction;
  nextStart: number;
  delayMs: number;
}

/**
 * The polite HTTP client every adapter uses: per-host and global concurrency,
 * a minimum gap per host, robots.txt, retries with backoff, size and type
 * guards, manual redirects with loop detection, and conditional requests.
 * Clock, sleep and randomness are injected so backoff is testable quickly.
 */
export function createFetcher(options: FetcherOptions): Fetcher {
  const o = { ...DEFAULTS, ...options };
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? realSleep;
  const random = o.random ?? Math.random;
  const global = pLimit(o.globalConcurrency);
  const hosts = new Map<string, HostState>();
  const robots = new Map<string, Promise<{ rules: RobotsRules; problem?: string }>>();
  const token = robotsToken(o.userAgent);

  function host(url: URL): HostState {
    let h = hosts.get(url.host);
    if (!h) {
      h = { limit: pLimit(o.perHostConcurrency), nextStart: 0, delayMs: o.minDelayMs };
      hosts.set(url.host, h);
    }
    return h;
  }

  /** Runs one request in the host's slot (then a global slot), spaced by the host's delay. */
  function scheduled<T>(url: URL, fn: () => Promise<T>): Promise<T> {
    const h = host(url);
    return h.limit(async () => {
      const t = now();
      const start = Math.max(t, h.nextStart);
      // Reserve the start time before waiting, so concurrent requests space out.
      h.nextStart = start + h.delayMs;
      if (start > t) await sleep(start - t);
      return global(fn);
    });
  }

  async function attempt(url: string, kind: ContentKind, headers: Record<string, string>): Promise<Attempt> {
    const signal = AbortSignal.timeout(o.timeoutMs);
    let res: Response;
    try {
      res = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: { 'User-Agent': o.userAgent, Accept: acceptHeader(kind), 'Accept-Encoding': 'gzip, deflate, br', ...headers },
      });
    } catch (err) {
      throw networkError(url, err, o.timeoutMs);
    }
    const drop = () => res.body?.cancel().catch(() => {});
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      const location = res.headers.get('location');
      await drop();
      if (!location) throw new FetchError(url, 'redirect', `HTTP ${res.status} without a Location header`, res.status);
      return { type: 'redirect', location };
    }
    if (res.status === 304) {
      await drop();
      return { type: 'not-modified' };
    }
    if (res.status >= 400) {
      await drop();
      return { type: 'status', status: res.status, retryAfter: res.headers.get('retry-after') };
    }
    const contentType = res.headers.get('content-type');
    if (!contentTypeFits(kind, contentType)) {
      await drop();
      throw new FetchError(url, 'content-type', `unexpected Content-Type "${contentType}" (wanted ${kind})`, res.status);
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > o.maxBytes) {
      await drop();
      throw new FetchError(url, 'too-large', `response is ${declared} bytes, over the ${o.maxBytes}-byte limit`, res.status);
    }
    const body = await readCapped(url, res, o.maxBytes, o.timeoutMs, contentType);
    return { type: 'ok', status: res.status, body, contentType, headers: res.headers };
  }

  /** One URL, retried on network errors, timeouts, 429 and 5xx; other outcomes returned or thrown. */
  async function withRetries(url: string, kind: ContentKind, headers: Record<string, string>): Promise<Attempt> {
    const u = new URL(url);
    for (let n = 0; ; n++) {
      let waitMs: number;
      let failure: FetchError;
      try {
        const a = await scheduled(u, () => attempt(url, kind, headers));
        if (a.type !== 'status') return a;
        if (a.status !== 429 && a.status < 500) {
          throw new FetchError(url, 'http', `HTTP ${a.status}`, a.status);
        }
        failure = new FetchError(url, 'http', `HTTP ${a.status}`, a.status);
        const ra = parseRetryAfter(a.retryAfter, now());
        waitMs = ra != null ? Math.min(ra, o.retryAfterCapMs) : backoffDelay(n, o.backoffBaseMs, o.backoffMaxMs, random);
      } catch (err) {
        if (!(err instanceof FetchError) || (err.kind !== 'network' && err.kind !== 'timeout')) throw err;
        failure = err;
        waitMs = backoffDelay(n, o.backoffBaseMs, o.backoffMaxMs, random);
      }
      if (n >= o.retries) {
        failure.message = `${failure.message} (after ${n + 1} attempts)`;
        throw failure;
      }
      await sleep(waitMs);
    }
  }

  function rulesFor(u: URL): Promise<{ rules: RobotsRules; problem?: string }> {
    let p = robots.get(u.origin);
    if (!p) {
      p = loadRobots(u);
      robots.set(u.origin, p);
    }
    return p;
  }

  async function loadRobots(u: URL): Promise<{ rules: RobotsRules; problem?: string }> {
    const robotsUrl = `${u.origin}/robots.txt`;
    let url = robotsUrl;
    try {
      for (let hop = 0; hop <= o.maxRedirects; hop++) {
        const a = await withRetries(url, 'text', {});
        if (a.type === 'redirect') {
          url = new URL(a.location, url).href;
          continue;
        }
        if (a.type !== 'ok') return { rules: ALLOW_ALL };
        const rules = parseRobots(robotsUrl, a.body);
        const delay = rules.getCrawlDelay(token);
        if (delay != null && delay > 0) {
          const h = host(u);
          h.delayMs = Math.max(h.delayMs, Math.min(delay * 1000, o.maxCrawlDelayMs));
        }
        return { rules };
      }
      return { rules: ALLOW_ALL };
    } catch (err) {
      // A missing robots.txt (4xx, or the wrong content type) allows everything;
      // an unreachable or failing one allows nothing this run.
      if (err instanceof FetchError && (err.kind === 'content-type' || (err.status != null && err.status < 500))) {
        return { rules: ALLOW_ALL };
      }
      const why = err instanceof Error ? err.message : String(err);
      return { rules: DISALLOW_ALL, problem: `robots.txt could not be read (${why}): not crawling ${u.host}` };
    }
  }

  /** Null when allowed, else why not. */
  async function refusal(url: string): Promise<string | null> {
    if (!o.respectRobots) return null;
    const u = new URL(url);
    if (u.pathname === '/robots.txt') return null;
    const r = await rulesFor(u);
    return r.rules.isAllowed(url, token) === false ? (r.problem ?? 'disallowed by robots.txt') : null;
  }

  const allowed = async (url: string) => (await refusal(url)) === null;

  async function fetchPage(url: string, req: FetchRequest): Promise<FetchOutcome> {
    const cached = req.conditional ? (o.validators?.get(url) ?? null) : null;
    const seen = new Set<string>([url]);
    let current = url;
    for (let hop = 0; ; hop++) {
      const refused = await refusal(current);
      if (refused) return { kind: 'skipped', url: current, reason: refused };
      const headers: Record<string, string> = { ...req.headers };
      if (hop === 0 && cached?.memo) {
        if (cached.etag) headers['If-None-Match'] = cached.etag;
        if (cached.lastModified) headers['If-Modified-Since'] = cached.lastModified;
      }
      const a = await withRetries(current, req.kind, headers);
      if (a.type === 'redirect') {
        const next = new URL(a.location, current).href;
        if (seen.has(next)) throw new FetchError(url, 'redirect', `redirect loop at ${next}`);
        if (hop >= o.maxRedirects) throw new FetchError(url, 'redirect', `more than ${o.maxRedirects} redirects`);
        seen.add(next);
        current = next;
        continue;
      }
      if (a.type === 'not-modified') {
        if (!cached?.memo) throw new FetchError(url, 'http', 'HTTP 304 to an unconditional request', 304);
        return { kind: 'not-modified', url, memo: cached.memo };
      }
      if (a.type !== 'ok') throw new FetchError(url, 'http', 'unexpected response');
      return {
        kind: 'ok',
        url,
        finalUrl: current,
        status: a.status,
        body: a.body,
        contentType: a.contentType,
        validators: { etag: a.headers.get('etag'), lastModified: a.headers.get('last-modified') },
        headers: a.headers,
      };
    }
  }

  return { fetch: fetchPage, allowed };
}

function networkError(url: string, err: unknown, timeoutMs: number): FetchError {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new FetchError(url, 'timeout', `timed out after ${timeoutMs} ms`);
  }
  const detail = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
  return new FetchError(url, 'network', `network error: ${detail}`);
}

/** Streams the body, aborting as soon as it passes maxBytes (decompressed bytes: also a zip-bomb guard). */
async function readCapped(url: string, res: Response, maxBytes: number, timeoutMs: number, contentType: string | null) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (res.body) {
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => {});
          throw new FetchError(url, 'too-large', `response passed the ${maxBytes}-byte limit`, res.status);
        }
        chunks.push(value);
      }
    } catch (err) {
      if (err instanceof FetchError) throw err;
      throw networkError(url, err, timeoutMs);
    }
  }
  const buf = Buffer.concat(chunks, size);
  return new TextDecoder(charsetFor(contentType, buf)).decode(buf);
}
