import { beforeEach, describe, expect, it } from 'vitest';
import { createCoach, type Coach } from '../../src/auth/coaches.ts';
import { createSession } from '../../src/auth/sessions.ts';
import { DAY_MS } from '../../src/clock.ts';
import type { Db } from '../../src/db.ts';
import { attentionFlags, NEWLY_ADDED_DAYS, NO_ACTIVITY_DAYS } from '../../src/participants/attention.ts';
import { readCaseload, type CaseloadOptions } from '../../src/participants/caseload.ts';
import { createParticipantFromBody, loadParticipant } from '../../src/participants/service.ts';
import { ParticipantBodySchema } from '../../src/participants/validation.ts';
import { addToShortlist, changeShortlistEntry } from '../../src/shortlist/shortlist.ts';
import { normaliseVacancy } from '../../src/vacancies/normalise.ts';
import { upsertVacancy } from '../../src/vacancies/store.ts';
import { openTracedDb } from '../helpers/query-plans.ts';
import { createTestApp, emptyTaxonomy } from '../helpers/test-app.ts';

/**
 * The caseload: latest activity, shortlist counts by stage, attention
 * flags from one definition and an injected clock, sort, filters, search,
 * pages of 50, one statement per page, and nothing of another organisation.
 */

const NOW = Date.parse('2026-03-01T09:00:00Z');
const DEFAULTS: CaseloadOptions = { sort: 'activity', stage: null, flag: null, q: null, page: 1, pageSize: 50 };

interface Ctx {
  db: Db;
  clock: { t: number };
  coach: Coach;
  other: Coach;
  deps: { db: Db; taxonomy: typeof emptyTaxonomy; enricher: () => null; geocoder: null; now: () => number };
  app: ReturnType<typeof createTestApp>['app'];
  session: string;
  otherSession: string;
}

function setup(db?: Db): Ctx {
  const clock = { t: NOW };
  const { app, deps } = createTestApp({ ...(db ? { db } : {}), now: () => clock.t });
  const coach = createCoach(deps.db, { name: 'Ann', org: 'north-works' }, NOW).coach;
  const other = createCoach(deps.db, { name: 'Bea', org: 'south-skills' }, NOW).coach;
  return {
    db: deps.db,
    clock,
    coach,
    other,
    deps: { db: deps.db, taxonomy: emptyTaxonomy, enricher: () => null, geocoder: null, now: () => clock.t },
    app,
    session: createSession(deps.db, coach.id, NOW),
    otherSession: createSession(deps.db, other.id, NOW),
  };
}

/** A participant created `daysAgo` days before NOW. */
function person(ctx: Ctx, name: string, daysAgo: number, coach = ctx.coach): number {
  const t = ctx.clock.t;
  ctx.clock.t = NOW - daysAgo * DAY_MS;
  const p = createParticipantFromBody(ctx.deps, coach, ParticipantBodySchema.parse({ name, reference: `REF-${name.toUpperCase()}` }));
  ctx.clock.t = t;
  return p.id;
}

let vacancySeq = 0;
function vacancy(ctx: Ctx): number {
  vacancySeq += 1;
  const v = normaliseVacancy({ now: NOW }, { reference: `v${vacancySeq}`, title: `Job ${vacancySeq}`, description: 'A job.' });
  return upsertVacancy(ctx.db, { source: 'test', vacancy: v }, NOW).id;
}

/** Shortlists a new vacancy for the participant `daysAgo` days before NOW, optionally moving it on to `stage` then. */
function shortlist(ctx: Ctx, pid: number, daysAgo: number, stage?: 'discussed' | 'started') {
  const t = ctx.clock.t;
  ctx.clock.t = NOW - daysAgo * DAY_MS;
  const p = loadParticipant(ctx.deps, ctx.coach, pid);
  const { entry } = addToShortlist(ctx.deps, ctx.coach, p, { vacancyId: vacancy(ctx) });
  if (stage) changeShortlistEntry(ctx.deps, ctx.coach, p, entry.id, { stage });
  ctx.clock.t = t;
}

const names = (ctx: Ctx, opts: Partial<CaseloadOptions> = {}) => readCaseload(ctx.db, ctx.coach.org, ctx.clock.t, { ...DEFAULTS, ...opts }).items.map((i) => i.name);

describe('attention flags', () => {
  it('flag no activity from 14 days and newly added within 7 days, by the clock given', () => {
    const day = (n: number) => NOW - n * DAY_MS;
    expect(attentionFlags(NOW, { createdAt: day(30), latestActivityAt: day(NO_ACTIVITY_DAYS) })).toEqual(['no-activity']);
    expect(attentionFlags(NOW, { createdAt: day(30), latestActivityAt: day(NO_ACTIVITY_DAYS) + 1 })).toEqual([]);
    expect(attentionFlags(NOW, { createdAt: day(NEWLY_ADDED_DAYS), latestActivityAt: day(1) })).toEqual(['newly-added']);
    expect(attentionFlags(NOW, { createdAt: day(NEWLY_ADDED_DAYS) - 1, latestActivityAt: day(1) })).toEqual([]);
    // The same participant, read 10 days later, has gone quiet.
    expect(attentionFlags(NOW + 10 * DAY_MS, { createdAt: day(6), latestActivityAt: day(6) })).toEqual(['no-activity']);
  });
});

describe('readCaseload', () => {
  let ctx: Ctx;
  beforeEach(() => {
    ctx = setup();
  });

  it('gives latest activity (profile or shortlist change), counts by stage and flags', () => {
    const quiet = person(ctx, 'Quinn', 40);
    const busy = person(ctx, 'Billie', 40);
    const fresh = person(ctx, 'Frankie', 2);
    shortlist(ctx, busy, 20);
    shortlist(ctx, busy, 20, 'discussed');
    shortlist(ctx, busy, 3, 'started');
    const byName = new Map(readCaseload(ctx.db, ctx.coach.org, NOW, DEFAULTS).items.map((i) => [i.id, i]));
    expect(byName.get(quiet)).toMatchObject({ latestActivityAt: NOW - 40 * DAY_MS, shortlisted: 0, flags: ['no-activity'] });
    const b = byName.get(busy)!;
    expect(b.latestActivityAt).toBe(NOW - 3 * DAY_MS);
    expect(b.shortlisted).toBe(3);
    expect(b.stageCounts).toMatchObject({ suggested: 1, discussed: 1, started: 1, applied: 0, declined: 0 });
    expect(b.flags).toEqual([]);
    expect(byName.get(fresh)).toMatchObject({ flags: ['newly-added'], latestActivityAt: NOW - 2 * DAY_MS });
  });

  it('sorts by latest activity (longest waiting first), by name, and by date added (newest first)', () => {
    person(ctx, 'carol', 30);
    const a = person(ctx, 'Alex', 20);
    person(ctx, 'Bo', 10);
    shortlist(ctx, a, 1);
    expect(names(ctx)).toEqual(['carol', 'Bo', 'Alex']);
    expect(names(ctx, { sort: 'name' })).toEqual(['Alex', 'Bo', 'carol']);
    expect(names(ctx, { sort: 'added' })).toEqual(['Bo', 'Alex', 'carol']);
  });

  it('filters by stage and by flag, and searches names and references (LIKE wildcards are literal)', () => {
    const a = person(ctx, 'Alex Smith', 30);
    const b = person(ctx, 'Bo Smith', 3);
    person(ctx, 'Cy_Jones', 30);
    shortlist(ctx, a, 1, 'started');
    shortlist(ctx, b, 1);
    expect(names(ctx, { stage: 'started' })).toEqual(['Alex Smith']);
    expect(names(ctx, { stage: 'suggested' })).toEqual(['Bo Smith']);
    expect(names(ctx, { stage: 'interview' })).toEqual([]);
    expect(names(ctx, { flag: 'no-activity' })).toEqual(['Cy_Jones']);
    expect(names(ctx, { flag: 'newly-added' })).toEqual(['Bo Smith']);
    expect(names(ctx, { q: 'smith', sort: 'name' })).toEqual(['Alex Smith', 'Bo Smith']);
    expect(names(ctx, { q: 'ref-bo' })).toEqual(['Bo Smith']);
    expect(names(ctx, { q: '_' })).toEqual(['Cy_Jones']);
    expect(names(ctx, { q: '%' })).toEqual([]);
  });

  it('pages 120 participants 50 at a time with the total, and never shows another organisation', () => {
    for (let i = 0; i < 120; i++) person(ctx, `P${String(i).padStart(3, '0')}`, 30);
    person(ctx, 'Elsewhere', 30, ctx.other);
    const page = (n: number) => readCaseload(ctx.db, ctx.coach.org, NOW, { ...DEFAULTS, sort: 'name', page: n });
    expect(page(1)).toMatchObject({ total: 120 });
    expect(page(1).items).toHaveLength(50);
    expect(page(3).items.map((i) => i.name)).toEqual(Array.from({ length: 20 }, (_, i) => `P${100 + i}`));
    const all = [1, 2, 3].flatMap((n) => page(n).items.map((i) => i.name));
    expect(new Set(all).size).toBe(120);
    expect(all).not.toContain('Elsewhere');
    expect(readCaseload(ctx.db, ctx.other.org, NOW, DEFAULTS).items.map((i) => i.name)).toEqual(['Elsewhere']);
  });

  it('reads a page in one statement, however many participants and shortlist rows it shows', async () => {
    const traced = openTracedDb();
    const t = setup(traced.db);
    for (let i = 0; i < 60; i++) {
      const pid = person(t, `P${i}`, 20);
      if (i % 3 === 0) shortlist(t, pid, 5, 'discussed');
    }
    const statements = await traced.capture(() => readCaseload(t.db, t.coach.org, NOW, { ...DEFAULTS, stage: 'discussed' }));
    expect(statements).toHaveLength(1);
    const small = await traced.capture(() => readCaseload(t.db, t.coach.org, NOW, { ...DEFAULTS, pageSize: 5 }));
    expect(small).toHaveLength(1);
  });
});

describe('the caseload page', () => {
  let ctx: Ctx;
  beforeEach(() => {
    ctx = setup();
  });
  const get = (path: string, session = ctx.session) => ctx.app.request(path, { headers: { Accept: 'text/html', Cookie: `fp_session=${session}` } });

  it('shows flags, counts and page links, keeps the filters in the page links, and refuses an unknown stage by name', async () => {
    for (let i = 0; i < 55; i++) person(ctx, `Smith ${String(i).padStart(2, '0')}`, 30);
    const fresh = person(ctx, 'Newcomer', 1);
    shortlist(ctx, fresh, 1, 'started');
    // Longest waiting first: the newcomer, active yesterday, is last (page 2); newest added first puts them on page 1.
    expect(await (await get('/participants')).text()).not.toContain('Newcomer');
    const first = await (await get('/participants?sort=added')).text();
    expect(first).toContain('No activity for 14+ days');
    expect(first).toContain('Newly added');
    expect(first).toContain('1 started');
    expect(first).toContain('56 participants, page 1 of 2');
    expect(first).toContain('href="/participants?sort=added&amp;page=2"');
    const second = await (await get('/participants?q=smith&sort=name&page=2')).text();
    expect(second).toContain('55 participants match, page 2 of 2');
    expect(second).toContain('href="/participants?q=smith&amp;sort=name"');
    expect(second).toContain('Smith 54');
    expect(second).not.toContain('Smith 49<');
    const bad = await get('/participants?stage=hired');
    expect(bad.status).toBe(422);
    const text = await bad.text();
    expect(text).toContain('Stage: ');
    expect(text).not.toMatch(/Invalid enum|received/);
  });

  it('lists nothing of another organisation', async () => {
    person(ctx, 'Hidden Person', 3);
    const res = await get('/participants', ctx.otherSession);
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('Hidden Person');
  });
});
