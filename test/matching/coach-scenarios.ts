import { createCoach, type Coach } from '../../src/auth/coaches.ts';
import { createSession } from '../../src/auth/sessions.ts';
import { DAY_MS } from '../../src/clock.ts';
import type { Db } from '../../src/db.ts';
import { updateDemandHistory } from '../../src/pivots/demand-history.ts';
import { drainOutbox } from '../../src/search/outbox.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { ingestVacancy } from '../../src/vacancies/ingest.ts';
import { RawVacancySchema } from '../../src/vacancies/model.ts';
import { addParticipant } from '../helpers/participants.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { bundledStore } from '../helpers/bundled-store.ts';

/**
 * Issue 14's coach scenarios on the bundled taxonomy: a real app over a
 * :memory: database, adverts written here (East London, around
 * Walthamstow) through the ingest path with the real enricher and the
 * offline geocoder, and participants like the issue's.
 */
export const NOW = Date.parse('2026-03-01T09:00:00Z');

export interface Advert {
  ref: string;
  title: string;
  description: string;
  location: string;
  remote?: 'onsite' | 'hybrid' | 'remote';
  lat?: number;
  lon?: number;
  postedDaysAgo: number;
  salary?: string;
}

/** Places around Walthamstow (51.586, −0.018), with coordinates so distances do not depend on the geocoder's table. */
export const PLACES = {
  walthamstow: { location: 'Walthamstow, E17', lat: 51.5862, lon: -0.018 },
  leyton: { location: 'Leyton, E10', lat: 51.5667, lon: -0.0104 },
  enfield: { location: 'Enfield, EN3', lat: 51.6538, lon: -0.0422 },
  dagenham: { location: 'Dagenham, RM10', lat: 51.5397, lon: 0.1477 },
} as const;

export const ADVERTS: Advert[] = [
  {
    ref: 'stock-enfield',
    title: 'Stock Controller',
    ...PLACES.enfield,
    postedDaysAgo: 24,
    salary: '£26,000 per year',
    description:
      'We are looking for a Stock Controller for our distribution centre. You will carry out stock control and regular stock taking, keep records in our warehouse management system (WMS), use Microsoft Excel for reports and data entry, and handle goods in and receiving. Attention to detail is essential. A counterbalance forklift licence is an advantage.',
  },
  {
    ref: 'warehouse-dagenham',
    title: 'Warehouse Operative',
    ...PLACES.dagenham,
    postedDaysAgo: 18,
    salary: '£12.60 per hour',
    description:
      'Warehouse Operative needed: loading and unloading trailers, goods in and receiving, put-away, order picking and packing, despatch and goods out, stock taking, using handheld RF scanners and a counterbalance forklift. Forklift licence essential.',
  },
  {
    ref: 'admin-walthamstow',
    title: 'Administrator',
    ...PLACES.walthamstow,
    postedDaysAgo: 0,
    salary: '£23,000 per year',
    description:
      'An Administrator for our busy office: office administration, answering the telephone, diary management, Microsoft Office, customer service and filing. Good organisational skills needed.',
  },
  {
    ref: 'chef-leyton',
    title: 'Chef de Partie',
    ...PLACES.leyton,
    postedDaysAgo: 0,
    salary: '£27,000 per year',
    description: 'Chef de Partie for a busy restaurant: cooking, food preparation, knife skills, food hygiene level 2, allergen awareness and working under pressure in a team.',
  },
  {
    ref: 'office-manager-remote',
    title: 'Office Manager',
    // As the demo generator writes them: remote, with the employer's town.
    location: 'Remote (UK), Leyton',
    lat: PLACES.leyton.lat,
    lon: PLACES.leyton.lon,
    remote: 'remote',
    postedDaysAgo: 0,
    salary: '£32,000 per year',
    description:
      'Fully remote Office Manager to run our virtual office: office administration, supervising staff, budgeting, stakeholder management, Microsoft Office, video calling and collaboration tools, organisational skills.',
  },
  {
    ref: 'delivery-enfield',
    title: 'Multi-drop Delivery Driver',
    ...PLACES.enfield,
    postedDaysAgo: 20,
    salary: '£13.00 per hour',
    description:
      'Multi-drop delivery driver with a full UK driving licence (category B): route planning, sat nav, vehicle safety checks, customer service on the doorstep, manual handling of parcels, safe driving.',
  },
];

export interface Scenario {
  db: Db;
  app: ReturnType<typeof createTestApp>['app'];
  coach: Coach;
  token: string;
  session: string;
  /** Vacancy id by advert ref. */
  ids: Map<string, number>;
  addPerson(body: Record<string, unknown>): number;
}

export async function seedScenario(adverts: readonly Advert[] = ADVERTS): Promise<Scenario> {
  const { db, clock, taxonomy, enricher, geocoder, ingest } = bundledStore(NOW);
  const ids = new Map<string, number>();
  for (const a of adverts) {
    const raw = RawVacancySchema.parse({
      reference: a.ref,
      title: a.title,
      employer: 'Example Employer Ltd',
      location: a.location,
      ...(a.lat != null ? { lat: a.lat, lon: a.lon } : {}),
      description: a.description,
      ...(a.salary ? { salary: a.salary } : {}),
      ...(a.remote ? { remote: a.remote } : {}),
      datePosted: new Date(NOW - a.postedDaysAgo * DAY_MS).toISOString().slice(0, 10),
    });
    const r = ingestVacancy(ingest, { source: 'test:issue-14', raw });
    if (!('id' in r) || typeof r.id !== 'number') throw new Error(`advert ${a.ref} not stored: ${JSON.stringify(r)}`);
    ids.set(a.ref, r.id);
  }
  // Pivots count local demand from the demand history, as the server's schedule keeps it.
  updateDemandHistory(db, NOW);
  const search = new SqliteEngine(db);
  await drainOutbox(db, search);
  const { app } = createTestApp({ db, search, taxonomy: () => taxonomy, enricher: () => enricher, geocoder, now: clock });
  const { coach, token } = createCoach(db, { name: 'Ann Coach', org: 'North Works' }, NOW);
  const deps = { db, taxonomy: () => taxonomy, enricher: () => enricher, geocoder, now: clock };
  return {
    db,
    app,
    coach,
    token,
    session: createSession(db, coach.id, NOW),
    ids,
    addPerson: (body) => addParticipant(deps, coach, body).id,
  };
}

/** Participants like issue 14's. */
export const STOCK_CONTROLLER = {
  reference: 'SC-1',
  location: '51.5862,-0.018',
  maxTravelKm: 25,
  history: [{ title: 'Stock controller', years: 6 }],
  licences: ['B', 'forklift'],
  remote: 'onsite',
};

export const TAXI_DRIVER = {
  reference: 'TX-1',
  location: '51.5862,-0.018',
  maxTravelKm: 25,
  history: [{ title: 'Taxi driver', years: 8 }],
  licences: ['B'],
  remote: 'onsite',
};
