import type { OccupationScheme, Taxonomy } from '../taxonomy/model.ts';
import type { Vacancy } from '../vacancies/model.ts';
import { skillIndex, type SkillIndex } from './skill-index.ts';

/**
 * What a vacancy needs, as weighted skills. Two sources, each given a fixed
 * share of the total so that neither drowns the other (an ESCO occupation
 * lists ~60 skills, an advert names 5–15):
 *
 *  - the advert's own skills (what this employer asked for): share 0.6,
 *    each weighted by specificity × (1.5 if required, else 1) × (0.5 + 0.5 · confidence);
 *  - the skills of the vacancy's occupation (what the job usually takes):
 *    the rest (0.4 or more), essential weighted by specificity × 1, optional × 0.3.
 *
 * The advert's share shrinks when its recognised skills say little: it is
 * 0.6 × min(1, Σ specificity of the advert's skills / (ADVERT_EVIDENCE_FULL ×
 * ln(N + 1))), the rest going to the occupation. An advert whose only
 * recognised skills are "Attention to detail" and "Communication skills"
 * tells us almost nothing about the job, and with a fixed share those two
 * held 60% of a sales engineer's needs, so anyone careful and articulate
 * looked a third of the way to fitting it (real adverts, issue 14).
 *
 * With only one source present it takes the whole weight. A skill named by
 * both gets both shares (both say it matters). Specificity is
 * matchSpecificity (specificity.ts): rare, job-specific skills weigh more
 * than generic ones.
 */
export const ADVERT_SHARE = 0.6;
export const REQUIRED_BOOST = 1.5;
export const OPTIONAL_OCCUPATION_FACTOR = 0.3;
/** The advert's skills earn their full share from one rarest skill's worth of specificity (about two job-specific skills). */
export const ADVERT_EVIDENCE_FULL = 1;

/** Called once per distinct skill (by its number in skillIndex) the vacancy needs. Importances over one vacancy sum to 1. */
export type NeedVisitor = (skill: number, importance: number, required: boolean, evidence: string) => void;

/** How a need that comes from the vacancy's occupation, not from its advert, is evidenced. */
const OCCUPATION_EVIDENCE = { essential: 'required by occupation', optional: 'often asked by occupation' } as const;

/** Whether a need's evidence is its occupation's ("required by occupation …"), not words of the advert. */
export function isOccupationEvidence(evidence: string): boolean {
  return evidence.startsWith(`${OCCUPATION_EVIDENCE.essential} `) || evidence.startsWith(`${OCCUPATION_EVIDENCE.optional} `);
}

interface OccupationNeeds {
  skills: Int32Array;
  /** Each skill's share of the occupation's total need. */
  share: Float64Array;
  essential: Uint8Array;
  /** "required by occupation X" and "often asked by occupation X", built once. */
  evidenceEssential: string;
  evidenceOptional: string;
}

const SCHEMES: ReadonlySet<string> = new Set(['soc', 'esco', 'onet']);

const occupationNeedCache = new WeakMap<Taxonomy, Map<string, OccupationNeeds | null>>();

/** The vacancy's occupation in the taxonomy, whatever scheme it was coded in. */
export function vacancyOccupationId(taxonomy: Taxonomy, vacancy: Pick<Vacancy, 'occupation'>): string | null {
  const occ = vacancy.occupation;
  if (!occ) return null;
  const scheme = SCHEMES.has(occ.scheme) ? (occ.scheme as OccupationScheme) : undefined;
  return taxonomy.findOccupation(occ.code, scheme)?.id ?? null;
}

/** Per occupation, computed once per taxonomy snapshot: scoring 1,000 vacancies reuses it. */
function occupationNeeds(taxonomy: Taxonomy, occupationId: string): OccupationNeeds | null {
  let cache = occupationNeedCache.get(taxonomy);
  if (!cache) occupationNeedCache.set(taxonomy, (cache = new Map()));
  const hit = cache.get(occupationId);
  if (hit !== undefined) return hit;
  const si = skillIndex(taxonomy);
  const rels = taxonomy.skillsOf(occupationId).filter((r) => si.index.has(r.skillId));
  const o = taxonomy.occupations.get(occupationId);
  let result: OccupationNeeds | null = null;
  if (o && rels.length) {
    const raw = rels.map((r) => (si.weight[si.index.get(r.skillId) as number] as number) * (r.relation === 'essential' ? 1 : OPTIONAL_OCCUPATION_FACTOR));
    const total = raw.reduce((a, b) => a + b, 0);
    result = {
      skills: Int32Array.from(rels, (r) => si.index.get(r.skillId) as number),
      share: Float64Array.from(raw, (w) => w / total),
      essential: Uint8Array.from(rels, (r) => (r.relation === 'essential' ? 1 : 0)),
      evidenceEssential: `${OCCUPATION_EVIDENCE.essential} ${o.title}`,
      evidenceOptional: `${OCCUPATION_EVIDENCE.optional} ${o.title}`,
    };
  }
  cache.set(occupationId, result);
  return result;
}

/**
 * Visits every skill the vacancy needs with its importance (summing to 1),
 * without building intermediate collections: this is the inner loop of
 * ranking. Returns false when nothing is known about the vacancy's needs.
 */
export function forEachNeed(taxonomy: Taxonomy, vacancy: Pick<Vacancy, 'skills' | 'occupation'>, visit: NeedVisitor): boolean {
  const si = skillIndex(taxonomy);
  const occId = vacancyOccupationId(taxonomy, vacancy);
  const occ = occId ? occupationNeeds(taxonomy, occId) : null;
  // Advert skills, merged by skill (an advert may name a skill twice), in
  // reused scratch buffers: this runs once per candidate vacancy.
  const adv = scratch;
  const seen = advertSlots(si);
  const stamp = nextStamp(seen);
  let n = 0;
  let advertTotal = 0;
  let advertSpecificity = 0;
  for (const s of vacancy.skills) {
    const i = si.index.get(s.id);
    if (i === undefined) continue;
    const raw = (si.weight[i] as number) * (s.required ? REQUIRED_BOOST : 1) * (0.5 + 0.5 * clamp01(s.confidence));
    advertTotal += raw;
    const k = seen.stamp[i] === stamp ? (seen.slot[i] as number) : n;
    if (k === n) advertSpecificity += si.weight[i] as number;
    if (k < n) {
      adv.imp[k] = (adv.imp[k] as number) + raw;
      adv.req[k] ||= s.required;
    } else if (n < MAX_ADVERT_SKILLS) {
      adv.skill[n] = i;
      adv.imp[n] = raw;
      adv.req[n] = s.required;
      adv.ev[n] = s.evidence;
      seen.stamp[i] = stamp;
      seen.slot[i] = n;
      n++;
    }
  }
  if (!n && !occ) return false;
  const advertSays = Math.min(1, advertSpecificity / (ADVERT_EVIDENCE_FULL * Math.log(taxonomy.occupations.size + 1)));
  const advertShare = n ? (occ ? ADVERT_SHARE * advertSays : 1) : 0;
  const occShare = occ ? 1 - advertShare : 0;
  for (let k = 0; k < n; k++) adv.imp[k] = (advertShare * (adv.imp[k] as number)) / advertTotal;
  if (occ) {
    for (let j = 0; j < occ.skills.length; j++) {
      const i = occ.skills[j] as number;
      const importance = occShare * (occ.share[j] as number);
      // Named by both: both shares count, the advert's words are the evidence.
      if (seen.stamp[i] === stamp) adv.imp[seen.slot[i] as number] = (adv.imp[seen.slot[i] as number] as number) + importance;
      else visit(i, importance, false, occ.essential[j] ? occ.evidenceEssential : occ.evidenceOptional);
    }
  }
  for (let k = 0; k < n; k++) visit(adv.skill[k] as number, adv.imp[k] as number, adv.req[k] as boolean, adv.ev[k] as string);
  return true;
}

/** Adverts naming more distinct skills than this are read up to it (spotters cap far lower). */
const MAX_ADVERT_SKILLS = 256;
const scratch = {
  skill: new Int32Array(MAX_ADVERT_SKILLS),
  imp: new Float64Array(MAX_ADVERT_SKILLS),
  req: new Array<boolean>(MAX_ADVERT_SKILLS).fill(false),
  ev: new Array<string>(MAX_ADVERT_SKILLS).fill(''),
};

/**
 * Which advert slot holds each skill number, valid where its stamp is the
 * current vacancy's: finding an occupation skill among the advert's is one
 * array read instead of a scan (1,000 vacancies × ~50 needs per ranking),
 * and nothing is cleared between vacancies.
 */
interface AdvertSlots {
  stamp: Uint32Array;
  slot: Int32Array;
  current: number;
}

const slotsBySkillIndex = new WeakMap<SkillIndex, AdvertSlots>();

function advertSlots(si: SkillIndex): AdvertSlots {
  let slots = slotsBySkillIndex.get(si);
  if (!slots) slotsBySkillIndex.set(si, (slots = { stamp: new Uint32Array(si.ids.length), slot: new Int32Array(si.ids.length), current: 0 }));
  return slots;
}

function nextStamp(slots: AdvertSlots): number {
  if (slots.current === 0xffffffff) {
    slots.stamp.fill(0);
    slots.current = 0;
  }
  return ++slots.current;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 1;
}
