import { readFileSync } from 'node:fs';
import { createTestApp } from '../helpers/test-app.ts';
import type { AppDeps } from '../../src/app-deps.ts';
import { createCoach, type Coach } from '../../src/auth/coaches.ts';
import { createSession } from '../../src/auth/sessions.ts';
import { DAY_MS, fixedClock } from '../../src/clock.ts';
import type { Db } from '../../src/db.ts';
import { loadDemoVacancies } from '../../src/demo/load-demo.ts';
import { addParticipant } from '../helpers/participants.ts';
import type { ParticipantDeps } from '../../src/participants/service.ts';
import { updateDemandHistory } from '../../src/pivots/demand-history.ts';
import type { SearchEngine } from '../../src/search/engine.ts';
import { drainOutbox } from '../../src/search/outbox.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { RawVacancySchema } from '../../src/vacancies/model.ts';
import { ingestVacancy } from '../../src/vacancies/ingest.ts';
import { bundledStore } from '../helpers/bundled-store.ts';

export const NOW = Date.parse('2026-03-01T09:00:00Z');

/** Three hand-written Leeds adverts (forklift, warehouse nights, care) in the employer API's raw format. */
export const PAGE_VACANCIES = RawVacancySchema.array().parse(
  JSON.parse(readFileSync(new URL('../fixtures/pages/vacancies.json', import.meta.url), 'utf8')),
);

export const JORDAN = {
  reference: 'CASE-0042',
  name: 'Jordan Example',
  location: 'Leeds',
  maxTravelKm: 25,
  history: [{ title: 'Warehouse operative', years: 3 }],
  licences: ['B', 'forklift'],
  salaryFloor: 20000,
  remote: 'onsite',
};

export interface Seeded {
  db: Db;
  app: ReturnType<typeof createTestApp>['app'];
  /** The app's clock, at NOW after seeding. */
  clock: ReturnType<typeof fixedClock>;
  coach: Coach;
  token: string;
  /** A page session of `coach` (the fp_session cookie's value), started at NOW. */
  session: string;
  /** A coach of another organisation: must never see the first one's participants. */
  otherCoach: Coach;
  otherToken: string;
  otherSession: string;
  participantId: number;
  /** The app's own dependencies for use cases (add participants, shortlist) without going through HTTP. */
  deps: ParticipantDeps;
}

/**
 * A real app over a :memory: database, filled through the same functions
 * the API and `npm start` use: the bundled taxonomy, the offline geocoder,
 * vacancies through the ingest path (demo adverts first seen 200 and 60
 * days ago, so the sector history shows growth, and the three fixture
 * adverts two days ago), the outbox drained into the embedded engine, a
 * coach and one participant.
 */
export async function seedApp(
  opts: { search?: (db: Db) => SearchEngine; demo?: boolean; config?: Partial<AppDeps['config']>; moreVacancies?: unknown[] } = {},
): Promise<Seeded> {
  const { db, clock, taxonomy, enricher, geocoder, ingest } = bundledStore(NOW);
  if (opts.demo !== false) {
    clock.set(NOW - 200 * DAY_MS);
    loadDemoVacancies(ingest, { count: 120, seed: 11 });
    clock.set(NOW - 60 * DAY_MS);
    loadDemoVacancies(ingest, { count: 120, seed: 12 });
  }
  clock.set(NOW - 2 * DAY_MS);
  for (const raw of [...PAGE_VACANCIES, ...RawVacancySchema.array().parse(opts.moreVacancies ?? [])]) ingestVacancy(ingest, { source: 'import:pages-fixture', raw });
  clock.set(NOW);
  updateDemandHistory(db, NOW);
  const search = opts.search?.(db) ?? new SqliteEngine(db);
  await drainOutbox(db, search);
  const { app } = createTestApp({ db, search, taxonomy: () => taxonomy, enricher: () => enricher, geocoder, now: clock, config: { ...opts.config } });
  const { coach, token } = createCoach(db, { name: 'Ann Coach', org: 'North Works' }, NOW);
  const other = createCoach(db, { name: 'Bea Coach', org: 'South Skills' }, NOW);
  const deps = { db, taxonomy: () => taxonomy, enricher: () => enricher, geocoder, now: clock };
  const participant = addParticipant(deps, coach, JORDAN);
  return {
    db,
    app,
    clock,
    coach,
    token,
    session: createSession(db, coach.id, NOW),
    otherCoach: other.coach,
    otherToken: other.token,
    otherSession: createSession(db, other.coach.id, NOW),
    participantId: participant.id,
    deps,
  };
}
