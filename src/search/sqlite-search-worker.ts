/**
 * One search worker thread (started by sqlite-search-pool.ts): its own
 * read-only connection to the database file, so it reads beside the writer
 * (WAL) and a long statement here blocks neither writes nor the main event
 * loop. The pool stops a search over its time budget by terminating this
 * thread: better-sqlite3 has no other way to interrupt a running statement.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../schema/index.ts';
import type { Db } from '../db.ts';
import { ProblemError } from '../errors.ts';
import { vacancyTextSource } from './load-documents.ts';
import type { SearchQuery, SearchResult } from './engine.ts';
import { SqliteSearcher } from './sqlite-search.ts';

export interface SearchWorkerData {
  dbPath: string;
  /** Highlight text from the vacancies table (the app) or the engine's own copy (contract tests). */
  text: 'vacancies' | 'stored';
  snippetTokens?: number;
}

export type SearchWorkerRequest = { id: number; query: SearchQuery };

/** A ProblemError crosses the thread boundary as its fields; anything else as its message. */
export type SerializedError =
  | { kind: 'problem'; status: number; title: string; detail?: string; errors: ProblemError['errors']; headers: Record<string, string> }
  | { kind: 'error'; message: string };

export type SearchWorkerReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: SearchResult }
  | { type: 'error'; id: number; error: SerializedError };

function serializeError(error: unknown): SerializedError {
  if (error instanceof ProblemError) {
    return { kind: 'problem', status: error.status, title: error.title, detail: error.detail, errors: error.errors, headers: error.headers };
  }
  return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
}

const port = parentPort;
if (!port) throw new Error('sqlite-search-worker.ts runs as a worker thread (see sqlite-search-pool.ts)');
const data = workerData as SearchWorkerData;
const connection = new Database(data.dbPath, { readonly: true, fileMustExist: true });
connection.pragma('busy_timeout = 5000');
connection.pragma('cache_size = -32768');
connection.pragma('temp_store = MEMORY');
const searcher = new SqliteSearcher(connection, {
  snippetTokens: data.snippetTokens,
  textSource: data.text === 'vacancies' ? vacancyTextSource(drizzle(connection, { schema }) as Db) : undefined,
});

port.on('message', ({ id, query }: SearchWorkerRequest) => {
  let reply: SearchWorkerReply;
  try {
    reply = { type: 'result', id, result: searcher.search(query) };
  } catch (error) {
    reply = { type: 'error', id, error: serializeError(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ type: 'ready' } satisfies SearchWorkerReply);
