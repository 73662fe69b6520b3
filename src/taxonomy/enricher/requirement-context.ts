/**
 * Whether a place in an advert is something the employer requires or merely
 * mentions. Adverts say it two ways: by section ("Essential criteria:",
 * "Requirements", "Desirable") and by sentence ("must have", "would be an
 * advantage"). A sentence cue beats its section; a desirable cue beats a
 * required one ("desirable but not essential" is common).
 *
 * Lazy (the spotter's hot path): lines are split and checked for headings
 * only as far as the last offset asked, and sentences only examined where a
 * skill was actually found.
 */

const DESIRABLE =
  /\b(desirable|desired|nice to have|nice-to-have|would be (?:an? )?(?:advantage|plus|bonus|beneficial|desirable|helpful|useful)|advantageous|an advantage|a plus|preferred|preferable|ideally|bonus|beneficial|not essential|not required|not necessary|welcome|helpful)\b/i;
const REQUIRED_HEADING =
  /\b(essential|requirements?|required|must[- ]haves?|you will need|you'll need|you will have|you'll have|what you(?:'ll)? need|what you will need|what we(?:'re| are) looking for|person specification|qualifications|criteria|skills (?:and|&) experience|experience (?:and|&) skills|about you|the ideal candidate|who we(?:'re| are) looking for|you should have|key skills)\b/i;
const NEUTRAL_HEADING =
  /\b(about (?:us|the company|the role|the job|the team|the organisation|the organization)|benefits|what we offer|we offer|why join|why work|responsibilities|duties|the role|job description|job summary|main purpose|purpose of the role|key tasks|your day|day to day|package|perks|rewards?|how to apply|our values|overview|what you(?:'ll| will) do|about this role|working hours)\b/i;
const ANY_HEADING = new RegExp([DESIRABLE, REQUIRED_HEADING, NEUTRAL_HEADING].map((re) => `(?:${re.source})`).join('|'), 'i');
const REQUIRED_SENTENCE =
  /\b(must|essential|required|requirement|you will need|you'll need|need to have|needs to have|is a must|mandatory|necessary|you will have|you'll have|you should have|we need|demonstrable|proven)\b/i;
/**
 * Both sentence cues in one scan, desirable first (so it wins where both start at one place): most
 * sentences hold neither, and one scan of the two lists together costs much less than the two scans.
 * Group 1 is a desirable cue, group 2 a required one.
 */
const SENTENCE_CUE = new RegExp(`\\b(?:${DESIRABLE.source.slice(2, -2)}|${REQUIRED_SENTENCE.source.slice(2, -2)})\\b`, 'i');
/** DESIRABLE from a given offset on (lastIndex), with \b read against the whole sentence. */
const DESIRABLE_FROM = new RegExp(DESIRABLE.source, 'gi');

type Section = 'required' | 'desirable' | 'neutral';

interface Line {
  start: number;
  end: number;
  section: Section;
  /** Where the line's own content starts (after "Essential:"); a heading line belongs to its new section. */
  contentStart: number;
}

/**
 * A line that opens a section: short, and either ends with a colon or is a
 * known heading. "Essential: NVQ 2" opens the essential section and its
 * content "NVQ 2" belongs to it.
 */
function headingOf(text: string, start: number, end: number): { section: Section; colon: number } | null {
  const len = end - start;
  // The first colon within the line's first 61 characters (indexOf would run on to the text's next colon, line after line).
  let colon = -1;
  for (let i = start, stop = Math.min(end, start + 61); i < stop; i++) {
    if (text.charCodeAt(i) === 58) {
      colon = i;
      break;
    }
  }
  if (colon < 0 && len > 80) return null;
  const head = text.slice(start, colon >= 0 ? colon : end).trim();
  if (!head) return null;
  if (colon < 0 && (head.length > 60 || endsSentence(head) || wordCount(head) > 8)) return null;
  // Most short lines are no heading: one scan of the three cue lists together rules them out.
  if (!ANY_HEADING.test(head)) return null;
  if (DESIRABLE.test(head)) return { section: 'desirable', colon };
  if (REQUIRED_HEADING.test(head)) return { section: 'required', colon };
  if (NEUTRAL_HEADING.test(head)) return { section: 'neutral', colon };
  return null;
}

/** Lines with their sections, split only as far as asked: skills past the last one asked cost nothing. */
class LineSplitter {
  readonly lines: Line[] = [];
  private next = 0;
  private section: Section = 'neutral';

  constructor(private readonly text: string) {}

  /** Splits until the line holding `offset` (or the text's end) is known. */
  through(offset: number): void {
    const { text, lines } = this;
    const n = text.length;
    while (this.next <= n && (lines.length === 0 || lines[lines.length - 1]!.end < offset)) {
      const start = this.next;
      let end = text.indexOf('\n', start);
      if (end < 0) end = n;
      const h = headingOf(text, start, end);
      if (h) this.section = h.section;
      lines.push({ start, end, section: this.section, contentStart: h && h.colon >= 0 ? h.colon + 1 : start });
      this.next = end + 1;
    }
  }
}

function endsSentence(s: string): boolean {
  const c = s.charCodeAt(s.length - 1);
  return c === 46 || c === 33 || c === 63; // . ! ?
}

/** Words of a trimmed string separated by spaces, tabs or line breaks, without splitting it. */
function wordCount(s: string): number {
  let n = 1;
  for (let i = 1; i < s.length; i++) if (isSpace(s.charCodeAt(i)) && !isSpace(s.charCodeAt(i - 1))) n++;
  return n;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
}

const SENTENCE_END_CHARS = ['.', '!', '?', ';'];

/**
 * The next offset of each sentence-ending character (. ! ? ;) in one text,
 * found with indexOf and remembered: the native search skips the text between
 * stops several times faster than reading every character (this ran over every
 * line that holds a skill, ~15 µs an advert), and remembering where each
 * character comes next keeps a rare one ('!') from being searched for to the
 * text's end once per line.
 */
class SentenceStops {
  private readonly at = [0, 0, 0, 0];
  private readonly searchedFrom = [Infinity, Infinity, Infinity, Infinity];

  constructor(private readonly text: string) {}

  /** text.indexOf(SENTENCE_END_CHARS[k], from). */
  next(k: number, from: number): number {
    const at = this.at[k]!;
    // indexOf(c, f) is the same answer for every f from where it was searched up to what it found.
    if (this.searchedFrom[k]! <= from && (at < 0 || at >= from)) return at;
    this.searchedFrom[k] = from;
    return (this.at[k] = this.text.indexOf(SENTENCE_END_CHARS[k]!, from));
  }
}

/** Sentence start offsets within [from, end): after each . ! ? ; that a space follows, ascending. */
function sentenceStarts(text: string, stops: SentenceStops, from: number, end: number): number[] {
  const starts = [from];
  const last = end - 1;
  let i = from;
  for (;;) {
    // The nearest stop of the four at or after i.
    let best = -1;
    for (let k = 0; k < SENTENCE_END_CHARS.length; k++) {
      const at = stops.next(k, i);
      if (at >= 0 && at < last && (best < 0 || at < best)) best = at;
    }
    if (best < 0) break;
    if (isSpace(text.charCodeAt(best + 1))) starts.push(best + 1);
    i = best + 1;
  }
  return starts;
}

/**
 * A lookup `offset → required?` for one text. Ask in increasing offsets
 * (matches come in order); earlier offsets still work, just slower.
 */
export function createRequiredLookup(text: string): (offset: number) => boolean {
  const splitter = new LineSplitter(text);
  const lines = splitter.lines;
  let li = 0;
  const stops = new SentenceStops(text);
  const sentencesOfLine = new Map<number, number[]>();
  const verdicts = new Map<number, boolean>();
  return (offset) => {
    splitter.through(offset);
    if (li >= lines.length || lines[li]!.start > offset) li = 0;
    while (li < lines.length - 1 && lines[li]!.end < offset) li++;
    const line = lines[li]!;
    const from = Math.min(Math.max(line.contentStart, line.start), line.end);
    let starts = sentencesOfLine.get(li);
    if (!starts) sentencesOfLine.set(li, (starts = sentenceStarts(text, stops, from, line.end)));
    // The last sentence start at or before `offset` (binary search).
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const s = starts[lo]!;
    const cached = verdicts.get(s);
    if (cached !== undefined) return cached;
    const e = lo + 1 < starts.length ? starts[lo + 1]! : line.end;
    const sentence = text.slice(s, e);
    // As "a desirable cue anywhere → no; else a required cue → yes; else the section decides". The first
    // cue found, when required, starts before every desirable cue: only the rest can still hold one.
    let required: boolean;
    const cue = SENTENCE_CUE.exec(sentence);
    if (!cue) required = line.section === 'required';
    else if (cue[1] !== undefined) required = false;
    else {
      DESIRABLE_FROM.lastIndex = cue.index + 1;
      required = !DESIRABLE_FROM.test(sentence);
    }
    verdicts.set(s, required);
    return required;
  };
}
