import type { Writable } from 'node:stream';
import type { IngestDeps } from '../ingest.ts';
import { normaliseForIngest, storeNormalised, type ingestVacancy } from '../ingest.ts';
import { pacedWriteTransactions } from '../../db.ts';
import { readVacancyDates } from '../normalise/dates.ts';
import { openRecords, type RecordFormat } from './read-records.ts';
import { recordToRaw, type Mapping } from './to-raw.ts';

/**
 * Bulk import of a vacancy file through the one ingest path, in batches of
 * `batchSize` per transaction (the write lock is never held across the file). Re-runnable: vacancies are upserted by
 * (source, reference), so a second run reports them unchanged.
 */
export interface ImportVacanciesOptions {
  file: string;
  /** `import:<label>`; default `import:<file basename>`. */
  source: string;
  format?: RecordFormat;
  mapping?: Mapping | null;
  batchSize?: number;
  /** Rejected records are written here as JSONL: `{ record, errors }`. */
  rejects?: Writable | null;
  onProgress?: (bytesRead: number, totalBytes: number, summary: ImportSummary) => void;
}

export interface ImportSummary {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Created or changed vacancies that joined another vacancy's duplicate cluster. */
  duplicate: number;
  rejected: number;
  /** Rejection reason → count (a reason is the first error's path and message). */
  reasons: Record<string, number>;
}

export async function importVacancies(deps: IngestDeps, opts: ImportVacanciesOptions): Promise<ImportSummary> {
  const summary: ImportSummary = { read: 0, created: 0, updated: 0, unchanged: 0, duplicate: 0, rejected: 0, reasons: {} };
  const opened = openRecords(opts.file, opts.format);
  const batchSize = opts.batchSize ?? 500;
  const reject = async (rec: { n: number; rawText: string; value: unknown }, errors: { path: string; message: string }[]) => {
    summary.rejected++;
    const reason = errors[0] ? `${errors[0].path}: ${errors[0].message}` : 'rejected';
    summary.reasons[reason] = (summary.reasons[reason] ?? 0) + 1;
    if (opts.rejects) {
      const line = JSON.stringify({ n: rec.n, record: rec.value ?? rec.rawText, errors }) + '\n';
      if (!opts.rejects.write(line)) await new Promise((r) => opts.rejects!.once('drain', r));
    }
  };
  let batch: { n: number; raw: Parameters<typeof ingestVacancy>[1]['raw'] }[] = [];
  // Normalising is most of the work and needs no lock: only storing the batch holds the
  // write lock, and the lock is left free a while between batches (pacedWriteTransactions),
  // so a server beside the import waits a few hundred ms at most for its turn.
  const write = pacedWriteTransactions(deps.db);
  const flush = async (items: typeof batch) => {
    const ready = items.map((item) => normaliseForIngest(deps, { source: opts.source, raw: item.raw }));
    await write(() => {
      for (const n of ready) {
        const r = storeNormalised(deps, n);
        summary[r.outcome]++;
        if (r.clusterId != null && r.clusterId !== r.id) summary.duplicate++;
      }
    });
  };
  for await (const rec of opened.records) {
    summary.read++;
    if (!rec.value) {
      await reject(rec, [{ path: '(record)', message: rec.error ?? 'unreadable record' }]);
      continue;
    }
    const r = recordToRaw(rec.value, { mapping: opts.mapping });
    if (!r.ok) {
      await reject(rec, r.errors);
      continue;
    }
    // A date outside the plausible window (date-window.ts) is a rejection with its reason, never stored;
    // date text that is no date at all ("ASAP") is left to the pipeline as no date.
    const dates = readVacancyDates(r.raw, deps.now(), 'lenient');
    if (dates.errors.length) {
      await reject(rec, dates.errors);
      continue;
    }
    batch.push({ n: rec.n, raw: r.raw });
    if (batch.length >= batchSize) {
      await flush(batch);
      batch = [];
      opts.onProgress?.(opened.bytesRead(), opened.totalBytes, summary);
    }
  }
  if (batch.length) await flush(batch);
  opts.onProgress?.(opened.totalBytes, opened.totalBytes, summary);
  return summary;
}
