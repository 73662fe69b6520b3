import { eq } from 'drizzle-orm';
import { employers } from '../../schema/employers.ts';
import type { Db } from '../db.ts';

export interface Employer {
  id: number;
  name: string;
}

/** The employer with this name, created if new (names are unique). */
export function ensureEmployer(db: Db, name: string, now: number): Employer {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('An employer needs a name');
  const existing = db.select().from(employers).where(eq(employers.name, trimmed)).get();
  if (existing) return { id: existing.id, name: existing.name };
  const row = db.insert(employers).values({ name: trimmed, createdAt: now }).returning().get();
  return { id: row.id, name: row.name };
}

export function getEmployer(db: Db, id: number): Employer | null {
  const row = db.select().from(employers).where(eq(employers.id, id)).get();
  return row ? { id: row.id, name: row.name } : null;
}
