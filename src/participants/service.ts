import type { Coach } from '../auth/coaches.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db.ts';
import { notFound, validationFailed } from '../errors.ts';
import { parseOr422 } from '../http/validation.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import type { VacancyEnricher } from '../vacancies/enricher.ts';
import type { Geocoder } from '../vacancies/normalise.ts';
import { auditDeniedParticipant, auditParticipant, stripParticipantAudit, type ParticipantAction } from './audit.ts';
import { resolveTitle } from './resolve-occupation.ts';
import { buildSkillProfile, type SkillProfile } from './skill-profile.ts';
import {
  eraseParticipantRows,
  findParticipant,
  insertParticipant,
  listParticipantRows,
  updateParticipantRow,
  type Participant,
  type ParticipantFields,
} from './store.ts';
import { ParticipantBodySchema, resolveBody, type ParticipantBody } from './validation.ts';

/** What the participant functions need: a subset of AppDeps, so scripts can call them too. */
export interface ParticipantDeps {
  db: Db;
  taxonomy: () => Taxonomy;
  enricher: () => VacancyEnricher | null;
  geocoder: Geocoder | null;
  now: Clock;
}

/** Validates and resolves a body; 422 naming every bad field. */
function prepare(deps: ParticipantDeps, input: unknown): { fields: ParticipantFields; names: string[] } {
  const body: ParticipantBody = parseOr422(ParticipantBodySchema, input);
  const { value, errors } = resolveBody({ taxonomy: deps.taxonomy(), enricher: deps.enricher(), geocoder: deps.geocoder }, body);
  if (errors.length) throw validationFailed(errors);
  const fields: ParticipantFields = {
    reference: body.reference,
    name: body.name,
    location: value.location,
    maxTravelKm: body.maxTravelKm,
    hoursPerWeek: body.hoursPerWeek,
    salaryFloor: body.salaryFloor,
    remote: body.remote,
    history: value.history,
    skillsAdd: value.skillsAdd,
    skillsRemove: value.skillsRemove,
    licences: value.licences,
    qualifications: body.qualifications,
  };
  for (const k of Object.keys(fields) as (keyof ParticipantFields)[]) if (fields[k] === undefined) delete fields[k];
  // Field names for the audit log, in the API's words.
  const names = Object.keys(body).sort();
  return { fields, names };
}

export function createParticipant(deps: ParticipantDeps, coach: Coach, input: unknown): Participant {
  const { fields, names } = prepare(deps, input);
  const now = deps.now();
  const id = deps.db.$client.transaction(() => {
    const newId = insertParticipant(deps.db, { org: coach.org, coachId: coach.id }, fields, now);
    auditParticipant(deps.db, { coachId: coach.id, action: 'participant.create', participantId: newId, fields: names }, now);
    return newId;
  })();
  return findParticipant(deps.db, coach.org, id) as Participant;
}

/**
 * The participant if the coach's organisation holds them; otherwise 404, the
 * same answer as for an id that never existed (a 403 would confirm to
 * another organisation that the person is on someone's caseload).
 */
export function loadParticipant(deps: ParticipantDeps, coach: Coach, id: number, attempted: ParticipantAction = 'participant.read'): Participant {
  const p = Number.isSafeInteger(id) && id > 0 ? findParticipant(deps.db, coach.org, id) : null;
  if (!p) {
    auditDeniedParticipant(deps.db, { coachId: coach.id, org: coach.org, participantId: id, attempted }, deps.now());
    throw notFound('Participant');
  }
  return p;
}

export function readParticipant(
  deps: ParticipantDeps,
  coach: Coach,
  id: number,
  action: 'participant.read' | 'participant.matches' | 'participant.transitions' = 'participant.read',
): Participant {
  const p = loadParticipant(deps, coach, id, action);
  auditParticipant(deps.db, { coachId: coach.id, action, participantId: p.id }, deps.now());
  return p;
}

export function listParticipants(
  deps: ParticipantDeps,
  coach: Coach,
  page: { page: number; pageSize: number },
): { items: Participant[]; total: number; page: number; pageSize: number } {
  const { items, total } = listParticipantRows(deps.db, coach.org, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
  auditParticipant(deps.db, { coachId: coach.id, action: 'participant.list', participantId: null, ids: items.map((p) => p.id) }, deps.now());
  return { items, total, ...page };
}

export function updateParticipant(deps: ParticipantDeps, coach: Coach, id: number, input: unknown): Participant {
  loadParticipant(deps, coach, id, 'participant.update');
  const { fields, names } = prepare(deps, input);
  const now = deps.now();
  const ok = deps.db.$client.transaction(() => {
    const changed = updateParticipantRow(deps.db, coach.org, id, fields, now);
    if (changed) auditParticipant(deps.db, { coachId: coach.id, action: 'participant.update', participantId: id, fields: names }, now);
    return changed;
  })();
  if (!ok) throw notFound('Participant');
  return findParticipant(deps.db, coach.org, id) as Participant;
}

/** Erases the participant and every row about them; their audit rows keep only the id. */
export function eraseParticipant(deps: ParticipantDeps, coach: Coach, id: number): void {
  const now = deps.now();
  const ok =
    Number.isSafeInteger(id) &&
    id > 0 &&
    deps.db.$client.transaction(() => {
      if (!eraseParticipantRows(deps.db, coach.org, id)) return false;
      stripParticipantAudit(deps.db, id);
      auditParticipant(deps.db, { coachId: coach.id, action: 'participant.erase', participantId: id }, now);
      return true;
    })();
  if (!ok) {
    auditDeniedParticipant(deps.db, { coachId: coach.id, org: coach.org, participantId: id, attempted: 'participant.erase' }, now);
    throw notFound('Participant');
  }
}

/**
 * The participant's skill profile over the current taxonomy. A history
 * entry whose stored occupation is not in this taxonomy (a different
 * release is loaded) is re-resolved from its title.
 */
export function profileOf(deps: Pick<ParticipantDeps, 'taxonomy' | 'enricher'>, p: Participant): SkillProfile {
  const taxonomy = deps.taxonomy();
  const history = p.history.map((h) => {
    let occupationId = h.occupationId;
    if ((!occupationId || !taxonomy.occupations.has(occupationId)) && h.title) {
      occupationId = resolveTitle(taxonomy, deps.enricher(), h.title).occupationId;
    }
    return { occupationId, title: h.title, years: h.years, endedYearsAgo: h.endedYearsAgo };
  });
  return buildSkillProfile(taxonomy, { history, skillsAdd: p.skills.add, skillsRemove: p.skills.remove, licences: p.licences });
}

/**
 * Erasure on an operator's instruction (a data subject's request that
 * reaches the operator rather than a coach): same as DELETE, audited as
 * `operator:cli`. The organisation must be named too, as a check that the
 * right person is being erased.
 */
export function eraseParticipantByOperator(deps: Pick<ParticipantDeps, 'db' | 'now'>, org: string, id: number): boolean {
  const now = deps.now();
  return deps.db.$client.transaction(() => {
    if (!eraseParticipantRows(deps.db, org, id)) return false;
    stripParticipantAudit(deps.db, id);
    auditParticipant(deps.db, { actor: 'operator:cli', action: 'participant.erase', participantId: id }, now);
    return true;
  })();
}
