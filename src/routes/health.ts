import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { registerOperation } from './openapi.ts';

/** An outbox row older than this means the index is falling behind (engine down or drainer stuck). */
const STALE_OUTBOX_MS = 15 * 60_000;
const ENGINE_TIMEOUT_MS = 2_000;

export interface Readiness {
  status: 'ok' | 'degraded' | 'down';
  database: { ok: boolean; detail?: string };
  search: { ok: boolean; engine: string; detail?: string };
  outbox: { backlog: number; oldestAgeSeconds: number | null };
}

async function engineHealth(deps: Pick<AppDeps, 'search'>): Promise<Readiness['search']> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ENGINE_TIMEOUT_MS} ms`)), ENGINE_TIMEOUT_MS);
    });
    const h = await Promise.race([deps.search.health(), timeout]);
    return { ok: h.ok, engine: h.engine, ...(h.detail ? { detail: h.detail } : {}) };
  } catch (err) {
    return { ok: false, engine: deps.search.name, detail: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

/** Database reachable, engine healthy, outbox draining. Never throws. */
export async function checkReadiness(deps: Pick<AppDeps, 'db' | 'search' | 'now'>): Promise<Readiness> {
  let database: Readiness['database'] = { ok: true };
  let outbox: Readiness['outbox'] = { backlog: 0, oldestAgeSeconds: null };
  try {
    const row = deps.db.$client.prepare('SELECT count(*) AS n, min(enqueued_at) AS oldest FROM index_outbox').get() as {
      n: number;
      oldest: number | null;
    };
    outbox = { backlog: row.n, oldestAgeSeconds: row.oldest == null ? null : Math.max(0, Math.round((deps.now() - row.oldest) / 1000)) };
  } catch (err) {
    database = { ok: false, detail: err instanceof Error ? err.message : String(err) };
  }
  const search = await engineHealth(deps);
  const stale = outbox.oldestAgeSeconds != null && outbox.oldestAgeSeconds * 1000 > STALE_OUTBOX_MS;
  const status = !database.ok ? 'down' : !search.ok || stale ? 'degraded' : 'ok';
  return { status, database, search, outbox };
}

/** /healthz: the process is up. /readyz: it can serve (503 with details when down or degraded). */
export function healthRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    const r = await checkReadiness(deps);
    return c.json(r, r.status === 'ok' ? 200 : 503);
  });
  return app;
}

const ReadinessSchema = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  database: z.object({ ok: z.boolean(), detail: z.string().optional() }),
  search: z.object({ ok: z.boolean(), engine: z.string(), detail: z.string().optional() }),
  outbox: z.object({ backlog: z.number().int(), oldestAgeSeconds: z.number().nullable() }),
});

registerOperation({
  method: 'get', path: '/healthz', summary: 'Liveness', tags: ['Operations'], auth: 'none',
  responses: { 200: { description: 'The process is up', schema: z.object({ ok: z.literal(true) }) } },
});
registerOperation({
  method: 'get', path: '/readyz', summary: 'Readiness', tags: ['Operations'], auth: 'none',
  description: `Database reachable, search engine healthy, index outbox draining (degraded when its oldest row is over ${STALE_OUTBOX_MS / 60_000} minutes old).`,
  responses: {
    200: { description: 'Ready', schema: ReadinessSchema },
    503: { description: 'Down or degraded, with details', schema: ReadinessSchema, contentType: 'application/json' },
  },
});
