import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDb, openDb, type Db } from '../../src/db.ts';
import type { SearchEngine } from '../../src/search/engine.ts';
import { createRandom } from '../../src/random.ts';
import { searchDocument } from './engine-contract.ts';

/** A migrated database in a fresh temp file (search workers cannot open ':memory:'), removed by cleanup. */
export function openTempDb(): { db: Db; path: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'flightpath-search-'));
  const path = join(dir, 'search.db');
  const db = openDb(path);
  return {
    db,
    path,
    cleanup() {
      closeDb(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const WORDS = (
  'care home team support worker night shift warehouse driver kitchen cleaner nurse assistant manager ' +
  'customer service retail sales office admin training development residents personal caring weekly ' +
  'hours flexible local community health safety delivery stock picking packing permanent temporary'
).split(' ');

/**
 * `n` documents of 60 words each from one small vocabulary: most words occur
 * in most documents, so a query of common words matches (and ranks, counts
 * facets over) nearly the whole index. That makes a search slow enough to
 * overrun a 1 ms budget every time, without a sleep or a fake.
 */
export async function fillIndex(engine: SearchEngine, n: number, seed = 11): Promise<void> {
  const rng = createRandom(seed);
  const pick = () => WORDS[Math.floor(rng() * WORDS.length)]!;
  for (let start = 1; start <= n; start += 500) {
    const docs = [];
    for (let id = start; id < Math.min(n + 1, start + 500); id++) {
      docs.push(
        searchDocument(id, {
          title: `${pick()} ${pick()}`,
          description: Array.from({ length: 60 }, pick).join(' '),
          sector: 'QHIG'[id % 4]!,
          contract: id % 3 ? 'permanent' : 'temporary',
          places: [{ lat: 53.8 + (rng() - 0.5), lon: -1.55 + (rng() - 0.5) }],
        }),
      );
    }
    await engine.upsert(docs);
  }
}

/** Matches nearly every document of fillIndex: the whole index ranked, faceted and collapsed. */
export const COSTLY_QUERY = { q: 'care home team support', facets: ['sector', 'contract', 'remote', 'employmentType'] } as const;
