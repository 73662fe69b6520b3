import type { Vacancy } from '../vacancies/model.ts';
import type { SearchDocument } from './engine.ts';

/** The part of a vacancy the search engines index. Pure; shared by every engine. */
export function toSearchDocument(v: Vacancy): SearchDocument {
  const places = [v.location, ...v.extraLocations].flatMap((p) =>
    p && p.lat != null && p.lon != null ? [{ lat: p.lat, lon: p.lon }] : [],
  );
  return {
    id: v.id,
    title: v.title,
    description: v.descriptionText,
    employer: v.employerName,
    places,
    town: v.location?.town ?? null,
    region: v.location?.region ?? null,
    localAuthority: v.location?.localAuthority ?? null,
    sector: v.sector?.code ?? null,
    occupationCode: v.occupation?.code ?? null,
    contract: v.contract,
    employmentType: v.employmentType,
    remote: v.remote,
    salaryAnnualMin: v.salary.annualMin,
    salaryAnnualMax: v.salary.annualMax,
    datePosted: v.datePosted ?? v.firstSeen,
    skills: v.skills.map((s) => s.id),
    clusterId: v.clusterId ?? v.id,
    isDemo: v.isDemo,
  };
}
