import { Meilisearch, MeilisearchApiError, type IndexSwap, type Settings } from 'meilisearch';
import type { Clock } from '../../clock.ts';
import type { EngineHealth, SearchDocument, SearchEngine, SearchQuery, SearchResult } from '../engine.ts';
import { planWriteBatches } from './batches.ts';
import { PRIMARY_KEY, type MeiliDocument } from './document.ts';
import { matchesNothing, staleLocationsFilter, vacancyIdsFilter } from './filter.ts';
import { toSearchParams } from './query.ts';
import { toSearchResult, type MeiliSearchResponse } from './result.ts';
import { DEFAULT_RETRY, isTransientError, withRetry, type RetryOptions } from './retry.ts';
import { searchUnavailable } from '../search-errors.ts';
import { buildIndexSettings } from './settings.ts';
import { synonymsFromTaxonomy } from './synonyms.ts';
import type { Taxonomy } from '../../taxonomy/model.ts';
import { MeiliTaskError, runTask, type TaskRunnerOptions } from './tasks.ts';

export interface MeilisearchEngineOptions {
  host: string;
  /** Key used for writes, settings, stats and the index swap. */
  apiKey?: string;
  /** Key used for searches (a search-only key); defaults to apiKey. */
  searchKey?: string;
  /** Prefix of every index uid; the live index is `<prefix>vacancies`. */
  indexPrefix: string;
  /**
   * Source of synonyms (occupation alternative titles) and skill labels,
   * called once, on the first write: loading a full taxonomy takes a while
   * and searches do not need it.
   */
  taxonomy?: () => Pick<Taxonomy, 'occupations' | 'skills'>;
  /** Explicit synonyms; default synonymsFromTaxonomy(taxonomy), or none. */
  synonyms?: Record<string, string[]>;
  /** Explicit skill label resolver; default from the taxonomy, or none. */
  labelSkill?: (skillId: string) => string | undefined;
  /** Meilisearch documents per write (one per vacancy location). */
  batchSize?: number;
  /** Write tasks enqueued before the oldest is awaited. */
  maxTasksInFlight?: number;
  taskTimeoutMs?: number;
  taskIntervalMs?: number;
  /** Timeout of each HTTP request. */
  requestTimeoutMs?: number;
  retry?: RetryOptions;
  maxTotalHits?: number;
  now: Clock;
}

function isIndexNotFound(error: unknown): boolean {
  return error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found';
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Meilisearch behind the SearchEngine interface. Every write waits for its
 * task and throws when Meilisearch is unreachable or the task fails, so the
 * outbox drainer keeps the rows and retries later (at-least-once; writes are
 * idempotent upserts by primary key).
 */
export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  readonly liveIndexUid: string;
  readonly #writer: Meilisearch;
  readonly #searcher: Meilisearch;
  #lexicon: { settings: Settings; labelSkill?: (skillId: string) => string | undefined } | null = null;
  readonly #tasks: TaskRunnerOptions;
  readonly #batchSize: number;
  readonly #maxInFlight: number;
  readonly #ready = new Map<string, Promise<void>>();
  /** The index a rebuild in this process is filling; writes go there too so it misses none. */
  #filling: string | null = null;
  /** Vacancy ids removed from the filling index (the fresh index's expected count allows for them). */
  #removedWhileFilling = 0;

  constructor(private readonly options: MeilisearchEngineOptions) {
    const timeout = options.requestTimeoutMs ?? 10_000;
    // Uncompressed responses: Meilisearch streams a gzip body in several small
    // writes, and on a keep-alive connection the last one waits for the
    // client's delayed ACK, adding ~40 ms to about half of all searches
    // (measured on loopback: p50 49 ms with gzip, 10 ms without). Our
    // responses are a page of 20 short hits, so compression saves little.
    const requestInit = { headers: { 'Accept-Encoding': 'identity' } };
    this.#writer = new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout, requestInit });
    this.#searcher = new Meilisearch({ host: options.host, apiKey: options.searchKey ?? options.apiKey, timeout, requestInit });
    this.liveIndexUid = `${options.indexPrefix}vacancies`;
    this.#tasks = {
      timeoutMs: options.taskTimeoutMs ?? 60_000,
      intervalMs: options.taskIntervalMs ?? 50,
      retry: options.retry ?? DEFAULT_RETRY,
    };
    this.#batchSize = options.batchSize ?? 1000;
    this.#maxInFlight = options.maxTasksInFlight ?? 4;
  }

  /** Settings and skill labels, built on first use (they may need the taxonomy). */
  #getLexicon(): { settings: Settings; labelSkill?: (skillId: string) => string | undefined } {
    if (!this.#lexicon) {
      const taxonomy = this.options.taxonomy?.();
      const synonyms = this.options.synonyms ?? (taxonomy ? synonymsFromTaxonomy(taxonomy) : undefined);
      const labelSkill = this.options.labelSkill ?? (taxonomy ? (id: string) => taxonomy.skills.get(id)?.label : undefined);
      this.#lexicon = { settings: buildIndexSettings({ synonyms, maxTotalHits: this.options.maxTotalHits }), labelSkill };
    }
    return this.#lexicon;
  }

  /** The settings every index of this engine gets. */
  get settings(): Settings {
    return this.#getLexicon().settings;
  }

  /** Creates the index if missing and applies the settings, once per index per process. */
  #ensureIndex(uid: string): Promise<void> {
    let ready = this.#ready.get(uid);
    if (!ready) {
      ready = this.#createWithSettings(uid);
      this.#ready.set(uid, ready);
      // A failure (Meilisearch down) must not stick: the next call tries again.
      ready.catch(() => this.#ready.delete(uid));
    }
    return ready;
  }

  async #createWithSettings(uid: string): Promise<void> {
    const exists = await withRetry(
      () => this.#writer.getRawIndex(uid).then(() => true, (e: unknown) => (isIndexNotFound(e) ? false : Promise.reject(e))),
      this.#tasks.retry,
    );
    if (!exists) {
      try {
        await runTask(this.#writer, () => this.#writer.createIndex(uid, { primaryKey: PRIMARY_KEY }), this.#tasks);
      } catch (error) {
        // Another process created it between our check and our create.
        if (!(error instanceof MeiliTaskError && error.task.error?.code === 'index_already_exists')) throw error;
      }
    }
    await runTask(this.#writer, () => this.#writer.index(uid).updateSettings(this.settings), this.#tasks);
  }

  /**
   * Writes documents to an index: add-or-replace by primary key, then delete
   * the location documents a vacancy no longer has (skipped when filling a
   * fresh index). Tasks are pipelined, at most maxTasksInFlight at once.
   */
  async #write(uid: string, docs: readonly SearchDocument[], pruneStale: boolean): Promise<void> {
    const index = this.#writer.index<MeiliDocument>(uid);
    const inFlight: Promise<unknown>[] = [];
    const start = (task: Promise<unknown>) => {
      // Handled now so a failure while an earlier task is awaited is not an
      // unhandled rejection; awaiting `task` below still throws it.
      task.catch(() => undefined);
      inFlight.push(task);
    };
    try {
      for (const batch of planWriteBatches(docs, this.#batchSize, this.#getLexicon().labelSkill)) {
        // Stale deletes touch only location indexes past the new count, so
        // they commute with the adds: a vacancy is never missing mid-update.
        start(runTask(this.#writer, () => index.addDocuments(batch.meili, { primaryKey: PRIMARY_KEY }), this.#tasks));
        const stale = pruneStale ? staleLocationsFilter(batch.placeCounts) : undefined;
        if (stale) start(runTask(this.#writer, () => index.deleteDocuments({ filter: stale }), this.#tasks));
        while (inFlight.length >= this.#maxInFlight) await inFlight.shift();
      }
      while (inFlight.length > 0) await inFlight.shift();
    } finally {
      // Never leave a rejected promise unobserved after the first failure.
      await Promise.allSettled(inFlight);
    }
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const filling = this.#filling;
    await this.#ensureIndex(this.liveIndexUid);
    await this.#write(this.liveIndexUid, docs, true);
    if (filling) await this.#write(filling, docs, true);
  }

  async remove(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const filling = this.#filling;
    await this.#ensureIndex(this.liveIndexUid);
    await this.#removeFrom(this.liveIndexUid, ids);
    if (filling) {
      await this.#removeFrom(filling, ids);
      this.#removedWhileFilling += ids.length;
    }
  }

  async #removeFrom(uid: string, ids: number[]): Promise<void> {
    const index = this.#writer.index(uid);
    for (const part of chunk(ids, this.#batchSize)) {
      // By filter: removes every location document of each vacancy.
      await runTask(this.#writer, () => index.deleteDocuments({ filter: vacancyIdsFilter(part) }), this.#tasks);
    }
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const empty = (): SearchResult => ({
      total: 0,
      hits: [],
      facets: Object.fromEntries((query.facets ?? []).map((f) => [f, {}])),
    });
    if (matchesNothing(query)) return empty();
    const { q, params } = toSearchParams(query);
    try {
      const response = await withRetry(
        () => this.#searcher.index(this.liveIndexUid).search(q, params),
        { ...this.#tasks.retry, attempts: Math.min(this.#tasks.retry.attempts, 2) },
      );
      return toSearchResult(response as unknown as MeiliSearchResponse, query);
    } catch (error) {
      // Nothing indexed yet: an empty result, not an error.
      if (isIndexNotFound(error)) return empty();
      // Down, timing out or overloaded: the caller should back off and retry, not see a 500.
      if (isTransientError(error)) {
        throw searchUnavailable(`Meilisearch did not answer the search: ${(error as Error).message}`);
      }
      throw error;
    }
  }

  /** Vacancies, not location documents: each vacancy has exactly one document with locationIndex 0. */
  async count(): Promise<number> {
    try {
      return await this.#vacancyCount(this.liveIndexUid);
    } catch (error) {
      if (isIndexNotFound(error)) return 0;
      throw error;
    }
  }

  /**
   * Zero-downtime rebuild: fill a fresh index with the same settings, swap it
   * with the live one in one atomic task, delete the old one. Searches hit
   * the live index throughout. Upserts and removes made through this engine
   * while the fresh index fills go to both. Writes from another process
   * (the server's drainer while the CLI rebuilds) reach only the old index
   * until the swap: see the README on rebuilding.
   *
   * Rebuilds are not meant to run two at once. A rebuild that died (its
   * process killed, or Meilisearch gone so it could not drop its own fresh
   * index) leaves `<prefix>vacancies_tmp_*` behind, half-built; each rebuild
   * first drops those. Before the swap the fresh index must hold every
   * vacancy written to it: Meilisearch creates a missing index on the first
   * document write, so a fresh index dropped mid-fill would otherwise come
   * back partial and without settings, and be swapped in.
   */
  async rebuild(docs: AsyncIterable<SearchDocument[]> | Iterable<SearchDocument[]>): Promise<void> {
    await this.#ensureIndex(this.liveIndexUid);
    for (const uid of await this.#rebuildLeftovers()) await this.#dropIndex(uid);
    const fresh = `${this.#freshPrefix}${this.options.now()}`;
    // A leftover of a crashed rebuild with the same name must not be reused.
    await this.#dropIndex(fresh);
    try {
      await this.#ensureIndex(fresh);
      this.#filling = fresh;
      const written = new Set<number>();
      for await (const batch of docs) {
        if (batch.length === 0) continue;
        await this.#write(fresh, batch, false);
        for (const d of batch) written.add(d.id);
      }
      const held = await this.#vacancyCount(fresh).catch((error: unknown) => {
        // Not filterable by locationIndex: the index lost its settings, so it was recreated mid-fill and is partial.
        if (error instanceof MeilisearchApiError && error.cause?.code === 'invalid_document_filter') return 0;
        throw error;
      });
      // Removes through this engine while filling may take some out; nothing else may.
      if (held < written.size - this.#removedWhileFilling) {
        throw new Error(`the fresh index ${fresh} holds ${held} of the ${written.size} vacancies written to it; not swapping it in`);
      }
      // Older servers reject an explicit `rename` field; omitted, it defaults to a plain swap.
      const swap = { indexes: [this.liveIndexUid, fresh] } as IndexSwap;
      await runTask(this.#writer, () => this.#writer.swapIndexes([swap]), this.#tasks);
      this.#filling = null;
      this.#removedWhileFilling = 0;
    } catch (error) {
      this.#filling = null;
      this.#removedWhileFilling = 0;
      // The live index is untouched; drop the half-built one.
      await this.#dropIndex(fresh).catch(() => undefined);
      throw error;
    }
    // After the swap `fresh` names the old documents.
    await this.#dropIndex(fresh);
  }

  get #freshPrefix(): string {
    return `${this.options.indexPrefix}vacancies_tmp_`;
  }

  /** Fresh indexes earlier rebuilds left behind. */
  async #rebuildLeftovers(): Promise<string[]> {
    const uids: string[] = [];
    for (let offset = 0; ; ) {
      const page = await withRetry(() => this.#writer.getRawIndexes({ offset, limit: 100 }), this.#tasks.retry);
      for (const index of page.results) if (index.uid.startsWith(this.#freshPrefix)) uids.push(index.uid);
      offset += page.results.length;
      if (page.results.length === 0 || offset >= page.total) return uids;
    }
  }

  /** Vacancies (documents with locationIndex 0) in an index. */
  async #vacancyCount(uid: string): Promise<number> {
    const page = await withRetry(
      () => this.#writer.index(uid).getDocuments({ filter: 'locationIndex = 0', limit: 1, fields: [PRIMARY_KEY] }),
      this.#tasks.retry,
    );
    return page.total;
  }

  async #dropIndex(uid: string): Promise<void> {
    this.#ready.delete(uid);
    try {
      await runTask(this.#writer, () => this.#writer.deleteIndex(uid), this.#tasks);
    } catch (error) {
      if (!(error instanceof MeiliTaskError && error.task.error?.code === 'index_not_found')) throw error;
    }
  }

  async health(): Promise<EngineHealth> {
    try {
      await this.#writer.health();
    } catch (error) {
      return { ok: false, engine: this.name, detail: `unreachable at ${this.options.host}: ${(error as Error).message}` };
    }
    try {
      const stats = await this.#writer.index(this.liveIndexUid).getStats();
      const indexing = stats.isIndexing ? ', indexing' : '';
      return { ok: true, engine: this.name, detail: `index ${this.liveIndexUid}: ${stats.numberOfDocuments} documents${indexing}` };
    } catch (error) {
      if (isIndexNotFound(error)) return { ok: true, engine: this.name, detail: `index ${this.liveIndexUid} not created yet` };
      return { ok: false, engine: this.name, detail: `index stats failed: ${(error as Error).message}` };
    }
  }
}
