import { DAY_MS } from '../../src/clock.ts';
import type { Db } from '../../src/db.ts';

export interface TestVacancy {
  sector?: string | null;
  occupation?: string | null;
  region?: string | null;
  la?: string | null;
  lat?: number | null;
  lon?: number | null;
  firstSeen: number;
  /** Absent: still live. */
  closedAt?: number;
  clusterId?: number | null;
}

let ref = 0;

/** Inserts vacancy rows directly (the demand history reads only these columns). Returns the ids. */
export function insertVacancies(db: Db, v: TestVacancy, count = 1): number[] {
  const stmt = db.$client.prepare(
    `INSERT INTO vacancies (source, source_ref, title, title_original, content_hash, first_seen, last_seen, created_at, updated_at,
       status, closed_at, sector, occupation_code, occupation_scheme, region, local_authority, lat, lon, cluster_id)
     VALUES ('test', ?, 'Job', 'Job', 'h', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const [scheme, code] = v.occupation ? (v.occupation.split(':') as [string, string]) : [null, null];
    const last = v.closedAt ?? v.firstSeen;
    const info = stmt.run(
      `r${++ref}`,
      v.firstSeen,
      last,
      v.firstSeen,
      last,
      v.closedAt == null ? 'live' : 'expired',
      v.closedAt ?? null,
      v.sector ?? null,
      code,
      scheme,
      v.region ?? null,
      v.la ?? null,
      v.lat ?? null,
      v.lon ?? null,
      v.clusterId ?? null,
    );
    ids.push(Number(info.lastInsertRowid));
  }
  return ids;
}

export const daysAgo = (now: number, d: number) => now - d * DAY_MS;
