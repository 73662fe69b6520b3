import { z } from 'zod';

/**
 * Every setting the service reads from the environment, parsed once. Nothing
 * else in the code reads process.env: pass the parsed Config (or the parts of
 * it a function needs) down instead.
 */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /**
   * The origin coaches' browsers use (`https://jobs.example.org`): page POSTs
   * must come from it, and cookies are Secure when it is https. Unset: the
   * address the server listens on (`http://HOST:PORT`, 127.0.0.1 for a
   * wildcard HOST), decided by the server once it is bound.
   */
  PUBLIC_URL: z
    .string()
    .url()
    .refine((u) => /^https?:$/.test(new URL(u).protocol), 'must be an http:// or https:// URL')
    .refine((u) => new URL(u).pathname === '/' && !new URL(u).search, 'must be an origin only (no path or query): the service is served from /')
    .transform((u) => new URL(u).origin)
    .optional(),
  /**
   * Behind a reverse proxy that sets X-Forwarded-Proto/-Host/-For: believe
   * them. Off by default, because without such a proxy any client can send
   * them.
   */
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  DATABASE_PATH: z.string().default('./data/flightpath.db'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Load the demo dataset when the database has no vacancies. */
  DEMO_DATA: z.enum(['auto', 'off']).default('auto'),
  SEARCH_ENGINE: z.enum(['sqlite', 'meilisearch']).optional(),
  MEILI_HOST: z.string().url().optional(),
  MEILI_API_KEY: z.string().optional(),
  MEILI_SEARCH_KEY: z.string().optional(),
  MEILI_INDEX_PREFIX: z.string().default('flightpath_'),
  /** Worker threads running embedded-engine searches (own read-only connections); 0 searches on the main thread. */
  SEARCH_WORKERS: z.coerce.number().int().min(0).max(64).default(2),
  /** Longest a search may wait for a worker and then run, milliseconds; past it, 503 with Retry-After. */
  SEARCH_TIMEOUT_MS: z.coerce.number().int().positive().default(2000),
  /** Participant matches computed at once (CPU-bound, on the main thread); the rest wait their turn (src/http/work-limiter.ts). */
  MATCH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Matches requests that may wait their turn; past it, 503 with Retry-After. */
  MATCH_QUEUE: z.coerce.number().int().min(0).max(10_000).default(200),
  /** Employer API: requests per minute per key. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Largest accepted request body, bytes. */
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  /** How often the in-process outbox drainer runs, milliseconds. */
  OUTBOX_INTERVAL_MS: z.coerce.number().int().positive().default(1000),
  SOURCES_FILE: z.string().default('./sources.json'),
  /** Optional cron expression: run the scrape schedule inside the server. */
  SCRAPE_CRON: z.string().optional(),
  SCRAPER_USER_AGENT: z
    .string()
    .default('flightpath-bot/0.1 (+https://github.com/flightpath; vacancy aggregation for employment coaches)'),
});

export type Config = z.infer<typeof ConfigSchema> & { searchEngine: 'sqlite' | 'meilisearch' };

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  // Meilisearch is chosen by MEILI_HOST unless SEARCH_ENGINE says otherwise.
  const searchEngine = c.SEARCH_ENGINE ?? (c.MEILI_HOST ? 'meilisearch' : 'sqlite');
  return { ...c, searchEngine };
}
