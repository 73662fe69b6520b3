import Database from 'better-sqlite3';
import { createRandom } from '../../../src/random.ts';
import type { Outcome } from './load.ts';
import { assertLoopback } from './http.ts';
import { generateRawVacancy } from './raw-vacancies.ts';
import { SOAK_NOW } from './store.ts';

/**
 * Employer batch writers and their receipts. Every item carries a reference
 * no other item uses, so a receipt's content hash is the vacancy's final
 * content: after the run (or a crash and restart) every receipted id must be
 * in the store, live, with exactly that hash.
 */

export interface ReceiptLog {
  /** Vacancy id → receipted content hash. */
  receipts: Map<number, string>;
  itemsSent: number;
  rejected: number;
  /** Batch requests answered 200. */
  batchesOk: number;
}

export const newReceiptLog = (): ReceiptLog => ({ receipts: new Map(), itemsSent: 0, rejected: 0, batchesOk: 0 });

interface BatchResponse {
  items?: { outcome: string; id?: number; contentHash?: string }[];
}

/** A load-loop request that POSTs one batch of `batchSize` fresh vacancies and records the receipts. */
export function batchWriter(opts: { baseUrl: string; key: string; batchSize: number; refPrefix: string; log: ReceiptLog }) {
  const url = `${opts.baseUrl}/v1/vacancies/batch`;
  assertLoopback(url);
  return async (client: number, i: number, signal: AbortSignal): Promise<Outcome> => {
    const rng = createRandom(1_000_003 * (i + 1) + client);
    const items = Array.from({ length: opts.batchSize }, (_, k) => generateRawVacancy(rng, i * opts.batchSize + k, SOAK_NOW, opts.refPrefix));
    opts.log.itemsSent += items.length;
    const res = await fetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${opts.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ items }),
      signal,
    });
    const text = await res.text();
    if (res.status !== 200) return { ok: false, status: res.status };
    const body = JSON.parse(text) as BatchResponse;
    opts.log.batchesOk++;
    for (const r of body.items ?? []) {
      if (r.outcome === 'rejected') opts.log.rejected++;
      else if (r.id != null && r.contentHash) opts.log.receipts.set(r.id, r.contentHash);
    }
    return { ok: (body.items?.length ?? 0) === items.length, status: res.status };
  };
}

export interface ReceiptCheck {
  checked: number;
  lost: number;
  lostIds: number[];
}

/** Every receipted vacancy must be in the store, live, with the receipted content hash. */
export function verifyReceipts(dbPath: string, log: ReceiptLog): ReceiptCheck {
  const db = new Database(dbPath, { readonly: true });
  try {
    const st = db.prepare('SELECT content_hash AS hash, status FROM vacancies WHERE id = ?');
    const lostIds: number[] = [];
    let lost = 0;
    for (const [id, hash] of log.receipts) {
      const row = st.get(id) as { hash: string; status: string } | undefined;
      if (!row || row.hash !== hash || row.status !== 'live') {
        lost++;
        if (lostIds.length < 20) lostIds.push(id);
      }
    }
    return { checked: log.receipts.size, lost, lostIds };
  } finally {
    db.close();
  }
}
