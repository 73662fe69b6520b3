import type { RankableVacancy } from './model.ts';

/**
 * Parsed ranking rows kept between calls, so the vacancies a town's
 * participants share (the newest nearby, the local warehouse and care jobs)
 * are read from the wide table and decoded once rather than on every
 * participant's matches: at 250k vacancies that read was a quarter of a
 * matches call (~900 rows, most of them overflowing a page).
 *
 * An entry is valid while its key is: the vacancy's content hash (every
 * column a RankableVacancy holds but two is in it), its status and its
 * first-seen time. Those three are read per call from a covering index
 * (vacancies_rank_key_idx), so a write by any connection or process shows
 * at the next read. Least recently used entries go first past `capacity`.
 *
 * The vacancies handed out are shared between callers: read them, never
 * change them.
 */
export class RankableCache {
  readonly #entries = new Map<number, { key: string; vacancy: RankableVacancy }>();
  hits = 0;
  misses = 0;

  constructor(readonly capacity: number) {}

  get(id: number, key: string): RankableVacancy | undefined {
    const entry = this.#entries.get(id);
    if (!entry || entry.key !== key) {
      this.misses++;
      return undefined;
    }
    // Map keeps insertion order: re-inserting marks it most recently used.
    this.#entries.delete(id);
    this.#entries.set(id, entry);
    this.hits++;
    return entry.vacancy;
  }

  set(id: number, key: string, vacancy: RankableVacancy): void {
    this.#entries.delete(id);
    this.#entries.set(id, { key, vacancy });
    while (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value as number);
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** The key an entry is valid for, from the index's columns. */
export function rankKey(contentHash: string, status: string, firstSeen: number): string {
  return `${contentHash}\u0000${status}\u0000${firstSeen}`;
}
