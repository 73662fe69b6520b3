import { decodeEntities } from './text.ts';

/**
 * Job titles carry noise that hurts search and classification: "URGENT",
 * "NEW!", reference numbers, "(m/f/d)", a trailing location or salary, and
 * titles typed in capitals. The original is kept beside the cleaned one.
 */

// Noise only where it works as a label: at the start or end, shouted, bracketed or punctuated
// ("URGENT:", "NEW!", "*Urgent*"). "Urgent Care Practitioner" and "New Business Manager" keep their words.
const NOISE = String.raw`(?:urgent(?:ly)?(?:\s+(?:required|needed|requirement|vacancy))?|immediate\s+start|start\s+asap|asap|hiring(?:\s+now)?|now\s+hiring|apply\s+now|hot\s+job|job\s+of\s+the\s+week|featured|sign[- ]on\s+bonus)`;
const NOISE_WORDS = new RegExp(String.raw`^\s*[*([]?\s*${NOISE}\s*[)\]*!:|–-]*\s+|\s+[-–|(*[]\s*${NOISE}\s*[)\]*!]*\s*$|[*([]\s*${NOISE}\s*[)\]*]|\b${NOISE}\s*!+`, 'gi');
const URGENT_CAPS = /\bURGENT(?:LY)?\b(?:\s+REQUIRED)?/g;
const NEW_LABEL = /^\s*[*([]?\s*new\s*(?:!+|:|\s*[)\]*]|\s+[-–|])\s*|\bNEW!+\s*|[*([]\s*new\s*[)\]*]|\s+[-–|]\s*NEW\s*$/g;
const GENDER_TAG = /\(\s*(?:m|f|w|d|x|h|all\s+genders?)(?:\s*\/\s*(?:m|f|w|d|x|h|div|i))+\s*\)|\b(?:m|f|w)\/(?:m|f|w)\/(?:d|x|div)\b/gi;
// A reference keyword must stand alone ("Ref:", "Job ID") and its code must hold a digit ("Referrals", "Requirements" stay).
const REFERENCE =
  /\s*[([]?\s*\b(?:ref(?:erence)?|job\s*(?:id|ref|no)|vacancy\s*(?:no|ref|id)|req(?:uisition)?(?:\s*id)?)\b\s*(?:no\.?|number|#)?\s*[:.#-]?\s*(?=[A-Z0-9/_.-]*\d)[A-Z0-9][A-Z0-9/_.-]{1,24}\s*[)\]]?/gi;
// Codes at the end: in brackets when numeric ("(75165-084)"), or letters+digits ("ML1837", "REQ15134").
const TRAILING_CODE = /\s*(?:[([]\s*[A-Z]{0,4}\d[\d/-]{3,}\s*[)\]]|[-–|,]?\s*\b[A-Z]{1,4}\d{4,}[A-Z0-9/-]*)\s*$/;
const SALARY_TAIL = /\s*(?:[-–|,(]|\bup\s+to\b)?\s*(?:up\s+to\s+)?[£$€]\s*\d[\d,.]*\s*k?(?:\s*(?:[-–]|to)\s*[£$€]?\s*\d[\d,.]*\s*k?)?(?:\s*(?:per\s+\w+|p\.?a\.?|ph|pw|pcm|p\/h|\/\s*\w+|\+\s*\w+|ote|doe|pro[- ]rata|benefits|bonus|plus\s+\w+|\([^)]*\)|\.{2,}|…))*\s*\)?\s*$/i;
// Salary in the middle only with a period or a range: "£3,000 Welcome Bonus" is part of the title.
const SALARY_ANYWHERE = /\s*[£$€]\s*\d[\d,.]*\s*k?(?:(?:\s*(?:[-–]|to)\s*[£$€]?\s*\d[\d,.]*\s*k?)(?:\s*(?:per|p\/?|\/)\s*(?:annum|year|hour|day|week|month|hr|h|a|d)\b\.?)?|\s*(?:per|p\/?|\/)\s*(?:annum|year|hour|day|week|month|hr|h|a|d)\b\.?|\s*(?:ph|pa|pw)\b)(?:\s*\+\s*(?:benefits|bonus|car|ote))*/gi;
const LOCATION_TAIL = /\s+(?:[-–|]|\bin\b|\bbased\s+in\b|,)\s*(?:[A-Z][a-zA-Z'.]+(?:[\s-](?:upon|on|under|le|in|[A-Z][a-zA-Z'.]+)){0,3})(?:\s*,\s*[A-Z][a-zA-Z'.]+(?:\s[A-Z][a-zA-Z'.]+)?)?\s*$/;

export interface CleanTitleOptions {
  /** Places the advert names elsewhere (its location field): only these are cut from the end of a title. */
  places?: string[];
}

export function cleanTitle(original: string, opts: CleanTitleOptions = {}): string {
  let t = decodeEntities(original).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  const before = t;
  t = t.replace(GENDER_TAG, ' ');
  t = t.replace(NOISE_WORDS, ' ');
  // A shouted "URGENT" inside a normal title is a label; inside an all-caps title it may be a word.
  if (!isShouting(t)) t = t.replace(URGENT_CAPS, ' ');
  t = t.replace(NEW_LABEL, ' ');
  t = t.replace(/^[\s!:|–-]+/, '').replace(/[\s!|–-]+$/, '');
  t = t.replace(REFERENCE, ' ');
  t = t.replace(TRAILING_CODE, '');
  t = t.replace(SALARY_ANYWHERE, ' ');
  t = t.replace(SALARY_TAIL, '');
  t = cutTrailingPlace(t, opts.places ?? []);
  t = t.replace(/\(\s*(?:doe|ote|neg(?:otiable)?|pro[- ]rata|\+?\s*benefits|basic)?\s*\)|\[\s*\]/gi, ' ').replace(/\s+/g, ' ').replace(/^[\s,|–:-]+|[\s,|–:(-]+$/g, '').trim();
  if (isShouting(t)) t = toTitleCase(t);
  // Never clean a title away: if nothing useful is left, keep the original words.
  if (t.length < 2) t = before.length ? before : original.trim();
  return t.slice(0, 300);
}

function cutTrailingPlace(t: string, places: string[]): string {
  const m = LOCATION_TAIL.exec(t);
  if (!m) return t;
  const tail = m[0].replace(/^\s*(?:[-–|,]|\bin\b|\bbased\s+in\b)\s*/i, '').toLowerCase();
  const known = places.some((p) => {
    const pl = p.toLowerCase().trim();
    return pl.length > 1 && (tail === pl || pl.startsWith(tail) || pl.split(',').some((seg) => seg.trim() === tail));
  });
  return known ? t.slice(0, m.index) : t;
}

/** Mostly capitals, more than one word: "CARE ASSISTANT - NIGHTS". Acronyms alone (HGV, CNC) are fine. */
function isShouting(t: string): boolean {
  const letters = t.replace(/[^A-Za-z]/g, '');
  if (letters.length < 8) return false;
  const upper = letters.replace(/[^A-Z]/g, '').length;
  const words = t.split(/\s+/).filter((w) => /[A-Za-z]{4,}/.test(w));
  return upper / letters.length > 0.8 && words.length >= 2;
}

const KEEP_UPPER = new Set(['HGV', 'LGV', 'PCV', 'CNC', 'HR', 'IT', 'NHS', 'UK', 'GP', 'SEN', 'SENCO', 'CSCS', 'SIA', 'DBS', 'PA', 'CEO', 'CFO', 'CTO', 'QA', 'QS', 'RGN', 'RMN', 'HCA', 'SQL', 'AWS', 'PHP', 'UX', 'UI', 'BI', 'CAD', 'MEP', 'HSE', 'EYFS', 'TA', 'MOT', 'FLT', 'C+E', 'I', 'II', 'III', 'IV', 'B2B', 'B2C', 'PR', 'ICT', 'KS1', 'KS2', 'KS3', 'KS4', 'SQE', 'ACCA', 'CIMA', 'AAT', 'CIPD', 'VAT', 'PAYE', 'NVQ', 'SLT', 'ITU', 'ICU', 'A&E', 'OT']);
const SMALL = new Set(['and', 'or', 'of', 'the', 'in', 'on', 'at', 'to', 'for', 'a', 'an', 'with', 'upon']);

function toTitleCase(t: string): string {
  return t
    .split(/(\s+|\/|-)/)
    .map((w, i) => {
      if (!/[A-Za-z]/.test(w)) return w;
      if (KEEP_UPPER.has(w.toUpperCase()) && w === w.toUpperCase()) return w;
      // Short words without vowels are acronyms (RNLD, MSK, PMHP).
      if (w.length <= 5 && !/[AEIOU]/i.test(w)) return w.toUpperCase();
      const lower = w.toLowerCase();
      if (i > 0 && SMALL.has(lower)) return lower;
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('');
}
