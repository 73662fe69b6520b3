/**
 * Real-data check of the match score: rank the vacancies in a database for a
 * few made-up participant personas (no real people) and print the top ones
 * the way a coach would read them, with what matched and what is missing.
 *
 *   npx tsx scripts/eval/matches.ts <db> [--top 8]
 *
 * The database holds vacancies imported by an operator (`npm run cli --
 * import vacancies FILE --db PATH`) and a taxonomy. Vacancies the import did
 * not enrich (no occupation, no skills) are enriched here in memory with the
 * taxonomy's classifier and skill spotter; nothing is written. Distance is
 * left out (nationwide), so the ranking shows fit and recency only.
 */
import { parseArgs } from 'node:util';
import { closeDb, openDb } from '../../src/db.ts';
import { explainRanked, rankCandidates } from '../../src/matching/rank.ts';
import { parseLicence } from '../../src/participants/licences.ts';
import { resolveTitle } from '../../src/participants/resolve-occupation.ts';
import { buildSkillProfile } from '../../src/participants/skill-profile.ts';
import { findSkill } from '../../src/participants/validation.ts';
import { createEnricher } from '../../src/taxonomy/enricher/index.ts';
import { loadTaxonomy } from '../../src/taxonomy/store.ts';
import type { Vacancy } from '../../src/vacancies/model.ts';
import { listVacancies } from '../../src/vacancies/queries.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '8' } } });
const dbPath = positionals[0];
if (!dbPath) {
  console.error('usage: npx tsx scripts/eval/matches.ts <db> [--top 8]');
  process.exit(2);
}
const top = Number(values.top);

const PERSONAS: { label: string; history: { title: string; years: number }[]; licences: string[]; add?: string[] }[] = [
  { label: 'warehouse operative, 3 yrs, forklift licence', history: [{ title: 'Warehouse operative', years: 3 }], licences: ['forklift', 'B'] },
  { label: 'care worker, 4 yrs', history: [{ title: 'Care worker', years: 4 }], licences: ['B', 'enhanced DBS'] },
  { label: 'retail assistant, 2 yrs, then cashier 1 yr', history: [{ title: 'Sales assistant', years: 2 }, { title: 'Cashier', years: 1 }], licences: [] },
  { label: 'HGV driver, 6 yrs', history: [{ title: 'HGV driver', years: 6 }], licences: ['C+E', 'Driver CPC'] },
  { label: 'receptionist, 3 yrs', history: [{ title: 'Receptionist', years: 3 }], licences: [] },
  { label: 'cook, 5 yrs', history: [{ title: 'Chef', years: 5 }], licences: ['food hygiene'] },
  { label: 'teaching assistant, 2 yrs', history: [{ title: 'Teaching assistant', years: 2 }], licences: ['enhanced DBS'] },
];

const db = openDb(dbPath);
const taxonomy = loadTaxonomy(db);
const enricher = createEnricher(taxonomy, db);
const { items } = listVacancies(db, { status: 'live', limit: 1_000_000, offset: 0 });
closeDb(db);

let t0 = performance.now();
let enriched = 0;
const vacancies: Vacancy[] = items.map((v) => {
  if (v.occupation && v.skills.length) return v;
  enriched++;
  const { occupation, sector } = enricher.classify({ title: v.title, description: v.descriptionText, employer: v.employerName });
  return {
    ...v,
    occupation: v.occupation ?? occupation,
    sector: v.sector ?? sector,
    skills: v.skills.length ? v.skills : enricher.spotSkills(`${v.title}\n${v.descriptionText}`),
  };
});
const enrichMs = performance.now() - t0;
const withOcc = vacancies.filter((v) => v.occupation).length;
const withSkills = vacancies.filter((v) => v.skills.length).length;
console.log(`# Matches on ${dbPath}: ${vacancies.length} live vacancies (${enriched} enriched here in ${enrichMs.toFixed(0)} ms); ${withOcc} with an occupation, ${withSkills} with skills; taxonomy ${taxonomy.occupations.size} occupations\n`);

const now = Math.max(...vacancies.map((v) => v.datePosted ?? v.firstSeen));
for (const persona of PERSONAS) {
  const history = persona.history.map((h) => ({
    ...resolveTitle(taxonomy, enricher, h.title),
    title: h.title,
    years: h.years,
    endedYearsAgo: null,
  }));
  const profile = buildSkillProfile(taxonomy, {
    history,
    skillsAdd: (persona.add ?? []).map((s) => findSkill(taxonomy, s)).filter((s): s is string => !!s),
    skillsRemove: [],
    // Same parsing the API does.
    licences: persona.licences.map((l) => parseLicence(l)).filter((c): c is string => !!c),
  });
  t0 = performance.now();
  const ranked = rankCandidates(
    taxonomy,
    profile,
    vacancies.map((v) => ({ vacancy: v, relevanceRank: null, distanceKm: null })),
    { now, radiusKm: null, textQuery: false },
  );
  const ms = performance.now() - t0;
  const occ = history.map((h) => (h.occupationId ? taxonomy.occupations.get(h.occupationId)?.title : 'unresolved')).join(', ');
  console.log(`## ${persona.label} (history → ${occ}; ${profile.skills.size} skills; ranked ${ranked.length} in ${ms.toFixed(0)} ms)\n`);
  console.log('| # | vacancy | occupation | match | matched (top) | missing (top) | missing requirements |');
  console.log('|---|---|---|---|---|---|---|');
  ranked.slice(0, top).forEach((r, i) => {
    const v = r.vacancy;
    const o = v.occupation ? taxonomy.findOccupation(v.occupation.code)?.title ?? v.occupation.code : '–';
    const m = explainRanked(taxonomy, profile, r).match;
    console.log(
      `| ${i + 1} | ${v.title.slice(0, 60)} | ${o.slice(0, 40)} | ${m.score.toFixed(2)} | ${m.matched.slice(0, 3).map((x) => `${x.label}${x.via === 'group' ? ' (≈)' : ''}`).join('; ')} | ${m.missing.slice(0, 2).map((x) => x.label).join('; ')} | ${m.gap.missingRequirements.join('; ') || '–'} |`,
    );
  });
  console.log('');
}
