import type { RequirementKind } from '../vacancies/model.ts';

/**
 * Licences, cards and checks a participant can hold, in one canonical
 * vocabulary shared by the participant API (what a coach types), the skill
 * profile (licences count as licence-type skills) and the match score
 * (vacancy requirement flags are checked against them).
 *
 * Codes: `driving:<category>` (UK categories, `C+E` style), `own-vehicle`,
 * `dbs:basic`, `dbs:enhanced`, `cscs`, `sia`, `forklift`, `cpc`,
 * `right-to-work`, `welsh`, `first-aid` (and the certificates it names:
 * `first-aid:work`, `first-aid:emergency`, `first-aid:paediatric`,
 * `first-aid:mental-health`), `food-hygiene`.
 */
export const DRIVING_CATEGORIES = [
  'AM', 'A1', 'A2', 'A', 'B', 'B+E', 'C1', 'C1+E', 'C', 'C+E', 'D1', 'D1+E', 'D', 'D+E',
] as const;

/**
 * What each code also entitles (GOV.UK driving licence categories: a C
 * licence covers C1, every lorry or bus category needs B first, and an +E
 * entitlement includes the towing entitlements below it; an enhanced DBS
 * check includes the basic one).
 */
const IMPLIES: Record<string, string[]> = {
  'driving:B+E': ['driving:B'],
  'driving:C1': ['driving:B'],
  'driving:C1+E': ['driving:C1', 'driving:B+E', 'driving:B'],
  'driving:C': ['driving:C1', 'driving:B'],
  'driving:C+E': ['driving:C', 'driving:C1', 'driving:C1+E', 'driving:B+E', 'driving:B'],
  'driving:D1': ['driving:B'],
  'driving:D1+E': ['driving:D1', 'driving:B+E', 'driving:B'],
  'driving:D': ['driving:D1', 'driving:B'],
  'driving:D+E': ['driving:D', 'driving:D1', 'driving:D1+E', 'driving:B+E', 'driving:B'],
  'driving:A': ['driving:A2', 'driving:A1', 'driving:AM'],
  'driving:A2': ['driving:A1', 'driving:AM'],
  'driving:A1': ['driving:AM'],
  'dbs:enhanced': ['dbs:basic'],
  // The three-day First Aid at Work course covers the one-day emergency
  // one; neither says anything about paediatric or mental health first aid.
  'first-aid:work': ['first-aid:emergency'],
};

export const LICENCE_CODES: readonly string[] = [
  ...DRIVING_CATEGORIES.map((c) => `driving:${c}`),
  'own-vehicle', 'dbs:basic', 'dbs:enhanced', 'cscs', 'sia', 'forklift', 'cpc', 'right-to-work', 'welsh',
  'first-aid', 'first-aid:work', 'first-aid:emergency', 'first-aid:paediatric', 'first-aid:mental-health', 'food-hygiene',
];

/** The participant form's licence suggestions, in the words coaches use; every one parses (tested). */
export const LICENCE_SUGGESTIONS: readonly string[] = [
  'B', 'C1', 'C', 'C+E', 'D1', 'D', 'forklift', 'SIA', 'CSCS', 'basic DBS', 'enhanced DBS', 'own car', 'Driver CPC',
  'first aid at work', 'emergency first aid', 'paediatric first aid', 'mental health first aid', 'food hygiene', 'right to work', 'Welsh',
];

/** Shown in validation errors so a coach sees what is understood. */
export const LICENCE_EXAMPLES =
  'e.g. "B", "C+E", "HGV class 2", "forklift", "SIA", "CSCS", "enhanced DBS", "own car", "Driver CPC", "Welsh"';

/** Driving category from free text ("cat C+E", "CE", "class 1", "HGV"), or null. */
export function parseDrivingCategory(text: string): string | null {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/\b(hgv|lgv) ?(class )?1\b|\bclass 1\b|\bartic/.test(t)) return 'C+E';
  if (/\b(hgv|lgv) ?(class )?2\b|\bclass 2\b|\brigid\b/.test(t)) return 'C';
  if (/\b7\.5 ?t/.test(t)) return 'C1';
  if (/\b(pcv|psv|bus|coach)\b/.test(t)) return 'D';
  if (/\bminibus\b/.test(t)) return 'D1';
  // Strip words around the category; what remains should be the category itself.
  const core = t
    .replace(/\b(full|clean|uk|eu|gb|manual|automatic|current|valid|driving|driver'?s?|licen[cs]e|category|cat|class|entitlement|with)\b\.?/g, ' ')
    .replace(/[()]/g, ' ')
    .replace(/\s+/g, '')
    .toUpperCase();
  if (core === '' && /licen[cs]e|driv/.test(t)) return 'B';
  if (core === 'CAR') return 'B';
  if (/^(HGV|LGV)$/.test(core)) return 'C';
  const m = /^(AM|A1|A2|A|B|C1|C|D1|D)(\+?E)?$/.exec(core);
  if (!m?.[1]) return null;
  return m[2] ? `${m[1]}+E` : m[1];
}

/**
 * A coach's wording → a canonical code, or null when not understood (the API
 * then rejects it, naming the field, rather than dropping it silently).
 */
export function parseLicence(text: string): string | null {
  const raw = text.trim();
  if (LICENCE_CODES.includes(raw)) return raw;
  const t = raw.toLowerCase();
  if (/\bown (car|vehicle|transport)\b|\baccess to (a )?(car|vehicle)\b/.test(t)) return 'own-vehicle';
  if (/\bdbs\b|\bcrb\b|\bdisclosure\b/.test(t)) return /enhanced/.test(t) ? 'dbs:enhanced' : 'dbs:basic';
  if (/\bcscs\b/.test(t)) return 'cscs';
  if (/\bsia\b|door supervisor|security guard(ing)? licen/.test(t)) return 'sia';
  if (/fork ?lift|\bflt\b|counterbalance|reach truck/.test(t)) return 'forklift';
  if (/\bcpc\b/.test(t)) return 'cpc';
  if (/right to work/.test(t)) return 'right-to-work';
  if (/\bwelsh\b|\bcymraeg\b/.test(t)) return 'welsh';
  if (/first aid/.test(t)) return firstAidCode(t);
  if (/food (hygiene|safety)/.test(t)) return 'food-hygiene';
  const cat = parseDrivingCategory(t);
  return cat ? `driving:${cat}` : null;
}

/** Which first aid certificate the words name: each is its own certificate (issue 14: adding one must not add the others). */
function firstAidCode(t: string): string {
  if (/mental health/.test(t)) return 'first-aid:mental-health';
  if (/p(a)?ediatric|\bchild|\bbaby|\binfant/.test(t)) return 'first-aid:paediatric';
  if (/emergency|\b(1|one)[ -]day/.test(t)) return 'first-aid:emergency';
  if (/at work|\b(3|three)[ -]day/.test(t)) return 'first-aid:work';
  return 'first-aid';
}

/** The codes held, with everything they imply. */
export function expandLicences(codes: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const c of codes) {
    out.add(c);
    for (const i of IMPLIES[c] ?? []) out.add(i);
  }
  return out;
}

export type RequirementStatus = 'met' | 'missing' | 'unverified' | 'offered';

export interface RequirementCheck {
  /** The licence code that satisfies it, or null when it is not a thing a participant holds. */
  needs: string | null;
  status: RequirementStatus;
  /**
   * Score multiplier when missing: a missing driving licence rules a job out
   * for now; a DBS check is usually arranged by the employer after an offer.
   */
  penalty: number;
  /** Whether getting it is a matter of a short course or check rather than a long training. */
  obtainable: boolean;
}

/** Missing-requirement multipliers (see checkRequirement). */
export const REQUIREMENT_PENALTY: Record<RequirementKind, number> = {
  driving_licence: 0.5,
  own_vehicle: 0.7,
  sia: 0.6,
  cscs: 0.75,
  forklift: 0.7,
  welsh_language: 0.6,
  dbs: 0.92,
  right_to_work: 1,
  visa_sponsorship: 1,
};

/**
 * Whether a participant holding `held` (expanded codes) meets one vacancy
 * requirement flag. Right to work is not something we record unless the
 * coach adds it, so it is reported as unverified rather than as a gap;
 * visa sponsorship is something the employer offers, not a requirement.
 */
export function checkRequirement(held: ReadonlySet<string>, kind: RequirementKind, detail: string | null): RequirementCheck {
  const penalty = REQUIREMENT_PENALTY[kind];
  const has = (code: string): RequirementCheck => ({
    needs: code,
    status: held.has(code) ? 'met' : 'missing',
    penalty,
    obtainable: kind === 'dbs' || kind === 'cscs' || kind === 'forklift' || kind === 'sia',
  });
  switch (kind) {
    case 'driving_licence': {
      const cat = detail ? parseDrivingCategory(detail) : null;
      return has(`driving:${cat ?? 'B'}`);
    }
    case 'own_vehicle':
      return has('own-vehicle');
    case 'dbs':
      return has(detail && /enhanced/i.test(detail) ? 'dbs:enhanced' : 'dbs:basic');
    case 'cscs':
      return has('cscs');
    case 'sia':
      return has('sia');
    case 'forklift':
      return has('forklift');
    case 'welsh_language':
      return has('welsh');
    case 'right_to_work':
      return { needs: 'right-to-work', status: held.has('right-to-work') ? 'met' : 'unverified', penalty: 1, obtainable: false };
    case 'visa_sponsorship':
      return { needs: null, status: 'offered', penalty: 1, obtainable: false };
  }
}

/** Human label of a code, for explanations. */
export function describeLicence(code: string): string {
  if (code.startsWith('driving:')) return `Driving licence category ${code.slice(8)}`;
  const labels: Record<string, string> = {
    'own-vehicle': 'Own vehicle',
    'dbs:basic': 'DBS check (basic)',
    'dbs:enhanced': 'DBS check (enhanced)',
    cscs: 'CSCS card',
    sia: 'SIA licence',
    forklift: 'Forklift licence',
    cpc: 'Driver CPC',
    'right-to-work': 'Right to work in the UK',
    welsh: 'Welsh language',
    'first-aid': 'First aid certificate',
    'first-aid:work': 'First Aid at Work certificate',
    'first-aid:emergency': 'Emergency First Aid at Work certificate',
    'first-aid:paediatric': 'Paediatric First Aid certificate',
    'first-aid:mental-health': 'Mental Health First Aid certificate',
    'food-hygiene': 'Food hygiene certificate',
  };
  return labels[code] ?? code;
}
