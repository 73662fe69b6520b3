import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { revokeApiKey } from '../../src/auth/api-keys.ts';
import { createCoach } from '../../src/auth/coaches.ts';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { countTurns } from '../helpers/count-turns.ts';
import { setupEmployerApp, vacancy, NOW, type Problem } from './employer-app.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/jsonld/${name}`, import.meta.url), 'utf8'));

interface Upsert {
  id: number;
  outcome: string;
  contentHash: string;
  status: string;
  vacancy: Record<string, unknown> & { id: number; status: string; location: Record<string, unknown> | null; salary: Record<string, unknown> };
}

const count = (ctx: ReturnType<typeof setupEmployerApp>, sql = 'SELECT count(*) AS n FROM vacancies') =>
  (ctx.db.$client.prepare(sql).get() as { n: number }).n;

describe('employer auth', () => {
  it('rejects a missing, malformed, unknown or revoked key with 401 problem+json', async () => {
    const ctx = setupEmployerApp();
    const cases: [string, Record<string, string>][] = [
      ['none', {}],
      ['malformed', { Authorization: 'Basic abc' }],
      ['bare token', { Authorization: ctx.keyA }],
      ['unknown', { Authorization: 'Bearer fp_emp_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
      ['garbage', { Authorization: 'Bearer nonsense' }],
    ];
    for (const [, headers] of cases) {
      const res = await ctx.call('GET', '/v1/vacancies', { key: null, headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
      expect(res.headers.get('WWW-Authenticate')).toBe('Bearer');
    }
    expect(revokeApiKey(ctx.db, ctx.keyIdA, NOW)).toBe(true);
    expect((await ctx.call('GET', '/v1/vacancies')).status).toBe(401);
    // The same employer's other key still works.
    expect((await ctx.call('GET', '/v1/vacancies', { key: ctx.keyA2 })).status).toBe(200);
  });

  it('does not accept a coach token as an employer key', async () => {
    const ctx = setupEmployerApp();
    const { token } = createCoach(ctx.db, { name: 'C', org: 'o' }, NOW);
    expect((await ctx.call('GET', '/v1/vacancies', { key: token })).status).toBe(401);
  });

  it('rate-limits per key with 429 and Retry-After, and recovers as time passes', async () => {
    const ctx = setupEmployerApp({ config: { RATE_LIMIT_PER_MINUTE: 3 } });
    for (let i = 0; i < 3; i++) expect((await ctx.call('GET', '/v1/vacancies')).status).toBe(200);
    const res = await ctx.call('GET', '/v1/vacancies');
    expect(res.status).toBe(429);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(Number(res.headers.get('Retry-After'))).toBe(20);
    // Another key has its own bucket.
    expect((await ctx.call('GET', '/v1/vacancies', { key: ctx.keyB })).status).toBe(200);
    ctx.clock.advance(20_000);
    expect((await ctx.call('GET', '/v1/vacancies')).status).toBe(200);
    expect((await ctx.call('GET', '/v1/vacancies')).status).toBe(429);
  });
});

describe('POST /v1/vacancies', () => {
  it('creates (201), repeats (200 unchanged, one row), updates (200 updated)', async () => {
    const ctx = setupEmployerApp();
    const first = await ctx.call('POST', '/v1/vacancies', { body: vacancy() });
    expect(first.status).toBe(201);
    const a = (await first.json()) as Upsert;
    expect(a).toMatchObject({ outcome: 'created', status: 'live' });
    expect(a.contentHash).toMatch(/^[\w-]{10,}$/);
    expect(a.vacancy).toMatchObject({ id: a.id, reference: 'REF-1', title: 'Care Assistant', status: 'live', source: expect.stringMatching(/^employer:\d+$/) });
    expect(a.vacancy.location).toMatchObject({ lat: 53.8, lon: -1.55 });
    expect(a.vacancy['createdAt']).toBe(new Date(NOW).toISOString());
    // No employer in the body: the key holder's name.
    expect(a.vacancy['employer']).toBe('Acme Fictional Care');

    ctx.clock.advance(60_000);
    const again = await ctx.call('POST', '/v1/vacancies', { body: vacancy() });
    expect(again.status).toBe(200);
    const b = (await again.json()) as Upsert;
    expect(b).toMatchObject({ id: a.id, outcome: 'unchanged', contentHash: a.contentHash });
    // Seen again: lastSeen moves, nothing else does.
    expect(b.vacancy).toMatchObject({ lastSeen: new Date(NOW + 60_000).toISOString(), updatedAt: new Date(NOW).toISOString() });
    expect(count(ctx)).toBe(1);
    // The same content with keys in another order is unchanged too (through the pipeline).
    const { reference, ...rest } = vacancy();
    const reordered = (await (await ctx.call('POST', '/v1/vacancies', { body: { ...rest, reference } })).json()) as Upsert;
    expect(reordered).toMatchObject({ id: a.id, outcome: 'unchanged', contentHash: a.contentHash });

    const changed = await ctx.call('POST', '/v1/vacancies', { body: vacancy({ title: 'Senior Care Assistant' }) });
    expect(changed.status).toBe(200);
    const c = (await changed.json()) as Upsert;
    expect(c).toMatchObject({ id: a.id, outcome: 'updated' });
    expect(c.contentHash).not.toBe(a.contentHash);
    expect(count(ctx)).toBe(1);
    // Every write queued the index; the unchanged repeat did not.
    expect(count(ctx, 'SELECT count(*) AS n FROM index_outbox')).toBe(2);
  });

  it('keeps employers apart: the same reference from two employers is two vacancies', async () => {
    const ctx = setupEmployerApp();
    expect((await ctx.call('POST', '/v1/vacancies', { body: vacancy() })).status).toBe(201);
    expect((await ctx.call('POST', '/v1/vacancies', { key: ctx.keyB, body: vacancy() })).status).toBe(201);
    // Two keys of one employer share its vacancies.
    expect((await ctx.call('POST', '/v1/vacancies', { key: ctx.keyA2, body: vacancy() })).status).toBe(200);
    expect(count(ctx)).toBe(2);
  });

  it('names every invalid field by path (422)', async () => {
    const ctx = setupEmployerApp();
    const res = await ctx.call('POST', '/v1/vacancies', {
      body: { title: '', lat: 200, salary: { min: -1, currency: 'POUNDS' }, hoursPerWeek: 'forty', colour: 'blue' },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    const p = (await res.json()) as Problem;
    expect(p.status).toBe(422);
    const paths = p.errors?.map((e) => e.path).sort();
    expect(paths).toEqual(['colour', 'hoursPerWeek', 'lat', 'reference', 'salary.currency', 'salary.min', 'title'].sort());
    expect(count(ctx)).toBe(0);
  });

  it('names nested fields', async () => {
    const ctx = setupEmployerApp();
    const res = await ctx.call('POST', '/v1/vacancies', { body: vacancy({ occupation: { code: '' } }) });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors?.map((e) => e.path)).toEqual(['occupation.code']);
  });

  it('accepts JobPosting JSON-LD as published (NHS-style, @graph, remote ATS)', async () => {
    const ctx = setupEmployerApp();
    const nhs = await ctx.call('POST', '/v1/vacancies', { body: fixture('nhs-style.json'), contentType: 'application/ld+json' });
    expect(nhs.status).toBe(201);
    const v = ((await nhs.json()) as Upsert).vacancy;
    expect(v).toMatchObject({ reference: 'C9123-24-0456', title: 'Healthcare Support Worker - Bank', employer: 'Fictional Valley NHS Foundation Trust' });
    expect(v.location).toMatchObject({ lat: 53.8013, lon: -1.5519, postcode: 'LS1 3EX', town: 'Leeds' });
    expect(v.salary).toMatchObject({ min: 24071, max: 25674, currency: 'GBP', period: 'year' });
    expect(v['validThrough']).toBe(new Date('2025-03-17T23:59:00').toISOString());

    const graph = await ctx.call('POST', '/v1/vacancies', { body: fixture('google-graph.json') });
    expect(graph.status).toBe(201);
    expect(((await graph.json()) as Upsert).vacancy).toMatchObject({ reference: 'HGV-2291', title: 'HGV Class 1 Driver & Night Trunker' });

    const remote = await ctx.call('POST', '/v1/vacancies', { body: fixture('ats-remote.json') });
    expect(remote.status).toBe(201);
    expect(((await remote.json()) as Upsert).vacancy).toMatchObject({ reference: '48213', remote: 'remote' });

    // Re-sending the same JSON-LD is an idempotent upsert too.
    expect((await ctx.call('POST', '/v1/vacancies', { body: fixture('nhs-style.json') })).status).toBe(200);
    expect(count(ctx)).toBe(3);
  });

  it('rejects an invalid JobPosting naming its own JSON-LD paths', async () => {
    const ctx = setupEmployerApp();
    const res = await ctx.call('POST', '/v1/vacancies', { body: fixture('invalid.json') });
    expect(res.status).toBe(422);
    const paths = ((await res.json()) as Problem).errors?.map((e) => e.path);
    expect(paths).toContain('title');
    expect(paths).toContain('baseSalary.value.minValue');
    expect(paths).toContain('jobLocation.geo.latitude');
  });

  it('needs an identifier (or url) on a JobPosting, and a JobPosting @type on JSON-LD', async () => {
    const ctx = setupEmployerApp();
    const noId = await ctx.call('POST', '/v1/vacancies', { body: { '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Cleaner' } });
    expect(noId.status).toBe(422);
    expect(((await noId.json()) as Problem).errors).toEqual([expect.objectContaining({ path: 'identifier' })]);
    const org = await ctx.call('POST', '/v1/vacancies', { body: { '@context': 'https://schema.org', '@type': 'Organization', name: 'x' } });
    expect(org.status).toBe(422);
    expect(((await org.json()) as Problem).errors?.[0]?.path).toBe('@type');
  });

  it('answers malformed JSON 400, empty body 400, non-JSON content type 415, non-object 422', async () => {
    const ctx = setupEmployerApp();
    const bad = await ctx.call('POST', '/v1/vacancies', { raw: '{"title": "x",' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('Content-Type')).toContain('application/problem+json');
    expect((await ctx.call('POST', '/v1/vacancies', { raw: '' })).status).toBe(400);
    expect((await ctx.call('POST', '/v1/vacancies', { raw: JSON.stringify(vacancy()), contentType: 'text/plain' })).status).toBe(415);
    expect((await ctx.call('POST', '/v1/vacancies', { raw: '[1,2]' })).status).toBe(422);
    expect((await ctx.call('POST', '/v1/vacancies', { raw: 'null' })).status).toBe(422);
    expect((await ctx.call('POST', '/v1/vacancies', { raw: `\ufeff${JSON.stringify(vacancy())}` })).status).toBe(201);
  });

  it('answers 413 for a body over BODY_LIMIT_BYTES, by header or while streaming', async () => {
    const ctx = setupEmployerApp({ config: { BODY_LIMIT_BYTES: 2_000 } });
    const big = JSON.stringify(vacancy({ description: 'x'.repeat(5_000) }));
    const res = await ctx.call('POST', '/v1/vacancies', { raw: big });
    expect(res.status).toBe(413);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    // No Content-Length: a streamed body is counted as it arrives.
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const streamed = await ctx.app.request('/v1/vacancies', {
      method: 'POST',
      headers: { Authorization: `Bearer ${ctx.keyA}`, 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(count(ctx)).toBe(0);
  });
});

describe('POST /v1/vacancies/batch', () => {
  it('stores valid items and rejects invalid ones with item paths', async () => {
    const ctx = setupEmployerApp();
    await ctx.call('POST', '/v1/vacancies', { body: vacancy({ reference: 'OLD' }) });
    const res = await ctx.call('POST', '/v1/vacancies/batch', {
      body: {
        items: [
          vacancy({ reference: 'A' }),
          vacancy({ reference: 'B', title: '' }),
          fixture('nhs-style.json'),
          vacancy({ reference: 'OLD' }),
          vacancy({ reference: 'OLD-2', lat: 'north' }),
          'not an object',
          vacancy({ reference: 'OLD', title: 'Changed' }),
        ],
      },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { summary: Record<string, number>; items: { index: number; outcome: string; reference: string | null; id?: number; errors?: { path: string }[] }[] };
    expect(body.items.map((r) => r.outcome)).toEqual(['created', 'rejected', 'created', 'unchanged', 'rejected', 'rejected', 'updated']);
    expect(body.summary).toEqual({ created: 2, updated: 1, unchanged: 1, rejected: 3 });
    expect(body.items[1]).toMatchObject({ index: 1, reference: 'B', errors: [{ path: 'items.1.title' }] });
    expect(body.items[4]?.errors?.map((e) => e.path)).toEqual(['items.4.lat']);
    expect(body.items[5]?.errors?.map((e) => e.path)).toEqual(['items.5']);
    expect(body.items[2]?.reference).toBe('C9123-24-0456');
    expect(count(ctx)).toBe(3);
  });

  it('takes 500 items and refuses 501 or none (422)', async () => {
    const ctx = setupEmployerApp();
    const items = Array.from({ length: 500 }, (_, i) => vacancy({ reference: `R${i}` }));
    const ok = await ctx.call('POST', '/v1/vacancies/batch', { body: { items } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { summary: { created: number } }).summary.created).toBe(500);
    const tooMany = await ctx.call('POST', '/v1/vacancies/batch', { body: { items: [...items, vacancy()] } });
    expect(tooMany.status).toBe(422);
    expect(((await tooMany.json()) as Problem).errors?.[0]?.path).toBe('items');
    expect((await ctx.call('POST', '/v1/vacancies/batch', { body: { items: [] } })).status).toBe(422);
    expect((await ctx.call('POST', '/v1/vacancies/batch', { body: [vacancy()] })).status).toBe(422);
    expect(count(ctx)).toBe(500);
  });
});

describe('a large batch shares the event loop', () => {
  it('normalises and stores 200 items in slices, the event loop turning between them, receipts in order', async () => {
    const ctx = setupEmployerApp();
    const items = Array.from({ length: 200 }, (_, i) => vacancy({ reference: `T${i}` }));
    // One synchronous pass would leave only the few turns around its awaits.
    const { result: res, turns } = await countTurns(() => ctx.call('POST', '/v1/vacancies/batch', { body: { items } }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { summary: { created: number }; items: { index: number; reference: string }[] };
    expect(body.summary.created).toBe(200);
    expect(body.items.map((r) => r.index)).toEqual(items.map((_, i) => i));
    expect(body.items.map((r) => r.reference)).toEqual(items.map((_, i) => `T${i}`));
    // 200 items in slices of 25: 7 turns between normalising slices and 7 between storing ones, at least.
    expect(turns).toBeGreaterThanOrEqual(14);
    expect(count(ctx)).toBe(200);
  });
});

describe('GET, PATCH, DELETE /v1/vacancies/:id', () => {
  async function seed() {
    const ctx = setupEmployerApp();
    const a = (await (await ctx.call('POST', '/v1/vacancies', { body: vacancy({ hoursPerWeek: 30 }) })).json()) as Upsert;
    const b = (await (await ctx.call('POST', '/v1/vacancies', { key: ctx.keyB, body: vacancy({ reference: 'B-1' }) })).json()) as Upsert;
    return { ctx, a, b };
  }

  it('lists only the caller\'s own, paginated, filterable by status', async () => {
    const { ctx } = await seed();
    for (let i = 2; i <= 5; i++) await ctx.call('POST', '/v1/vacancies', { body: vacancy({ reference: `REF-${i}` }) });
    const page = (await (await ctx.call('GET', '/v1/vacancies?page=2&pageSize=2')).json()) as { items: { reference: string }[]; total: number; page: number; pageSize: number };
    expect(page).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    const all = (await (await ctx.call('GET', '/v1/vacancies?pageSize=100')).json()) as { items: { reference: string }[] };
    expect(all.items.map((v) => v.reference)).not.toContain('B-1');
    expect((await ctx.call('GET', '/v1/vacancies?pageSize=1000')).status).toBe(422);
    expect((await ctx.call('GET', '/v1/vacancies?status=open')).status).toBe(422);
    const closedOnly = (await (await ctx.call('GET', '/v1/vacancies?status=closed')).json()) as { total: number };
    expect(closedOnly.total).toBe(0);
  });

  it('reads its own; another employer\'s, missing and non-numeric ids are 404', async () => {
    const { ctx, a, b } = await seed();
    const res = await ctx.call('GET', `/v1/vacancies/${a.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: a.id, reference: 'REF-1' });
    for (const id of [String(b.id), '999999', 'abc', '-1', '1.5', '99999999999999999999']) {
      const r = await ctx.call('GET', `/v1/vacancies/${id}`);
      expect(r.status).toBe(404);
      expect(r.headers.get('Content-Type')).toContain('application/problem+json');
    }
    expect((await ctx.call('PATCH', `/v1/vacancies/${b.id}`, { body: { title: 'Mine now' } })).status).toBe(404);
    expect((await ctx.call('DELETE', `/v1/vacancies/${b.id}`)).status).toBe(404);
    expect((await ctx.call('GET', `/v1/vacancies/${b.id}`, { key: ctx.keyB })).status).toBe(200);
  });

  it('says when a place is outside the UK (stored, read back) and the OpenAPI description declares it', async () => {
    const ctx = setupEmployerApp({ geocoder: createGeocoder(null) });
    const body = vacancy({ reference: 'ABROAD-1', location: 'Toronto, Canada', lat: undefined, lon: undefined });
    const created = (await (await ctx.call('POST', '/v1/vacancies', { body })).json()) as Upsert;
    const read = (await (await ctx.call('GET', `/v1/vacancies/${created.id}`)).json()) as Upsert['vacancy'];
    expect(read.location).toMatchObject({ text: 'Toronto, Canada', resolved: false, outsideUk: { country: 'CA' } });
    const uk = (await (await ctx.call('POST', '/v1/vacancies', { body: vacancy({ reference: 'UK-1' }) })).json()) as Upsert;
    expect((await (await ctx.call('GET', `/v1/vacancies/${uk.id}`)).json()) as Upsert['vacancy']).toMatchObject({ location: expect.not.objectContaining({ outsideUk: expect.anything() }) });
    const doc = (await (await ctx.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: { properties: Record<string, { anyOf?: { properties?: Record<string, unknown> }[]; properties?: Record<string, unknown> }> } }> }> }>>;
    };
    const location = doc.paths['/v1/vacancies/{id}']?.['get']?.responses['200']?.content['application/json']?.schema.properties['location'];
    const placeProps = location?.properties ?? location?.anyOf?.find((a) => a.properties)?.properties;
    expect(placeProps?.['outsideUk']).toMatchObject({ type: 'object', description: expect.stringContaining('outside the UK') });
  });

  it('PATCH merges into what was sent, null removes, reference is fixed', async () => {
    const { ctx, a } = await seed();
    const res = await ctx.call('PATCH', `/v1/vacancies/${a.id}`, { body: { title: 'Night Care Assistant', hoursPerWeek: null } });
    expect(res.status).toBe(200);
    const u = (await res.json()) as Upsert;
    expect(u).toMatchObject({ id: a.id, outcome: 'updated' });
    expect(u.vacancy).toMatchObject({ title: 'Night Care Assistant', hoursPerWeek: null, description: expect.stringContaining('Enhanced DBS') });
    expect(u.vacancy.location).toMatchObject({ lat: 53.8 });
    // Patching to the same values changes nothing.
    const same = (await (await ctx.call('PATCH', `/v1/vacancies/${a.id}`, { body: { title: 'Night Care Assistant' } })).json()) as Upsert;
    expect(same.outcome).toBe('unchanged');

    const ref = await ctx.call('PATCH', `/v1/vacancies/${a.id}`, { body: { reference: 'NEW' } });
    expect(ref.status).toBe(422);
    expect(((await ref.json()) as Problem).errors?.[0]?.path).toBe('reference');
    const bad = await ctx.call('PATCH', `/v1/vacancies/${a.id}`, { body: { title: null, lat: 'x', nope: 1 } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as Problem).errors?.map((e) => e.path).sort()).toEqual(['lat', 'nope']);
    const noTitle = await ctx.call('PATCH', `/v1/vacancies/${a.id}`, { body: { title: null } });
    expect(noTitle.status).toBe(422);
    expect(((await noTitle.json()) as Problem).errors?.map((e) => e.path)).toEqual(['title']);
    expect((await ctx.call('PATCH', `/v1/vacancies/${a.id}`, { raw: '{' })).status).toBe(400);
  });

  it('DELETE closes, keeps the row and its history, stays readable; PATCH keeps it closed; status live reopens', async () => {
    const { ctx, a } = await seed();
    const outboxBefore = count(ctx, 'SELECT count(*) AS n FROM index_outbox');
    const res = await ctx.call('DELETE', `/v1/vacancies/${a.id}`);
    expect(res.status).toBe(200);
    const closed = (await res.json()) as { status: string; closedAt: string };
    expect(closed).toMatchObject({ status: 'closed', closedAt: new Date(NOW).toISOString() });
    expect(count(ctx, 'SELECT count(*) AS n FROM index_outbox')).toBe(outboxBefore + 1);
    expect(count(ctx)).toBe(2);
    expect(await (await ctx.call('GET', `/v1/vacancies/${a.id}`)).json()).toMatchObject({ status: 'closed' });
    expect((await ctx.call('DELETE', `/v1/vacancies/${a.id}`)).status).toBe(200);
    const listed = (await (await ctx.call('GET', '/v1/vacancies?status=closed')).json()) as { total: number };
    expect(listed.total).toBe(1);

    const patched = (await (await ctx.call('PATCH', `/v1/vacancies/${a.id}`, { body: { salary: '£12.50 per hour' } })).json()) as Upsert;
    expect(patched.status).toBe('closed');
    expect(patched.vacancy.status).toBe('closed');
    expect(patched.vacancy['closedAt']).toBe(new Date(NOW).toISOString());
    const reopened = (await (await ctx.call('PATCH', `/v1/vacancies/${a.id}`, { body: { status: 'live' } })).json()) as Upsert;
    expect(reopened.vacancy.status).toBe('live');
  });
});

describe('re-sending', () => {
  it('re-sending a closed vacancy unchanged reopens it (byte-identical input is not short-circuited past a status change)', async () => {
    const ctx = setupEmployerApp();
    const a = (await (await ctx.call('POST', '/v1/vacancies', { body: vacancy() })).json()) as Upsert;
    await ctx.call('DELETE', `/v1/vacancies/${a.id}`);
    const again = await ctx.call('POST', '/v1/vacancies', { body: vacancy() });
    expect(again.status).toBe(200);
    expect((await again.json()) as Upsert).toMatchObject({ id: a.id, outcome: 'updated', status: 'live', vacancy: { status: 'live', closedAt: null } });
    // Sending `status: closed` closes it through the same upsert.
    const closed = (await (await ctx.call('POST', '/v1/vacancies', { body: vacancy({ status: 'closed' }) })).json()) as Upsert;
    expect(closed).toMatchObject({ outcome: 'updated', status: 'closed', vacancy: { status: 'closed' } });
  });
});

describe('request ids and errors', () => {
  it('echoes a sane X-Request-Id and makes one otherwise', async () => {
    const ctx = setupEmployerApp();
    const given = await ctx.call('GET', '/v1/vacancies', { headers: { 'X-Request-Id': 'abc-123' } });
    expect(given.headers.get('X-Request-Id')).toBe('abc-123');
    const made = await ctx.call('GET', '/v1/vacancies', { headers: { 'X-Request-Id': 'bad id with spaces\n' } });
    expect(made.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    const unauth = await ctx.call('GET', '/v1/vacancies', { key: null });
    expect(unauth.headers.get('X-Request-Id')).toBeTruthy();
  });

  it('answers unknown routes with 404 problem+json', async () => {
    const ctx = setupEmployerApp();
    const res = await ctx.app.request('/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
  });
});
