import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse';
import { isValid, toNormalised, toOutcode, validOutcode } from 'postcode';
import { pacedWriteTransactions, type Db } from '../db.ts';

/**
 * Loads an operator's postcode table (CSV, optionally .gz) into `postcodes`:
 * a full-postcode table (ONS Postcode Directory, Code-Point Open with
 * lat/lon) or an outward-code table (one row per district). Streams rows,
 * upserts in batches, skips rows without a valid postcode or coordinates.
 */
export interface PostcodeColumns {
  postcode: string;
  lat: string;
  lon: string;
  town?: string | undefined;
  region?: string | undefined;
  localAuthority?: string | undefined;
}

export interface ImportPostcodesSummary {
  read: number;
  imported: number;
  skipped: number;
  reasons: Record<string, number>;
}

export interface ImportPostcodesOptions {
  columns: PostcodeColumns;
  batchSize?: number;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export async function importPostcodes(db: Db, path: string, opts: ImportPostcodesOptions): Promise<ImportPostcodesSummary> {
  const totalBytes = statSync(path).size;
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  let read = 0;
  file.on('data', (c) => (read += c.length));
  const input: Readable = path.toLowerCase().endsWith('.gz') ? file.pipe(createGunzip()) : file;
  const parser = input.pipe(parseCsv({ columns: true, bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
  const insert = db.$client.prepare(
    `INSERT INTO postcodes (postcode, outward, lat, lon, town, region, local_authority) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(postcode) DO UPDATE SET outward = excluded.outward, lat = excluded.lat, lon = excluded.lon,
       town = excluded.town, region = excluded.region, local_authority = excluded.local_authority`,
  );
  const summary: ImportPostcodesSummary = { read: 0, imported: 0, skipped: 0, reasons: {} };
  const skip = (reason: string) => {
    summary.skipped++;
    summary.reasons[reason] = (summary.reasons[reason] ?? 0) + 1;
  };
  const c = opts.columns;
  let batch: unknown[][] = [];
  // IMMEDIATE: an upsert reads before it writes (see writeTransaction in src/db.ts); paced, so a
  // server beside the import gets the lock between batches (pacedWriteTransactions).
  const write = pacedWriteTransactions(db);
  const flush = (rows: unknown[][]) => write(() => {
    for (const r of rows) insert.run(...r);
  });
  let checkedHeader = false;
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    if (!checkedHeader) {
      for (const col of [c.postcode, c.lat, c.lon, c.town, c.region, c.localAuthority]) {
        if (col && !(col in row)) throw new Error(`column "${col}" not found (columns: ${Object.keys(row).join(', ')})`);
      }
      checkedHeader = true;
    }
    summary.read++;
    const pcRaw = (row[c.postcode] ?? '').trim().toUpperCase();
    const lat = Number(row[c.lat]);
    const lon = Number(row[c.lon]);
    let postcode: string | null = null;
    let outward: string | null = null;
    if (isValid(pcRaw)) {
      postcode = toNormalised(pcRaw);
      outward = toOutcode(pcRaw);
    } else if (validOutcode(pcRaw.replace(/\s+/g, ''))) {
      postcode = outward = pcRaw.replace(/\s+/g, '');
    }
    if (!postcode || !outward) {
      skip('invalid postcode');
      continue;
    }
    // ONS directories mark terminated/unknown points with 99.999999 / 0,0.
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || lat < 49 || lat > 61.5 || lon < -9 || lon > 2.5 || (lat === 0 && lon === 0)) {
      skip('no coordinates in the UK');
      continue;
    }
    const optional = (col: string | undefined) => (col ? row[col] || null : null);
    batch.push([postcode, outward, lat, lon, optional(c.town), optional(c.region), optional(c.localAuthority)]);
    if (batch.length >= (opts.batchSize ?? 20_000)) {
      await flush(batch);
      summary.imported += batch.length;
      batch = [];
      opts.onProgress?.(read, totalBytes);
    }
  }
  if (batch.length) {
    await flush(batch);
    summary.imported += batch.length;
  }
  opts.onProgress?.(read, totalBytes);
  return summary;
}
