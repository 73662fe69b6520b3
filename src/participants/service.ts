import type { Coach } from '../auth/coaches.ts';
import { targetOccupations } from './targets.ts';
import type { Clock } from '../clock.ts';
import { writeTransaction, type Db } from '../db.ts';
import { notFound, validationFailed, type Checked } from '../errors.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import type { VacancyEnricher } from '../vacancies/enricher.ts';
import type { Geocoder } from '../geo/geocoder-port.ts';
import { auditDeniedParticipant, auditParticipant, stripParticipantAudit, type ParticipantAction, type ParticipantReadAction } from './audit.ts';
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
import { resolveBody, type ParticipantBody } from './validation.ts';
import { readCaseload, type Caseload, type CaseloadOptions } from './caseload.ts';

/** What the participant functions need: a subset of AppDeps, so scripts can call them too. */
export interface ParticipantDeps {
  db: Db;
  taxonomy: () => Taxonomy;
  enricher: () => VacancyEnricher | null;
  geocoder: Geocoder | null;
  now: Clock;
}

/** A body resolved against the taxonomy, ready to store, with its field names for the audit row. */
export interface PreparedParticipant {
  fields: ParticipantFields;
  names: string[];
}

/**
 * Resolves a parsed body: history titles to occupations, skills by id or
 * label, licences in everyday words, the place. Every part it cannot
 * resolve is a field error (the edge answers 422 or redraws the form).
 */
export function prepareParticipant(deps: ParticipantDeps, body: ParticipantBody): Checked<PreparedParticipant> {
  const { value, errors } = resolveBody({ taxonomy: deps.taxonomy(), enricher: deps.enricher(), geocoder: deps.geocoder }, body);
  if (errors.length) return { ok: false, errors };
  const fields: ParticipantFields = {
    reference: body.reference,
    name: body.name,
    location: value.location,
    maxTravelKm: body.maxTravelKm,
    hoursPerWeek: body.hoursPerWeek,
    salaryFloor: body.salaryFloor,
    remote: body.remote,
    hoursPattern: body.hoursPattern,
    avoidShifts: body.avoidShifts,
    must: body.must,
    history: value.history,
    skillsAdd: value.skillsAdd,
    skillsRemove: value.skillsRemove,
    licences: value.licences,
    qualifications: body.qualifications,
    targets: value.targets,
  };
  for (const k of Object.keys(fields) as (keyof ParticipantFields)[]) if (fields[k] === undefined) delete fields[k];
  // Field names for the audit log, in the API's words.
  const names = Object.keys(body).sort();
  return { ok: true, value: { fields, names } };
}

export function createParticipant(deps: ParticipantDeps, coach: Coach, { fields, names }: PreparedParticipant): Participant {
  const now = deps.now();
  const id = writeTransaction(deps.db, () => {
    const newId = insertParticipant(deps.db, { org: coach.org, coachId: coach.id }, fields, now);
    auditParticipant(deps.db, { coachId: coach.id, action: 'participant.create', participantId: newId, fields: names }, now);
    return newId;
  });
  return findParticipant(deps.db, coach.org, id) as Participant;
}

/** For scripts and seeds, which have no form to redraw: a body prepared and stored, or a 422 naming what did not resolve. */
export function createParticipantFromBody(deps: ParticipantDeps, coach: Coach, body: ParticipantBody): Participant {
  const prepared = prepareParticipant(deps, body);
  if (!prepared.ok) throw validationFailed(prepared.errors);
  return createParticipant(deps, coach, prepared.value);
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

/**
 * Loads the participant and writes the one audit row of this request:
 * `action` says which read it was, `shown` what a page showed of them.
 */
export function readParticipant(
  deps: ParticipantDeps,
  coach: Coach,
  id: number,
  action: ParticipantReadAction = 'participant.read',
  shown?: string[],
): Participant {
  const p = loadParticipant(deps, coach, id, action);
  auditParticipantRead(deps, coach, p, action, shown);
  return p;
}

/** Records a read of a participant already loaded (a page audits once it knows what it showed). */
export function auditParticipantRead(deps: Pick<ParticipantDeps, 'db' | 'now'>, coach: Coach, p: Participant, action: ParticipantReadAction, shown?: string[]): void {
  auditParticipant(deps.db, { coachId: coach.id, action, participantId: p.id, ...(shown ? { shown } : {}) }, deps.now());
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

/** The caseload page: one read of the organisation's participants with their activity and shortlist counts, audited as a list. */
export function listCaseload(deps: Pick<ParticipantDeps, 'db' | 'now'>, coach: Coach, opts: CaseloadOptions): Caseload {
  const now = deps.now();
  const caseload = readCaseload(deps.db, coach.org, now, opts);
  auditParticipant(deps.db, { coachId: coach.id, action: 'participant.list', participantId: null, ids: caseload.items.map((p) => p.id) }, now);
  return caseload;
}

export function updateParticipant(deps: ParticipantDeps, coach: Coach, id: number, { fields, names }: PreparedParticipant): Participant {
  loadParticipant(deps, coach, id, 'participant.update');
  const now = deps.now();
  const ok = writeTransaction(deps.db, () => {
    const changed = updateParticipantRow(deps.db, coach.org, id, fields, now);
    if (changed) auditParticipant(deps.db, { coachId: coach.id, action: 'participant.update', participantId: id, fields: names }, now);
    return changed;
  });
  if (!ok) throw notFound('Participant');
  return findParticipant(deps.db, coach.org, id) as Participant;
}

/** Erases the participant and every row about them; their audit rows keep only the id. */
export function eraseParticipant(deps: ParticipantDeps, coach: Coach, id: number): void {
  const now = deps.now();
  const ok =
    Number.isSafeInteger(id) &&
    id > 0 &&
    writeTransaction(deps.db, () => {
      if (!eraseParticipantRows(deps.db, coach.org, id)) return false;
      stripParticipantAudit(deps.db, id);
      auditParticipant(deps.db, { coachId: coach.id, action: 'participant.erase', participantId: id }, now);
      return true;
    });
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
  const targets = targetOccupations(taxonomy, deps.enricher(), p.targets).map((o) => o.id);
  return buildSkillProfile(taxonomy, { history, skillsAdd: p.skills.add, skillsRemove: p.skills.remove, licences: p.licences, targets });
}

/**
 * Erasure on an operator's instruction (a data subject's request that
 * reaches the operator rather than a coach): same as DELETE, audited as
 * `operator:cli`. The organisation must be named too, as a check that the
 * right person is being erased.
 */
export function eraseParticipantByOperator(deps: Pick<ParticipantDeps, 'db' | 'now'>, org: string, id: number): boolean {
  const now = deps.now();
  return writeTransaction(deps.db, () => {
    if (!eraseParticipantRows(deps.db, org, id)) return false;
    stripParticipantAudit(deps.db, id);
    auditParticipant(deps.db, { actor: 'operator:cli', action: 'participant.erase', participantId: id }, now);
    return true;
  });
}
