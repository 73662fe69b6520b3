import { writeTransaction, type Db } from '../db.ts';
import { countMissedRun, setVacanciesStatus } from '../vacancies/store.ts';

/*
 * Both lookups find a source's vacancies through the (source, source_ref)
 * index: `+status` keeps the planner off the status index, which would read
 * every live vacancy of every source to find this one's.
 */

/**
 * After a complete, successful run: every live vacancy of the source that
 * the run did not see has missed one more run; at `afterRuns` it is expired.
 * (Seen ones had missed_runs reset by the upsert.) Returns how many expired.
 */
export function expireUnseen(db: Db, source: string, seen: ReadonlySet<number>, afterRuns: number, now: number): number {
  const rows = db.$client.prepare("SELECT id, missed_runs FROM vacancies WHERE source = ? AND +status = 'live'").all(source) as {
    id: number;
    missed_runs: number;
  }[];
  const unseen = rows.filter((r) => !seen.has(r.id));
  const due = unseen.filter((r) => r.missed_runs + 1 >= afterRuns).map((r) => r.id);
  return writeTransaction(db, () => {
    countMissedRun(db, unseen.map((r) => r.id));
    return setVacanciesStatus(db, due, 'expired', now);
  });
}

/** Live vacancies of the source whose closing date (validThrough) has passed. */
export function expireClosed(db: Db, source: string, now: number): number {
  const ids = db.$client
    .prepare("SELECT id FROM vacancies WHERE source = ? AND +status = 'live' AND valid_through IS NOT NULL AND valid_through < ?")
    .pluck()
    .all(source, now) as number[];
  return setVacanciesStatus(db, ids, 'expired', now);
}
