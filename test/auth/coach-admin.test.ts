import { describe, expect, it } from 'vitest';
import { listCoaches, revokeCoach } from '../../src/auth/coach-admin.ts';
import { createCoach, findCoachByToken } from '../../src/auth/coaches.ts';
import { openDb } from '../../src/db.ts';

describe('coach admin', () => {
  it('lists coaches without tokens and revokes one', () => {
    const db = openDb(':memory:');
    const a = createCoach(db, { name: 'Ann', org: 'north' }, 1);
    const b = createCoach(db, { name: 'Bo', org: 'south', role: 'operator' }, 2);
    const rows = listCoaches(db);
    expect(rows.map((r) => [r.name, r.org, r.role, r.revokedAt])).toEqual([
      ['Ann', 'north', 'coach', null],
      ['Bo', 'south', 'operator', null],
    ]);
    expect(JSON.stringify(rows)).not.toContain(a.token);
    expect(revokeCoach(db, a.coach.id, 5)).toBe(true);
    expect(revokeCoach(db, a.coach.id, 6)).toBe(false);
    expect(findCoachByToken(db, a.token)).toBeNull();
    expect(findCoachByToken(db, b.token)?.role).toBe('operator');
    expect(listCoaches(db)[0]?.revokedAt).toBe(5);
  });
});
