import { beforeAll, describe, expect, it } from 'vitest';
import { safeNext } from '../../src/http/page-session.ts';
import { createSession } from '../../src/auth/sessions.ts';
import { addParticipant } from '../helpers/participants.ts';
import type { SearchEngine } from '../../src/search/engine.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { ingestVacancy } from '../../src/vacancies/ingest.ts';
import { drainOutbox } from '../../src/search/outbox.ts';
import { loadTaxonomy } from '../../src/taxonomy/store.ts';
import { STYLESHEET, STYLESHEET_HASH } from '../../src/views/styles.ts';
import { seedApp, type Seeded } from './seed.ts';

/** The pages in-process (app.request): sessions, CSRF, scoping, escaping, error pages, headers. */

const HTML = { Accept: 'text/html,application/xhtml+xml' };
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' };

let s: Seeded;

const get = (path: string, session: string | null = s.session, headers: Record<string, string> = {}) =>
  s.app.request(path, { headers: { ...HTML, ...(session ? { Cookie: `fp_session=${session}` } : {}), ...headers } });

const post = (path: string, body: Record<string, string>, session: string | null = s.session, headers: Record<string, string> = FORM) =>
  s.app.request(path, {
    method: 'POST',
    headers: { ...HTML, ...headers, ...(session ? { Cookie: `fp_session=${session}` } : {}) },
    body: new URLSearchParams(body).toString(),
  });

beforeAll(async () => {
  s = await seedApp({ demo: false });
});

describe('page sessions', () => {
  it('sends signed-out requests to /signin, remembering the page', async () => {
    const home = await get('/', null);
    expect(home.status).toBe(303);
    expect(home.headers.get('Location')).toBe('/signin');
    const deep = await get(`/participants/${s.participantId}?q=forklift`, null);
    expect(deep.headers.get('Location')).toBe(`/signin?next=${encodeURIComponent(`/participants/${s.participantId}?q=forklift`)}`);
    for (const path of ['/participants', '/sectors', `/participants/${s.participantId}/erase`]) {
      expect((await get(path, null)).status).toBe(303);
    }
  });

  it('drops a cookie whose session is unknown (or is a coach token)', async () => {
    const res = await get('/', s.token);
    expect(res.status).toBe(303);
    expect(res.headers.get('Set-Cookie')).toMatch(/^fp_session=; Max-Age=0/);
  });

  it('signs in with the coach token into a session: HttpOnly, SameSite=Strict, a working day; only local next paths are followed', async () => {
    const res = await post('/signin', { token: ` ${s.token} `, next: '/participants' }, null);
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/participants');
    const cookie = res.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/^fp_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).not.toContain(s.token);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Max-Age=43200');
    expect(cookie).not.toContain('Secure');

    const evil = await post('/signin', { token: s.token, next: '//evil.example/x' }, null);
    expect(evil.headers.get('Location')).toBe('/');
    const bad = await post('/signin', { token: 'fp_coach_0123456789ab_wrong-wrong-wrong-wrong' }, null);
    expect(bad.status).toBe(401);
    expect(bad.headers.get('Set-Cookie')).toBeNull();
    expect(await bad.text()).toContain('not recognised');
  });

  it('ignores X-Forwarded-Proto unless TRUST_PROXY says a proxy sets it (Secure cookies: test/auth/page-origin.test.ts)', async () => {
    const res = await post('/signin', { token: s.token }, null, { ...FORM, 'X-Forwarded-Proto': 'https' });
    expect(res.status).toBe(303);
    expect(res.headers.get('Set-Cookie')).not.toContain('Secure');
  });

  it('safeNext keeps local paths only', () => {
    expect(safeNext('/participants/3?q=a')).toBe('/participants/3?q=a');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'participants', '', null, '/a\r\nSet-Cookie: x=1']) {
      expect(safeNext(bad)).toBe('/');
    }
  });

  it('refuses page POSTs from another origin or with no origin at all', async () => {
    const before = s.db.$client.prepare('SELECT count(*) FROM participants').pluck().get();
    const cross = await post(`/participants/${s.participantId}/erase`, {}, s.session, { ...FORM, Origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
    expect(cross.headers.get('Content-Type')).toContain('text/html');
    const none = await post(`/participants/${s.participantId}/erase`, {}, s.session, { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(none.status).toBe(403);
    const refererOnly = await post('/signout', {}, createSession(s.db, s.coach.id, s.clock()), {
      'Content-Type': 'application/x-www-form-urlencoded',
      Referer: 'http://localhost/participants',
    });
    expect(refererOnly.status).toBe(303);
    expect(s.db.$client.prepare('SELECT count(*) FROM participants').pluck().get()).toBe(before);
  });

  it('signs out with a POST that clears the cookie', async () => {
    const res = await post('/signout', {}, createSession(s.db, s.coach.id, s.clock()));
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/signin?signedout=1');
    expect(res.headers.get('Set-Cookie')).toMatch(/^fp_session=; Max-Age=0/);
  });
});

describe('pages and the API side by side', () => {
  it('leaves the JSON API as it was: bearer tokens, problem+json even for browsers', async () => {
    const noAuth = await s.app.request('/v1/search?q=forklift', { headers: HTML });
    expect(noAuth.status).toBe(401);
    expect(noAuth.headers.get('Content-Type')).toContain('application/problem+json');
    // The session cookie is not an API credential.
    const cookieOnly = await s.app.request('/v1/participants', { headers: { ...HTML, Cookie: `fp_session=${s.session}` } });
    expect(cookieOnly.status).toBe(401);
    const missing = await s.app.request('/v1/nothing', { headers: HTML });
    expect(missing.headers.get('Content-Type')).toContain('application/problem+json');
  });

  it('renders HTML 404s for browsers outside /v1 and JSON for everyone else', async () => {
    const page = await get('/no-such-page', null);
    expect(page.status).toBe(404);
    expect(page.headers.get('Content-Type')).toContain('text/html');
    expect(await page.text()).toContain('<h1>Not Found</h1>');
    const json = await s.app.request('/no-such-page');
    expect(json.headers.get('Content-Type')).toContain('application/problem+json');
  });

  it('sends pages with a strict CSP that allows exactly the inline stylesheet, and never caches them', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src '${STYLESHEET_HASH}'`);
    expect(csp).not.toContain('script-src');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const html = await res.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // The stylesheet goes out byte for byte (escaping leaves it alone), so the hash matches.
    expect(html).toContain(`<style>${STYLESHEET}</style>`);
    expect(html).not.toMatch(/<script/i);
  });
});

describe('page content', () => {
  it('shows a participant only to their own organisation', async () => {
    const other = await get(`/participants/${s.participantId}`, s.otherSession);
    expect(other.status).toBe(404);
    expect(await other.text()).toContain('Participant was not found');
    const list = await (await get('/participants', s.otherSession)).text();
    expect(list).not.toContain('Jordan Example');
    expect((await get(`/participants/${s.participantId}/erase`, s.otherSession)).status).toBe(404);
    const erase = await post(`/participants/${s.participantId}/erase`, {}, s.otherSession);
    expect(erase.status).toBe(404);
    expect(s.db.$client.prepare('SELECT count(*) FROM participants WHERE id = ?').pluck().get(s.participantId)).toBe(1);
    expect((await get('/participants/not-a-number')).status).toBe(404);
  });

  it('escapes everything from adverts and people; only the engine’s <mark> survives in highlights', async () => {
    const taxonomy = loadTaxonomy(s.db);
    ingestVacancy(
      { db: s.db, now: () => Date.parse('2026-02-28T09:00:00Z') },
      {
        source: 'import:xss',
        raw: {
          reference: 'xss-1',
          title: 'Welder <img src=x onerror=alert(1)>',
          employer: '<b>Bold</b> Fabrications',
          description: 'Welding <script>alert(2)</script> of steel frames "quoted" & more.',
          url: 'javascript:alert(3)',
          lat: 53.8,
          lon: -1.55,
        },
      },
    );
    await drainOutbox(s.db, new SqliteEngine(s.db));
    const html = await (await get('/?q=welder')).text();
    expect(html).toContain('<mark>Welder</mark>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>Bold</b>');
    expect(html).toContain('&lt;b&gt;Bold&lt;/b&gt; Fabrications');
    expect(html).not.toContain('javascript:');

    const p = addParticipant(
      { db: s.db, taxonomy: () => taxonomy, enricher: () => null, geocoder: null, now: () => Date.parse('2026-03-01T09:00:00Z') },
      s.coach,
      { name: '<i>Eve</i> "x"', reference: "O'Brien & co" },
    );
    const page = await (await get(`/participants/${p.id}`)).text();
    expect(page).not.toContain('<i>Eve</i>');
    expect(page).toContain('&lt;i&gt;Eve&lt;/i&gt;');
  });

  it('re-renders the search form with field errors (422), never a 500', async () => {
    const res = await get('/?radiusKm=-3&near=Leeds&sort=sideways');
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/id="radiusKm"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="sort"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="Leeds"');
  });

  it('shows a participant page whatever the matches filter says: bad values as field errors, wide radii accepted', async () => {
    const wide = await get(`/participants/${s.participantId}?radiusKm=800`);
    expect(wide.status).toBe(200);
    expect(await wide.text()).toContain('Within 800 km');
    const bad = await get(`/participants/${s.participantId}?radiusKm=-1&sector=ZZ`);
    expect(bad.status).toBe(200);
    const html = await bad.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Pivot suggestions');
  });

  it('shows an HTML 500 with no internals when something underneath fails; the API still answers problem+json', async () => {
    const failing: SearchEngine = Object.assign(Object.create(new SqliteEngine(s.db)) as SearchEngine, {
      search: async () => {
        throw new Error('engine exploded at /srv/secret/path.ts:12');
      },
    });
    const broken = await seedApp({ demo: false, search: () => failing });
    const res = await broken.app.request('/', { headers: { ...HTML, Cookie: `fp_session=${broken.session}` } });
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('Internal Server Error');
    expect(html).not.toContain('exploded');
    expect(html).not.toContain('.ts:');
    const api = await broken.app.request('/v1/search?q=x', { headers: { ...HTML, Authorization: `Bearer ${broken.token}` } });
    expect(api.status).toBe(500);
    expect(api.headers.get('Content-Type')).toContain('application/problem+json');
  });
});
