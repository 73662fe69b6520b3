import { describe, expect, it } from 'vitest';
import { setupEmployerApp, captureLogger, UnhealthyEngine, vacancy, NOW } from './employer-app.ts';

describe('/healthz and /readyz', () => {
  it('healthz answers while the process is up', async () => {
    const ctx = setupEmployerApp();
    const res = await ctx.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('readyz is 200 with the outbox backlog when db and engine are fine', async () => {
    const ctx = setupEmployerApp();
    await ctx.call('POST', '/v1/vacancies', { body: vacancy() });
    ctx.clock.advance(30_000);
    const res = await ctx.app.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      database: { ok: true },
      search: expect.objectContaining({ ok: true, engine: 'sqlite' }),
      outbox: { backlog: 1, oldestAgeSeconds: 30 },
    });
  });

  it('readyz is 503 degraded when the engine is down, and when the outbox is stale', async () => {
    const down = setupEmployerApp({ search: new UnhealthyEngine() });
    const res = await down.app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'degraded', search: { ok: false, detail: 'index unavailable' } });

    const stale = setupEmployerApp();
    await stale.call('POST', '/v1/vacancies', { body: vacancy() });
    stale.clock.advance(16 * 60_000);
    const r2 = await stale.app.request('/readyz');
    expect(r2.status).toBe(503);
    expect(await r2.json()).toMatchObject({ status: 'degraded', outbox: { backlog: 1, oldestAgeSeconds: 960 } });
  });

  it('readyz is 503 down when the database is closed', async () => {
    const ctx = setupEmployerApp();
    ctx.db.$client.close();
    const res = await ctx.app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'down', database: { ok: false } });
  });
});

describe('access log', () => {
  it('writes one line per request with reqId, route pattern, status and ms, and no bodies or keys', async () => {
    const { logger, lines } = captureLogger();
    const ctx = setupEmployerApp({ logger });
    const secretText = 'Participant Jane Doe lives at 1 Secret Street';
    const created = await ctx.call('POST', '/v1/vacancies', { body: vacancy({ description: secretText }), headers: { 'X-Request-Id': 'req-1' } });
    const { id } = (await created.json()) as { id: number };
    await ctx.call('GET', `/v1/vacancies/${id}?q=${encodeURIComponent('Jane Doe')}`, { headers: { 'X-Request-Id': 'req-2' } });
    const access = lines.filter((l) => l['msg'] === 'request');
    expect(access).toHaveLength(2);
    expect(access[0]).toMatchObject({ reqId: 'req-1', method: 'POST', route: '/v1/vacancies', status: 201 });
    expect(access[1]).toMatchObject({ reqId: 'req-2', method: 'GET', route: '/v1/vacancies/:id', status: 200 });
    expect(typeof access[0]?.['ms']).toBe('number');
    const all = JSON.stringify(lines);
    expect(all).not.toContain('Jane');
    expect(all).not.toContain(ctx.keyA);
  });
});

describe('/openapi.json and /docs', () => {
  it('describes the employer API from the validating schemas', async () => {
    const ctx = setupEmployerApp();
    const res = await ctx.app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: Record<string, unknown> } }> }; security: unknown[]; parameters: { name: string; in: string }[]; responses: Record<string, unknown> }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const [path, method] of [
      ['/v1/vacancies', 'post'], ['/v1/vacancies', 'get'], ['/v1/vacancies/batch', 'post'],
      ['/v1/vacancies/{id}', 'get'], ['/v1/vacancies/{id}', 'patch'], ['/v1/vacancies/{id}', 'delete'],
      ['/healthz', 'get'], ['/readyz', 'get'],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    const post = doc.paths['/v1/vacancies']?.['post'];
    // Our shape or a JobPosting: the body is anyOf, our shape first.
    const alternatives = (post?.requestBody?.content['application/json']?.schema as { anyOf?: { required?: string[]; properties?: Record<string, unknown>; title?: string }[] }).anyOf;
    expect(alternatives?.map((a) => a.title)).toEqual(['Our JSON shape', 'schema.org JobPosting', 'JSON-LD @graph document']);
    const body = alternatives?.[0];
    expect(body?.required).toEqual(expect.arrayContaining(['reference', 'title']));
    expect(Object.keys(body?.properties ?? {})).toEqual(expect.arrayContaining(['salary', 'lat', 'validThrough']));
    expect(post?.requestBody?.content['application/ld+json']).toBeDefined();
    expect(post?.security).toEqual([{ employerKey: [] }]);
    expect(Object.keys(post?.responses ?? {})).toEqual(expect.arrayContaining(['201', '200', '401', '422', '429']));
    expect(doc.paths['/v1/vacancies']?.['get']?.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['query:page', 'query:pageSize', 'query:status']);
    expect(doc.paths['/v1/vacancies/{id}']?.['get']?.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(doc.components.securitySchemes['employerKey']).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('renders a readable docs page from the same registry', async () => {
    // The curl examples name the public origin (PUBLIC_URL), whatever host the request came in on.
    const ctx = setupEmployerApp({ config: { PUBLIC_URL: 'https://jobs.example.org' } });
    const res = await ctx.app.request('http://localhost:3000/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/html');
    const html = await res.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('Employer vacancies');
    expect(html).toContain('/v1/vacancies/batch');
    expect(html).toContain('curl -sS -X POST &#39;https://jobs.example.org/v1/vacancies&#39;');
    expect(html).toContain('Authorization: Bearer $FLIGHTPATH_API_KEY');
    expect(html).toContain('Retry-After');
    expect(html).toContain('<code>reference</code>');
    // Backtick spans in descriptions render as code.
    expect(html).toContain('<code>Authorization: Bearer fp_emp_…</code>');
    expect(html).not.toContain('`');
    expect(NOW).toBeGreaterThan(0);
  });
});
