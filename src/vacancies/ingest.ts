import type { Clock } from '../clock.ts';
import type { Db } from '../db.ts';
import type { VacancyEnricher } from './enricher.ts';
import type { RawVacancy } from './model.ts';
import type { Geocoder } from '../geo/geocoder-port.ts';
import { assignCluster } from './dedupe/cluster.ts';
import { normaliseVacancy } from './normalise.ts';
import { upsertVacancy, type UpsertResult } from './store.ts';

/** What ingesting needs: the store, the clock, and the optional enrichers. */
export interface IngestDeps {
  db: Db;
  now: Clock;
  enricher?: VacancyEnricher | null;
  geocoder?: Geocoder | null;
}

export interface IngestInput {
  /** `employer:<id>`, `scrape:<name>`, `import:<label>`, `demo`. */
  source: string;
  employerId?: number | null;
  raw: RawVacancy;
  isDemo?: boolean;
}

/**
 * The one way a vacancy enters the store, whatever its source (employer API,
 * scraper, bulk import, demo): normalise and enrich, then upsert with its
 * outbox row in one transaction.
 */
export function ingestVacancy(deps: IngestDeps, input: IngestInput): IngestResult {
  const now = deps.now();
  const vacancy = normaliseVacancy({ now, enricher: deps.enricher, geocoder: deps.geocoder }, input.raw);
  const c = deps.db.$client;
  const run = (): IngestResult => {
    const result = upsertVacancy(deps.db, { source: input.source, employerId: input.employerId, vacancy, isDemo: input.isDemo }, now);
    // Unchanged content keeps its cluster; new or changed content is (re)clustered in the same
    // transaction, before the outbox row is drained, so the index sees the final cluster id.
    if (result.outcome === 'unchanged') return { ...result, clusterId: null };
    return { ...result, clusterId: assignCluster(deps.db, result.id) };
  };
  return c.inTransaction ? run() : c.transaction(run)();
}

export interface IngestResult extends UpsertResult {
  /** The cluster's canonical vacancy id after ingest (its own id when alone); null when unchanged. */
  clusterId: number | null;
}
