import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse';

/**
 * Streams records out of a JSONL, JSON-array or CSV file (optionally .gz) in
 * constant memory: readline for JSONL, csv-parse's stream for CSV, and a
 * small element splitter for JSON arrays (a 1 GB array is never held whole).
 */
export type RecordFormat = 'jsonl' | 'json' | 'csv';

export interface SourceRecord {
  /** 1-based record number in the file (line for JSONL, row for CSV, element for JSON). */
  n: number;
  /** Parsed object, or the parse error for a malformed record. */
  value: Record<string, unknown> | null;
  error?: string;
  /** The record as written, for a rejects file. */
  rawText: string;
}

export interface OpenedFile {
  format: RecordFormat;
  totalBytes: number;
  /** Compressed bytes read so far (what a progress bar should show). */
  bytesRead(): number;
  records: AsyncGenerator<SourceRecord>;
}

export function detectFormat(path: string): RecordFormat {
  const p = path.toLowerCase().replace(/\.gz$/, '');
  if (p.endsWith('.csv') || p.endsWith('.tsv')) return 'csv';
  if (p.endsWith('.json')) return 'json';
  return 'jsonl';
}

export function openRecords(path: string, format: RecordFormat = detectFormat(path), csvDelimiter?: string): OpenedFile {
  const totalBytes = statSync(path).size;
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  let read = 0;
  file.on('data', (chunk) => (read += chunk.length));
  const input: Readable = path.toLowerCase().endsWith('.gz') ? file.pipe(createGunzip()) : file;
  if (path.toLowerCase().endsWith('.gz')) file.on('error', (e) => input.destroy(e));
  const delimiter = csvDelimiter ?? (path.toLowerCase().replace(/\.gz$/, '').endsWith('.tsv') ? '\t' : ',');
  const records = format === 'csv' ? readCsv(input, delimiter) : format === 'json' ? readJsonArray(input) : readJsonl(input);
  return { format, totalBytes, bytesRead: () => read, records };
}

async function* readJsonl(input: Readable): AsyncGenerator<SourceRecord> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    const t = line.trim();
    if (!t) continue;
    yield parseJsonRecord(n, t);
  }
}

function parseJsonRecord(n: number, text: string): SourceRecord {
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return { n, value: v as Record<string, unknown>, rawText: text };
    return { n, value: null, error: 'expected a JSON object', rawText: text };
  } catch (e) {
    return { n, value: null, error: `invalid JSON: ${(e as Error).message}`, rawText: text };
  }
}

/**
 * Splits a top-level JSON array into its elements by tracking nesting and
 * strings, then parses each element on its own. A document that is a single
 * object (not an array) is yielded as one record.
 */
async function* readJsonArray(input: Readable): AsyncGenerator<SourceRecord> {
  input.setEncoding('utf8');
  let depth = 0;
  let inString = false;
  let escaped = false;
  let started = false;
  let buf = '';
  let n = 0;
  let topObject = false;
  for await (const chunk of input as AsyncIterable<string>) {
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') {
        inString = true;
        continue;
      }
      if (!started) {
        if (c === '[') {
          started = true;
          from = i + 1;
        } else if (c === '{') {
          started = true;
          topObject = true;
          depth = 1;
          from = i;
        }
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        if (depth === 0 && c === ']') {
          buf += chunk.slice(from, i);
          const t = buf.trim();
          if (t) yield parseJsonRecord(++n, t);
          buf = '';
          from = i + 1;
          started = false;
          continue;
        }
        depth--;
        if (topObject && depth === 0) {
          buf += chunk.slice(from, i + 1);
          yield parseJsonRecord(++n, buf.trim());
          buf = '';
          from = i + 1;
          started = false;
          topObject = false;
        }
      } else if (c === ',' && depth === 0 && !topObject) {
        buf += chunk.slice(from, i);
        const t = buf.trim();
        if (t) yield parseJsonRecord(++n, t);
        buf = '';
        from = i + 1;
      }
    }
    if (started) buf += chunk.slice(from);
    if (buf.length > 50_000_000) throw new Error('a JSON element is larger than 50 MB');
  }
}

async function* readCsv(input: Readable, delimiter: string): AsyncGenerator<SourceRecord> {
  const parser = input.pipe(
    parseCsv({ columns: true, bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: false, raw: true }),
  );
  let n = 0;
  for await (const row of parser as AsyncIterable<{ record: Record<string, string>; raw: string }>) {
    n++;
    yield { n, value: row.record, rawText: row.raw.replace(/\r?\n$/, '') };
  }
}
