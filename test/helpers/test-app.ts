import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../src/app-deps.ts';
import { createApp } from '../../src/app.ts';
import { fixedClock } from '../../src/clock.ts';
import { openDb } from '../../src/db.ts';
import { silentLogger } from '../../src/logger.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { createTaxonomy } from '../../src/taxonomy/build.ts';
import type { Taxonomy } from '../../src/taxonomy/model.ts';

/** Limits high enough that no test meets them by accident (the tests of the limits set their own). */
export const TEST_CONFIG: AppDeps['config'] = { RATE_LIMIT_PER_MINUTE: 10_000, BODY_LIMIT_BYTES: 1_000_000 };

const EMPTY: Taxonomy = createTaxonomy({ versionId: 0, occupations: [], skills: [], relations: [], groups: [], sectors: [] });
/** A taxonomy with nothing in it, for tests whose routes never classify or match. */
export const emptyTaxonomy = (): Taxonomy => EMPTY;

export type TestAppOverrides = Partial<Omit<AppDeps, 'config'>> & { config?: Partial<AppDeps['config']> };

/**
 * The real app over real parts, with every dependency a test does not name
 * given a plain default: a fresh :memory: database, the embedded engine on
 * it, an empty taxonomy, no enricher or geocoder, a fixed clock, a silent
 * logger and generous limits. Returns the deps too, so a test can seed
 * through the same database and clock the app uses.
 */
export function createTestApp(over: TestAppOverrides = {}): { app: Hono<AppEnv>; deps: AppDeps } {
  const db = over.db ?? openDb(':memory:');
  const deps: AppDeps = {
    db,
    search: over.search ?? new SqliteEngine(db),
    taxonomy: over.taxonomy ?? emptyTaxonomy,
    enricher: over.enricher ?? (() => null),
    geocoder: over.geocoder ?? null,
    now: over.now ?? fixedClock(Date.parse('2026-03-01T09:00:00Z')),
    logger: over.logger ?? silentLogger,
    config: { ...TEST_CONFIG, ...over.config },
    ...(over.sourcesFile ? { sourcesFile: over.sourcesFile } : {}),
    ...(over.matchLimiter ? { matchLimiter: over.matchLimiter } : {}),
  };
  return { app: createApp(deps), deps };
}
