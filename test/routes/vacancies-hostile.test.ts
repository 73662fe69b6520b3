import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCoach } from '../../src/auth/coaches.ts';
import { EXAMPLE_JOB_POSTING, EXAMPLE_VACANCY } from '../../src/employers/schemas.ts';
import { MAX_JSON_DEPTH } from '../../src/http/json-body.ts';
import { drainOutbox } from '../../src/search/outbox.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { checkJsonSchema, type Schema } from '../helpers/json-schema-check.ts';
import { NOW, setupEmployerApp, vacancy, type Problem } from './employer-app.ts';

/**
 * Hostile and malformed input to the employer API (issue 11, defects 3, 5,
 * 6 and 11): absurd dates, deep nesting, unsafe links, and an API
 * description that says what the API really accepts and answers.
 */

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/jsonld/${name}`, import.meta.url), 'utf8'));

interface Upsert {
  id: number;
  outcome: string;
  status: string;
  vacancy: Record<string, unknown> & { salary: Record<string, unknown> };
}
interface Batch {
  summary: Record<string, number>;
  items: { index: number; outcome: string; reference: string | null; id?: number; errors?: { path: string; message: string }[] }[];
}

const count = (ctx: ReturnType<typeof setupEmployerApp>) => (ctx.db.$client.prepare('SELECT count(*) AS n FROM vacancies').get() as { n: number }).n;

async function problem(res: Response): Promise<Problem> {
  expect(res.headers.get('Content-Type')).toContain('application/problem+json');
  return (await res.json()) as Problem;
}

const jobPosting = (over: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title: 'Zzyzxq Assistant',
  identifier: 'JP-1',
  description: 'Helping out.',
  jobLocation: { '@type': 'Place', address: { addressLocality: 'Leeds' } },
  ...over,
});

/** `{ key: { key: … 1 … } }` nested `depth` levels, built without recursion. */
function nested(depth: number, key = 'a'): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { [key]: v };
  return v;
}
/** The same as raw JSON text (JSON.stringify would itself overflow at this depth). */
const nestedJson = (depth: number, key = 'a') => `${`{"${key}":`.repeat(depth)}1${'}'.repeat(depth)}`;

describe('dates are range-checked where they enter (defect 3)', () => {
  it('refuses the crafted "1000000000 days ago" with a 422 naming datePosted, and stores nothing', async () => {
    const ctx = setupEmployerApp();
    const res = await ctx.call('POST', '/v1/vacancies', {
      body: { reference: 'p1', title: 'Zzyzxq Assistant', location: 'Leeds', datePosted: '1000000000 days ago' },
    });
    expect(res.status).toBe(422);
    const p = await problem(res);
    expect(p.errors?.map((e) => e.path)).toEqual(['datePosted']);
    expect(p.errors?.[0]?.message).toMatch(/within the last 5 years/);
    expect(count(ctx)).toBe(0);
  });

  it.each([
    ['datePosted', '1000000000 days ago', /within the last 5 years/],
    ['datePosted', 'not a date', /not a date we can read/],
    ['datePosted', '9999-12-31', /no later than tomorrow/],
    ['datePosted', '1999-01-01', /within the last 5 years/],
    ['datePosted', new Date(NOW + 2 * DAY).toISOString(), /no later than tomorrow/],
    ['validThrough', '2099-01-01', /2 years from now/],
    ['validThrough', '1000000000 days ago', /5 years ago/],
    ['validThrough', 'whenever', /not a date we can read/],
  ])('our shape: %s %j → 422 naming the field', async (field, value, message) => {
    const ctx = setupEmployerApp();
    const res = await ctx.call('POST', '/v1/vacancies', { body: vacancy({ [field]: value }) });
    expect(res.status).toBe(422);
    const p = await problem(res);
    expect(p.errors).toEqual([{ path: field, message: expect.stringMatching(message) }]);
    expect(count(ctx)).toBe(0);
  });

  it.each([
    ['datePosted', 1e20],
    ['datePosted', -9e15],
    ['datePosted', 8.64e15 + 1],
    ['datePosted', 0],
    ['validThrough', 1e300],
    ['validThrough', '1000000000 days ago'],
    ['datePosted', { '@value': 'not a date' }],
  ])('JobPosting: %s %j → 422 naming the field', async (field, value) => {
    const ctx = setupEmployerApp();
    const res = await ctx.call('POST', '/v1/vacancies', { body: jobPosting({ [field]: value }), contentType: 'application/ld+json' });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors?.map((e) => e.path)).toEqual([field]);
    expect(count(ctx)).toBe(0);
  });

  it('accepts dates inside the window at either edge, and numeric JobPosting dates in epoch ms', async () => {
    const ctx = setupEmployerApp();
    const ok = [
      vacancy({ reference: 'E1', datePosted: new Date(NOW - 5 * YEAR + DAY).toISOString() }),
      vacancy({ reference: 'E2', datePosted: new Date(NOW + DAY - 60_000).toISOString(), validThrough: new Date(NOW + 2 * YEAR - DAY).toISOString() }),
      vacancy({ reference: 'E3', datePosted: '3 days ago' }),
    ];
    for (const body of ok) expect((await ctx.call('POST', '/v1/vacancies', { body })).status).toBe(201);
    const res = await ctx.call('POST', '/v1/vacancies', { body: jobPosting({ datePosted: NOW - DAY }) });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Upsert).vacancy['datePosted']).toBe(new Date(NOW - DAY).toISOString());
  });

  it('a batch with bad-date items stores the valid ones, with a receipt per item', async () => {
    const ctx = setupEmployerApp();
    const res = await ctx.call('POST', '/v1/vacancies/batch', {
      body: {
        items: [
          vacancy({ reference: 'A' }),
          vacancy({ reference: 'B', datePosted: '1000000000 days ago' }),
          jobPosting({ identifier: 'C', datePosted: 1e20 }),
          jobPosting({ identifier: 'D' }),
          vacancy({ reference: 'E', validThrough: 'not a date' }),
        ],
      },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Batch;
    expect(body.items.map((r) => r.outcome)).toEqual(['created', 'rejected', 'rejected', 'created', 'rejected']);
    expect(body.summary).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 3 });
    expect(body.items[1]).toMatchObject({ reference: 'B', errors: [{ path: 'items.1.datePosted' }] });
    expect(body.items[2]).toMatchObject({ reference: 'C', errors: [{ path: 'items.2.datePosted' }] });
    expect(body.items[4]?.errors?.map((e) => e.path)).toEqual(['items.4.validThrough']);
    expect(count(ctx)).toBe(2);
  });

  it('a validThrough already past creates the vacancy as closed', async () => {
    const ctx = setupEmployerApp();
    const res = await ctx.call('POST', '/v1/vacancies', { body: vacancy({ validThrough: new Date(NOW - 10 * DAY).toISOString().slice(0, 10) }) });
    expect(res.status).toBe(201);
    const u = (await res.json()) as Upsert;
    expect(u).toMatchObject({ status: 'closed', vacancy: { status: 'closed' } });
    // Moving the closing date forward and asking for live reopens it.
    const reopened = await ctx.call('PATCH', `/v1/vacancies/${u.id}`, { body: { validThrough: new Date(NOW + 10 * DAY).toISOString(), status: 'live' } });
    expect(((await reopened.json()) as Upsert).vacancy['status']).toBe('live');
    // A PATCH to a past closing date closes it again, even when it asks for live.
    const closed = await ctx.call('PATCH', `/v1/vacancies/${u.id}`, { body: { validThrough: new Date(NOW - DAY).toISOString(), status: 'live' } });
    expect(((await closed.json()) as Upsert).vacancy['status']).toBe('closed');
  });

  it('PATCH checks dates too, and leaves the vacancy as it was', async () => {
    const ctx = setupEmployerApp();
    const a = (await (await ctx.call('POST', '/v1/vacancies', { body: vacancy({ datePosted: '2025-06-01' }) })).json()) as Upsert;
    const res = await ctx.call('PATCH', `/v1/vacancies/${a.id}`, { body: { datePosted: '1000000000 days ago', title: 'Changed' } });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors?.map((e) => e.path)).toEqual(['datePosted']);
    const now = (await (await ctx.call('GET', `/v1/vacancies/${a.id}`)).json()) as Record<string, unknown>;
    expect(now).toMatchObject({ title: 'Care Assistant', datePosted: '2025-06-01T00:00:00.000Z' });
  });

  it('a row stored with an absurd date before the fix reads as no date: no 500 on reads or coach search', async () => {
    const ctx = setupEmployerApp();
    const a = (await (await ctx.call('POST', '/v1/vacancies', { body: vacancy({ title: 'Zzyzxq Assistant' }) })).json()) as Upsert;
    ctx.db.$client.prepare('UPDATE vacancies SET date_posted = ?, valid_through = ? WHERE id = ?').run(-8.6e16, 1e300, a.id);
    const one = await ctx.call('GET', `/v1/vacancies/${a.id}`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ id: a.id, datePosted: null, validThrough: null });
    const list = await ctx.call('GET', '/v1/vacancies');
    expect(list.status).toBe(200);
    // Coach search over the same row (the index holds the absurd value too).
    await drainOutbox(ctx.db, new SqliteEngine(ctx.db), { now: ctx.clock });
    const { token } = createCoach(ctx.db, { name: 'Coach', org: 'o' }, NOW);
    const search = await ctx.app.request('/v1/search?q=zzyzxq', { headers: { Authorization: `Bearer ${token}` } });
    expect(search.status).toBe(200);
    const hits = (await search.json()) as { results: { id?: number; vacancy?: { id: number }; datePosted?: unknown }[] };
    expect(JSON.stringify(hits)).toContain('Zzyzxq');
  });
});

describe('deep nesting is refused at parse time (defect 5)', () => {
  const deep = 10_000;
  it.each([
    ['our shape, one field', `{"reference":"R","title":"T","description":${nestedJson(deep)}}`, 'description'],
    ['JobPosting jobLocation', `{"@type":"JobPosting","title":"T","identifier":"X","jobLocation":${nestedJson(deep, 'address')}}`, 'jobLocation'],
    ['JobPosting baseSalary arrays', `{"@type":"JobPosting","title":"T","identifier":"X","baseSalary":${'['.repeat(deep)}${']'.repeat(deep)}}`, 'baseSalary'],
    ['a bare array', `${'['.repeat(deep)}${']'.repeat(deep)}`, ''],
  ])('POST /v1/vacancies: %s nested %i deep → 422', async (_name, raw, top) => {
    const ctx = setupEmployerApp({ config: { BODY_LIMIT_BYTES: 10_000_000 } });
    const res = await ctx.call('POST', '/v1/vacancies', { raw });
    expect(res.status).toBe(422);
    const p = await problem(res);
    expect(p.errors).toHaveLength(1);
    expect(p.errors?.[0]?.message).toMatch(new RegExp(`more than ${MAX_JSON_DEPTH} levels`));
    expect(p.errors?.[0]?.path.startsWith(top)).toBe(true);
    // The path stops at the limit rather than listing 10,000 segments.
    expect(p.errors?.[0]?.path.split('.').length).toBeLessThanOrEqual(MAX_JSON_DEPTH + 1);
    expect(count(ctx)).toBe(0);
  });

  it('POST /v1/vacancies/batch and PATCH refuse it too', async () => {
    const ctx = setupEmployerApp({ config: { BODY_LIMIT_BYTES: 10_000_000 } });
    const batch = await ctx.call('POST', '/v1/vacancies/batch', {
      raw: `{"items":[${JSON.stringify(vacancy())},{"@type":"JobPosting","title":"T","identifier":"X","jobLocation":${nestedJson(deep, 'address')}}]}`,
    });
    expect(batch.status).toBe(422);
    expect((await problem(batch)).errors?.[0]?.path).toMatch(/^items\.1\.jobLocation\.address/);
    expect(count(ctx)).toBe(0);
    const a = (await (await ctx.call('POST', '/v1/vacancies', { body: vacancy() })).json()) as Upsert;
    const patch = await ctx.call('PATCH', `/v1/vacancies/${a.id}`, { raw: `{"description":${nestedJson(deep)}}` });
    expect(patch.status).toBe(422);
    expect((await problem(patch)).errors?.[0]?.path).toMatch(/^description/);
  });

  it('nesting up to the limit is read normally (an ordinary field error, not the depth error)', async () => {
    const ctx = setupEmployerApp();
    const res = await ctx.call('POST', '/v1/vacancies', { body: vacancy({ description: nested(MAX_JSON_DEPTH - 1) }) });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors).toEqual([{ path: 'description', message: 'must be text' }]);
  });
});

describe('only http(s) links are accepted (defect 6)', () => {
  const unsafe = [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0000javascript:alert(1)',
    'javascript&#58;alert(1)',
    '&#106;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/job',
    '/jobs/1',
    'https://careers.example.com/\u0007job',
    'https://',
  ];
  const cases = unsafe.flatMap((u) => [['url', u] as const, ['applyUrl', u] as const]);

  it.each(cases)('our shape: %s %j → 422 naming the field', async (field, value) => {
    const ctx = setupEmployerApp();
    const res = await ctx.call('POST', '/v1/vacancies', { body: vacancy({ [field]: value }) });
    expect(res.status).toBe(422);
    const p = await problem(res);
    expect(p.errors?.map((e) => e.path)).toEqual([field]);
    expect(p.errors?.[0]?.message).toMatch(/http:\/\/ or https:\/\//);
    expect(count(ctx)).toBe(0);
  });

  it.each(unsafe.slice(0, 12))('JobPosting url and applicationContact.url %j → 422 naming each', async (value) => {
    const ctx = setupEmployerApp();
    const res = await ctx.call('POST', '/v1/vacancies', { body: jobPosting({ url: value, applicationContact: { '@type': 'ContactPoint', url: value } }) });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors?.map((e) => e.path).sort()).toEqual(['applicationContact.url', 'url']);
  });

  it('PATCH cannot bring one in either', async () => {
    const ctx = setupEmployerApp();
    const a = (await (await ctx.call('POST', '/v1/vacancies', { body: vacancy({ url: 'https://careers.example.com/1' }) })).json()) as Upsert;
    const res = await ctx.call('PATCH', `/v1/vacancies/${a.id}`, { body: { url: 'java\tscript:alert(1)' } });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors?.map((e) => e.path)).toEqual(['url']);
  });

  it('accepts http(s) in any case, and mailto: for applying', async () => {
    const ctx = setupEmployerApp();
    const res = await ctx.call('POST', '/v1/vacancies', {
      body: vacancy({ url: ' HTTPS://Careers.Example.com/jobs/1 ', applyUrl: 'mailto:jobs@example.com' }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Upsert).vacancy).toMatchObject({ url: 'HTTPS://Careers.Example.com/jobs/1', applyUrl: 'mailto:jobs@example.com' });
    const asUrl = await ctx.call('POST', '/v1/vacancies', { body: vacancy({ reference: 'M', url: 'mailto:jobs@example.com' }) });
    expect(asUrl.status).toBe(422);
  });

  it('a link stored before the check is not handed to clients', async () => {
    const ctx = setupEmployerApp();
    const a = (await (await ctx.call('POST', '/v1/vacancies', { body: vacancy() })).json()) as Upsert;
    ctx.db.$client.prepare('UPDATE vacancies SET url = ?, apply_url = ? WHERE id = ?').run('javascript:alert(1)', 'java\tscript:x', a.id);
    expect(await (await ctx.call('GET', `/v1/vacancies/${a.id}`)).json()).toMatchObject({ url: null, applyUrl: null });
  });
});

describe('validation errors list every field, nested, in plain words (defect 11)', () => {
  it('three bad nested fields come back as three paths at once', async () => {
    const ctx = setupEmployerApp();
    const res = await ctx.call('POST', '/v1/vacancies', {
      body: vacancy({ salary: { min: -1, currency: 'POUNDS', period: 'fortnight' } }),
    });
    expect(res.status).toBe(422);
    const p = await problem(res);
    expect(p.errors?.map((e) => e.path).sort()).toEqual(['salary.currency', 'salary.min', 'salary.period']);
    expect(p.errors?.find((e) => e.path === 'salary.min')?.message).toBe('must be at least 0');
    expect(p.errors?.find((e) => e.path === 'salary.currency')?.message).toBe('must be exactly 3 characters');
    expect(p.errors?.find((e) => e.path === 'salary.period')?.message).toBe('must be one of: "hour", "day", "week", "month", "year"');
  });

  it('shape errors and date and link errors are all reported together', async () => {
    const ctx = setupEmployerApp();
    const res = await ctx.call('POST', '/v1/vacancies', {
      body: { reference: 'R', title: '', datePosted: '1000000000 days ago', url: 'javascript:alert(1)', lat: 'north', colour: 'blue' },
    });
    expect(res.status).toBe(422);
    const p = await problem(res);
    expect(p.errors?.map((e) => e.path).sort()).toEqual(['colour', 'datePosted', 'lat', 'title', 'url']);
    for (const e of p.errors ?? []) expect(e.message, e.path).not.toMatch(/Invalid input|Too small|Too big|expected \w+ to|[<>]=/);
    expect(p.errors?.find((e) => e.path === 'title')?.message).toBe('must not be empty');
    expect(p.errors?.find((e) => e.path === 'lat')?.message).toBe('must be a number');
  });

  it('a JobPosting with several bad fields names each by its own JSON-LD path', async () => {
    const ctx = setupEmployerApp();
    const res = await ctx.call('POST', '/v1/vacancies', {
      body: jobPosting({
        datePosted: 1e20,
        baseSalary: { '@type': 'MonetaryAmount', currency: 'GBP', value: { '@type': 'QuantitativeValue', minValue: 'lots', maxValue: -5 } },
        jobLocation: { '@type': 'Place', address: { addressLocality: 'Leeds' }, geo: { latitude: 123, longitude: 'west' } },
      }),
    });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors?.map((e) => e.path).sort()).toEqual([
      'baseSalary.value.maxValue', 'baseSalary.value.minValue', 'datePosted', 'jobLocation.geo.latitude', 'jobLocation.geo.longitude',
    ]);
  });

  it('PATCH {"salary": "loads"} is a 422 and the stored salary is unchanged', async () => {
    const ctx = setupEmployerApp();
    const a = (await (await ctx.call('POST', '/v1/vacancies', { body: vacancy({ salary: '£12.00 per hour' }) })).json()) as Upsert;
    const res = await ctx.call('PATCH', `/v1/vacancies/${a.id}`, { body: { salary: 'loads' } });
    expect(res.status).toBe(422);
    const p = await problem(res);
    expect(p.errors).toEqual([{ path: 'salary', message: expect.stringMatching(/not a salary we can read/) }]);
    const after = (await (await ctx.call('GET', `/v1/vacancies/${a.id}`)).json()) as { salary: Record<string, unknown> };
    expect(after.salary).toMatchObject({ min: 12, max: 12, period: 'hour', text: '£12.00 per hour' });
    // A nested salary mistake names the nested field.
    const nestedBad = await ctx.call('PATCH', `/v1/vacancies/${a.id}`, { body: { salary: { min: -1 } } });
    expect((await problem(nestedBad)).errors?.map((e) => e.path)).toEqual(['salary.min']);
    // Readable no-figure wording is still fine.
    for (const salary of ['Competitive', 'National Minimum Wage', 'AfC Band 3', '£24,000 - £27,000 a year']) {
      expect((await ctx.call('PATCH', `/v1/vacancies/${a.id}`, { body: { salary } })).status, salary).toBe(200);
    }
  });
});

describe('the API description is true (defect 11)', () => {
  async function openApi() {
    const ctx = setupEmployerApp();
    const doc = (await (await ctx.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, unknown>; parameters: unknown[]; security: unknown[] }>>;
    };
    return { ctx, doc };
  }

  it('the POST body schema accepts the documented JobPosting, our example and the JSON-LD fixtures the API takes', async () => {
    const { ctx, doc } = await openApi();
    const post = doc.paths['/v1/vacancies']?.['post'];
    for (const type of ['application/json', 'application/ld+json']) {
      const schema = post?.requestBody?.content[type]?.schema;
      expect(schema, type).toBeDefined();
      for (const [name, body] of [
        ['EXAMPLE_JOB_POSTING', EXAMPLE_JOB_POSTING],
        ['EXAMPLE_VACANCY', EXAMPLE_VACANCY],
        ['nhs-style', fixture('nhs-style.json')],
        ['google-graph', fixture('google-graph.json')],
        ['ats-remote', fixture('ats-remote.json')],
      ] as const) {
        expect(checkJsonSchema(schema!, body), `${type} ${name}`).toEqual([]);
      }
      // It still describes something: an unknown field in our shape, or a JobPosting without @type, does not fit.
      expect(checkJsonSchema(schema!, { ...EXAMPLE_VACANCY, colour: 'blue' })).not.toEqual([]);
      expect(checkJsonSchema(schema!, { title: 5, reference: 'x' })).not.toEqual([]);
    }
    // And the API does take what the description shows (the docs' JobPosting, dated into the window).
    const res = await ctx.call('POST', '/v1/vacancies', {
      body: { ...EXAMPLE_JOB_POSTING, datePosted: '2025-06-01', validThrough: '2025-06-30' },
      contentType: 'application/ld+json',
    });
    expect(res.status).toBe(201);
  });

  it('each batch item is described as either shape', async () => {
    const { doc } = await openApi();
    const schema = doc.paths['/v1/vacancies/batch']?.['post']?.requestBody?.content['application/json']?.schema;
    expect(checkJsonSchema(schema!, { items: [EXAMPLE_VACANCY, EXAMPLE_JOB_POSTING, fixture('google-graph.json')] })).toEqual([]);
    expect(checkJsonSchema(schema!, { items: [] })).not.toEqual([]);
  });

  it('every route documents its 4xx and 5xx answers, and every body-taking route 400/413/415/422', async () => {
    const { doc } = await openApi();
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ name: `${method} ${path}`, op })));
    expect(ops.length).toBeGreaterThan(8);
    for (const { name, op } of ops) {
      const codes = Object.keys(op.responses);
      // A route that takes input or credentials can be refused; /healthz takes neither.
      if (op.requestBody || op.parameters.length || op.security.length) expect(codes.some((c) => /^4\d\d$/.test(c)), `${name} has a 4xx`).toBe(true);
      expect(codes, name).toContain('500');
      if (op.requestBody) expect(codes, name).toEqual(expect.arrayContaining(['400', '413', '415', '422']));
      if (/\{\w+\}/.test(name)) expect(codes, name).toContain('404');
      // Every 4xx and the 500 are problem+json (readyz's 503 is its own health report, by design).
      for (const c of codes.filter((x) => (Number(x) >= 400 && Number(x) < 500) || x === '500')) {
        expect(Object.keys((op.responses[c] as { content?: Record<string, unknown> }).content ?? {}), `${name} ${c}`).toEqual(['application/problem+json']);
      }
    }
  });

  it('the docs page shows both body shapes, the date window and the standard errors', async () => {
    const ctx = setupEmployerApp();
    const html = await (await ctx.app.request('http://localhost:3000/docs')).text();
    expect(html).toContain('Body fields, Our JSON shape');
    expect(html).toContain('or schema.org JobPosting (other properties are ignored)');
    expect(html).toContain('within the last 5 years and no later than tomorrow');
    expect(html).toContain('<code>500</code>');
    expect(html).toContain('Also accepted (jobPosting)');
  });
});
