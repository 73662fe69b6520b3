import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import type { CoachEnv } from '../../http/coach-auth.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { loadParticipant, readParticipant } from '../../participants/service.ts';
import { ShareCreateSchema, ShortlistAddSchema, ShortlistChangeSchema } from '../../shortlist/schemas.ts';
import { createShareLink, listShareLinks, revokeShareLink, type ShareLink } from '../../shortlist/shares.ts';
import { addToShortlist, changeShortlistEntry, shortlistOf, type ShortlistEntry } from '../../shortlist/shortlist.ts';
import { parseOr422 } from '../checked.ts';
import { registerOperation } from '../openapi.ts';
import { idOf } from './queries.ts';

const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());

export function toShortlistEntryJson(e: ShortlistEntry) {
  return {
    id: e.id,
    vacancyId: e.vacancyId,
    stage: e.stage,
    reason: e.reason,
    reasonText: e.reasonText,
    note: e.note,
    closed: e.closed,
    vacancy: { ...e.vacancy, validThrough: iso(e.vacancy.validThrough) },
    distanceKm: e.distanceKm == null ? null : Math.round(e.distanceKm * 10) / 10,
    addedAt: iso(e.addedAt),
    updatedAt: iso(e.updatedAt),
    history: e.history.map((h) => ({ ...h, coach: `coach:${h.coachId}`, at: iso(h.at) })),
  };
}

const toShareJson = (s: ShareLink) => ({ ...s, createdAt: iso(s.createdAt), expiresAt: iso(s.expiresAt), revokedAt: iso(s.revokedAt) });

/**
 * /v1/participants/{id}/shortlist: the vacancies a coach put forward for a
 * participant and how far each got, plus the read-only links to it. Mounted
 * inside the participants router (same coach auth); like every participant
 * route, another organisation's participant is a 404 and each request
 * writes one audit row.
 */
export function shortlistRoutes(deps: AppDeps): Hono<CoachEnv> {
  const r = new Hono<CoachEnv>();
  const pid = (raw: string | undefined) => idOf(raw ?? '');

  r.get('/', (c) => {
    const p = readParticipant(deps, c.var.coach, pid(c.req.param('id')), 'participant.shortlist');
    return c.json({ participantId: p.id, items: shortlistOf(deps, p).map(toShortlistEntryJson) });
  });

  r.post('/', async (c) => {
    // 404 before reading a body for someone else's participant.
    const p = loadParticipant(deps, c.var.coach, pid(c.req.param('id')), 'participant.shortlist.add');
    const { entry, created } = addToShortlist(deps, c.var.coach, p, parseOr422(ShortlistAddSchema, await readJsonBody(c)));
    return c.json(toShortlistEntryJson(entry), created ? 201 : 200);
  });

  r.patch('/:itemId{[0-9]+}', async (c) => {
    const p = loadParticipant(deps, c.var.coach, pid(c.req.param('id')), 'participant.shortlist.change');
    const change = parseOr422(ShortlistChangeSchema, await readJsonBody(c));
    return c.json(toShortlistEntryJson(changeShortlistEntry(deps, c.var.coach, p, idOf(c.req.param('itemId')), change)));
  });

  r.get('/shares', (c) => {
    const p = readParticipant(deps, c.var.coach, pid(c.req.param('id')), 'participant.shortlist');
    return c.json({ items: listShareLinks(deps, p).map(toShareJson) });
  });

  r.post('/shares', async (c) => {
    const p = loadParticipant(deps, c.var.coach, pid(c.req.param('id')), 'participant.share.create');
    const { days } = parseOr422(ShareCreateSchema, await readJsonBody(c));
    const { token, link } = createShareLink(deps, c.var.coach, p, days);
    return c.json({ ...toShareJson(link), path: `/shared/${token}` }, 201);
  });

  r.delete('/shares/:shareId{[0-9]+}', (c) => {
    const p = loadParticipant(deps, c.var.coach, pid(c.req.param('id')), 'participant.share.revoke');
    return c.json(toShareJson(revokeShareLink(deps, c.var.coach, p, idOf(c.req.param('shareId')))));
  });

  return r;
}

// ---------------------------------------------------------------- API description

const tags = ['Shortlist'];
const notYours = { description: 'No such participant (or item) in your organisation' };
const Ids = z.object({ id: z.string().describe('Participant id') });
const ItemIds = Ids.extend({ itemId: z.string().describe('Shortlist item id') });

registerOperation({
  method: 'get',
  path: '/v1/participants/{id}/shortlist',
  summary: 'A participant’s shortlist with the stage each vacancy reached',
  description: 'Oldest first. A vacancy that closed, expired or passed its closing date stays, `closed: true`, with its last known details. `history` lists every stage change with when and which coach.',
  tags,
  auth: 'coach',
  params: Ids,
  responses: { 200: { description: 'The shortlist' }, 404: notYours },
});
registerOperation({
  method: 'post',
  path: '/v1/participants/{id}/shortlist',
  summary: 'Shortlist a vacancy for a participant',
  description: 'Starts at `suggested`. Shortlisting a vacancy already on the list answers 200 with it, unchanged.',
  tags,
  auth: 'coach',
  params: Ids,
  body: { schema: ShortlistAddSchema, example: { vacancyId: 123, note: 'Ask about the forklift course' } },
  responses: { 201: { description: 'Added' }, 200: { description: 'Already on the shortlist' }, 404: notYours, 422: { description: 'Invalid fields, or no such vacancy (`vacancyId`)' } },
});
registerOperation({
  method: 'patch',
  path: '/v1/participants/{id}/shortlist/{itemId}',
  summary: 'Move a shortlisted vacancy to a stage, or change its note',
  description:
    'Stages: suggested, discussed, applied, interview, offer, started, or declined / withdrawn with a `reason` (not-interested, travel, hours, pay, requirements, vacancy-closed, not-selected, other; `other` needs `reasonText`). Each stage change is recorded with its time and coach.',
  tags,
  auth: 'coach',
  params: ItemIds,
  body: { schema: ShortlistChangeSchema, example: { stage: 'declined', reason: 'travel', reasonText: 'Two buses each way' } },
  responses: { 200: { description: 'The changed item' }, 404: notYours, 422: { description: 'Invalid fields, each named' } },
});
registerOperation({
  method: 'post',
  path: '/v1/participants/{id}/shortlist/shares',
  summary: 'Make a read-only link to the shortlist',
  description: 'Send `{}` for the default. Returns the link’s `path` once (only its hash is stored). It shows the shortlist and nothing else about the participant, needs no sign-in, and expires after `days` (default 14).',
  tags,
  auth: 'coach',
  params: Ids,
  body: { schema: ShareCreateSchema, example: { days: 14 } },
  responses: { 201: { description: 'Created' }, 404: notYours },
});
registerOperation({
  method: 'get',
  path: '/v1/participants/{id}/shortlist/shares',
  summary: 'The shortlist’s read-only links, newest first',
  tags,
  auth: 'coach',
  params: Ids,
  responses: { 200: { description: 'Links (never their tokens)' }, 404: notYours },
});
registerOperation({
  method: 'delete',
  path: '/v1/participants/{id}/shortlist/shares/{shareId}',
  summary: 'Revoke a read-only link',
  tags,
  auth: 'coach',
  params: Ids.extend({ shareId: z.string() }),
  responses: { 200: { description: 'The revoked link' }, 404: notYours },
});
