import type { Db } from '../db.ts';

/** One job start: a shortlisted vacancy at stage "started", with what the outcome figures need to know about it. */
export interface JobStart {
  itemId: number;
  participantId: number;
  /** When it was moved to "started" (the latest such move), epoch ms. */
  startedAt: number;
  /** The vacancy's SIC 2007 section, as classified in the store (null when unclassified). */
  vacancySector: string | null;
  /** The vacancy's occupation id (`soc:6135`), null when unclassified. */
  vacancyOccupationId: string | null;
  /** The occupation of the participant's most recent job (history position 0), null when none or unresolved. */
  lastJobOccupationId: string | null;
}

/**
 * The job starts of one organisation's participants: shortlist items whose
 * stage is "started" now. An item moved on from "started" (withdrawn, or a
 * stage set by mistake and corrected) is not a start, so the figures agree
 * with the caseload's stage counts. Scoped by the participant's
 * organisation in SQL: no other organisation's row is ever read.
 *
 * The last job is the participant's history as it stands today; a coach who
 * adds the new job to the history makes that start read as "same sector".
 */
export function readJobStarts(db: Db, org: string): JobStart[] {
  return db.$client
    .prepare(
      `SELECT si.id AS itemId, si.participant_id AS participantId,
              coalesce((SELECT max(e.at) FROM shortlist_events e WHERE e.item_id = si.id AND e.stage = 'started'), si.updated_at) AS startedAt,
              v.sector AS vacancySector,
              CASE WHEN v.occupation_code IS NULL THEN NULL ELSE coalesce(v.occupation_scheme, 'soc') || ':' || v.occupation_code END AS vacancyOccupationId,
              (SELECT h.occupation_id FROM participant_history h WHERE h.participant_id = p.id ORDER BY h.position LIMIT 1) AS lastJobOccupationId
       FROM participants p
       JOIN shortlist_items si ON si.participant_id = p.id
       LEFT JOIN vacancies v ON v.id = si.vacancy_id
       WHERE p.org = ? AND si.stage = 'started'
       ORDER BY startedAt, si.id`,
    )
    .all(org) as JobStart[];
}
