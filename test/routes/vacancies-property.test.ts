import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setupEmployerApp } from './employer-app.ts';

/**
 * Bad input never produces a 500: arbitrary JSON values, JSON objects shaped
 * loosely like vacancies and JobPostings, and arbitrary raw strings, sent to
 * every body-taking employer route.
 */
// A body limit large enough for 20,000-deep nesting, so depth (not size) is what is tested.
const ctx = setupEmployerApp({ config: { BODY_LIMIT_BYTES: 2_000_000 } });

const vacancyish = fc.record(
  {
    reference: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    title: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string())),
    description: fc.oneof(fc.string(), fc.json()),
    lat: fc.oneof(fc.double(), fc.string()),
    lon: fc.oneof(fc.double(), fc.string()),
    salary: fc.oneof(fc.string(), fc.record({ min: fc.double(), max: fc.anything(), period: fc.string() })),
    hoursPerWeek: fc.anything(),
    status: fc.string(),
  },
  { requiredKeys: [] },
);

const jobPostingish = fc.record(
  {
    '@context': fc.constant('https://schema.org'),
    '@type': fc.oneof(fc.constant('JobPosting'), fc.constant(['JobPosting']), fc.string()),
    title: fc.oneof(fc.string(), fc.anything()),
    name: fc.anything(),
    identifier: fc.oneof(fc.string(), fc.integer(), fc.record({ value: fc.anything() }), fc.anything()),
    description: fc.oneof(fc.string(), fc.anything()),
    baseSalary: fc.oneof(fc.anything(), fc.record({ currency: fc.anything(), value: fc.oneof(fc.anything(), fc.record({ minValue: fc.anything(), maxValue: fc.anything(), unitText: fc.anything() })) })),
    jobLocation: fc.oneof(fc.anything(), fc.record({ address: fc.anything(), geo: fc.record({ latitude: fc.anything(), longitude: fc.anything() }) })),
    employmentType: fc.anything(),
    hiringOrganization: fc.anything(),
    workHours: fc.anything(),
    occupationalCategory: fc.anything(),
    skills: fc.anything(),
    '@graph': fc.anything(),
  },
  { requiredKeys: ['@context', '@type'] },
);

const body = fc.oneof(fc.jsonValue(), vacancyish, jobPostingish);

/** Dates as an attacker would send them: absurd numbers, relative phrases with huge counts, edge-of-range ISO. */
const hostileDate = fc.oneof(
  fc.double(),
  fc.constantFrom(8.64e15, 8.64e15 + 1, -8.64e15 - 1, 1e20, -1e300, Number.MAX_SAFE_INTEGER, 0),
  fc.integer({ min: 1, max: 2_000_000_000 }).map((n) => `${n} days ago`),
  fc.constantFrom('1000000000 days ago', '9999-12-31', '0000-01-01', '+275760-09-13', '2025-02-30', 'yesterday', 'not a date', ''),
  fc.string({ maxLength: 40 }),
);
/** Links with dangerous schemes, disguised by case, whitespace, control characters and entities. */
const hostileUrl = fc
  .tuple(
    fc.constantFrom('javascript', 'data', 'vbscript', 'https', 'http', 'file', 'mailto'),
    fc.constantFrom('', '\t', '\n', ' ', '\u0000', '&#58;'),
    fc.boolean(),
    fc.string({ maxLength: 20 }),
  )
  .map(([scheme, noise, upper, rest]) => {
    const s = upper ? scheme.toUpperCase() : scheme;
    const cut = Math.floor(s.length / 2);
    return `${noise}${s.slice(0, cut)}${noise}${s.slice(cut)}:${rest}`;
  });
/** Any JSON nested `depth` deep, as text (JSON.stringify would overflow on the deep ones). */
const deepJson = fc
  .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('[', '{"a":', '{"address":'))
  .map(([depth, open]) => `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`);

const hostileVacancy = fc.record(
  {
    reference: fc.constant('H-1'),
    title: fc.constant('Hostile Tester'),
    datePosted: hostileDate,
    validThrough: hostileDate,
    url: hostileUrl,
    applyUrl: hostileUrl,
  },
  { requiredKeys: ['reference', 'title'] },
);
const hostileJobPosting = fc.record(
  {
    '@context': fc.constant('https://schema.org'),
    '@type': fc.constant('JobPosting'),
    title: fc.constant('Hostile Tester'),
    identifier: fc.constant('H-2'),
    datePosted: hostileDate,
    validThrough: hostileDate,
    url: hostileUrl,
    applicationContact: fc.record({ url: hostileUrl }),
  },
  { requiredKeys: ['@type', 'title', 'identifier'] },
);
/** A hostile body as raw JSON text: a hostile vacancy or posting, optionally with a deep value spliced in. */
const hostileRaw = fc.oneof(
  fc.oneof(hostileVacancy, hostileJobPosting).map((b) => JSON.stringify(b)),
  fc.tuple(fc.oneof(hostileVacancy, hostileJobPosting), fc.constantFrom('description', 'jobLocation', 'baseSalary'), deepJson).map(
    ([b, key, deep]) => `${JSON.stringify(b).slice(0, -1)},"${key}":${deep}}`,
  ),
);

async function expectNo5xx(res: Response) {
  expect(res.status).toBeLessThan(500);
  if (res.status >= 400) expect(res.headers.get('Content-Type')).toContain('application/problem+json');
}

describe('arbitrary input never yields a 500', () => {
  it('POST /v1/vacancies with arbitrary JSON', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await ctx.call('POST', '/v1/vacancies', { raw: JSON.stringify(b) ?? 'null' });
        await expectNo5xx(res);
      }),
      { numRuns: 300 },
    );
  });

  it('POST /v1/vacancies/batch with arbitrary items', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ items: fc.array(body, { maxLength: 8 }) })), async (b) => {
        const res = await ctx.call('POST', '/v1/vacancies/batch', { raw: JSON.stringify(b) ?? 'null' });
        await expectNo5xx(res);
      }),
      { numRuns: 200 },
    );
  });

  it('arbitrary raw strings and content types', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom('application/json', 'application/ld+json', 'text/plain', 'application/json; charset=utf-8', ''),
        fc.constantFrom('/v1/vacancies', '/v1/vacancies/batch'),
        async (raw, contentType, path) => {
          const res = await ctx.call('POST', path, { raw, contentType });
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hostile dates, links and nesting: never a 5xx, errors always problem+json, nothing unsafe stored', async () => {
    await fc.assert(
      fc.asyncProperty(hostileRaw, fc.constantFrom('single', 'batch'), async (raw, mode) => {
        const res = mode === 'single'
          ? await ctx.call('POST', '/v1/vacancies', { raw })
          : await ctx.call('POST', '/v1/vacancies/batch', { raw: `{"items":[${raw}]}` });
        await expectNo5xx(res);
      }),
      { numRuns: 250 },
    );
    // Whatever got in reads back safely: sane dates, http(s) or mailto links only.
    const list = await ctx.call('GET', '/v1/vacancies?pageSize=100');
    expect(list.status).toBe(200);
    const { items } = (await list.json()) as { items: { url: string | null; applyUrl: string | null; datePosted: string | null; validThrough: string | null }[] };
    for (const v of items) {
      for (const link of [v.url, v.applyUrl]) if (link != null) expect(link).toMatch(/^(https?:\/\/|mailto:)/i);
      for (const d of [v.datePosted, v.validThrough]) if (d != null) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });

  it('PATCH with arbitrary JSON', async () => {
    const created = await ctx.call('POST', '/v1/vacancies', { body: { reference: 'P-1', title: 'Cleaner' } });
    const { id } = (await created.json()) as { id: number };
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), vacancyish), async (b) => {
        const res = await ctx.call('PATCH', `/v1/vacancies/${id}`, { raw: JSON.stringify(b) ?? 'null' });
        await expectNo5xx(res);
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(hostileRaw, async (raw) => {
        // A PATCH body may not change the reference: drop it from the hostile body.
        await expectNo5xx(await ctx.call('PATCH', `/v1/vacancies/${id}`, { raw: raw.replace(/"reference":"H-1",?/, '') }));
      }),
      { numRuns: 100 },
    );
  });
});
