import type { Contract, EmploymentType, Remote } from '../model.ts';

/**
 * Employment terms from dedicated fields ("FULL_TIME", "Permanent",
 * "Contract / Temporary") and from advert text. A dedicated field wins over
 * text; text only fills what the fields left empty.
 */
export interface Terms {
  employmentType: EmploymentType | null;
  contract: Contract | null;
  hoursPerWeek: number | null;
  shifts: string[];
  remote: Remote | null;
}

export interface TermsInput {
  employmentType?: string | undefined;
  contract?: string | undefined;
  hoursPerWeek?: number | undefined;
  title: string;
  text: string;
}

const CONTRACT_PATTERNS: [Contract, RegExp][] = [
  ['apprenticeship', /\bapprentice(?:ship)?s?\b/i],
  ['zero_hours', /\bzero[- ]?hours?\b|\b0[- ]hours?\s+contract\b/i],
  ['seasonal', /\bseasonal\b|\bsummer\s+(?:season|job)\b|\bchristmas\s+temp/i],
  ['internship', /\binterns?(?:hip)?\b|\bplacement\s+year\b/i],
  ['volunteer', /\bvolunt(?:eer|ary)\b(?!\s+(?:sector|organisation))/i],
  ['contract', /\bcontract(?:or)?\b(?!\s+(?:type|of\s+employment|manager|management))|\bfixed[- ]term\b|\bfreelance\b|\binside\s+ir35\b|\boutside\s+ir35\b|\bday\s+rate\b/i],
  ['temporary', /\btemp(?:orary)?\b|\btemp[- ]to[- ]perm\b|\bmaternity\s+cover\b|\blocum\b|\bcover\s+role\b/i],
  ['permanent', /\bperm(?:anent)?\b/i],
];

/** A dedicated field's value → contract. "Contract / Temporary" → contract (the first it names). */
export function parseContract(s: string | undefined | null): Contract | null {
  if (!s) return null;
  const v = s.toLowerCase().replace(/[_-]/g, ' ');
  if (/\bnot\s+specified\b|\bunspecified\b|\bany\b/.test(v)) return null;
  let best: { c: Contract; at: number } | null = null;
  for (const [c, re] of CONTRACT_PATTERNS) {
    const m = re.exec(v);
    if (m && (!best || m.index < best.at)) best = { c, at: m.index };
  }
  if (best) return best.c;
  if (/\bcontractor\b/.test(v)) return 'contract';
  return null;
}

export function parseEmploymentType(s: string | undefined | null): EmploymentType | null {
  if (!s) return null;
  const v = s.toLowerCase().replace(/[_-]/g, ' ');
  const full = /\bfull\s*time\b|\bfulltime\b|\bft\b/.exec(v);
  const part = /\bpart\s*time\b|\bparttime\b|\bpt\b|\bjob\s*share\b/.exec(v);
  if (full && part) return full.index <= part.index ? 'full_time' : 'part_time';
  if (full) return 'full_time';
  if (part) return 'part_time';
  return null;
}

const HOURS_RE =
  /(\d{1,2}(?:\.\d{1,2})?)(?:\s*(?:-|–|to)\s*(\d{1,2}(?:\.\d{1,2})?))?\s*(?:hours?|hrs?)\s*(?:per|a|each|\/|p\/?)\s*(?:week|wk|w)\b|(?:hours?|hrs?)\s*(?:per|a|\/)\s*week\s*[:\-–]?\s*(\d{1,2}(?:\.\d{1,2})?)|(\d{1,2}(?:\.\d{1,2})?)\s*(?:hours?|hrs?)\s*(?:weekly|pw)\b/i;

/** "37.5 hours per week", "16-20 hrs a week", "Hours per week: 30" → hours (the upper end of a range). */
export function parseHoursPerWeek(text: string): number | null {
  const m = HOURS_RE.exec(text);
  if (!m) return null;
  const v = Number(m[2] ?? m[1] ?? m[3] ?? m[4]);
  return Number.isFinite(v) && v > 0 && v <= 80 ? v : null;
}

const SHIFT_PATTERNS: [string, RegExp][] = [
  ['nights', /\bnight(?:s|\s+shifts?|\s+duty|\s+work(?:er)?)\b|\bnight[- ]time\s+shifts?\b|\bovernight\b/i],
  ['weekends', /\bweekends?\b(?!\s+off)|\bsaturdays?\s+and\s+sundays?\b/i],
  ['days', /\bday\s+shifts?\b|\bdays\s+only\b|\bdays\s*[-–(]\s*\d/i],
  ['lates', /\blates?\s+shifts?\b|\blates\b|\bevening\s+shifts?\b|\bevenings\b/i],
  ['earlies', /\bearly\s+shifts?\b|\bearlies\b/i],
  ['rotating', /\brotat(?:ing|ional|a)\s+shifts?\b|\bshift\s+rota\b|\brotating\b|\b\d\s+on\s+\d\s+off\b|\bcontinental\s+shifts?\b/i],
  ['split', /\bsplit\s+shifts?\b/i],
  ['on_call', /\bon[- ]call\b/i],
];

// One scan for all shift patterns: group i+1 is SHIFT_PATTERNS[i] (their sources use no capturing groups).
// Every top-level alternative starts with \b: factored out in front, the engine tests the boundary once
// per position instead of once per alternative (same matches and groups; about half the scan time).
const SHIFT_ALTERNATIVES = SHIFT_PATTERNS.map(([, re]) => splitTopLevel(re.source));
const SHIFTS_RE = SHIFT_ALTERNATIVES.every((alts) => alts.every((a) => a.startsWith('\\b')))
  ? new RegExp(`\\b(?:${SHIFT_ALTERNATIVES.map((alts) => `(${alts.map((a) => a.slice(2)).join('|')})`).join('|')})`, 'gi')
  : new RegExp(SHIFT_PATTERNS.map(([, re]) => `(${re.source})`).join('|'), 'gi');

/** A regex source's top-level alternatives (not those inside groups or character classes). */
function splitTopLevel(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

/** Shift patterns named in `text`. */
export function parseShifts(text: string): string[] {
  const found = new Set<number>();
  collectShifts(text, Infinity, found);
  return shiftNames(found);
}

const shiftNames = (found: ReadonlySet<number>) => SHIFT_PATTERNS.filter((_, i) => found.has(i)).map(([name]) => name);

function collectShifts(text: string, limit: number, found: Set<number>): void {
  for (const m of text.matchAll(SHIFTS_RE)) {
    if (m.index >= limit) break;
    for (let g = 1; g <= SHIFT_PATTERNS.length; g++) {
      if (m[g] !== undefined) {
        found.add(g - 1);
        break;
      }
    }
    if (found.size === SHIFT_PATTERNS.length) break;
  }
}

export function parseTerms(input: TermsInput): Terms {
  const fields = [input.employmentType, input.contract].filter(Boolean).join(' ');
  let employmentType = parseEmploymentType(input.employmentType) ?? parseEmploymentType(input.contract);
  let contract = parseContract(input.contract) ?? parseContract(input.employmentType);
  if (!contract) contract = parseContract(input.title) ?? contractFromText(input.text);
  const hoursPerWeek = input.hoursPerWeek ?? parseHoursPerWeek(fields) ?? parseHoursPerWeek(input.text);
  if (!employmentType) employmentType = parseEmploymentType(input.title) ?? employmentFromText(input.text);
  if (!employmentType && hoursPerWeek != null) employmentType = hoursPerWeek >= 30 ? 'full_time' : 'part_time';
  // Shifts from the title and the text's first 4,000 characters (the advert proper, not the footers).
  const shifts = new Set<number>();
  collectShifts(input.title, Infinity, shifts);
  collectShifts(input.text, 4000, shifts);
  return { employmentType, contract, hoursPerWeek, shifts: shiftNames(shifts), remote: null };
}

/**
 * The literal every phrase of each contractFromText test contains ("fixed" or "contract" for the
 * fixed-term test), in one alternation: one scan of the text tells which tests can match, where a
 * test per literal scanned the text six times over (most adverts hold none of them).
 */
const CONTRACT_LITERALS = /apprenticeship|zero|seasonal|fixed|contract|temp|permanent/gi;
const LITERAL_BIT: Record<string, number> = { apprenticeship: 1, zero: 2, seasonal: 4, fixed: 8, contract: 8, temp: 16, permanent: 32 };
const ALL_LITERAL_BITS = 63;

/** Which CONTRACT_LITERALS `t` holds, as LITERAL_BIT bits. */
function contractLiterals(t: string): number {
  let bits = 0;
  CONTRACT_LITERALS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (bits !== ALL_LITERAL_BITS && (m = CONTRACT_LITERALS.exec(t))) {
    bits |= LITERAL_BIT[m[0].toLowerCase()]!;
    // On from the next character, not the match's end: a literal overlapping this one ("contemp…") is still seen.
    CONTRACT_LITERALS.lastIndex = m.index + 1;
  }
  return bits;
}

/** Text mentions are weaker than fields: only explicit phrases count ("permanent, full-time role"). */
function contractFromText(text: string): Contract | null {
  const t = text.slice(0, 6000);
  // Each phrase test is guarded by a literal every one of its phrases contains: a \b-anchored phrase
  // regex over 6,000 characters costs much more than the one literal scan, and most adverts fail it.
  const has = contractLiterals(t);
  if (has === 0) return null;
  if (has & 1 && /\bapprenticeship\b/i.test(t)) return 'apprenticeship';
  if (has & 2 && /\bzero[- ]hours?\s+contract\b/i.test(t)) return 'zero_hours';
  if (has & 4 && /\bseasonal\s+(?:role|position|job|work|contract)\b/i.test(t)) return 'seasonal';
  if (has & 8 && /\b(?:fixed[- ]term|\d+[- ]months?\s+(?:fixed[- ]term\s+)?contract|contract\s+(?:role|position)|temporary\s+contract)\b/i.test(t)) return /\btemporary\b/i.test(t) ? 'temporary' : 'contract';
  if (has & 16 && /\b(?:temporary|temp)\s+(?:role|position|job|post|basis|assignment|contract)\b/i.test(t)) return 'temporary';
  if (has & 32 && /\bpermanent\s+(?:role|position|job|post|contract|basis|opportunity|vacancy|full[- ]time|part[- ]time)\b|\bon\s+a\s+permanent\b|\bcontract\s+type\s*:\s*permanent\b/i.test(t)) return 'permanent';
  return null;
}

function employmentFromText(text: string): EmploymentType | null {
  const t = text.slice(0, 6000);
  const full = /\bfull[- ]time\b/i.exec(t);
  const part = /\bpart[- ]time\b(?!\s+(?:or|\/)\s+full)/i.exec(t);
  if (full && part) return full.index <= part.index ? 'full_time' : 'part_time';
  return full ? 'full_time' : part ? 'part_time' : null;
}
