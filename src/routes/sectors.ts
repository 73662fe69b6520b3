import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { coachAuth, type CoachEnv } from '../http/coach-auth.ts';
import type { Checked } from '../errors.ts';
import { findArea } from '../pivots/demand-history.ts';
import { sectorTrends, trendWindow, type TrendsOptions } from '../pivots/sector-trends.ts';
import { andThen, checkWith, valueOr422 } from './checked.ts';
import { registerOperation } from './openapi.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z
  .string()
  .regex(ISO_DAY, 'a date as YYYY-MM-DD')
  .refine((s) => {
    // Date.parse rolls 2026-02-31 over into March: insist on a round trip.
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
  }, 'not a real date');

/** GET /v1/sectors/trends's query; the sectors page reads its area through it too. */
export const TrendsQuerySchema = z.strictObject({
  /** "all" (default), a region name or a local authority name. */
  area: z.string().trim().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Growth window in days (default 91). */
  windowDays: z.coerce.number().int().min(7).max(365).optional(),
});

/** A trends query string → checked options: the schema, an area the history knows, a day range that makes sense. */
export function readTrendsQuery(deps: Pick<AppDeps, 'db' | 'now'>, raw: unknown): Checked<TrendsOptions> {
  return andThen(checkWith(TrendsQuerySchema, raw), (q) => {
    const area = findArea(deps.db, q.area ?? 'all');
    if (!area) return { ok: false, errors: [{ path: 'area', message: 'no such area in the vacancy history: "all", a region or a local authority name' }] };
    return andThen(trendWindow(deps, q), (days) => ({ ok: true, value: { area, ...days, ...(q.windowDays ? { windowDays: q.windowDays } : {}) } }));
  });
}

/** Mounted at /v1/sectors: GET /trends, chart-ready daily series per SIC section in an area, with growth signals. */
export function sectorRoutes(deps: AppDeps): Hono<CoachEnv> {
  const r = new Hono<CoachEnv>();
  r.use('*', coachAuth(deps.db));
  r.get('/trends', (c) => c.json(sectorTrends(deps, valueOr422(readTrendsQuery(deps, c.req.query())))));
  return r;
}

registerOperation({
  method: 'get',
  path: '/v1/sectors/trends',
  summary: 'Vacancy trends by sector in an area, ready for charts',
  description:
    '`area` is "all" (default), a region or a local authority name. `from`/`to` are YYYY-MM-DD (default the last year of history; at most 731 days). Every series starts at its first day with data in the window (never with zeros from before its history): `dates` and `all` from the first day any vacancy is recorded, and per SIC 2007 section `from` (its first day with data) with `live` (vacancies live that day) and `new` (first seen that day) arrays running from it to `to`, aligned with the tail of `dates`; plus the growth signal: recent against previous window, year on year when history allows, share of all vacancies, smoothing prior, label and source.',
  tags: ['Sectors'],
  auth: 'coach',
  query: TrendsQuerySchema,
  responses: { 200: { description: 'Series per sector' }, 422: { description: 'Invalid area or dates, each named' } },
});
