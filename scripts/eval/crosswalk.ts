/**
 * Real-data check of matching across schemes (issue 14 item 5):
 *
 *   npm run eval -- crosswalk <db>
 *
 * The database is one an operator imported ESCO and the SOC 2020 coding
 * index into (`npm run cli -- import esco DIR --db PATH`, then `import
 * soc-index FILE --db PATH`). Reads only. Prints the crosswalk's coverage,
 * then for common origins in one scheme the occupations it links to in the
 * other, and the fit of a vacancy coded with the modal one (its needs from
 * the occupation's code alone, no advert skills) for someone with five
 * recent years in the origin: with the crosswalk, and with shared-label
 * skills only (the crosswalk taken away). Before the crosswalk both were 0:
 * the schemes share no skill ids.
 */
import { closeDb, openDb } from '../../src/db.ts';
import { scoreMatch } from '../../src/matching/score.ts';
import { buildSkillProfile } from '../../src/participants/skill-profile.ts';
import { buildCrosswalk } from '../../src/taxonomy/crosswalk.ts';
import { describeLinks, measureCrosswalkCoverage } from '../../src/taxonomy/crosswalk-coverage.ts';
import type { Occupation, Taxonomy } from '../../src/taxonomy/model.ts';
import { loadTaxonomy } from '../../src/taxonomy/store.ts';

const ESCO_ORIGINS = ['warehouse worker', 'home care aide', 'kitchen assistant', 'shop assistant', 'forklift operator', 'cargo vehicle driver', 'building cleaner', 'receptionist', 'security guard', 'cook'];
const SOC_ORIGINS = ['9252', '6135', '9263', '7111', '8222', '8211', '9233', '4216', '9241', '5434'];

export async function run(args: string[]): Promise<void> {
  const path = args[0];
  if (!path) throw new Error('usage: npm run eval -- crosswalk <db>');
  const db = openDb(path);
  const t0 = performance.now();
  const taxonomy = loadTaxonomy(db);
  closeDb(db);
  console.log(`loaded: ${taxonomy.occupations.size} occupations, ${taxonomy.skills.size} skills in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const t1 = performance.now();
  const c = measureCrosswalkCoverage(taxonomy);
  console.log(`crosswalk + equivalence index built and measured in ${((performance.now() - t1) / 1000).toFixed(2)} s`);
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');
  console.log(`ESCO occupations with a SOC unit group: ${c.esco.withSoc} / ${c.esco.occupations} (${pct(c.esco.withSoc, c.esco.occupations)}), mean modal share ${((c.esco.modalShareMean ?? 0) * 100).toFixed(1)}%`);
  console.log(`SOC unit groups reached from ESCO: ${c.soc.reachedFromEsco} / ${c.soc.unitGroups} (${pct(c.soc.reachedFromEsco, c.soc.unitGroups)}); linking to ESCO: ${c.soc.withEsco}`);
  for (const [scheme, r] of Object.entries(c.skills)) console.log(`${scheme} skills with a same-label skill in another scheme: ${r.withEquivalent} / ${r.skills} (${pct(r.withEquivalent, r.skills)})`);

  // The same taxonomy with the crosswalk taken away: shared-label skills only.
  const noCrosswalk: Taxonomy = { ...taxonomy, crosswalk: buildCrosswalk({ occupations: [], socIsco: [] }) };
  const fit = (t: Taxonomy, from: Occupation, to: Occupation) => {
    const profile = buildSkillProfile(t, { history: [{ occupationId: from.id, years: 5, endedYearsAgo: 0 }], skillsAdd: [], skillsRemove: [], licences: [] });
    const m = scoreMatch(t, profile, { skills: [], occupation: { code: to.code, scheme: to.scheme, confidence: 1, evidence: [] }, requirements: [] });
    return { score: m.score, viaCrosswalk: m.matched.filter((x) => x.held.why.startsWith('through the crosswalk')).length, sameLabel: m.matched.filter((x) => x.held.why.startsWith('the same skill')).length, matched: m.matched };
  };
  const show = (from: Occupation, to: Occupation | undefined) => {
    console.log(`\n${from.scheme === 'esco' ? `ESCO '${from.title}'` : `SOC ${from.code} ${from.title}`}${from.iscoGroup ? ` (ISCO-08 ${from.iscoGroup})` : ''}`);
    for (const l of describeLinks(taxonomy, from).slice(0, 4)) console.log(`  ≈ ${l}`);
    if (!to) return;
    const a = fit(taxonomy, from, to);
    const b = fit(noCrosswalk, from, to);
    console.log(`  vacancy coded ${to.scheme === 'soc' ? `SOC ${to.code}` : `ESCO '${to.title}'`}: fit ${a.score.toFixed(2)} (${a.viaCrosswalk} needs through the crosswalk, ${a.sameLabel} same-label), shared-label only ${b.score.toFixed(2)} (${b.sameLabel})`);
    const example = a.matched.find((x) => x.held.why.startsWith('through the crosswalk'));
    if (example) console.log(`    e.g. ✓ ${example.label}: ${example.held.why}`);
  };
  const first = (id: string | undefined) => (id ? taxonomy.occupations.get(id) : undefined);
  for (const title of ESCO_ORIGINS) {
    const from = [...taxonomy.occupations.values()].find((o) => o.scheme === 'esco' && o.title === title);
    if (!from) {
      console.log(`\n(no ESCO occupation '${title}')`);
      continue;
    }
    show(from, first(taxonomy.crosswalk.linksOf(from.id)[0]?.occupationIds[0]));
  }
  for (const code of SOC_ORIGINS) {
    const from = taxonomy.findOccupation(code, 'soc');
    if (!from) continue;
    // A vacancy coded with the first ESCO occupation of the modal ISCO group.
    const link = taxonomy.crosswalk.linksOf(from.id)[0];
    show(from, first(link?.occupationIds[0]));
  }
}
