import { decodeEntities } from './text.ts';

/**
 * Job titles carry noise that hurts search and classification: "URGENT",
 * "NEW!", reference numbers, "(m/f/d)", a trailing location or salary, and
 * titles typed in capitals. The original is kept beside the cleaned one.
 */

const NOISE_WORDS =
  /\b(?:urgent(?:ly)?(?:\s+(?:required|needed|requirement))?|immediate\s+start|start\s+asap|asap|new!?|hiring(?:\s+now)?|now\s+hiring|apply\s+now|hot\s+job|job\s+of\s+the\s+week|featured|sign[- ]on\s+bonus)\b[!:]*/gi;
const GENDER_TAG = /\(\s*(?:m|f|w|d|x|h|all\s+genders?)(?:\s*\/\s*(?:m|f|w|d|x|h|div|i))+\s*\)|\b(?:m|f|w)\/(?:m|f|w)\/(?:d|x|div)\b/gi;
const REFERENCE =
  /\s*[([]?\s*(?:ref(?:erence)?|job\s*(?:id|ref|no)|vacancy\s*(?:no|ref|id)|req(?:uisition)?(?:\s*id)?)\s*(?:no\.?|number|#)?\s*[:.#-]?\s*[A-Z0-9][A-Z0-9/_.-]{1,24}\s*[)\]]?/gi;
const TRAILING_CODE = /\s*[-–|,]?\s*[([]?\s*[A-Z]{0,4}\d{4,}[A-Z0-9/-]*\s*[)\]]?\s*$/;
const SALARY_TAIL = /\s*(?:[-–|,(]|\bup\s+to\b)\s*(?:up\s+to\s+)?[£$€]\s*\d[\d,.]*\s*k?(?:\s*[-–]\s*[£$€]?\s*\d[\d,.]*\s*k?)?[^)]*\)?\s*$/i;
const SALARY_ANYWHERE = /\s*[£$€]\s*\d[\d,.]*\s*k?(?:\s*(?:[-–]|to)\s*[£$€]?\s*\d[\d,.]*\s*k?)?(?:\s*(?:per|p\/?|\/)\s*(?:annum|year|hour|day|week|month|hr|h|a|d))?(?:\s*\+\s*(?:benefits|bonus|car|ote))*/gi;
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
  t = t.replace(/^[\s!*:|–-]+/, '').replace(/[\s!*|–-]+$/, '');
  t = t.replace(REFERENCE, ' ');
  t = t.replace(TRAILING_CODE, '');
  t = t.replace(SALARY_TAIL, '');
  t = t.replace(SALARY_ANYWHERE, ' ');
  t = cutTrailingPlace(t, opts.places ?? []);
  t = t.replace(/\(\s*\)|\[\s*\]/g, ' ').replace(/\s+/g, ' ').replace(/^[\s,|–:-]+|[\s,|–:(-]+$/g, '').trim();
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
    return pl.length > 1 && (tail === pl || tail.startsWith(pl.split(',')[0]!.trim()) || pl.startsWith(tail));
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
      const lower = w.toLowerCase();
      if (i > 0 && SMALL.has(lower)) return lower;
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('');
}
