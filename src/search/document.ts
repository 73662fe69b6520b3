import type { Place, VacancySkill } from '../vacancies/model.ts';
import type { SearchDocument } from './engine.ts';

/*
 * The one vacancy → search document mapping, shared by every engine. It reads
 * the stored row, not a Vacancy: the drainer maps thousands of rows a second,
 * and going through drizzle and rowToVacancy cost ~45 µs a vacancy in the
 * ingest benchmark (a fifth of its budget).
 */

/** The vacancies columns a search document is built from (src/search/load-documents.ts selects these). */
export const DOCUMENT_COLUMNS = `id, status, title, description_text, employer_name, lat, lon, extra_locations, town, region,
  local_authority, sector, occupation_code, contract, employment_type, remote, salary_annual_min, salary_annual_max,
  date_posted, first_seen, skills, cluster_id, is_demo`;

export interface DocumentRow {
  id: number;
  status: string;
  title: string;
  description_text: string;
  employer_name: string | null;
  lat: number | null;
  lon: number | null;
  /** JSON Place[] (as stored). */
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
  /** JSON VacancySkill[] (as stored). */
  skills: string | null;
  cluster_id: number | null;
  is_demo: number;
}

/** The part of a stored vacancy the search engines index. Pure. */
export function toSearchDocument(r: DocumentRow): SearchDocument {
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
