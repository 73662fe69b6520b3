import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';

/** What importers report while they run (the CLI draws a progress bar from it). */
export interface ImportProgress {
  /** Total bytes of every file the import will read. */
  start(totalBytes: number): void;
  /** Bytes read so far, and what is being read. */
  update(doneBytes: number, stage: string): void;
  stop(): void;
}

export const silentProgress: ImportProgress = { start() {}, update() {}, stop() {} };

export interface ReadOptions {
  /** ',' for ESCO CSV, '\t' for O*NET and the SOC coding index. */
  delimiter: string;
  /** RFC 4180 quoting (ESCO's multi-line fields); O*NET's tab files are unquoted and may contain stray quotes. */
  quoted: boolean;
  /** Called with the bytes consumed from this file so far. */
  onBytes?: (bytes: number) => void;
}

/**
 * Streams a delimited file as records keyed by its header row (BOM and
 * header whitespace tolerated), with constant memory whatever the file size.
 */
export async function* readRecords(path: string, opts: ReadOptions): AsyncGenerator<Record<string, string>> {
  const stream = createReadStream(path);
  let bytes = 0;
  if (opts.onBytes) {
    const report = opts.onBytes;
    stream.on('data', (chunk) => {
      bytes += chunk.length;
      report(bytes);
    });
  }
  const parser = stream.pipe(
    parse({
      delimiter: opts.delimiter,
      quote: opts.quoted ? '"' : false,
      columns: (header: string[]) => header.map((h) => h.trim()),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      relax_quotes: opts.quoted,
    }),
  );
  for await (const record of parser) yield record as Record<string, string>;
}

/** The first of `names` that exists in any of `dirs`, or null. */
export function findFile(dirs: readonly string[], names: readonly string[]): string | null {
  for (const name of names) {
    for (const dir of dirs) {
      const p = join(dir, name);
      if (existsSync(p) && statSync(p).isFile()) return p;
    }
  }
  return null;
}

export function fileSize(path: string | null): number {
  return path ? statSync(path).size : 0;
}

/** Splits a multi-value cell (ESCO altLabels: one label per line), trimmed, deduplicated, empties dropped. */
export function splitLines(cell: string | undefined): string[] {
  if (!cell) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of cell.split(/\r?\n/)) {
    const v = raw.trim().replace(/\s+/g, ' ');
    if (!v || seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push(v);
  }
  return out;
}

/** Tracks bytes across several files for one progress bar. */
export function createByteCounter(progress: ImportProgress, total: number) {
  let base = 0;
  progress.start(total);
  return {
    /** onBytes callback for the next file. */
    file(stage: string): (bytes: number) => void {
      const start = base;
      return (b) => progress.update(start + b, stage);
    },
    done(path: string | null): void {
      base += fileSize(path);
      progress.update(base, '');
    },
  };
}
