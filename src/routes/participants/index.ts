import { Hono } from 'hono';
import type { AppDeps } from '../../app-deps.ts';
import { coachAuth, type CoachEnv } from '../../http/coach-auth.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { matchesFor } from '../../matching/participant-matches.ts';
import { transitionsFor } from '../../matching/participant-transitions.ts';
import {
  auditParticipantRead,
  createParticipant,
  eraseParticipant,
  listParticipants,
  loadParticipant,
  profileOf,
  readParticipant,
  updateParticipant,
} from '../../participants/service.ts';
import { pivotsFor } from '../../pivots/pivots.ts';
import { checkWith, valueOr422 } from '../checked.ts';
import { toMatchesJson, toParticipantJson, toTransitionsJson } from './json.ts';
import './operations.ts';
import { shortlistRoutes } from './shortlist.ts';
import { idOf, ListQuerySchema, readMatchesQuery, readParticipantBody, readPivotsQuery, readTransitionsQuery } from './queries.ts';
import { admitted } from '../../http/work-limiter.ts';

/**
 * /v1/participants: a coach's caseload and what is read about each
 * participant (matches, transitions, pivots). Coach token required; a coach
 * sees and changes only their organisation's participants (anything else
 * is a 404). Each request reads the participant once and writes one audit
 * row (src/participants/audit.ts); a query the schema rejects reads nothing
 * (pivots answer 404 before 422, as they always have).
 */
export function participantRoutes(deps: AppDeps): Hono<CoachEnv> {
  const r = new Hono<CoachEnv>();
  r.use('*', coachAuth(deps.db));

  r.post('/', async (c) => {
    const p = createParticipant(deps, c.var.coach, valueOr422(readParticipantBody(deps, await readJsonBody(c))));
    return c.json(toParticipantJson(deps.taxonomy(), p, profileOf(deps, p)), 201, { Location: `/v1/participants/${p.id}` });
  });

  r.get('/', (c) => {
    const q = valueOr422(checkWith(ListQuerySchema, c.req.query()));
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
    // Someone else's participant is a 404 whatever the body says.
    loadParticipant(deps, c.var.coach, id, 'participant.update');
    const p = updateParticipant(deps, c.var.coach, id, valueOr422(readParticipantBody(deps, await readJsonBody(c))));
    return c.json(toParticipantJson(deps.taxonomy(), p, profileOf(deps, p)));
  });

  r.delete('/:id', (c) => {
    eraseParticipant(deps, c.var.coach, idOf(c.req.param('id')));
    return c.body(null, 204);
  });

  r.get('/:id/matches', async (c) => {
    const opts = valueOr422(readMatchesQuery(deps, c.req.query()));
    const p = readParticipant(deps, c.var.coach, idOf(c.req.param('id')), 'participant.matches');
    return c.json(toMatchesJson(p.id, await admitted(deps, () => matchesFor(deps, p, profileOf(deps, p), opts))));
  });

  r.get('/:id/transitions', (c) => {
    const opts = valueOr422(readTransitionsQuery(c.req.query()));
    const p = readParticipant(deps, c.var.coach, idOf(c.req.param('id')), 'participant.transitions');
    return c.json(toTransitionsJson(p.id, transitionsFor(deps, p, profileOf(deps, p), opts)));
  });

  r.get('/:id/pivots', (c) => {
    const p = loadParticipant(deps, c.var.coach, idOf(c.req.param('id')), 'participant.pivots');
    const opts = valueOr422(readPivotsQuery(c.req.query()));
    auditParticipantRead(deps, c.var.coach, p, 'participant.pivots');
    return c.json(pivotsFor(deps, p, profileOf(deps, p), opts));
  });

  r.route('/:id/shortlist', shortlistRoutes(deps));

  return r;
}
