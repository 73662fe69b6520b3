import type { CrosswalkLink } from './crosswalk.ts';
import type { Occupation, Taxonomy } from './model.ts';
import { equivalentSkills, skillScheme } from './skill-equivalents.ts';

/**
 * How far the crosswalk reaches with what was imported (`taxonomy
 * crosswalk`): the share of ESCO occupations with a SOC unit group, the
 * share of SOC unit groups some ESCO occupation reaches (and that reach
 * ESCO back), and how many skills have a same-label equivalent in another
 * scheme, the fallback where the crosswalk has nothing.
 */
export interface CrosswalkCoverage {
  esco: { occupations: number; withIsco: number; withSoc: number; modalShareMean: number | null };
  soc: { unitGroups: number; reachedFromEsco: number; withEsco: number };
  onet: { occupations: number; withLinks: number };
  /** Skills per scheme (`fp`, `esco`, `onet`), and how many have an equivalent in another scheme. */
  skills: Record<string, { skills: number; withEquivalent: number }>;
}

export function measureCrosswalkCoverage(taxonomy: Taxonomy): CrosswalkCoverage {
  const cw = taxonomy.crosswalk;
  const esco = { occupations: 0, withIsco: 0, withSoc: 0, modalShareMean: null as number | null };
  const soc = { unitGroups: 0, reachedFromEsco: 0, withEsco: 0 };
  const onet = { occupations: 0, withLinks: 0 };
  const reached = new Set<string>();
  let modalSum = 0;
  for (const o of taxonomy.occupations.values()) {
    const links = cw.linksOf(o.id);
    if (o.scheme === 'esco') {
      esco.occupations++;
      if (o.iscoGroup) esco.withIsco++;
      if (links.length) {
        esco.withSoc++;
        modalSum += links[0]!.share;
        for (const l of links) for (const id of l.occupationIds) reached.add(id);
      }
    } else if (o.scheme === 'soc') {
      soc.unitGroups++;
      if (links.length) soc.withEsco++;
    } else {
      onet.occupations++;
      if (links.length) onet.withLinks++;
    }
  }
  soc.reachedFromEsco = reached.size;
  if (esco.withSoc) esco.modalShareMean = modalSum / esco.withSoc;
  const skills: CrosswalkCoverage['skills'] = {};
  for (const s of taxonomy.skills.values()) {
    const k = skillScheme(s.id);
    const row = (skills[k] ??= { skills: 0, withEquivalent: 0 });
    row.skills++;
    if (equivalentSkills(taxonomy, s.id).length) row.withEquivalent++;
  }
  return { esco, soc, onet, skills };
}

/** An occupation's links in words, one line each: `SOC 9252 Warehouse operatives  80% (modal) via ISCO-08 9333 …`. */
export function describeLinks(taxonomy: Taxonomy, o: Occupation): string[] {
  return taxonomy.crosswalk.linksOf(o.id).map((l: CrosswalkLink) => {
    const to = l.occupationIds.map((id) => taxonomy.occupations.get(id)).filter((x): x is Occupation => !!x);
    const names = l.scheme === 'soc'
      ? to.map((t) => `SOC ${t.code} ${t.title}`).join(', ')
      : `${to.length} ESCO occupation${to.length === 1 ? '' : 's'}: ${to.slice(0, 5).map((t) => `'${t.title}'`).join(', ')}${to.length > 5 ? ', …' : ''}`;
    return `${names}  ${Math.round(l.share * 100)}%${l.modal ? ' (modal)' : ''} via ISCO-08 ${l.isco}${l.iscoLabel ? ` ${l.iscoLabel}` : ''}`;
  });
}
