import type { RequirementKind } from '../vacancies/model.ts';

/**
 * Licences, cards and checks a participant can hold, in one canonical
 * vocabulary shared by the participant API (what a coach types), the skill
 * profile (licences count as licence-type skills) and the match score
 * (vacancy requirement flags are checked against them).
 *
 * Codes: `driving:<category>` (UK categories, `C+E` style), `own-vehicle`,
 * `dbs:basic`, `dbs:enhanced`, `cscs`, `sia`, `forklift` (a forklift
 * licence, type not stated) and the types it names (`forklift:counterbalance`,
 * `forklift:reach`, `forklift:vna`, `forklift:powered_pallet_truck`), `cpc`,
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
  'first-aid:work': ['first-aid:emergency', 'first-aid'],
  'first-aid:emergency': ['first-aid'],
  'first-aid:paediatric': ['first-aid'],
  'first-aid:mental-health': ['first-aid'],
  // Likewise each SIA licence is an SIA licence; "SIA" alone names none of them.
  'sia:door_supervisor': ['sia'],
  'sia:security_guarding': ['sia'],
  'sia:cctv': ['sia'],
  'sia:close_protection': ['sia'],
  // A licence of any named truck type is a forklift licence; a forklift
  // licence of unstated type says nothing about which truck (issue 14: a
  // coach's "forklift licence" must not read as counterbalance, reach and VNA).
  'forklift:counterbalance': ['forklift'],
  'forklift:reach': ['forklift'],
  'forklift:vna': ['forklift'],
  'forklift:powered_pallet_truck': ['forklift'],
};

/** Forklift truck types as the vacancy requirement detail names them (src/vacancies/normalise/requirements.ts). */
export const FORKLIFT_TYPES = ['counterbalance', 'reach', 'vna', 'powered_pallet_truck'] as const;
/** SIA licence types, as the vacancy requirement detail names them. */
export const SIA_TYPES = ['door_supervisor', 'security_guarding', 'cctv', 'close_protection'] as const;

export const LICENCE_CODES: readonly string[] = [
  ...DRIVING_CATEGORIES.map((c) => `driving:${c}`),
  'own-vehicle', 'dbs:basic', 'dbs:enhanced', 'cscs', 'sia', ...SIA_TYPES.map((t) => `sia:${t}`), 'forklift', ...FORKLIFT_TYPES.map((t) => `forklift:${t}`),
  'cpc', 'right-to-work', 'welsh',
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
  if (/\bsia\b|door supervisor|security guard(ing)? licen/.test(t)) return siaCode(t);
  if (/fork ?lift|\bflt\b|counter ?balance|reach truck|pallet truck|\bvna\b|narrow aisle/.test(t)) return forkliftCode(t);
  if (/\bcpc\b/.test(t)) return 'cpc';
  if (/right to work/.test(t)) return 'right-to-work';
  if (/\bwelsh\b|\bcymraeg\b/.test(t)) return 'welsh';
  if (/first aid/.test(t)) return firstAidCode(t);
  if (/food (hygiene|safety)/.test(t)) return 'food-hygiene';
  const cat = parseDrivingCategory(t);
  return cat ? `driving:${cat}` : null;
}

/** Which SIA licence the words name, or an SIA licence of unstated type. */
function siaCode(t: string): string {
  if (/door supervis/.test(t)) return 'sia:door_supervisor';
  if (/\bcctv\b|public space surveillance/.test(t)) return 'sia:cctv';
  if (/close protection/.test(t)) return 'sia:close_protection';
  if (/security guard/.test(t)) return 'sia:security_guarding';
  return 'sia';
}

/** Which forklift licence the words name: a named truck type, or a forklift licence of unstated type. */
function forkliftCode(t: string): string {
  if (/counter ?balance/.test(t)) return 'forklift:counterbalance';
  if (/\breach\b/.test(t)) return 'forklift:reach';
  if (/\bvna\b|narrow aisle|bendi|side ?loader/.test(t)) return 'forklift:vna';
  if (/pallet truck|\bppt\b/.test(t)) return 'forklift:powered_pallet_truck';
  return 'forklift';
}

/** Which first aid certificate the words name: each is its own certificate (issue 14: adding one must not add the others). */
function firstAidCode(t: string): string {
  if (/mental health/.test(t)) return 'first-aid:mental-health';
  if (/p(a)?ediatric|\bchild|\bbaby|\binfant/.test(t)) return 'first-aid:paediatric';
  if (/emergency|\b(1|one)[ -]day/.test(t)) return 'first-aid:emergency';
  if (/at work|\b(3|three)[ -]day/.test(t)) return 'first-aid:work';
  return 'first-aid';
}

/**
 * The named types of a licence code: `forklift` → the four truck types,
 * `sia` → the four SIA licences, `first-aid` → the certificates. Empty for
 * a code with no types.
 */
export function typesOf(code: string): string[] {
  return Object.entries(IMPLIES)
    .filter(([typed, implied]) => typed.startsWith(`${code}:`) && implied.includes(code))
    .map(([typed]) => typed);
}

/**
 * The codes recorded without their type ("forklift licence", "SIA
 * licence"): the participant holds one of the types, we do not know which.
 */
export function unstatedTypeCodes(recorded: Iterable<string>): Set<string> {
  const codes = new Set(recorded);
  return new Set([...codes].filter((c) => typesOf(c).length > 0 && !typesOf(c).some((t) => codes.has(t))));
}

/**
 * Score multiplier for a requirement of a named type (a counterbalance
 * licence) when the participant's licence was recorded without its type:
 * they may well hold it, so half the missing penalty, and the card says
 * "type not recorded" for the coach to check.
 */
export const UNSTATED_TYPE_SHARE = 0.5;

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
export function checkRequirement(
  held: ReadonlySet<string>,
  kind: RequirementKind,
  detail: string | null,
  unstated: ReadonlySet<string> = new Set(),
): RequirementCheck {
  const penalty = REQUIREMENT_PENALTY[kind];
  const obtainable = kind === 'dbs' || kind === 'cscs' || kind === 'forklift' || kind === 'sia';
  const has = (code: string): RequirementCheck => {
    if (held.has(code)) return { needs: code, status: 'met', penalty, obtainable };
    // A licence recorded without its type may be this type: not verified rather than missing.
    const parent = code.includes(':') ? code.slice(0, code.indexOf(':')) : null;
    if (parent && unstated.has(parent) && typesOf(parent).includes(code)) {
      return { needs: code, status: 'unverified', penalty: 1 - (1 - penalty) * UNSTATED_TYPE_SHARE, obtainable };
    }
    return { needs: code, status: 'missing', penalty, obtainable };
  };
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
      return has(detail && (SIA_TYPES as readonly string[]).includes(detail) ? `sia:${detail}` : 'sia');
    case 'forklift': {
      // "Counterbalance or reach": any named type meets it; no type named: any forklift licence.
      const types = (detail ?? '').split(',').filter((x) => (FORKLIFT_TYPES as readonly string[]).includes(x));
      if (!types.length) return has('forklift');
      const hit = types.find((x) => held.has(`forklift:${x}`));
      return has(`forklift:${hit ?? types[0]}`);
    }
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
    'sia:door_supervisor': 'SIA Door Supervisor licence',
    'sia:security_guarding': 'SIA Security Guarding licence',
    'sia:cctv': 'SIA Public Space Surveillance (CCTV) licence',
    'sia:close_protection': 'SIA Close Protection licence',
    forklift: 'Forklift licence',
    'forklift:counterbalance': 'Counterbalance forklift licence',
    'forklift:reach': 'Reach truck licence',
    'forklift:vna': 'Very narrow aisle (VNA) truck licence',
    'forklift:powered_pallet_truck': 'Powered pallet truck licence',
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
