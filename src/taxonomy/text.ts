/**
 * Text normalisation shared by everything that matches taxonomy labels
 * against free text (skill spotter, occupation classifier, SOC coding index):
 * both sides go through the same tokeniser and stemmer, so "Managing
 * budgets" meets the label "manage budget".
 */

export interface Token {
  /** Lower-cased, lightly stemmed form. */
  stem: string;
  /** Offsets into the original text, end exclusive. */
  start: number;
  end: number;
}

const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 200_000;

/**
 * A deliberately light stemmer: plural -s/-es/-ies, -ing, and a final -e,
 * so "drive", "drives", "driving" share "driv" and "care", "cares",
 * "caring" share "care". It never merges -er/-or with the verb: "driver"
 * is not "driving".
 */
export function stemWord(raw: string): string {
  const cached = stemCache.get(raw);
  if (cached !== undefined) return cached;
  let w = raw.toLowerCase().replace(/['’]/g, '');
  // British and American spellings meet: organize → organise, advisor → adviser.
  if (w.length > 5) w = w.replace(/iz(e|es|ed|er|ers|ing|ation|ations)$/, 'is$1').replace(/isor(s?)$/, 'iser$1');
  if (/[^a-z]/.test(w) || w.length <= 3) {
    w = foldAccents(w);
  } else {
    if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
    else if (w.endsWith('sses')) w = w.slice(0, -2);
    else if (/(?:ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
    else if (w.endsWith('s') && !/(?:ss|us|is|ous)$/.test(w)) w = w.slice(0, -1);
    if (w.endsWith('ing') && w.length >= 6) {
      w = w.slice(0, -3);
      // running → run (but filling → fill); caring → care, coding → code
      if (/([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1);
      else if (w.length === 3 && /^[^aeiou][aeiou][^aeiouwxy]$/.test(w)) w = `${w}e`;
    }
    // drive → driv (= driving), but care stays care (not car)
    if (w.endsWith('e') && w.length > 4 && !w.endsWith('ee')) w = w.slice(0, -1);
  }
  if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
  stemCache.set(raw, w);
  return w;
}

function foldAccents(w: string): string {
  return /[^\x00-\x7f]/.test(w) ? w.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : w;
}

/** Word spans of `text`: parallel arrays, no per-token objects (the skill spotter's hot path). */
export interface WordSpans {
  words: string[];
  starts: number[];
  ends: number[];
}

function isWordCodeSlow(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // Latin-1 letters onwards, up to (not including) general punctuation; skip × and ÷.
  return c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7;
}
// One byte per UTF-16 code unit: a table read is a quarter cheaper than the comparisons in the word scans.
const WORD_CODES = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) WORD_CODES[c] = isWordCodeSlow(c) ? 1 : 0;

/** Whether a UTF-16 code unit is part of a word: ASCII letters and digits, and letters from Latin-1 on. */
export function isWordCode(c: number): boolean {
  return WORD_CODES[c] === 1;
}

/**
 * The end (exclusive) of the word starting at `start` (a word code), looking
 * no further than `limit`. Words are runs of letters/digits; an apostrophe
 * between letters is kept ("driver's", then dropped by the stemmer); "c++",
 * "c#" and "f#" keep their suffix because they are skill names. Every word
 * scanner (scanWords, Lexicon.scan) cuts words here.
 */
export function wordEnd(text: string, start: number, limit: number): number {
  let i = start + 1;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (isWordCode(c)) i++;
    else if ((c === 39 || c === 0x2019) && i + 1 < limit && isWordCode(text.charCodeAt(i + 1))) i += 2;
    else break;
  }
  if (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 43 && i + 1 < limit && text.charCodeAt(i + 1) === 43) i += 2;
    else if (c === 35) i++;
  }
  return i;
}

/** Every word of `text` with its offsets. A hand-written scanner: about five times faster than a Unicode regex on advert-length text. */
export function scanWords(text: string): WordSpans {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    i = wordEnd(text, start, n);
    words.push(text.slice(start, i));
    starts.push(start);
    ends.push(i);
  }
  return { words, starts, ends };
}

/** Tokens of `text` with their offsets. Never throws. */
export function tokenise(text: string): Token[] {
  const { words, starts, ends } = scanWords(text);
  const out: Token[] = new Array(words.length);
  for (let k = 0; k < words.length; k++) out[k] = { stem: stemWord(words[k]!), start: starts[k]!, end: ends[k]! };
  return out;
}

/** Stems only, for labels and titles. */
export function stems(text: string): string[] {
  return scanWords(text).words.map(stemWord);
}

/** The lookup key of a title or label: its stems joined by single spaces. */
export function normaliseKey(text: string): string {
  return stems(text).join(' ');
}

/** Words that carry no evidence on their own (a one-word label made of one of these is dropped). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and or the of to in on at for with by from as is are be been being it its this that these those ' +
    'we you they our your their he she his her i me my us them not no nor but if then than so such can could ' +
    'will would should may might must shall do does did done have has had having get got make made use used ' +
    'about above after again all also any both each few more most other some very just only own same too ' +
    'new good great well high key one two three first last full part time day week year role job jobs work ' +
    'working team people person company business service services support help new based within across ' +
    'experience experienced skill skills ability able knowledge understanding level levels area areas ' +
    'opportunity opportunities candidate candidates apply application applications salary benefit benefits ' +
    'local free open general various related relevant including include includes per plus via etc'
  )
    .split(/\s+/)
    .filter(Boolean)
    .map(stemWord),
);
