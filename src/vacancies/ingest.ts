import type { Clock } from '../clock.ts';
import { writeTransaction, type Db } from '../db.ts';
import type { VacancyEnricher } from './enricher.ts';
import type { NormalisedVacancy, RawVacancy } from './model.ts';
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

/** A vacancy normalised and ready to store (normaliseForIngest), with the time it was read. */
export interface NormalisedInput {
  source: string;
  employerId?: number | null;
  vacancy: NormalisedVacancy;
  isDemo?: boolean;
  now: number;
}

/**
 * The CPU half of ingest: normalise and enrich. Needs no lock, so batch
 * writers (bulk import, the employer batch) run it before they open their
 * write transaction and hold the write lock only for storeNormalised.
 */
export function normaliseForIngest(deps: IngestDeps, input: IngestInput): NormalisedInput {
  const now = deps.now();
  const vacancy = normaliseVacancy({ now, enricher: deps.enricher, geocoder: deps.geocoder }, input.raw);
  return { source: input.source, employerId: input.employerId, vacancy, isDemo: input.isDemo, now };
}

/**
 * The store half of ingest: upsert with its outbox row and cluster, in one
 * transaction (its own, or the caller's).
 */
export function storeNormalised(deps: IngestDeps, n: NormalisedInput): IngestResult {
  const run = (): IngestResult => {
    const result = upsertVacancy(deps.db, { source: n.source, employerId: n.employerId, vacancy: n.vacancy, isDemo: n.isDemo }, n.now);
    // Unchanged content keeps its cluster; new or changed content is (re)clustered in the same
    // transaction, before the outbox row is drained, so the index sees the final cluster id.
    if (result.outcome === 'unchanged') return { ...result, clusterId: null };
    return { ...result, clusterId: assignCluster(deps.db, result.id) };
  };
  return deps.db.$client.inTransaction ? run() : writeTransaction(deps.db, run);
}

/**
 * The one way a vacancy enters the store, whatever its source (employer API,
 * scraper, bulk import, demo): normalise and enrich, then upsert with its
 * outbox row in one transaction.
 */
export function ingestVacancy(deps: IngestDeps, input: IngestInput): IngestResult {
  return storeNormalised(deps, normaliseForIngest(deps, input));
}

export interface IngestResult extends UpsertResult {
  /** The cluster's canonical vacancy id after ingest (its own id when alone); null when unchanged. */
  clusterId: number | null;
}
