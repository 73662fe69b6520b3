import type { Coach } from '../auth/coaches.ts';
import type { Clock } from '../clock.ts';
import { writeTransaction, type Db } from '../db.ts';
import { notFound, validationFailed } from '../errors.ts';
import { distanceKm } from '../geo/reference-tables.ts';
import { auditParticipant } from '../participants/audit.ts';
import type { Participant } from '../participants/store.ts';
import { getVacanciesByIds, getVacancy } from '../vacancies/queries.ts';
import type { ShortlistAdd, ShortlistChange } from './schemas.ts';
import type { EndReason, Stage } from './stages.ts';
import { findShortlistRow, findShortlistRowByVacancy, insertShortlistRow, listShortlistRows, updateShortlistRow, type ShortlistRow } from './store.ts';
import { detailsOf, isClosed, type ShortlistVacancy } from './vacancy-details.ts';

export interface ShortlistDeps {
  db: Db;
  now: Clock;
}

/** One shortlisted vacancy as every reader sees it (API, coach page, print page, shared link). */
export interface ShortlistEntry {
  id: number;
  vacancyId: number;
  stage: Stage;
  reason: EndReason | null;
  reasonText: string | null;
  note: string | null;
  /** The vacancy closed, expired, passed its closing date or left the store: its last known details are shown. */
  closed: boolean;
  vacancy: ShortlistVacancy;
  /** From the participant's location, when both are known. */
  distanceKm: number | null;
  addedAt: number;
  updatedAt: number;
  /** Every stage change, oldest first, with the coach who made it. */
  history: ShortlistRow['events'];
}

function entriesOf(deps: ShortlistDeps, p: Participant, rows: ShortlistRow[]): ShortlistEntry[] {
  const now = deps.now();
  const live = new Map(getVacanciesByIds(deps.db, rows.map((r) => r.vacancyId)).map((v) => [v.id, v]));
  return rows.map((r) => {
    const v = live.get(r.vacancyId) ?? null;
    const vacancy = v ? detailsOf(v) : r.snapshot;
    const here = p.location;
    const distance = here?.lat != null && here.lon != null && vacancy.lat != null && vacancy.lon != null ? distanceKm(here.lat, here.lon, vacancy.lat, vacancy.lon) : null;
    return {
      id: r.id,
      vacancyId: r.vacancyId,
      stage: r.stage,
      reason: r.reason,
      reasonText: r.reasonText,
      note: r.note,
      closed: isClosed(v, now),
      vacancy,
      distanceKm: distance,
      addedAt: r.createdAt,
      updatedAt: r.updatedAt,
      history: r.events,
    };
  });
}

/** The participant's shortlist, in the order it was built. The caller has loaded (and audited) the participant. */
export function shortlistOf(deps: ShortlistDeps, p: Participant): ShortlistEntry[] {
  return entriesOf(deps, p, listShortlistRows(deps.db, p.id));
}

/**
 * Shortlists a vacancy for the participant at `suggested`. Shortlisting one
 * already on the list changes nothing and answers it (`created: false`).
 * A vacancy id the store does not hold is a field error.
 */
export function addToShortlist(deps: ShortlistDeps, coach: Coach, p: Participant, input: ShortlistAdd): { entry: ShortlistEntry; created: boolean } {
  const existing = findShortlistRowByVacancy(deps.db, p.id, input.vacancyId);
  if (existing) return { entry: entriesOf(deps, p, [existing])[0]!, created: false };
  const v = getVacancy(deps.db, input.vacancyId);
  if (!v) throw validationFailed([{ path: 'vacancyId', message: 'there is no vacancy with this id' }]);
  const now = deps.now();
  const id = writeTransaction(deps.db, () => {
    const newId = insertShortlistRow(deps.db, { participantId: p.id, vacancyId: v.id, note: input.note || null, snapshot: detailsOf(v), coachId: coach.id }, now);
    auditParticipant(deps.db, { coachId: coach.id, action: 'participant.shortlist.add', participantId: p.id, ids: [newId] }, now);
    return newId;
  });
  return { entry: entriesOf(deps, p, [findShortlistRow(deps.db, p.id, id)!])[0]!, created: true };
}

/** Moves an entry to a stage and/or changes its note; a stage change is timestamped and attributed to the coach. */
export function changeShortlistEntry(deps: ShortlistDeps, coach: Coach, p: Participant, itemId: number, change: ShortlistChange): ShortlistEntry {
  const row = Number.isSafeInteger(itemId) && itemId > 0 ? findShortlistRow(deps.db, p.id, itemId) : null;
  if (!row) throw notFound('Shortlist item');
  const now = deps.now();
  writeTransaction(deps.db, () => {
    updateShortlistRow(
      deps.db,
      row,
      {
        ...(change.stage !== undefined ? { stage: change.stage, reason: change.reason ?? null, reasonText: change.reasonText || null } : {}),
        ...(change.note !== undefined ? { note: change.note || null } : {}),
      },
      coach.id,
      now,
    );
    const fields = Object.keys(change).sort();
    auditParticipant(deps.db, { coachId: coach.id, action: 'participant.shortlist.change', participantId: p.id, ids: [row.id], fields }, now);
  });
  return entriesOf(deps, p, [findShortlistRow(deps.db, p.id, row.id)!])[0]!;
}
