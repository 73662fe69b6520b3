import type { Db } from '../../db.ts';
import { createTaxonomyVersion, createTaxonomyWriter, finishTaxonomyVersion, type TaxonomySource, type TaxonomyWriter } from '../store.ts';
import type { ImportProgress } from './read-records.ts';

export interface VersionedImportOptions<C extends Record<string, number>> {
  source: TaxonomySource;
  label: string;
  now: number;
  progress: ImportProgress;
  /** performance.now() when the import began (file discovery counts too). */
  t0: number;
  /** Filled in by the body; stored with the version. */
  counts: C;
}

/**
 * Runs one taxonomy import as a single write transaction: creates its
 * version, lets the body stream rows through the writer, records the counts
 * and commits; on any error rolls back whole, so a failed import leaves the
 * taxonomy as it was. (Async: the CSV readers stream, and nothing else
 * writes on this connection meanwhile.)
 */
export async function runVersionedImport<C extends Record<string, number>>(
  db: Db,
  opts: VersionedImportOptions<C>,
  body: (w: TaxonomyWriter, versionId: number) => Promise<void>,
): Promise<{ versionId: number; counts: C; seconds: number }> {
  const c = db.$client;
  c.exec('BEGIN IMMEDIATE');
  try {
    const versionId = createTaxonomyVersion(db, opts.source, opts.label, opts.now);
    await body(createTaxonomyWriter(db, versionId), versionId);
    finishTaxonomyVersion(db, versionId, opts.counts);
    c.exec('COMMIT');
    return { versionId, counts: opts.counts, seconds: (performance.now() - opts.t0) / 1000 };
  } catch (err) {
    if (c.inTransaction) c.exec('ROLLBACK');
    throw err;
  } finally {
    opts.progress.stop();
  }
}
