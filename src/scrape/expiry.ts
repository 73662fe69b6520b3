import { writeTransaction, type Db } from '../db.ts';
import { setVacancyStatus } from '../vacancies/store.ts';

/**
 * After a complete, successful run: every live vacancy of the source that
 * the run did not see has missed one more run; at `afterRuns` it is expired.
 * (Seen ones had missed_runs reset by the upsert.) Returns how many expired.
 */
export function expireUnseen(db: Db, source: string, seen: ReadonlySet<number>, afterRuns: number, now: number): number {
  const c = db.$client;
  const rows = c.prepare("SELECT id, missed_runs FROM vacancies WHERE source = ? AND status = 'live'").all(source) as {
    id: number;
    missed_runs: number;
  }[];
  const bump = c.prepare('UPDATE vacancies SET missed_runs = ? WHERE id = ?');
  let expired = 0;
  writeTransaction(db, () => {
    for (const r of rows) {
      if (seen.has(r.id)) continue;
      const missed = r.missed_runs + 1;
      bump.run(missed, r.id);
      if (missed >= afterRuns && setVacancyStatus(db, r.id, 'expired', now)) expired++;
    }
  });
  return expired;
}

/** Live vacancies of the source whose closing date (validThrough) has passed. */
export function expireClosed(db: Db, source: string, now: number): number {
  const c = db.$client;
  const ids = c
    .prepare("SELECT id FROM vacancies WHERE source = ? AND status = 'live' AND valid_through IS NOT NULL AND valid_through < ?")
    .all(source, now) as { id: number }[];
  let expired = 0;
  writeTransaction(db, () => {
    for (const { id } of ids) if (setVacancyStatus(db, id, 'expired', now)) expired++;
  });
  return expired;
}
