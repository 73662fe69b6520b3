import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { coachAuth, type CoachEnv } from '../auth/coach-auth.ts';
import { readJsonBody } from '../http/json-body.ts';
import { parseOr422 } from '../http/validation.ts';
import { participantMatches } from '../matching/participant-matches.ts';
import { participantTransitions } from '../matching/participant-transitions.ts';
import {
  createParticipant,
  eraseParticipant,
  listParticipants,
  profileOf,
  readParticipant,
  updateParticipant,
} from '../participants/service.ts';
import { toParticipantJson } from '../participants/view.ts';

const ListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** A path id; anything that is not a positive integer reads as "no such participant". */
const idOf = (raw: string): number => (/^\d{1,15}$/.test(raw) ? Number(raw) : -1);

/**
 * /v1/participants: a coach's caseload. Coach token required; a coach sees
 * and changes only their organisation's participants (anything else is a
 * 404); every read and change is audited (src/participants/audit.ts).
 */
export function participantRoutes(deps: AppDeps): Hono<CoachEnv> {
  const r = new Hono<CoachEnv>();
  r.use('*', coachAuth(deps.db));

  r.post('/', async (c) => {
    const p = createParticipant(deps, c.var.coach, await readJsonBody(c));
    return c.json(toParticipantJson(deps.taxonomy(), p, profileOf(deps, p)), 201, { Location: `/v1/participants/${p.id}` });
  });

  r.get('/', (c) => {
    const q = parseOr422(ListQuerySchema, c.req.query());
    const res = listParticipants(deps, c.var.coach, q);
    const taxonomy = deps.taxonomy();
    return c.json({ ...res, items: res.items.map((p) => toParticipantJson(taxonomy, p)) });
  });

  r.get('/:id', (c) => {
    const p = readParticipant(deps, c.var.coach, idOf(c.req.param('id')));
    return c.json(toParticipantJson(deps.taxonomy(), p, profileOf(deps, p)));
  });

  r.patch('/:id', async (c) => {
    const id = idOf(c.req.param('id'));
    const p = updateParticipant(deps, c.var.coach, id, await readJsonBody(c));
    return c.json(toParticipantJson(deps.taxonomy(), p, profileOf(deps, p)));
  });

  r.delete('/:id', (c) => {
    eraseParticipant(deps, c.var.coach, idOf(c.req.param('id')));
    return c.body(null, 204);
  });

  r.get('/:id/matches', async (c) =>
    c.json(await participantMatches(deps, c.var.coach, idOf(c.req.param('id')), c.req.query())),
  );

  r.get('/:id/transitions', (c) =>
    c.json(participantTransitions(deps, c.var.coach, idOf(c.req.param('id')), c.req.query())),
  );

  return r;
}
