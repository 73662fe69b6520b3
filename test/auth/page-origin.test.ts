import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { seedApp, type Seeded } from '../pages/seed.ts';

/**
 * The pages' CSRF check and Secure cookies take "this site" from PUBLIC_URL,
 * never from Host, and from X-Forwarded-* only with TRUST_PROXY.
 */

const PUBLIC = 'https://coach.example.org';

let direct: Seeded;
let proxied: Seeded;

beforeAll(async () => {
  direct = await seedApp({ demo: false, config: { PUBLIC_URL: PUBLIC, TRUST_PROXY: false } });
  proxied = await seedApp({ demo: false, config: { PUBLIC_URL: PUBLIC, TRUST_PROXY: true } });
});

/** A sign-in POST, the one page POST that needs no session (so only the origin check decides). */
const signIn = (s: Seeded, headers: Record<string, string>, url = 'http://127.0.0.1:3000/signin') =>
  s.app.request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html', ...headers },
    body: new URLSearchParams({ token: s.token }).toString(),
  });

describe('CSRF check on page POSTs (TRUST_PROXY off)', () => {
  it('accepts an Origin equal to PUBLIC_URL and sets a Secure cookie because it is https', async () => {
    const res = await signIn(direct, { Origin: PUBLIC });
    expect(res.status).toBe(303);
    expect(res.headers.get('Set-Cookie')).toContain('Secure');
  });

  it('refuses another origin, another scheme or port of the same host, and "null"', async () => {
    for (const origin of ['https://evil.example', 'http://coach.example.org', 'https://coach.example.org:8443', 'null', 'not a url']) {
      const res = await signIn(direct, { Origin: origin });
      expect(res.status, origin).toBe(403);
      expect(res.headers.get('Set-Cookie'), origin).toBeNull();
    }
  });

  it('falls back to the Referer only when Origin is absent, and refuses a request with neither', async () => {
    expect((await signIn(direct, { Referer: `${PUBLIC}/signin?next=%2F` })).status).toBe(303);
    expect((await signIn(direct, { Referer: 'https://evil.example/coach.example.org' })).status).toBe(403);
    // An Origin that does not match is not rescued by a Referer that does.
    expect((await signIn(direct, { Origin: 'https://evil.example', Referer: `${PUBLIC}/signin` })).status).toBe(403);
    expect((await signIn(direct, {})).status).toBe(403);
  });

  it('ignores a forged Host: the request URL, Host and Origin all naming the attacker do not pass', async () => {
    const res = await signIn(direct, { Host: 'evil.example', Origin: 'http://evil.example' }, 'http://evil.example/signin');
    expect(res.status).toBe(403);
    // And the real origin still passes whatever Host says.
    expect((await signIn(direct, { Host: 'evil.example', Origin: PUBLIC }, 'http://evil.example/signin')).status).toBe(303);
  });

  it('ignores X-Forwarded-Host and -Proto from a client when no proxy is trusted', async () => {
    const forged = await signIn(direct, { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https', Origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    const res = await signIn(direct, { 'X-Forwarded-Host': 'evil.example', Origin: PUBLIC });
    expect(res.status).toBe(303);
  });

  it('checks POSTs to every page, with a session or not, before the session', async () => {
    const res = await direct.app.request(`/participants/${direct.participantId}/erase`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html', Origin: 'http://localhost', Cookie: `fp_session=${direct.session}` },
    });
    expect(res.status).toBe(403);
    expect(direct.db.$client.prepare('SELECT count(*) FROM participants WHERE id = ?').pluck().get(direct.participantId)).toBe(1);
  });

  it('builds the API docs and OpenAPI server URL from PUBLIC_URL, not from Host', async () => {
    const spec = (await (await direct.app.request('http://evil.example/openapi.json', { headers: { Host: 'evil.example' } })).json()) as {
      servers: { url: string }[];
    };
    expect(spec.servers[0]?.url).toBe(PUBLIC);
    const docs = await (await direct.app.request('http://evil.example/docs', { headers: { Host: 'evil.example' } })).text();
    expect(docs).toContain(`curl -sS -X GET &#39;${PUBLIC}/v1/`);
    expect(docs).not.toContain('evil.example');
  });
});

describe('behind a trusted proxy (TRUST_PROXY=true)', () => {
  it('takes the origin from X-Forwarded-Proto and -Host', async () => {
    const res = await signIn(proxied, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'jobs.example.net', Origin: 'https://jobs.example.net' });
    expect(res.status).toBe(303);
    expect(res.headers.get('Set-Cookie')).toContain('Secure');
    // The first value of a proxy chain is the one the browser used.
    const chain = await signIn(proxied, { 'X-Forwarded-Proto': 'http, https', 'X-Forwarded-Host': 'jobs.example.net, inner', Origin: 'http://jobs.example.net' });
    expect(chain.status).toBe(303);
    expect(chain.headers.get('Set-Cookie')).not.toContain('Secure');
    // Then PUBLIC_URL no longer matches that request.
    expect((await signIn(proxied, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'jobs.example.net', Origin: PUBLIC })).status).toBe(403);
  });

  it('still refuses an Origin the forwarded headers do not name, and still ignores Host', async () => {
    expect((await signIn(proxied, { 'X-Forwarded-Host': 'jobs.example.net', 'X-Forwarded-Proto': 'https', Origin: 'https://evil.example' })).status).toBe(403);
    expect((await signIn(proxied, { Host: 'evil.example', Origin: 'http://evil.example' }, 'http://evil.example/signin')).status).toBe(403);
    // Without forwarded headers it is PUBLIC_URL again.
    expect((await signIn(proxied, { Origin: PUBLIC })).status).toBe(303);
  });

  it('counts failed sign-ins by the address the proxy saw (the last X-Forwarded-For entry)', async () => {
    const fail = (xff: string) =>
      proxied.app.request('/signin', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html', Origin: PUBLIC, 'X-Forwarded-For': xff },
        body: new URLSearchParams({ token: 'fp_coach_000000000000_wrong-wrong-wrong-wrong' }).toString(),
      });
    // A client rotating a forged first entry is still one client.
    for (let i = 0; i < 5; i++) expect((await fail(`10.9.9.${i}, 203.0.113.9`)).status).toBe(401);
    expect((await fail('10.9.9.99, 203.0.113.9')).status).toBe(429);
    expect((await fail('203.0.113.10')).status).toBe(401);
  });
});

describe('PUBLIC_URL and TRUST_PROXY settings', () => {
  it('keeps the origin only, rejects paths and other schemes, and parses TRUST_PROXY', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://Coach.Example.org/' }).PUBLIC_URL).toBe('https://coach.example.org');
    expect(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:8080' }).PUBLIC_URL).toBe('http://127.0.0.1:8080');
    expect(loadConfig({}).PUBLIC_URL).toBeUndefined();
    expect(() => loadConfig({ PUBLIC_URL: 'https://coach.example.org/flightpath' })).toThrow(/PUBLIC_URL: must be an origin only/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://coach.example.org' })).toThrow(/PUBLIC_URL/);
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });
});
