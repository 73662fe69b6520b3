import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { coachAuth, type CoachEnv } from '../auth/coach-auth.ts';
import { sectorTrends, TrendsQuerySchema } from '../pivots/sector-trends.ts';
import { registerOperation } from './openapi.ts';

/** GET /v1/sectors/trends: chart-ready daily series per SIC section in an area, with growth signals. */
export function sectorRoutes(deps: AppDeps): Hono<CoachEnv> {
  const r = new Hono<CoachEnv>();
  r.use('/v1/sectors/*', coachAuth(deps.db));
  r.get('/v1/sectors/trends', (c) => c.json(sectorTrends(deps, c.req.query())));
  return r;
}

registerOperation({
  method: 'get',
  path: '/v1/sectors/trends',
  summary: 'Vacancy trends by sector in an area, ready for charts',
  description:
    '`area` is "all" (default), a region or a local authority name. `from`/`to` are YYYY-MM-DD (default the last year of history; at most 731 days). Returns one `dates` array and, per SIC 2007 section, aligned `live` (vacancies live that day) and `new` (first seen that day) arrays, plus the growth signal: recent against previous window, year on year when history allows, share of all vacancies, smoothing prior, label and source.',
  tags: ['Sectors'],
  auth: 'coach',
  query: TrendsQuerySchema,
  responses: { 200: { description: 'Series per sector' }, 422: { description: 'Invalid area or dates, each named' } },
});
