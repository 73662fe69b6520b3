import { describe, expect, it } from 'vitest';
import { createApiKey, findEmployerByApiKey, listApiKeys, revokeApiKey } from '../../src/auth/api-keys.ts';
import { openDb } from '../../src/db.ts';
import { createRateLimiter } from '../../src/http/rate-limit.ts';

const NOW = Date.parse('2025-06-02T09:00:00Z');

describe('API keys', () => {
  it('creates the employer once, shows the key once and stores only its hash', () => {
    const db = openDb(':memory:');
    const a = createApiKey(db, { employerName: '  Acme Fictional  ' }, NOW);
    const b = createApiKey(db, { employerName: 'Acme Fictional', label: 'ATS' }, NOW);
    expect(a.key).toMatch(/^fp_emp_[0-9a-f]{12}_[\w-]{20,}$/);
    expect(a.info.employerId).toBe(b.info.employerId);
    expect(a.info.employerName).toBe('Acme Fictional');
    const dump = JSON.stringify(db.$client.prepare('SELECT * FROM api_keys').all());
    expect(dump).not.toContain(a.key);
    // The secret is everything after fp_emp_<prefix>_ (base64url: it may itself contain '_').
    const secret = a.key.replace(/^fp_emp_[0-9a-f]{12}_/, '');
    expect(secret.length).toBeGreaterThanOrEqual(20);
    expect(dump).not.toContain(secret);
    expect(listApiKeys(db).map((k) => [k.id, k.employerName, k.label, k.revokedAt])).toEqual([
      [a.info.id, 'Acme Fictional', null, null],
      [b.info.id, 'Acme Fictional', 'ATS', null],
    ]);
  });

  it('finds the employer by key; unknown, tampered, malformed and revoked keys find nothing', () => {
    const db = openDb(':memory:');
    const { key, info } = createApiKey(db, { employerName: 'Acme' }, NOW);
    expect(findEmployerByApiKey(db, key, NOW)).toEqual({ id: info.employerId, name: 'Acme', keyId: info.id });
    const tampered = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    expect(findEmployerByApiKey(db, tampered, NOW)).toBeNull();
    expect(findEmployerByApiKey(db, 'fp_coach_' + key.slice(7), NOW)).toBeNull();
    expect(findEmployerByApiKey(db, '', NOW)).toBeNull();
    expect(revokeApiKey(db, info.id, NOW + 1)).toBe(true);
    expect(revokeApiKey(db, info.id, NOW + 2)).toBe(false);
    expect(revokeApiKey(db, 999, NOW)).toBe(false);
    expect(findEmployerByApiKey(db, key, NOW)).toBeNull();
    expect(listApiKeys(db)[0]?.revokedAt).toBe(NOW + 1);
  });

  it('records last use at most once a minute', () => {
    const db = openDb(':memory:');
    const { key, info } = createApiKey(db, { employerName: 'Acme' }, NOW);
    const lastUsed = () => listApiKeys(db).find((k) => k.id === info.id)?.lastUsedAt;
    findEmployerByApiKey(db, key, NOW + 1000);
    expect(lastUsed()).toBe(NOW + 1000);
    findEmployerByApiKey(db, key, NOW + 30_000);
    expect(lastUsed()).toBe(NOW + 1000);
    findEmployerByApiKey(db, key, NOW + 61_000);
    expect(lastUsed()).toBe(NOW + 61_000);
  });
});

describe('rate limiter (token bucket)', () => {
  it('allows a burst of perMinute, then refills continuously', () => {
    let t = 0;
    const rl = createRateLimiter({ perMinute: 60, now: () => t });
    for (let i = 0; i < 60; i++) expect(rl.take('k').ok).toBe(true);
    expect(rl.take('k')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(rl.take('other').ok).toBe(true);
    t += 1000;
    expect(rl.take('k').ok).toBe(true);
    expect(rl.take('k').ok).toBe(false);
    t += 10 * 60_000;
    for (let i = 0; i < 60; i++) expect(rl.take('k').ok).toBe(true);
    expect(rl.take('k').ok).toBe(false);
  });

  it('says how long to wait at low rates and forgets old keys past maxKeys', () => {
    let t = 0;
    const rl = createRateLimiter({ perMinute: 2, now: () => t, maxKeys: 2 });
    rl.take('a');
    rl.take('a');
    expect(rl.take('a')).toEqual({ ok: false, retryAfterSeconds: 30 });
    rl.take('b');
    rl.take('c'); // evicts 'a'
    expect(rl.take('a').ok).toBe(true);
  });
});
