import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { AppDeps } from '../../src/app-deps.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createApiKey } from '../../src/auth/api-keys.ts';
import { fixedClock } from '../../src/clock.ts';
import { openDb, type Db } from '../../src/db.ts';
import { type Logger } from '../../src/logger.ts';
import type { EngineHealth, SearchEngine, SearchResult } from '../../src/search/engine.ts';
import { createTaxonomy } from '../../src/taxonomy/build.ts';

export const NOW = Date.parse('2025-06-02T09:00:00Z');

/** An engine whose health() reports down: for /readyz's degraded path. Not a stand-in for search. */
export class UnhealthyEngine implements SearchEngine {
  readonly name = 'sqlite' as const;
  async upsert(): Promise<void> {
    throw new Error('engine down');
  }
  async remove(): Promise<void> {
    throw new Error('engine down');
  }
  async search(): Promise<SearchResult> {
    throw new Error('engine down');
  }
  async count(): Promise<number> {
    return 0;
  }
  async rebuild(): Promise<void> {}
  async health(): Promise<EngineHealth> {
    return { ok: false, engine: 'sqlite', detail: 'index unavailable' };
  }
}

/** Captures JSON log lines in memory. */
export function captureLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

export interface EmployerTestContext {
  db: Db;
  app: ReturnType<typeof createTestApp>['app'];
  clock: ReturnType<typeof fixedClock>;
  keyA: string;
  keyA2: string;
  keyB: string;
  keyIdA: number;
  employerIdA: number;
  /** fetch-like helper: JSON body, bearer key. */
  call(method: string, path: string, opts?: { key?: string | null; body?: unknown; raw?: string; contentType?: string; headers?: Record<string, string> }): Promise<Response>;
}

export function setupEmployerApp(over: Partial<Omit<AppDeps, 'config'>> & { config?: Partial<AppDeps['config']> } = {}): EmployerTestContext {
  const db = over.db ?? openDb(':memory:');
  const clock = fixedClock(NOW);
  const taxonomy = createTaxonomy({ versionId: 0, occupations: [], skills: [], relations: [], groups: [], sectors: [] });
  const { app } = createTestApp({ ...over, db, now: over.now ?? clock });
  const a = createApiKey(db, { employerName: 'Acme Fictional Care' }, NOW);
  const a2 = createApiKey(db, { employerName: 'Acme Fictional Care', label: 'ATS' }, NOW);
  const b = createApiKey(db, { employerName: 'Other Fictional Ltd' }, NOW);
  const ctx: EmployerTestContext = {
    db,
    app,
    clock,
    keyA: a.key,
    keyA2: a2.key,
    keyB: b.key,
    keyIdA: a.info.id,
    employerIdA: a.info.employerId,
    call: async (method, path, opts = {}) => {
      const headers: Record<string, string> = { ...opts.headers };
      const key = opts.key === undefined ? ctx.keyA : opts.key;
      if (key) headers['Authorization'] = `Bearer ${key}`;
      let body: string | undefined;
      if (opts.raw !== undefined) body = opts.raw;
      else if (opts.body !== undefined) body = JSON.stringify(opts.body);
      if (body !== undefined) headers['Content-Type'] = opts.contentType ?? 'application/json';
      return app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    },
  };
  return ctx;
}

export const vacancy = (over: Record<string, unknown> = {}) => ({
  reference: 'REF-1',
  title: 'Care Assistant',
  description: 'Supporting residents with personal care. Enhanced DBS required.',
  location: 'Leeds',
  lat: 53.8,
  lon: -1.55,
  salary: '£12.00 per hour',
  ...over,
});

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}
