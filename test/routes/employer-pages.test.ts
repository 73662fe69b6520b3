import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../../src/auth/api-keys.ts';
import { createCoach } from '../../src/auth/coaches.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../src/auth/sessions.ts';
import { fixedClock } from '../../src/clock.ts';
import type { Db } from '../../src/db.ts';
import { drainOutbox } from '../../src/search/outbox.ts';
import type { AppDeps } from '../../src/app-deps.ts';
import { createTestApp } from '../helpers/test-app.ts';

/**
 * The employer pages through the real app on a real :memory: database:
 * sign-in with the API key traded for an employer session, posting through
 * the API's own validation and store (so the vacancy is searchable like an
 * API-posted one), every problem of a bad form at once, closing, another
 * employer's vacancy being a 404, and the Origin check on every POST.
 */

const NOW = Date.parse('2026-03-01T09:00:00Z');
const MIN = 60_000;
const ORIGIN = 'http://localhost';
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, Accept: 'text/html' };
const COOKIE = 'fp_employer_session';

interface Ctx {
  app: ReturnType<typeof createTestApp>['app'];
  deps: AppDeps;
  db: Db;
  clock: ReturnType<typeof fixedClock>;
  keyA: string;
  keyIdA: number;
  keyB: string;
  coachToken: string;
}

let t: Ctx;

beforeEach(() => {
  const clock = fixedClock(NOW);
  const { app, deps } = createTestApp({ now: clock });
  const a = createApiKey(deps.db, { employerName: 'Acme Fictional Bakery' }, NOW);
  const b = createApiKey(deps.db, { employerName: 'Other Fictional Ltd' }, NOW);
  const coach = createCoach(deps.db, { name: 'Ann Coach', org: 'North Works' }, NOW);
  t = { app, deps, db: deps.db, clock, keyA: a.key, keyIdA: a.info.id, keyB: b.key, coachToken: coach.token };
});

const from = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });

const post = (path: string, fields: Record<string, string>, opts: { cookie?: string; headers?: Record<string, string>; ip?: string } = {}) =>
  t.app.request(
    path,
    {
      method: 'POST',
      headers: { ...FORM, ...(opts.cookie ? { Cookie: `${COOKIE}=${opts.cookie}` } : {}), ...opts.headers },
      body: new URLSearchParams(fields).toString(),
    },
    from(opts.ip ?? '192.0.2.1'),
  );

const get = (path: string, cookie?: string) => t.app.request(path, { headers: { Accept: 'text/html', ...(cookie ? { Cookie: `${COOKIE}=${cookie}` } : {}) } });

function cookieOf(res: Response): string {
  const m = new RegExp(`^${COOKIE}=([^;]*);`).exec(res.headers.get('Set-Cookie') ?? '');
  if (!m?.[1]) throw new Error(`no employer session cookie in ${res.headers.get('Set-Cookie')}`);
  return m[1];
}

async function signIn(key = t.keyA, ip?: string): Promise<string> {
  const res = await post('/employer/signin', { key }, ip ? { ip } : {});
  expect(res.status).toBe(303);
  return cookieOf(res);
}

const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');
const sessionRows = () => t.db.$client.prepare('SELECT * FROM employer_sessions').all() as Record<string, unknown>[];
const vacancyRows = () =>
  t.db.$client.prepare('SELECT id, source, source_ref AS ref, title_original AS title, status, salary_min AS min, salary_period AS period FROM vacancies ORDER BY id').all() as {
    id: number;
    source: string;
    ref: string;
    title: string;
    status: string;
    min: number | null;
    period: string | null;
  }[];

const GOOD = {
  title: 'Bakery Assistant',
  reference: 'BAK-7',
  location: 'Leeds LS11 5QN',
  remote: 'onsite',
  description: 'Early shifts baking bread and serving customers. Food hygiene certificate welcome.',
  payMin: '12.60',
  payMax: '13.10',
  payPeriod: 'hour',
  hoursPerWeek: '30',
  employmentType: 'part_time',
  contract: 'permanent',
  closingDate: '2026-03-20',
  howToApply: 'jobs@bakery.example',
};

/** The text of a page with its tags removed and whitespace squeezed, for reading what a person sees. */
const textOf = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('employer sign-in', () => {
  it('trades a good API key for an HttpOnly, SameSite=Strict session cookie on /employer that is not the key', async () => {
    const res = await post('/employer/signin', { key: t.keyA, next: '/employer/vacancies/new' });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/employer/vacancies/new');
    const setCookie = res.headers.get('Set-Cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/employer(;|$)/);
    expect(setCookie).toMatch(new RegExp(`Max-Age=${SESSION_ABSOLUTE_MS / 1000}`));
    expect(setCookie).not.toMatch(/Secure/); // http://localhost; https gets Secure (below)
    const id = cookieOf(res);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(id).not.toContain(t.keyA);
    expect(sessionRows()).toEqual([{ id_hash: sha256(id), api_key_id: t.keyIdA, created_at: NOW, last_seen_at: NOW, expires_at: NOW + SESSION_ABSOLUTE_MS }]);
    expect(JSON.stringify(sessionRows())).not.toContain(t.keyA);

    const page = await get('/employer', id);
    expect(page.status).toBe(200);
    expect(textOf(await page.text())).toContain('Acme Fictional Bakery');
    // The session id is no API key, and it opens no coach page.
    expect((await t.app.request('/v1/vacancies', { headers: { Authorization: `Bearer ${id}` } })).status).toBe(401);
    expect((await t.app.request('/participants', { headers: { Accept: 'text/html', Cookie: `fp_session=${id}` } })).status).toBe(303);
    // Only an /employer path is a place to go back to.
    expect((await post('/employer/signin', { key: t.keyA, next: 'https://evil.example/' })).headers.get('Location')).toBe('/employer');
    expect((await post('/employer/signin', { key: t.keyA, next: '/participants' })).headers.get('Location')).toBe('/employer');
  });

  it('a coach session opens no employer page, under either cookie name', async () => {
    const res = await t.app.request('/signin', { method: 'POST', headers: FORM, body: new URLSearchParams({ token: t.coachToken }).toString() }, from('192.0.2.9'));
    const coachSession = /^fp_session=([^;]*);/.exec(res.headers.get('Set-Cookie') ?? '')?.[1];
    expect(coachSession).toBeTruthy();
    expect((await t.app.request('/employer', { headers: { Accept: 'text/html', Cookie: `fp_session=${coachSession}` } })).status).toBe(303);
    expect((await get('/employer', coachSession)).status).toBe(303);
  });

  it('marks the cookie Secure when the public origin is https', async () => {
    const { app, deps } = createTestApp({ now: t.clock, config: { PUBLIC_URL: 'https://jobs.example.org' } });
    const { key } = createApiKey(deps.db, { employerName: 'Acme' }, NOW);
    const res = await app.request('/employer/signin', {
      method: 'POST',
      headers: { ...FORM, Origin: 'https://jobs.example.org' },
      body: new URLSearchParams({ key }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('Set-Cookie')).toMatch(/Secure/);
  });

  it('refuses a bad, empty or coach key with a 401 page and no cookie', async () => {
    const coachKey = t.coachToken;
    for (const key of ['fp_emp_000000000000_nope-nope-nope-nope-nope-nope', 'nonsense', '', coachKey]) {
      const res = await post('/employer/signin', { key }, { ip: `198.51.100.${key.length % 200}` });
      expect(res.status, key).toBe(401);
      expect(res.headers.get('Set-Cookie'), key).toBeNull();
      expect(textOf(await res.text())).toContain('That key was not recognised');
    }
    expect(sessionRows()).toHaveLength(0);
  });

  it('sends a signed-out request to the sign-in page, remembering where it was going', async () => {
    const res = await get('/employer/vacancies/new');
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/employer/signin?next=%2Femployer%2Fvacancies%2Fnew');
    expect((await get('/employer')).headers.get('Location')).toBe('/employer/signin');
  });

  it('a revoked key ends the sessions signed in with it, and only those', async () => {
    const a1 = await signIn();
    const a2 = await signIn(t.keyA, '192.0.2.2');
    const b = await signIn(t.keyB);
    expect(revokeApiKey(t.db, t.keyIdA, NOW + MIN)).toBe(true);
    expect(sessionRows().filter((r) => r.api_key_id === t.keyIdA)).toHaveLength(0);
    for (const id of [a1, a2]) {
      const res = await get('/employer', id);
      expect(res.status).toBe(303);
      expect(res.headers.get('Set-Cookie')).toMatch(new RegExp(`^${COOKIE}=; Max-Age=0`));
    }
    expect((await get('/employer', b)).status).toBe(200);
    // And the revoked key no longer signs in.
    expect((await post('/employer/signin', { key: t.keyA })).status).toBe(401);
  });

  it('a key revoked behind the app\u2019s back (a direct UPDATE) is refused at the next request', async () => {
    const id = await signIn();
    t.db.$client.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ?').run(NOW, t.keyIdA);
    expect((await get('/employer', id)).status).toBe(303);
  });

  it('sign-out ends the session for good: the old cookie is refused', async () => {
    const id = await signIn();
    const out = await post('/employer/signout', {}, { cookie: id });
    expect(out.status).toBe(303);
    expect(out.headers.get('Location')).toBe('/employer/signin?signedout=1');
    expect(out.headers.get('Set-Cookie')).toMatch(new RegExp(`^${COOKIE}=; Max-Age=0`));
    expect(sessionRows()).toHaveLength(0);
    expect((await get('/employer', id)).status).toBe(303);
  });

  it('expires after two idle hours and twelve hours after sign-in', async () => {
    const id = await signIn();
    t.clock.set(NOW + SESSION_IDLE_MS - MIN);
    expect((await get('/employer', id)).status).toBe(200);
    t.clock.advance(SESSION_IDLE_MS);
    expect((await get('/employer', id)).status).toBe(303);

    t.clock.set(NOW);
    const busy = await signIn();
    for (let at = NOW; at < NOW + SESSION_ABSOLUTE_MS; at += 90 * MIN) {
      t.clock.set(at);
      expect((await get('/employer', busy)).status).toBe(200);
    }
    t.clock.set(NOW + SESSION_ABSOLUTE_MS);
    expect((await get('/employer', busy)).status).toBe(303);
  });

  it('throttles failed sign-ins per client like the coach sign-in: 429 with Retry-After, even for a good key', async () => {
    for (let i = 0; i < 5; i++) {
      t.clock.set(NOW + i * MIN);
      expect((await post('/employer/signin', { key: 'fp_emp_000000000000_wrong' }, { ip: '198.51.100.7' })).status).toBe(401);
    }
    t.clock.set(NOW + 5 * MIN);
    const blocked = await post('/employer/signin', { key: t.keyA }, { ip: '198.51.100.7' });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('Retry-After')).toBe(String(10 * 60));
    expect(blocked.headers.get('Set-Cookie')).toBeNull();
    expect(textOf(await blocked.text())).toContain('Too many failed sign-ins');
    expect((await post('/employer/signin', { key: t.keyA }, { ip: '198.51.100.8' })).status).toBe(303);
    t.clock.set(NOW + 15 * MIN);
    expect((await post('/employer/signin', { key: t.keyA }, { ip: '198.51.100.7' })).status).toBe(303);
  });

  it('does not share its failure count with the coach sign-in', async () => {
    for (let i = 0; i < 5; i++) await post('/employer/signin', { key: 'wrong' }, { ip: '198.51.100.9' });
    const coach = await t.app.request(
      '/signin',
      { method: 'POST', headers: FORM, body: new URLSearchParams({ token: t.coachToken }).toString() },
      from('198.51.100.9'),
    );
    expect(coach.status).toBe(303);
  });
});

describe('CSRF: every employer POST is Origin-checked before anything else', () => {
  it('refuses sign-in, posting, closing and sign-out from another origin or with no Origin, changing nothing', async () => {
    const id = await signIn();
    expect((await post('/employer/vacancies', GOOD, { cookie: id })).status).toBe(303);
    const [v] = vacancyRows();
    for (const headers of [{ Origin: 'https://evil.example' }, { Origin: 'null' }, { Origin: '' }]) {
      const bad = (path: string, fields: Record<string, string> = {}) => post(path, fields, { cookie: id, headers });
      expect((await bad('/employer/signin', { key: t.keyA })).status).toBe(403);
      expect((await bad('/employer/vacancies', { ...GOOD, reference: 'EVIL-1' })).status).toBe(403);
      expect((await bad(`/employer/vacancies/${v!.id}/close`)).status).toBe(403);
      expect((await bad('/employer/signout')).status).toBe(403);
    }
    expect(vacancyRows().map((r) => [r.ref, r.status])).toEqual([['BAK-7', 'live']]);
    expect(sessionRows()).toHaveLength(1);
    expect((await get('/employer', id)).status).toBe(200);
  });
});

describe('posting a vacancy', () => {
  it('stores it through the API path, lists it, and makes it findable in search just like an API-posted one', async () => {
    const id = await signIn();
    const res = await post('/employer/vacancies', GOOD, { cookie: id });
    expect(res.status).toBe(303);
    const [v] = vacancyRows();
    expect(res.headers.get('Location')).toBe(`/employer?posted=${v!.id}#v-${v!.id}`);
    expect(v).toMatchObject({ source: expect.stringMatching(/^employer:\d+$/), ref: 'BAK-7', title: 'Bakery Assistant', status: 'live', min: 12.6, period: 'hour' });

    // What the API reads back is what the form meant.
    const api = (await (await t.app.request(`/v1/vacancies/${v!.id}`, { headers: { Authorization: `Bearer ${t.keyA}` } })).json()) as Record<string, unknown>;
    expect(api).toMatchObject({
      reference: 'BAK-7',
      employer: 'Acme Fictional Bakery',
      applyUrl: 'mailto:jobs@bakery.example',
      hoursPerWeek: 30,
      employmentType: 'part_time',
      contract: 'permanent',
      remote: 'onsite',
      // The closing day lasts to its end, UK time (GMT in March).
      validThrough: '2026-03-20T23:59:00.000Z',
    });
    expect(api['salary']).toMatchObject({ min: 12.6, max: 13.1, currency: 'GBP', period: 'hour' });
    // Kept as sent, like any API submission, so the API's PATCH merges into it.
    const sent = t.db.$client.prepare('SELECT raw FROM employer_submissions WHERE vacancy_id = ?').pluck().get(v!.id) as string;
    expect(JSON.parse(sent)).toMatchObject({ reference: 'BAK-7', title: 'Bakery Assistant', salary: { min: 12.6, max: 13.1, currency: 'GBP', period: 'hour' } });

    const list = await get(`/employer?posted=${v!.id}`, id);
    const text = textOf(await list.text());
    expect(text).toContain('Posted: Bakery Assistant (BAK-7).');
    expect(text).toMatch(/Bakery Assistant .*BAK-7 .*Open .*1 Mar 2026 .*20 Mar 2026/);

    // The same outbox and engine as the API: an API-posted twin is found by the same search.
    const apiPost = await t.app.request('/v1/vacancies', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.keyB}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ reference: 'API-1', title: 'Bakery Assistant', description: 'Baking bread at dawn.', location: 'Leeds' }),
    });
    expect(apiPost.status).toBe(201);
    const outbox = t.db.$client.prepare('SELECT vacancy_id AS id, op FROM index_outbox ORDER BY id').all() as { id: number; op: string }[];
    expect(outbox.map((o) => o.id)).toEqual(vacancyRows().map((r) => r.id));
    await drainOutbox(t.db, t.deps.search);
    const search = await t.app.request('/v1/search?q=bakery', { headers: { Authorization: `Bearer ${t.coachToken}` } });
    expect(search.status).toBe(200);
    const found = ((await search.json()) as { results: { id: number }[] }).results.map((r) => r.id).sort();
    expect(found).toEqual(vacancyRows().map((r) => r.id).sort());
  });

  it('makes up a reference when none is given, and needs only a title', async () => {
    const id = await signIn();
    expect((await post('/employer/vacancies', { title: 'Kitchen Porter' }, { cookie: id })).status).toBe(303);
    expect((await post('/employer/vacancies', { title: 'Kitchen Porter' }, { cookie: id })).status).toBe(303);
    const rows = vacancyRows();
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.ref).toMatch(/^WEB-20260301-[0-9A-F]{6}$/);
    expect(rows[0]!.ref).not.toBe(rows[1]!.ref);
  });

  it('reports every problem at once, in plain words next to its field, keeping what was typed', async () => {
    const id = await signIn();
    const res = await post(
      '/employer/vacancies',
      {
        title: '',
        reference: 'R'.repeat(201),
        location: 'Leeds',
        description: 'Keep me as typed',
        payMin: 'twelve',
        payMax: '9',
        payPeriod: '',
        hoursPerWeek: '200',
        closingDate: '2026-02-01',
        howToApply: 'javascript:alert(1)',
        remote: 'on the moon',
      },
      { cookie: id },
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    const text = textOf(html);
    const expected: Record<string, string> = {
      title: 'Enter the job title',
      reference: 'Your reference must be 200 characters or fewer',
      remote: 'Choose where the work is done from the list',
      payMin: 'Enter the lowest pay as an amount, for example 12.50 or 24000',
      payPeriod: 'Choose whether the pay is per hour, day, week, month or year',
      hoursPerWeek: 'Enter the hours a week as a number more than 0 and at most 168',
      closingDate: 'The closing date has passed: choose today or a later date',
      howToApply: 'Enter a web address starting https:// or an email address',
    };
    expect(text).toContain(`There are ${Object.keys(expected).length} problems:`);
    for (const [field, message] of Object.entries(expected)) {
      // Next to its field: the error's id is the one the control's aria-describedby names.
      expect(html, field).toContain(`<span class="error-text" id="vf-${field}-error">${message.replace(/'/g, '&#39;')}</span>`);
      expect(html, field).toMatch(new RegExp(`id="vf-${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="vf-${field}"`));
      // And in the summary, linking to it.
      expect(html, field).toContain(`<a href="#vf-${field}">`);
    }
    // Never the validator's own words.
    expect(text).not.toMatch(/Too small|Too big|Invalid|expected string|received|ISO 8601|mailto|unknown field|salary|applyUrl|validThrough/);
    // What was typed is still there.
    expect(html).toContain('value="twelve"');
    expect(html).toContain('value="200"');
    expect(html).toContain('Keep me as typed</textarea>');
    expect(html).toContain('value="2026-02-01"');
    expect(vacancyRows()).toHaveLength(0);
  });

  it('says when the highest pay is below the lowest, and when the closing date is not a date', async () => {
    const id = await signIn();
    const res = await post('/employer/vacancies', { title: 'Baker', payMin: '14', payMax: '12', payPeriod: 'hour', closingDate: 'next-ish' }, { cookie: id });
    expect(res.status).toBe(422);
    const text = textOf(await res.text());
    expect(text).toContain('The highest pay is less than the lowest pay');
    expect(text).toContain('Enter the closing date as a date, for example 31/07/2026');
    expect(text).toContain('There are 2 problems:');
  });

  it('will not replace a vacancy that already has the reference typed', async () => {
    const id = await signIn();
    expect((await post('/employer/vacancies', GOOD, { cookie: id })).status).toBe(303);
    const res = await post('/employer/vacancies', { ...GOOD, title: 'Something else' }, { cookie: id });
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain('You already have a vacancy with this reference (Bakery Assistant)');
    expect(vacancyRows().map((r) => r.title)).toEqual(['Bakery Assistant']);
    // Another employer may use the same reference for their own vacancy.
    const other = await signIn(t.keyB);
    expect((await post('/employer/vacancies', GOOD, { cookie: other })).status).toBe(303);
    expect(vacancyRows()).toHaveLength(2);
  });
});

describe('closing a vacancy', () => {
  it('closes it through the API\u2019s close, takes it out of search, and keeps it listed as closed', async () => {
    const id = await signIn();
    await post('/employer/vacancies', GOOD, { cookie: id });
    const [v] = vacancyRows();
    await drainOutbox(t.db, t.deps.search);
    const search = async () =>
      ((await (await t.app.request('/v1/search?q=bakery', { headers: { Authorization: `Bearer ${t.coachToken}` } })).json()) as { results: { id: number }[] }).results.map((r) => r.id);
    expect(await search()).toEqual([v!.id]);

    t.clock.advance(MIN);
    const res = await post(`/employer/vacancies/${v!.id}/close`, {}, { cookie: id });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/employer?closed=${v!.id}#v-${v!.id}`);
    expect(vacancyRows()[0]!.status).toBe('closed');
    const api = (await (await t.app.request(`/v1/vacancies/${v!.id}`, { headers: { Authorization: `Bearer ${t.keyA}` } })).json()) as Record<string, unknown>;
    expect(api['status']).toBe('closed');
    await drainOutbox(t.db, t.deps.search);
    expect(await search()).toEqual([]);

    const text = textOf(await (await get(`/employer?closed=${v!.id}`, id)).text());
    expect(text).toContain('Closed: Bakery Assistant (BAK-7).');
    expect(text).toMatch(/Bakery Assistant .*BAK-7 .*Closed .*Closed 1 Mar 2026/);
    expect(text).not.toMatch(/Close Bakery Assistant/);
  });

  it('another employer cannot close yours: 404, nothing changes', async () => {
    const a = await signIn();
    await post('/employer/vacancies', GOOD, { cookie: a });
    const [v] = vacancyRows();
    const b = await signIn(t.keyB);
    const res = await post(`/employer/vacancies/${v!.id}/close`, {}, { cookie: b });
    expect(res.status).toBe(404);
    expect(textOf(await res.text())).toContain('That vacancy is not one of yours, or it no longer exists. Nothing was changed.');
    expect(vacancyRows()[0]!.status).toBe('live');
    // Nor read it from their list, nor through a notice link.
    const list = textOf(await (await get(`/employer?posted=${v!.id}`, b)).text());
    expect(list).not.toContain('Bakery Assistant');
    // A missing or malformed id is the same 404.
    expect((await post('/employer/vacancies/99999/close', {}, { cookie: a })).status).toBe(404);
    expect((await post('/employer/vacancies/abc/close', {}, { cookie: a })).status).toBe(404);
  });

  it('needs a session: a signed-out close goes to sign-in and changes nothing', async () => {
    const a = await signIn();
    await post('/employer/vacancies', GOOD, { cookie: a });
    const [v] = vacancyRows();
    const res = await post(`/employer/vacancies/${v!.id}/close`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toMatch(/^\/employer\/signin/);
    expect(vacancyRows()[0]!.status).toBe('live');
  });
});
