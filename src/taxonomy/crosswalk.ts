import type { Occupation, OccupationScheme } from './model.ts';

/**
 * Occupation crosswalk between schemes: ESCO occupation ↔ ISCO-08 unit
 * group ↔ SOC 2020 unit group, derived at run time from what the operator
 * imported. Nothing here is bundled data:
 *
 *  - ESCO occupations carry their ISCO-08 unit group (the ESCO importer
 *    stores `iscoGroup`);
 *  - the ONS SOC 2020 coding index gives each of its ~32k job titles both a
 *    SOC 2020 unit group and an ISCO-08 code. Counting titles per
 *    (SOC, ISCO) pair is the only SOC ↔ ISCO correspondence there is (ONS
 *    publishes no official one), so each link carries the share of titles
 *    behind it, and the modal link comes first.
 *
 * Directions:
 *  - ESCO e in ISCO g → each SOC unit group s the index puts g's titles in,
 *    share = titles(s, g) / titles(g): where a job of that ISCO group lands
 *    in SOC;
 *  - SOC s → each ISCO group g its titles are coded to, share = titles(s, g)
 *    / titles(s), reaching every ESCO occupation in g (one link per group:
 *    the group's ESCO occupations together stand for it).
 *
 * O*NET-SOC codes (US SOC 2018) have no ISCO or UK SOC code in any file we
 * import, so O*NET occupations have no links; matching falls back on
 * shared skills for them (src/matching/cross-scheme-skills.ts).
 */

/** Links below this share of titles are noise (a title or two coded oddly) unless they are the only ones. */
export const MIN_LINK_SHARE = 0.05;

/** Titles of the SOC 2020 coding index counted per SOC unit group and ISCO-08 unit group. */
export interface SocIscoCount {
  soc: string;
  isco: string;
  titles: number;
}

export interface CrosswalkLink {
  /** The ISCO-08 unit group the two schemes meet in. */
  isco: string;
  /** Its label, when the ESCO import supplied the ISCO groups. */
  iscoLabel: string | null;
  /** The scheme the link leads to. */
  scheme: OccupationScheme;
  /** The occupations it reaches: one SOC unit group, or every ESCO occupation in the ISCO group. */
  occupationIds: readonly string[];
  /** 0–1: share of the coding index's titles behind the link (see above). */
  share: number;
  /** The link with the largest share from this occupation. */
  modal: boolean;
}

export interface Crosswalk {
  /** Links from an occupation into other schemes, modal first. Empty when the imports give none. */
  linksOf(occupationId: string): readonly CrosswalkLink[];
  /** Whether any link exists at all (both ESCO and the coding index imported). */
  readonly empty: boolean;
}

export interface CrosswalkSource {
  occupations: Iterable<Pick<Occupation, 'id' | 'scheme' | 'code'> & { iscoGroup?: string | null }>;
  socIsco: readonly SocIscoCount[];
  iscoLabels?: ReadonlyMap<string, string>;
}

const NONE: readonly CrosswalkLink[] = [];

export function buildCrosswalk(src: CrosswalkSource): Crosswalk {
  const socIds = new Map<string, string>();
  const escoByIsco = new Map<string, string[]>();
  const escoIsco = new Map<string, string>();
  for (const o of src.occupations) {
    if (o.scheme === 'soc') socIds.set(o.code, o.id);
    else if (o.scheme === 'esco' && o.iscoGroup) {
      const g = o.iscoGroup;
      escoIsco.set(o.id, g);
      let list = escoByIsco.get(g);
      if (!list) escoByIsco.set(g, (list = []));
      list.push(o.id);
    }
  }
  const byIsco = new Map<string, SocIscoCount[]>();
  const bySoc = new Map<string, SocIscoCount[]>();
  for (const c of src.socIsco) {
    if (c.titles <= 0) continue;
    push(byIsco, c.isco, c);
    push(bySoc, c.soc, c);
  }
  const label = (isco: string) => src.iscoLabels?.get(isco) ?? null;

  const links = new Map<string, CrosswalkLink[]>();
  // ESCO → SOC: one link per SOC unit group, computed once per ISCO group.
  const socLinksOfIsco = new Map<string, CrosswalkLink[]>();
  for (const [escoId, g] of escoIsco) {
    let ls = socLinksOfIsco.get(g);
    if (!ls) {
      const counts = byIsco.get(g) ?? [];
      const total = counts.reduce((n, c) => n + c.titles, 0);
      ls = ranked(
        counts.flatMap((c) => {
          const id = socIds.get(c.soc);
          return id ? [{ isco: g, iscoLabel: label(g), scheme: 'soc' as const, occupationIds: [id], share: c.titles / total, modal: false }] : [];
        }),
      );
      socLinksOfIsco.set(g, ls);
    }
    if (ls.length) links.set(escoId, ls);
  }
  // SOC → ESCO: one link per ISCO group that has ESCO occupations.
  for (const [soc, counts] of bySoc) {
    const id = socIds.get(soc);
    if (!id) continue;
    const total = counts.reduce((n, c) => n + c.titles, 0);
    const ls = ranked(
      counts.flatMap((c) => {
        const escos = escoByIsco.get(c.isco);
        return escos?.length ? [{ isco: c.isco, iscoLabel: label(c.isco), scheme: 'esco' as const, occupationIds: escos, share: c.titles / total, modal: false }] : [];
      }),
    );
    if (ls.length) links.set(id, ls);
  }
  return {
    linksOf: (occupationId) => links.get(occupationId) ?? NONE,
    empty: links.size === 0,
  };
}

/** Largest share first (ties by ISCO code, for a stable order), noise dropped, the first marked modal. */
function ranked(ls: CrosswalkLink[]): CrosswalkLink[] {
  ls.sort((a, b) => b.share - a.share || a.isco.localeCompare(b.isco) || (a.occupationIds[0] ?? '').localeCompare(b.occupationIds[0] ?? ''));
  const kept = ls.filter((l, i) => i === 0 || l.share >= MIN_LINK_SHARE);
  if (kept[0]) kept[0].modal = true;
  return kept;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** "SOC 9252 Warehouse operatives", "ESCO 'warehouse worker'": an occupation as the crosswalk's explanations name it. */
export function describeCrosswalkOccupation(o: Pick<Occupation, 'scheme' | 'code' | 'title'>): string {
  if (o.scheme === 'soc') return `SOC ${o.code} ${o.title}`;
  if (o.scheme === 'onet') return `O*NET ${o.code} ${o.title}`;
  return `ESCO '${o.title}'`;
}
