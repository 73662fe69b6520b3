import type { Db } from '../db.ts';
import { DOCUMENT_COLUMNS, toSearchDocument, type DocumentRow } from './document.ts';
import type { SearchDocument } from './engine.ts';
import type { TextSource } from './sqlite-engine.ts';

/*
 * The drainer's hot path reads only the columns a SearchDocument needs
 * (DOCUMENT_COLUMNS) and maps them with the one mapper, toSearchDocument.
 */
const COLUMNS = DOCUMENT_COLUMNS;

/** Search documents for the live vacancies among `ids`; `live` says which ids were live. */
export function loadSearchDocuments(db: Db, ids: readonly number[]): { docs: SearchDocument[]; live: Set<number> } {
  const docs: SearchDocument[] = [];
  const live = new Set<number>();
  const st = db.$client.prepare(`SELECT ${COLUMNS} FROM vacancies WHERE id IN (SELECT value FROM json_each(?))`);
  for (let i = 0; i < ids.length; i += 5000) {
    for (const r of st.all(JSON.stringify(ids.slice(i, i + 5000))) as DocumentRow[]) {
      if (r.status !== 'live') continue;
      live.add(r.id);
      docs.push(toSearchDocument(r));
    }
  }
  return { docs, live };
}

/** Live search documents with id > afterId, in id order (rebuild streams these). */
export function loadLiveDocumentsAfter(db: Db, afterId: number, limit: number): SearchDocument[] {
  const rows = db.$client
    .prepare(`SELECT ${COLUMNS} FROM vacancies WHERE status = 'live' AND id > ? ORDER BY id LIMIT ?`)
    .all(afterId, limit) as DocumentRow[];
  return rows.map(toSearchDocument);
}

/** Highlight text straight from the vacancies table, so the engine need not store it twice. */
export function vacancyTextSource(db: Db): TextSource {
  const st = db.$client.prepare(
    'SELECT id, title, description_text FROM vacancies WHERE id IN (SELECT value FROM json_each(?))',
  );
  return (ids) => {
    const rows = st.raw().all(JSON.stringify(ids)) as [number, string, string][];
    return new Map(rows.map(([id, title, description]) => [id, { title, description }]));
  };
}
