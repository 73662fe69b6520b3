import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { coachAuth, type CoachEnv } from '../auth/coach-auth.ts';
import { searchVacancies, SearchQuerySchema, SearchResponseSchema } from '../search/search-api.ts';
import { registerOperation } from './openapi.ts';

registerOperation({
  method: 'get',
  path: '/v1/search',
  summary: 'Search live vacancies',
  description:
    'Full-text search (stemmed words, "phrases", prefix*) with radius, filters, sorts, facets and highlighted snippets. ' +
    'List parameters take comma-separated values. A duplicate advert cluster appears once.',
  tags: ['Search'],
  auth: 'coach',
  query: SearchQuerySchema,
  responses: { 200: { description: 'One page of ranked results, the total and facet counts', schema: SearchResponseSchema } },
});

/** Coach search API: GET /v1/search (coach bearer token). */
export function searchRoutes(deps: AppDeps): Hono<CoachEnv> {
  const app = new Hono<CoachEnv>();
  app.use('/v1/search', coachAuth(deps.db));
  app.get('/v1/search', async (c) => {
    // Repeated parameters (?sector=Q&sector=H) are the same as a comma list.
    const raw = Object.fromEntries(Object.entries(c.req.queries()).map(([k, vs]) => [k, vs.join(',')]));
    return c.json(await searchVacancies(deps, raw));
  });
  return app;
}
