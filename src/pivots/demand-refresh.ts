import type { Clock } from '../clock.ts';
import type { Db } from '../db.ts';
import type { Logger } from '../logger.ts';
import { updateDemandHistory } from './demand-history.ts';

/** How often the server brings the demand history up to date between scrapes (employer API writes land between them). */
export const DEMAND_REFRESH_INTERVAL_MS = 60 * 60 * 1000;

export interface DemandRefresher {
  stop(): void;
}

/**
 * The server's schedule for the demand history: once at start (a database
 * that never had a scrape or import still gets its history, so the first
 * pivots read finds one) and then every interval. Reads (pivots, trends)
 * never write it; this, the scrape job and the imports do.
 */
export function startDemandRefresh(deps: { db: Db; now: Clock; logger?: Logger; intervalMs?: number }): DemandRefresher {
  const refresh = () => {
    try {
      const s = updateDemandHistory(deps.db, deps.now());
      deps.logger?.debug({ rows: s.rows, ms: s.ms }, 'demand history refreshed');
    } catch (err) {
      deps.logger?.warn({ err }, 'demand history refresh failed; growth signals use the last one');
    }
  };
  refresh();
  const timer = setInterval(refresh, deps.intervalMs ?? DEMAND_REFRESH_INTERVAL_MS);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
