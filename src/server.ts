import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { issueDemoCoachToken, seedDemoData } from './demo/seed-demo.ts';
import type { Logger } from './logger.ts';
import { openRuntime, type Runtime } from './runtime.ts';
import { startDemandRefresh } from './pivots/demand-refresh.ts';
import { startScrapeCron } from './scrape/cron-job.ts';
import { drainOutbox, startOutboxDrainer } from './search/outbox.ts';
import { SqliteEngine } from './search/sqlite-engine.ts';
import { prepareDedupeIndex } from './vacancies/dedupe/cluster.ts';
import { createWorkLimiter } from './http/work-limiter.ts';

export interface RunningServer {
  url: string;
  /** Where coaches' browsers reach it: PUBLIC_URL, or `url` when that is unset. */
  publicUrl: string;
  runtime: Runtime;
  /** Set when demo data is on: a fresh token for the demo coach (org "demo"). */
  demoCoachToken: string | null;
  /** Stops accepting, finishes requests in flight, drains the outbox, closes the database. Idempotent. */
  shutdown(): Promise<void>;
}

/** Live demo vacancies on a first start (history behind them is added on top). */
const DEMO_COUNT = 2000;

/**
 * The composition root. Config is passed in (read once by the caller); this
 * opens the database and engine, seeds demo data into an empty database,
 * starts the outbox drainer and the optional scrape schedule, and listens.
 */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const runtime = openRuntime(config, { logger });
  const { db, search, now } = runtime;
  // The search workers take a few seconds to start: start them beside the demo seeding, not in the first request.
  if (search instanceof SqliteEngine) search.startSearchWorkers();
  const ingestDeps = { db, now, enricher: runtime.enricher(), geocoder: runtime.geocoder };

  let demoCoachToken: string | null = null;
  if (config.DEMO_DATA === 'auto') {
    const seeded = seedDemoData(ingestDeps, DEMO_COUNT, (done, total) => {
      if (done === total || done % 500 === 0) logger.info({ done, total }, 'loading demo vacancies');
    });
    if (seeded) logger.info({ vacancies: seeded }, 'empty database: demo data loaded');
    demoCoachToken = issueDemoCoachToken(db, now());
  }
  // Build the near-duplicate index now rather than inside the first employer request.
  prepareDedupeIndex(db);
  // Index whatever is queued before answering, so a fresh start searches at once.
  const drained = await drainOutbox(db, search, { batchSize: 1000 });
  if (drained.error) logger.warn({ err: drained.error }, 'search engine not ready; the outbox keeps the backlog');

  const demand = startDemandRefresh({ db, now, logger });
  const drainer = startOutboxDrainer({ db, engine: search, now, logger, intervalMs: config.OUTBOX_INTERVAL_MS });
  const cron = startScrapeCron({ db, now, logger, config, enricher: runtime.enricher, geocoder: runtime.geocoder });

  // Listen before building the app: without PUBLIC_URL the public origin is
  // the bound address, and with PORT=0 the port is known only now. Nothing
  // is answered in between (the handler is set before the next I/O turn).
  let handler: ReturnType<typeof createApp> | null = null;
  const fetch = (req: Request, env: unknown) => (handler ? handler.fetch(req, env) : new Response('starting', { status: 503 }));
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch, port: config.PORT, hostname: config.HOST }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const publicUrl = config.PUBLIC_URL ?? url;
  handler = createApp({
    db,
    search,
    taxonomy: runtime.taxonomy,
    enricher: runtime.enricher,
    geocoder: runtime.geocoder,
    now,
    logger,
    config: { ...config, PUBLIC_URL: publicUrl },
    sourcesFile: config.SOURCES_FILE,
    matchLimiter: createWorkLimiter({ concurrency: config.MATCH_CONCURRENCY, maxQueued: config.MATCH_QUEUE, what: 'matching' }),
  });

  let closing: Promise<void> | null = null;
  const shutdown = () =>
    (closing ??= (async () => {
      logger.info('shutting down: no new connections, finishing requests in flight');
      cron?.stop();
      demand.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await drainer.stop();
      const last = await drainOutbox(db, search, { batchSize: 1000 });
      if (last.error) logger.warn({ err: last.error }, 'final outbox drain failed; rows stay queued for the next start');
      await runtime.close();
      logger.info('stopped');
    })());

  return { url, publicUrl, runtime, demoCoachToken, shutdown };
}
