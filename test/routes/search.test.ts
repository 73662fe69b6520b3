import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';
import { createCoach } from '../../src/auth/coaches.ts';
import { DAY_MS, fixedClock } from '../../src/clock.ts';
import { openDb, type Db } from '../../src/db.ts';
import { createSearchEngine } from '../../src/search/create-engine.ts';
import { drainOutbox } from '../../src/search/outbox.ts';
import type { NormalisedVacancy, Place } from '../../src/vacancies/model.ts';
import type { Geocoder } from '../../src/geo/geocoder-port.ts';
import { setVacancyStatus, upsertVacancy } from '../../src/vacancies/store.ts';

const NOW = Date.parse('2026-03-01T09:00:00Z');

/** A tiny real geocoder over two place names (the app's own is tested elsewhere). */
class TwoPlaceGeocoder implements Geocoder {
  geocode(text: string): Place | null {
    const places: Record<string, [number, number]> = { leeds: [53.7997, -1.5492], york: [53.959, -1.0815] };
    const hit = places[text.trim().toLowerCase()];
    if (!hit) return null;
    return { text, lat: hit[0], lon: hit[1], postcode: null, town: text, localAuthority: null, region: null, resolved: true };
  }
}

function vacancy(ref: string, over: Partial<NormalisedVacancy> & { lat?: number; lon?: number; town?: string }): NormalisedVacancy {
  const { lat = 53.7997, lon = -1.5492, town = 'Leeds', ...rest } = over;
  return {
    sourceRef: ref,
    url: `https://jobs.example.org/${ref}`,
    applyUrl: `https://jobs.example.org/${ref}/apply`,
    title: 'Untitled',
    titleOriginal: 'Untitled',
    descriptionText: '',
    descriptionHtml: null,
    employerName: 'Fictional Employer Ltd',
    endEmployerName: null,
    location: { text: `${town}, West Yorkshire`, lat, lon, postcode: null, town, localAuthority: null, region: 'Yorkshire and The Humber', resolved: true },
    extraLocations: [],
    remote: 'onsite',
    employmentType: 'full_time',
    contract: 'permanent',
    hoursPerWeek: 37.5,
    shifts: [],
    salary: { min: 24000, max: 26000, currency: 'GBP', period: 'year', annualMin: 24000, annualMax: 26000, text: '£24,000 - £26,000' },
    datePosted: NOW - DAY_MS,
    validThrough: null,
    requestedStatus: 'live',
    occupation: null,
    sector: { code: 'Q', confidence: 1, evidence: [] },
    skills: [],
    requirements: [],
    fingerprint: null,
    ...rest,
  };
}

interface Ctx {
  db: Db;
  app: ReturnType<typeof createTestApp>['app'];
  token: string;
  ids: Record<string, number>;
  get(path: string, token?: string | null): Promise<Response>;
}

async function setup(): Promise<Ctx> {
  const db = openDb(':memory:');
  const search = createSearchEngine({ searchEngine: 'sqlite' }, db);
  const clock = fixedClock(NOW);
  const { app } = createTestApp({ db, search, geocoder: new TwoPlaceGeocoder(), now: clock });
  const { token } = createCoach(db, { name: 'Test Coach', org: 'Fictional Works' }, NOW);
  const add = (ref: string, v: NormalisedVacancy) => upsertVacancy(db, { source: 'import:test', vacancy: v }, NOW).id;
  const ids = {
    care: add('care', vacancy('care', {
      title: 'Care Assistant',
      titleOriginal: 'Care Assistant',
      descriptionText: 'Caring for residents in a friendly care home. <b>Bold</b> claims & more.',
    })),
    carer: add('carer', vacancy('carer', {
      title: 'Night Carer',
      titleOriginal: 'Night Carer',
      descriptionText: 'Night shifts providing care in York.',
      lat: 53.959,
      lon: -1.0815,
      town: 'York',
      contract: 'temporary',
      employmentType: 'part_time',
      salary: { min: 12.5, max: null, currency: 'GBP', period: 'hour', annualMin: 24375, annualMax: null, text: '£12.50 per hour' },
      datePosted: NOW - 20 * DAY_MS,
    })),
    driver: add('driver', vacancy('driver', {
      title: 'Delivery Driver',
      titleOriginal: 'Delivery Driver',
      descriptionText: 'Multi-drop deliveries around Leeds.',
      sector: { code: 'H', confidence: 1, evidence: [] },
      salary: { min: 30000, max: 32000, currency: 'GBP', period: 'year', annualMin: 30000, annualMax: 32000, text: null },
      lat: 53.81,
      lon: -1.56,
    })),
    closed: add('closed', vacancy('closed', { title: 'Care Worker', titleOriginal: 'Care Worker', descriptionText: 'Care work.' })),
  };
  setVacancyStatus(db, ids.closed, 'closed', NOW);
  await drainOutbox(db, search, { now: clock });
  return {
    db,
    app,
    token,
    ids,
    get: async (path, t = token) => app.request(path, { headers: t ? { Authorization: `Bearer ${t}` } : {} }),
  };
}

interface Body {
  total: number;
  page: number;
  pageSize: number;
  results: {
    id: number;
    title: string;
    employer: string | null;
    location: { text: string; town: string | null; region: string | null } | null;
    distanceKm: number | null;
    salary: { min: number | null; max: number | null; period: string | null; annualMin: number | null; annualMax: number | null; text: string | null };
    contract: string | null;
    remote: string | null;
    datePosted: string | null;
    url: string | null;
    applyUrl: string | null;
    sector: string | null;
    highlights: { title?: string; description?: string };
  }[];
  facets: Record<string, Record<string, number>>;
}
interface Problem {
  status: number;
  errors?: { path: string; message: string }[];
}

describe('GET /v1/search', () => {
  let ctx: Ctx;
  beforeEach(async () => {
    ctx = await setup();
  });

  it('needs a coach token', async () => {
    expect((await ctx.get('/v1/search?q=care', null)).status).toBe(401);
    expect((await ctx.get('/v1/search?q=care', 'fp_coach_not_a_real_token')).status).toBe(401);
  });

  it('finds stemmed matches with highlights, salary, location and facets; closed vacancies never show', async () => {
    const res = await ctx.get('/v1/search?q=caring');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Body;
    expect(body.total).toBe(2);
    expect(body.page).toBe(1);
    expect(body.pageSize).toBe(20);
    expect(body.results.map((r) => r.id).sort()).toEqual([ctx.ids.care, ctx.ids.carer].sort());
    const care = body.results.find((r) => r.id === ctx.ids.care)!;
    expect(care).toMatchObject({
      title: 'Care Assistant',
      employer: 'Fictional Employer Ltd',
      location: { text: 'Leeds, West Yorkshire', town: 'Leeds', region: 'Yorkshire and The Humber' },
      distanceKm: null,
      salary: { min: 24000, max: 26000, period: 'year', annualMin: 24000, annualMax: 26000, text: '£24,000 - £26,000' },
      contract: 'permanent',
      remote: 'onsite',
      datePosted: new Date(NOW - DAY_MS).toISOString(),
      url: 'https://jobs.example.org/care',
      applyUrl: 'https://jobs.example.org/care/apply',
      sector: 'Q',
    });
    expect(care.highlights.title).toBe('<mark>Care</mark> Assistant');
    expect(care.highlights.description).toContain('<mark>Caring</mark>');
    expect(care.highlights.description).toContain('&lt;b&gt;Bold&lt;/b&gt; claims &amp; more');
    expect(body.facets.contract).toEqual({ permanent: 1, temporary: 1 });
    expect(body.facets.sector).toEqual({ Q: 2 });
  });

  it('searches around "lat,lon" or a place name, with distance, and filters', async () => {
    const res = await ctx.get('/v1/search?near=53.7997,-1.5492&radiusKm=5&sort=distance');
    const body = (await res.json()) as Body;
    expect(body.results.map((r) => r.id)).toEqual([ctx.ids.care, ctx.ids.driver]);
    expect(body.results[0]!.distanceKm).toBeCloseTo(0, 1);
    expect(body.results[1]!.distanceKm).toBeGreaterThan(0.5);

    const york = (await (await ctx.get('/v1/search?near=York&q=care')).json()) as Body;
    expect(york.results.map((r) => r.id)).toEqual([ctx.ids.carer]);

    const wide = (await (await ctx.get('/v1/search?near=leeds&radiusKm=60&contract=temporary')).json()) as Body;
    expect(wide.results.map((r) => r.id)).toEqual([ctx.ids.carer]);
    const sectors = (await (await ctx.get('/v1/search?sector=h')).json()) as Body;
    expect(sectors.results.map((r) => r.id)).toEqual([ctx.ids.driver]);
    const repeated = (await (await ctx.get('/v1/search?sector=H&sector=Q')).json()) as Body;
    expect(repeated.total).toBe(3);
    const paid = (await (await ctx.get('/v1/search?salaryMin=25000&sort=salary')).json()) as Body;
    expect(paid.results.map((r) => r.id)).toEqual([ctx.ids.driver, ctx.ids.care]);
    const recent = (await (await ctx.get('/v1/search?postedWithinDays=7')).json()) as Body;
    expect(recent.results.map((r) => r.id).sort()).toEqual([ctx.ids.care, ctx.ids.driver].sort());
    const parttime = (await (await ctx.get('/v1/search?employmentType=part_time&remote=onsite')).json()) as Body;
    expect(parttime.results.map((r) => r.id)).toEqual([ctx.ids.carer]);
    const paged = (await (await ctx.get('/v1/search?pageSize=1&page=2&sort=date')).json()) as Body;
    expect(paged.total).toBe(3);
    expect(paged.results).toHaveLength(1);
  });

  it('answers 422 naming the field for bad parameters', async () => {
    const cases: [string, string][] = [
      ['near=Atlantis', 'near'],
      ['near=95,200', 'near'],
      ['near=leeds&radiusKm=-3', 'radiusKm'],
      ['near=leeds&radiusKm=abc', 'radiusKm'],
      ['radiusKm=10', 'radiusKm'],
      ['contract=forever', 'contract'],
      ['sector=Z', 'sector'],
      ['remote=sometimes', 'remote'],
      ['employmentType=lots', 'employmentType'],
      ['salaryMin=lots', 'salaryMin'],
      ['postedWithinDays=0', 'postedWithinDays'],
      ['sort=random', 'sort'],
      ['sort=distance', 'sort'],
      ['page=0', 'page'],
      ['pageSize=1000', 'pageSize'],
      [`q=${'x'.repeat(600)}`, 'q'],
    ];
    for (const [qs, field] of cases) {
      const res = await ctx.get(`/v1/search?${qs}`);
      expect(res.status, qs).toBe(422);
      expect(res.headers.get('content-type'), qs).toContain('application/problem+json');
      const p = (await res.json()) as Problem;
      expect(p.errors?.map((e) => e.path), qs).toContain(field);
    }
  });

  it('never answers 500 to odd query text', async () => {
    for (const q of ['"', 'NEAR(', '*', '-', 'OR', '🙂', 'a"b', '(care', 'title:care', '\\']) {
      const res = await ctx.get(`/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
  });
});
