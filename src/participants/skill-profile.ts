import type { Skill, Taxonomy } from '../taxonomy/model.ts';
import { describeLicence, expandLicences, parseLicence, unstatedTypeCodes } from './licences.ts';

/**
 * A participant's weighted skill profile: what they can already do, each
 * skill with a strength in (0, 1] and the reason we believe it. Built once
 * per request and reused for every vacancy scored against it.
 *
 * Sources, in order of authority:
 *  1. the coach's explicit removals (always win: the skill is dropped),
 *  2. the coach's explicit additions and the licences held (strength 1),
 *  3. the skills of past occupations, weighted by how central the skill is
 *     to the occupation and by how long ago and how long the job was.
 *
 * History weight of one job (documented decay):
 *   duration(y) = 0.3 + 0.7 · (1 − e^(−y/2))   y = years in the job
 *       (0 yrs → 0.30, 1 → 0.58, 2 → 0.74, 5 → 0.94: most of a job's skills
 *        are learned in the first couple of years)
 *   recency(a)  = max(0.25, 0.5^(a/5))         a = years since it ended
 *       (half-life of five years; never below a quarter, since skills fade
 *        but are not lost)
 *   job weight  w = duration · recency
 * A skill's contribution from that job is w · r, where r = 1 for an
 * essential skill and 0.5 for an optional one (scaled by the relation's own
 * weight where the source grades it, as O*NET importance does). Several jobs
 * needing the same skill reinforce each other as independent evidence:
 * strength = 1 − Π(1 − contribution).
 */
export interface ProfileHistoryEntry {
  /** Resolved taxonomy occupation id, or null (unresolved titles add nothing). */
  occupationId: string | null;
  title?: string | null;
  years: number;
  /** Years since the job ended; null = inferred from the order (most recent first, back to back). */
  endedYearsAgo: number | null;
}

export interface ProfileInput {
  history: ProfileHistoryEntry[];
  skillsAdd: string[];
  skillsRemove: string[];
  /** Canonical licence codes (see licences.ts). */
  licences: string[];
  /** Target occupation ids (targets.ts): goals, which add no skills. */
  targets?: readonly string[];
}

export type ProfileSource =
  | { kind: 'history'; occupationId: string; position: number; relation: 'essential' | 'optional'; contribution: number }
  | { kind: 'added' }
  | { kind: 'licence'; code: string };

export interface ProfileSkill {
  id: string;
  strength: number;
  sources: ProfileSource[];
  /** One line for explanations: why we think the participant has it. */
  why: string;
}

export interface SkillProfile {
  taxonomyVersion: number;
  skills: ReadonlyMap<string, ProfileSkill>;
  /** Skill group → the strongest skill the participant has in it (partial credit). */
  groups: ReadonlyMap<string, { strength: number; skillId: string }>;
  /** Licence codes held, with everything they imply. */
  licences: ReadonlySet<string>;
  /** Codes recorded without their type ("forklift licence"): one of the types is held, we do not know which. */
  unstatedTypes: ReadonlySet<string>;
  /** History occupations with their job weight, most recent first. */
  occupations: { occupationId: string; position: number; weight: number; years: number; endedYearsAgo: number }[];
  removed: ReadonlySet<string>;
  /** Occupations they are aiming for, in this taxonomy (targets.ts): shown with their gaps in matches, transitions and pivots. */
  targets: readonly string[];
}

export function durationWeight(years: number): number {
  return 0.3 + 0.7 * (1 - Math.exp(-Math.max(0, years) / 2));
}

export function recencyWeight(endedYearsAgo: number): number {
  return Math.max(0.25, Math.pow(0.5, Math.max(0, endedYearsAgo) / 5));
}

/** Strength of a skill from one job: essential 1, optional 0.5, scaled by a graded relation weight. */
export function relationStrength(relation: 'essential' | 'optional', weight: number): number {
  const base = relation === 'essential' ? 1 : 0.5;
  const graded = Math.min(1, Math.max(0, weight / base));
  return base * (0.5 + 0.5 * graded);
}

export function buildSkillProfile(taxonomy: Taxonomy, input: ProfileInput): SkillProfile {
  const removed = new Set(input.skillsRemove);
  const acc = new Map<string, { miss: number; sources: ProfileSource[] }>();
  const occupations: SkillProfile['occupations'] = [];
  let elapsed = 0;
  input.history.forEach((h, position) => {
    const endedYearsAgo = h.endedYearsAgo ?? elapsed;
    elapsed = endedYearsAgo + Math.max(0, h.years);
    if (!h.occupationId || !taxonomy.occupations.has(h.occupationId)) return;
    const w = durationWeight(h.years) * recencyWeight(endedYearsAgo);
    occupations.push({ occupationId: h.occupationId, position, weight: w, years: h.years, endedYearsAgo });
    for (const r of taxonomy.skillsOf(h.occupationId)) {
      if (removed.has(r.skillId)) continue;
      const c = w * relationStrength(r.relation, r.weight);
      let a = acc.get(r.skillId);
      if (!a) acc.set(r.skillId, (a = { miss: 1, sources: [] }));
      a.miss *= 1 - c;
      a.sources.push({ kind: 'history', occupationId: h.occupationId, position, relation: r.relation, contribution: c });
    }
  });

  const skills = new Map<string, ProfileSkill>();
  for (const [id, a] of acc) {
    a.sources.sort((x, y) => contribution(y) - contribution(x));
    skills.set(id, { id, strength: 1 - a.miss, sources: a.sources, why: '' });
  }
  // A licence skill from a past job brings the licences it includes (a C+E
  // driver holds B), at the same strength, unless the coach removed them.
  for (const s of [...skills.values()]) {
    for (const id of impliedLicenceSkills(taxonomy, s.id)) {
      if (removed.has(id) || (skills.get(id)?.strength ?? 0) >= s.strength) continue;
      skills.set(id, { id, strength: s.strength, sources: s.sources, why: '' });
    }
  }
  const held = expandLicences(input.licences);
  for (const code of held) {
    for (const id of licenceSkillIds(taxonomy, code)) {
      if (removed.has(id)) continue;
      const s = skills.get(id);
      if (s) {
        s.strength = 1;
        s.sources.unshift({ kind: 'licence', code });
      } else skills.set(id, { id, strength: 1, sources: [{ kind: 'licence', code }], why: '' });
    }
  }
  for (const id of input.skillsAdd) {
    if (removed.has(id) || !taxonomy.skills.has(id)) continue;
    const s = skills.get(id);
    if (s) {
      s.strength = 1;
      s.sources.unshift({ kind: 'added' });
    } else skills.set(id, { id, strength: 1, sources: [{ kind: 'added' }], why: '' });
  }

  const groups = new Map<string, { strength: number; skillId: string }>();
  for (const s of skills.values()) {
    s.why = describeSource(taxonomy, s.sources[0], input.history);
    const g = taxonomy.skills.get(s.id)?.groupId;
    if (!g) continue;
    const cur = groups.get(g);
    if (!cur || cur.strength < s.strength) groups.set(g, { strength: s.strength, skillId: s.id });
  }
  return { taxonomyVersion: taxonomy.versionId, skills, groups, licences: held, unstatedTypes: unstatedTypeCodes(input.licences), occupations, removed, targets: (input.targets ?? []).filter((id) => taxonomy.occupations.has(id)) };
}

function contribution(s: ProfileSource): number {
  return s.kind === 'history' ? s.contribution : 2;
}

function describeSource(taxonomy: Taxonomy, s: ProfileSource | undefined, history: ProfileHistoryEntry[]): string {
  if (!s) return '';
  if (s.kind === 'added') return 'added by the coach';
  if (s.kind === 'licence') return `holds: ${describeLicence(s.code)}`;
  const h = history[s.position];
  const title = h?.title ?? taxonomy.occupations.get(s.occupationId)?.title ?? s.occupationId;
  const years = h ? `${Number(h.years.toFixed(1))} yr${h.years === 1 ? '' : 's'}` : '';
  return `${s.relation} skill of past job: ${title}${years ? ` (${years})` : ''}`;
}

/**
 * The licence codes a licence-type skill stands for: what its labels read
 * as, keeping only the most specific where one implies another. "VNA,
 * bendi and side-loader licences" also goes by "articulated forklift"; it
 * is the VNA licence (which includes a forklift licence), not the forklift
 * licence of unstated type a coach may record, so a coach's "forklift
 * licence" never brings it.
 */
function licenceCodesOfSkill(s: Skill): Set<string> {
  const read = new Set<string>();
  for (const label of [s.label, ...s.altLabels]) {
    const c = parseLicence(label);
    if (c) read.add(c);
  }
  const implied = new Set<string>();
  for (const c of read) for (const i of expandLicences([c])) if (i !== c) implied.add(i);
  return new Set([...read].filter((c) => !implied.has(c)));
}

const licenceIndexes = new WeakMap<Taxonomy, Map<string, string[]>>();

/**
 * Taxonomy skills that a licence code stands for: licence-type skills whose
 * label or alternative label reads as that licence (the same parser the API
 * uses for what coaches type), plus operating a forklift for a forklift
 * licence (ESCO has no licence type and lists it as a skill; the bundled
 * taxonomy calls it "Forklift driving"): a licence holder is never told to
 * learn to drive a forklift.
 */
export function licenceSkillIds(taxonomy: Taxonomy, code: string): readonly string[] {
  let idx = licenceIndexes.get(taxonomy);
  if (!idx) {
    idx = new Map();
    for (const s of taxonomy.skills.values()) {
      const codes = new Set<string>();
      if (s.type === 'licence') {
        for (const c of licenceCodesOfSkill(s)) codes.add(c);
      } else if (/^(operate|use|drive) (a )?fork ?lift|^fork ?lift (truck )?(driving|operation|operating)$/i.test(s.label)) {
        codes.add('forklift');
      }
      for (const c of codes) {
        let list = idx.get(c);
        if (!list) idx.set(c, (list = []));
        list.push(s.id);
      }
    }
    licenceIndexes.set(taxonomy, idx);
  }
  return idx.get(code) ?? [];
}

const impliedIndexes = new WeakMap<Taxonomy, Map<string, string[]>>();

/**
 * Licence-type skills implied by holding licence-type skill `skillId`
 * (category C+E implies C, C1 and B; enhanced DBS implies basic), itself
 * excluded. Empty for any other skill. Only codes it strictly implies
 * count: another skill that merely reads as the same broad code (one first
 * aid or forklift certificate and another) is a different certificate.
 */
export function impliedLicenceSkills(taxonomy: Taxonomy, skillId: string): readonly string[] {
  let idx = impliedIndexes.get(taxonomy);
  if (!idx) {
    idx = new Map();
    for (const sk of taxonomy.skills.values()) {
      if (sk.type !== 'licence') continue;
      const codes = licenceCodesOfSkill(sk);
      const out = new Set<string>();
      for (const code of expandLicences(codes)) {
        if (codes.has(code)) continue;
        for (const id of licenceSkillIds(taxonomy, code)) if (id !== sk.id) out.add(id);
      }
      if (out.size) idx.set(sk.id, [...out]);
    }
    impliedIndexes.set(taxonomy, idx);
  }
  return idx.get(skillId) ?? [];
}
