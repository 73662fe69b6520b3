import type { Db } from '../db.ts';
import type { Place, VacancySkill } from '../vacancies/model.ts';
import type { SearchDocument } from './engine.ts';
import type { TextSource } from './sqlite-engine.ts';

/*
 * The drainer's hot path. Reading whole vacancies through drizzle and
 * rowToVacancy cost ~45 µs per vacancy in the ingest benchmark (a fifth of the
 * budget); this reads only the columns a SearchDocument needs. It must agree
 * with toSearchDocument(getVacancy(id)): test/search/load-documents.test.ts
 * checks that.
 */

const COLUMNS = `id, status, title, description_text, employer_name, lat, lon, extra_locations, town, region,
  local_authority, sector, occupation_code, contract, employment_type, remote, salary_annual_min, salary_annual_max,
  date_posted, first_seen, skills, cluster_id, is_demo`;

type Row = {
  id: number;
  status: string;
  title: string;
  description_text: string;
  employer_name: string | null;
  lat: number | null;
  lon: number | null;
  extra_locations: string | null;
  town: string | null;
  region: string | null;
  local_authority: string | null;
  sector: string | null;
  occupation_code: string | null;
  contract: string | null;
  employment_type: string | null;
  remote: string | null;
  salary_annual_min: number | null;
  salary_annual_max: number | null;
  date_posted: number | null;
  first_seen: number;
  skills: string | null;
  cluster_id: number | null;
  is_demo: number;
};

function rowToDocument(r: Row): SearchDocument {
  const places: SearchDocument['places'] = [];
  if (r.lat != null && r.lon != null) places.push({ lat: r.lat, lon: r.lon });
  if (r.extra_locations) {
    for (const p of JSON.parse(r.extra_locations) as Place[]) {
      if (p && p.lat != null && p.lon != null) places.push({ lat: p.lat, lon: p.lon });
    }
  }
  return {
    id: r.id,
    title: r.title,
    description: r.description_text,
    employer: r.employer_name,
    places,
    town: r.town,
    region: r.region,
    localAuthority: r.local_authority,
    sector: r.sector,
    occupationCode: r.occupation_code,
    contract: r.contract,
    employmentType: r.employment_type,
    remote: r.remote,
    salaryAnnualMin: r.salary_annual_min,
    salaryAnnualMax: r.salary_annual_max,
    datePosted: r.date_posted ?? r.first_seen,
    skills: r.skills ? (JSON.parse(r.skills) as VacancySkill[]).map((s) => s.id) : [],
    clusterId: r.cluster_id ?? r.id,
    isDemo: r.is_demo === 1,
  };
}

/** Search documents for the live vacancies among `ids`; `live` says which ids were live. */
export function loadSearchDocuments(db: Db, ids: readonly number[]): { docs: SearchDocument[]; live: Set<number> } {
  const docs: SearchDocument[] = [];
  const live = new Set<number>();
  const st = db.$client.prepare(`SELECT ${COLUMNS} FROM vacancies WHERE id IN (SELECT value FROM json_each(?))`);
  for (let i = 0; i < ids.length; i += 5000) {
    for (const r of st.all(JSON.stringify(ids.slice(i, i + 5000))) as Row[]) {
      if (r.status !== 'live') continue;
      live.add(r.id);
      docs.push(rowToDocument(r));
    }
  }
  return { docs, live };
}

/** Live search documents with id > afterId, in id order (rebuild streams these). */
export function loadLiveDocumentsAfter(db: Db, afterId: number, limit: number): SearchDocument[] {
  const rows = db.$client
    .prepare(`SELECT ${COLUMNS} FROM vacancies WHERE status = 'live' AND id > ? ORDER BY id LIMIT ?`)
    .all(afterId, limit) as Row[];
  return rows.map(rowToDocument);
}

/** Highlight text straight from the vacancies table, so the engine need not store it twice. */
export function vacancyTextSource(db: Db): TextSource {
  const st = db.$client.prepare(
    'SELECT id, title, description_text FROM vacancies WHERE id IN (SELECT value FROM json_each(?))',
  );
  return (ids) => {
    const rows = st.raw().all(JSON.stringify(ids)) as [number, string, string][];
    return new Map(rows.map(([id, title, description]) => [id, { title, description }]));
  };
}
