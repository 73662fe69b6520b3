import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { revokeCoach } from '../../src/auth/coach-admin.ts';
import { findSessionCoach, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../src/auth/sessions.ts';
import { issueDemoCoachToken } from '../../src/demo/seed-demo.ts';
import { NOW, seedApp, type Seeded } from '../pages/seed.ts';

/** Page sessions through the real app: what the cookie holds, how a session ends, the failed sign-in limit. */

const MIN = 60_000;
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost', Accept: 'text/html' };

let s: Seeded;

/** A request from client address `ip` (the socket address @hono/node-server hands the app). */
const from = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });

const signIn = (token: string, ip = '192.0.2.1') =>
  s.app.request('/signin', { method: 'POST', headers: FORM, body: new URLSearchParams({ token, next: '/participants' }).toString() }, from(ip));

const cookieOf = (res: Response): string => {
  const m = /^fp_session=([^;]*);/.exec(res.headers.get('Set-Cookie') ?? '');
  if (!m?.[1]) throw new Error(`no session cookie in ${res.headers.get('Set-Cookie')}`);
  return m[1];
};

const page = (session: string, path = '/participants') => s.app.request(path, { headers: { Accept: 'text/html', Cookie: `fp_session=${session}` } });

const sessionRows = () => s.db.$client.prepare('SELECT * FROM sessions').all() as Record<string, unknown>[];
const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

beforeEach(async () => {
  s = await seedApp({ demo: false });
});

describe('page sessions', () => {
  it('puts a random session id in the cookie, never the token, and stores only its SHA-256', async () => {
    const res = await signIn(s.token);
    expect(res.status).toBe(303);
    const id = cookieOf(res);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(id).not.toBe(s.token);
    const again = cookieOf(await signIn(s.token));
    expect(again).not.toBe(id);

    const rows = sessionRows().filter((r) => r.id_hash === sha256(id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ coach_id: s.coach.id, created_at: NOW, last_seen_at: NOW, expires_at: NOW + SESSION_ABSOLUTE_MS });
    // Neither the id nor the token is anywhere in the table.
    const dump = JSON.stringify(sessionRows());
    expect(dump).not.toContain(id);
    expect(dump).not.toContain(s.token);

    expect((await page(id)).status).toBe(200);
    // The session id is no API credential, and the token is no session.
    expect((await s.app.request('/v1/participants', { headers: { Authorization: `Bearer ${id}` } })).status).toBe(401);
    expect((await page(s.token)).status).toBe(303);
  });

  it('sign-out ends the session: replaying the old cookie goes back to /signin', async () => {
    const id = cookieOf(await signIn(s.token));
    expect((await page(id)).status).toBe(200);
    const out = await s.app.request('/signout', { method: 'POST', headers: { ...FORM, Cookie: `fp_session=${id}` } });
    expect(out.status).toBe(303);
    expect(sessionRows().some((r) => r.id_hash === sha256(id))).toBe(false);
    const replay = await page(id);
    expect(replay.status).toBe(303);
    expect(replay.headers.get('Location')).toBe('/signin?next=%2Fparticipants');
    expect(replay.headers.get('Set-Cookie')).toMatch(/^fp_session=; Max-Age=0/);
    // The other coach's session is untouched.
    expect((await page(s.otherSession)).status).toBe(200);
  });

  it('ends after two idle hours, and a request inside them keeps it going', async () => {
    const id = cookieOf(await signIn(s.token));
    s.clock.set(NOW + SESSION_IDLE_MS - MIN);
    expect((await page(id)).status).toBe(200);
    s.clock.set(NOW + 2 * SESSION_IDLE_MS - 2 * MIN);
    expect((await page(id)).status).toBe(200);
    s.clock.advance(SESSION_IDLE_MS);
    expect((await page(id)).status).toBe(303);
    expect(sessionRows().some((r) => r.id_hash === sha256(id))).toBe(false);
  });

  it('ends twelve hours after sign-in however busy the coach is', async () => {
    const id = cookieOf(await signIn(s.token));
    for (let t = NOW; t < NOW + SESSION_ABSOLUTE_MS; t += 90 * MIN) {
      s.clock.set(t);
      expect((await page(id)).status).toBe(200);
    }
    s.clock.set(NOW + SESSION_ABSOLUTE_MS - 1);
    expect((await page(id)).status).toBe(200);
    s.clock.set(NOW + SESSION_ABSOLUTE_MS);
    expect((await page(id)).status).toBe(303);
  });

  it('writes last-seen at most once a minute', async () => {
    const id = cookieOf(await signIn(s.token));
    const lastSeen = () => s.db.$client.prepare('SELECT last_seen_at FROM sessions WHERE id_hash = ?').pluck().get(sha256(id));
    s.clock.set(NOW + 59_000);
    expect((await page(id)).status).toBe(200);
    expect(lastSeen()).toBe(NOW);
    s.clock.set(NOW + 61_000);
    expect((await page(id)).status).toBe(200);
    expect(lastSeen()).toBe(NOW + 61_000);
  });

  it('revoking the coach token (coaches revoke) ends their sessions', async () => {
    const a = cookieOf(await signIn(s.token));
    const b = cookieOf(await signIn(s.token, '192.0.2.2'));
    expect(revokeCoach(s.db, s.coach.id, NOW + MIN)).toBe(true);
    expect(sessionRows().filter((r) => r.coach_id === s.coach.id)).toHaveLength(0);
    expect((await page(a)).status).toBe(303);
    expect((await page(b)).status).toBe(303);
    expect((await page(s.otherSession)).status).toBe(200);
  });

  it('refuses a session whose coach was revoked by any other route (the revocation is checked on every request)', async () => {
    const id = cookieOf(await signIn(s.token));
    s.db.$client.prepare('UPDATE coaches SET revoked_at = ? WHERE id = ?').run(NOW, s.coach.id);
    expect(findSessionCoach(s.db, id, NOW + 1)).toBeNull();
    expect((await page(id)).status).toBe(303);
  });

  it("the demo coach's token reissue at each start ends the sessions signed in with the old token", async () => {
    const first = issueDemoCoachToken(s.db, NOW);
    const id = cookieOf(await signIn(first));
    expect((await page(id)).status).toBe(200);
    const second = issueDemoCoachToken(s.db, NOW + MIN);
    expect((await page(id)).status).toBe(303);
    expect((await signIn(first)).status).toBe(401);
    expect((await page(cookieOf(await signIn(second)))).status).toBe(200);
  });

  it('purges expired sessions at the next sign-in', async () => {
    // Sessions left behind by coaches who never signed out: one past its absolute expiry, one idle too long, one live.
    const insert = s.db.$client.prepare('INSERT INTO sessions (id_hash, coach_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)');
    insert.run(sha256('old'), s.coach.id, NOW - SESSION_ABSOLUTE_MS - MIN, NOW - MIN, NOW - 1);
    insert.run(sha256('idle'), s.coach.id, NOW - SESSION_IDLE_MS - MIN, NOW - SESSION_IDLE_MS, NOW + MIN);
    insert.run(sha256('live'), s.otherCoach.id, NOW - 10 * MIN, NOW - 5 * MIN, NOW + SESSION_ABSOLUTE_MS);
    expect(sessionRows()).toHaveLength(5);
    const id = cookieOf(await signIn(s.token));
    const hashes = sessionRows().map((r) => r.id_hash);
    expect(hashes).not.toContain(sha256('old'));
    expect(hashes).not.toContain(sha256('idle'));
    expect(hashes).toContain(sha256('live'));
    expect(hashes).toContain(sha256(id));
    // seedApp's two sessions + `live` + the new one.
    expect(hashes).toHaveLength(4);
  });
});

describe('failed sign-in limit', () => {
  it('refuses a client after five failures in 15 minutes, before even checking its token, with a 429 page and Retry-After', async () => {
    for (let i = 0; i < 5; i++) {
      s.clock.set(NOW + i * MIN);
      expect((await signIn('fp_coach_000000000000_wrong-wrong-wrong-wrong', '198.51.100.7')).status).toBe(401);
    }
    s.clock.set(NOW + 5 * MIN);
    const blocked = await signIn(s.token, '198.51.100.7');
    expect(blocked.status).toBe(429);
    // Free again when the first failure (at NOW) is 15 minutes old.
    expect(blocked.headers.get('Retry-After')).toBe(String(10 * 60));
    expect(blocked.headers.get('Content-Type')).toContain('text/html');
    expect(blocked.headers.get('Set-Cookie')).toBeNull();
    expect(await blocked.text()).toContain('Too many failed sign-ins');
    // Another address is not affected; a successful sign-in does not count.
    expect((await signIn(s.token, '198.51.100.8')).status).toBe(303);
    s.clock.set(NOW + 15 * MIN);
    expect((await signIn(s.token, '198.51.100.7')).status).toBe(303);
  });

  it('caps failures across all clients too', async () => {
    for (let i = 0; i < 100; i++) expect((await signIn('fp_coach_000000000000_wrong-wrong-wrong-wrong', `10.0.${i >> 8}.${i & 255}`)).status).toBe(401);
    const res = await signIn(s.token, '203.0.113.50');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('Retry-After'))).toBe(15 * 60);
    s.clock.advance(15 * MIN);
    expect((await signIn(s.token, '203.0.113.50')).status).toBe(303);
  });
});
