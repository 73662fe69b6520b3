import { DAY_MS } from '../clock.ts';
import { writeTransaction, type Db } from '../db.ts';
import { rebuildDemandHistory } from '../pivots/demand-history.ts';
import { DEMO_SOURCE } from './generate-vacancies.ts';
import { createRandom } from '../random.ts';
import { insertExpiredCopy, setSeenDates } from '../vacancies/store.ts';

/**
 * Months of demo history, so trends and pivots show something on a fresh
 * start. Call after loadDemoVacancies (the live demo set):
 *
 *   loadDemoVacancies(ingestDeps, { count: 2000 });
 *   addDemoHistory(db, { now: clock() });
 *
 * The live demo vacancies keep their place in the search index and stand
 * for what arrived in the last six weeks (first seen spread over them).
 * Behind them it adds closed copies (status expired, never indexed, short
 * description) arriving day by day back ~9 months at the rate that keeps
 * live(t) = live(now) × (1 + change)^((t − now) / span) open, each for 35–49
 * days.
 * Over the span: care (Q) +80% and transport and logistics (H) +70%, so both
 * read as growing (about +20% in 13 weeks); retail (G) −50%, shrinking;
 * every other sector flat.
 * About six closed copies per live vacancy. Idempotent: does nothing when
 * the copies exist. Rebuilds the demand history at the end.
 */
export const DEMO_TRENDS: Readonly<Record<string, number>> = { Q: 0.8, H: 0.7, G: -0.5 };
const MEAN_LIFE_DAYS = 42;
const HISTORY_DESCRIPTION = 'A closed demonstration vacancy kept for the demand history (fictional employer, not a real job).';

export interface DemoHistoryOptions {
  now: number;
  /** How far back (default 270 days). */
  days?: number;
  seed?: number;
  /** Relative change over `days` per SIC section (default DEMO_TRENDS; others flat). */
  trends?: Readonly<Record<string, number>>;
}

export function addDemoHistory(db: Db, opts: DemoHistoryOptions): { copies: number; live: number } {
  const c = db.$client;
  const days = opts.days ?? 270;
  const trends = opts.trends ?? DEMO_TRENDS;
  const rnd = createRandom(opts.seed ?? 11);
  const live = c
    .prepare("SELECT id, sector FROM vacancies WHERE source = ? AND status = 'live' AND source_ref NOT LIKE '%~h%' ORDER BY id")
    .all(DEMO_SOURCE) as { id: number; sector: string | null }[];
  const existing = c.prepare("SELECT count(*) FROM vacancies WHERE source = ? AND source_ref LIKE '%~h%'").pluck().get(DEMO_SOURCE) as number;
  if (existing > 0 || live.length === 0) return { copies: 0, live: live.length };

  const bySector = new Map<string, typeof live>();
  for (const v of live) {
    const k = v.sector ?? '';
    const list = bySector.get(k) ?? [];
    list.push(v);
    bySector.set(k, list);
  }
  let copies = 0;
  writeTransaction(db, () => {
    // The live set stands for what arrived in the last MEAN_LIFE days.
    for (const v of live) setSeenDates(db, v.id, opts.now - Math.floor(rnd() * MEAN_LIFE_DAYS * DAY_MS), opts.now);
    // Before that, arrivals at rate live(t) / MEAN_LIFE per day, each open 35–49 days.
    const today = Math.floor(opts.now / DAY_MS) * DAY_MS;
    for (const [sector, list] of bySector) {
      const change = trends[sector] ?? 0;
      let acc = rnd();
      let k = 0;
      for (let d = days + 49; d > MEAN_LIFE_DAYS; d--) {
        acc += (list.length * Math.pow(1 + change, -d / days)) / MEAN_LIFE_DAYS;
        while (acc >= 1) {
          acc -= 1;
          const src = list[k % list.length] as (typeof list)[number];
          const first = today - d * DAY_MS + Math.floor(rnd() * DAY_MS);
          const closed = Math.min(first + (35 + Math.floor(rnd() * 15)) * DAY_MS, opts.now - DAY_MS);
          insertExpiredCopy(db, src.id, {
            refSuffix: `~h${k}`,
            descriptionText: HISTORY_DESCRIPTION,
            firstSeen: first,
            lastSeen: closed - DAY_MS,
            validThrough: first + 28 * DAY_MS,
            closedAt: closed,
          });
          k++;
          copies++;
        }
      }
    }
  });
  rebuildDemandHistory(db, { to: opts.now });
  return { copies, live: live.length };
}

