import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { coachAuth, type CoachEnv } from '../auth/coach-auth.ts';
import { participantPivots, PivotsQuerySchema } from '../pivots/pivots.ts';
import { registerOperation } from './openapi.ts';

/** A path id; anything that is not a positive integer reads as "no such participant". */
const idOf = (raw: string): number => (/^\d{1,15}$/.test(raw) ? Number(raw) : -1);

/** GET /v1/participants/:id/pivots (coach token; organisation-scoped and audited like the participant routes). */
export function pivotRoutes(deps: AppDeps): Hono<CoachEnv> {
  const r = new Hono<CoachEnv>();
  r.use('/v1/participants/:id/pivots', coachAuth(deps.db));
  r.get('/v1/participants/:id/pivots', (c) => c.json(participantPivots(deps, c.var.coach, idOf(c.req.param('id')), c.req.query())));
  return r;
}

registerOperation({
  method: 'get',
  path: '/v1/participants/{id}/pivots',
  summary: 'Occupations a participant could pivot into, grouped by sector, with growth, local demand, gaps and courses',
  description:
    'Destinations (never their own past occupations) that pass the transition guards, ranked by transferability × growth of the destination’s sector and occupation (13 weeks against the previous 13, smoothed; official ONS series when our history is short) × live vacancies within their travel range × pay relative to their floor. Each suggestion carries the numbers behind every factor, the missing essential skills, short courses or licences that bridge them, and a link to matching vacancies.',
  tags: ['Participants'],
  auth: 'coach',
  params: z.object({ id: z.string().describe('Participant id') }),
  query: PivotsQuerySchema,
  responses: {
    200: { description: 'Pivot suggestions grouped by sector' },
    404: { description: 'No such participant in your organisation' },
    422: { description: 'Invalid query parameters, each named' },
  },
});
