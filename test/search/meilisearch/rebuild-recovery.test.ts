import { Meilisearch } from 'meilisearch';
import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../../src/search/engine.ts';
import { dropIndexesWithPrefix } from '../../../src/search/meilisearch/drop-indexes.ts';
import { CONTRACT_DOCS } from '../engine-contract.ts';
import { liveMeiliEngine } from './live-engine.ts';

/**
 * Rebuilds that die half-way, against a real Meilisearch (only when
 * MEILI_HOST is set, like contract.test.ts). Found by the meili-outage soak:
 * Meilisearch killed during `index rebuild` left the half-built
 * `<prefix>vacancies_tmp_*` index behind (the rebuild could not drop it
 * while Meilisearch was down) and every later rebuild left it there.
 */
const host = process.env.MEILI_HOST;
const apiKey = process.env.MEILI_API_KEY;
const runId = `${process.pid}_${Math.floor(Math.random() * 1e6)}`;
let made = 0;

function setup() {
  const prefix = `flightpath_rebuild_${runId}_${++made}_`;
  const engine = liveMeiliEngine(prefix);
  const client = new Meilisearch({ host: host!, apiKey });
  const uids = async () => (await client.getRawIndexes({ limit: 1000 })).results.map((i) => i.uid).filter((u) => u.startsWith(prefix)).sort();
  const cleanup = () => dropIndexesWithPrefix(host!, apiKey, prefix, 30_000);
  return { prefix, engine, client, uids, cleanup };
}

const ids = (r: { hits: { id: number }[] }) => r.hits.map((h) => h.id).sort((a, b) => a - b);

describe.runIf(Boolean(host))('Meilisearch rebuild after a rebuild died', () => {
  it('drops the half-built indexes an earlier rebuild left behind', { timeout: 120_000 }, async () => {
    const { prefix, engine, client, uids, cleanup } = setup();
    try {
      await engine.upsert(CONTRACT_DOCS.slice(0, 3));
      // What a rebuild killed mid-fill leaves: a fresh index holding part of the store.
      await client.createIndex(`${prefix}vacancies_tmp_1`, { primaryKey: 'docId' }).waitTask({ timeout: 30_000 });
      await client
        .index(`${prefix}vacancies_tmp_1`)
        .addDocuments([{ docId: '1-0', vacancyId: 1, locationIndex: 0 }])
        .waitTask({ timeout: 30_000 });
      // Not ours: another prefix's index that merely starts alike.
      await client.createIndex(`${prefix}vacancies_tmpx`, { primaryKey: 'docId' }).waitTask({ timeout: 30_000 });

      await engine.rebuild([CONTRACT_DOCS.slice(0, 4)]);

      expect(await uids()).toEqual([`${prefix}vacancies`, `${prefix}vacancies_tmpx`]);
      expect(await engine.count()).toBe(4);
    } finally {
      await cleanup();
    }
  });

  it('never swaps in a fresh index that lost documents while it filled', { timeout: 120_000 }, async () => {
    const { prefix, engine, client, uids, cleanup } = setup();
    try {
      await engine.upsert(CONTRACT_DOCS);
      const before = ids(await engine.search({ pageSize: 50 }));
      async function* batches(): AsyncGenerator<SearchDocument[]> {
        yield CONTRACT_DOCS.slice(0, 4);
        // The fresh index disappears mid-fill (another rebuild's clean-up);
        // Meilisearch recreates it, without settings, on the next write.
        const fresh = (await uids()).find((u) => u.startsWith(`${prefix}vacancies_tmp_`))!;
        await client.deleteIndex(fresh).waitTask({ timeout: 30_000 });
        yield CONTRACT_DOCS.slice(4, 6);
      }
      await expect(engine.rebuild(batches())).rejects.toThrow(/holds \d+ of the 6 vacancies written to it; not swapping it in/);

      // The live index is the old, whole one, and the partial one is gone.
      expect(await engine.count()).toBe(CONTRACT_DOCS.length);
      expect(ids(await engine.search({ pageSize: 50 }))).toEqual(before);
      expect(await uids()).toEqual([`${prefix}vacancies`]);
    } finally {
      await cleanup();
    }
  });
});
