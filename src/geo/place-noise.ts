/**
 * The words in a location string that are not a place: how someone works
 * ("London (Remote)", "San Francisco-Hybrid", "Leeds | Remote", "Bristol -
 * On-site", "NYC Hybrid Available", "work from home"), a bracket about it
 * ("(Hybrid - 3 days in office)"), a lead-in ("Based in Leeds", "Location:
 * York", "Office in Manchester") and a workplace after the name ("Montreal
 * HQ", "San Francisco Office (HQ)", "*HQ"). The one place these words are
 * listed: the normaliser takes them off before splitting a location into
 * places, the geocoder before looking a name up. What is left may be empty
 * ("Headquarters", "Remote"), which names no place. Whether the work is
 * remote is a separate question (normalise/location.ts parseRemote).
 */
const WORK_MODE = [
  String.raw`(?:fully\s+|100%\s+)?remote(?:ly)?`,
  'hybrid',
  String.raw`on[- ]?site`,
  String.raw`in[- ]office`,
  String.raw`(?:office|home|site|field)[- ]based`,
  String.raw`home[- ]working`,
  'wfh',
  String.raw`work(?:ing)?\s+from\s+home`,
  'telecommute',
  'distributed',
  'virtual',
  'anywhere',
  String.raw`flexible\s+working\s+location`,
  String.raw`split\s+between\s+home\s+and\s+office`,
  String.raw`\d\s+days?\s+(?:a|per)\s+week\s+in\s+(?:the\s+)?office`,
].join('|');
/** Words that only qualify a work mode ("Hybrid Available", "Remote first"). */
const WORK_MODE_QUALIFIER = String.raw`(?:\s+(?:available|possible|option(?:al)?|working|first|friendly|eligible))?`;
const WORKPLACE = String.raw`(?:hq|headquarters|head\s+office|main\s+office|office|offices)`;
const EDGE = String.raw`[\s,;:|()/*–—-]`;
/** Not inside a word: "Workington" is not "Working" + "ton", "Remoteville" is not "Remote". */
const WORD_START = '(?<![A-Za-z0-9])';
const WORD_END = '(?![A-Za-z0-9])';

/** A bracket that talks about how or where in the company one works: "(Remote within UK)", "(Head Office)", "(Home Counties)" too. */
const WORK_MODE_PARENS_RE = /\([^()]*\b(?:remote|hybrid|home|office)\b[^()]*\)/gi;
const WORK_MODE_RE = new RegExp(`(^|${EDGE}+|${WORD_START})(?:${WORK_MODE})${WORK_MODE_QUALIFIER}${WORD_END}`, 'gi');
/**
 * "Based in", "Working from", "Location:", "Job location -", "Place of work:";
 * "Office in", "Site:", "Work at" only with their preposition or colon ("Office Park" is a name).
 */
const LEAD_IN_RE = new RegExp(
  '^(?:' +
    String.raw`(?:(?:job|work|office)\s+)?(?:based|working|located|location|locations|place\s+of\s+work|workplace)${WORD_END}\s*(?:(?:in|at|from|near)${WORD_END})?\s*[:\-–]?\s*` +
    String.raw`|(?:work|office|site)\s*(?:(?:in|at|from|near)${WORD_END}\s*[:\-–]?|[:\-–])\s*` +
    String.raw`|(?:area|region|town|city|address)\s*[:\-–]\s*` +
    ')+',
  'i',
);
/** A workplace before the name, set off by a separator: "*HQ - San Francisco", "Head Office: Leeds". */
const WORKPLACE_HEAD_RE = /^(?:hq|headquarters|head\s+office|main\s+office)\s*[:|–—-]\s*/i;
/** The separators either side of a removed word ("Leeds - Remote - York"): one is kept, so the places stay apart. */
const DOUBLED_SEPARATOR_RE = /(\s*([|/;,–—-])\s*)(?:\2\s*)+/g;
const BARE_PREPOSITION_RE = /^(?:in|at|from|near)\s+/i;
const WORKPLACE_TAIL_RE = new RegExp(`(^|${EDGE}+)${WORKPLACE}${EDGE}*$`, 'i');
const WORKPLACE_ALONE_RE = new RegExp(`^${EDGE}*${WORKPLACE}${EDGE}*$`, 'i');
const EMPTY_PARENS_RE = /\(\s*[-–,;|/]*\s*\)/g;
const TRIM_RE = /^[\s,;:|/*()–—-]+|[\s,;:|/*()–—-]+$/g;

export function stripPlaceNoise(text: string): string {
  // The separator before a work mode stays ("Orange County HQ / Remote Considered" is still two parts).
  let out = text.replace(WORK_MODE_PARENS_RE, ' ').replace(WORK_MODE_RE, '$1 ').replace(EMPTY_PARENS_RE, ' ').replace(DOUBLED_SEPARATOR_RE, (_, _run, sep: string) => (sep === ',' || sep === ';' ? `${sep} ` : ` ${sep} `));
  if (WORKPLACE_ALONE_RE.test(out)) return '';
  out = out.replace(TRIM_RE, '').replace(WORKPLACE_HEAD_RE, '').replace(LEAD_IN_RE, '').replace(BARE_PREPOSITION_RE, '').replace(TRIM_RE, '');
  // Only trailing "Office"/"HQ" ("Montreal HQ", "San Francisco Office (HQ)"): "Office Park, Leeds" keeps its words.
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(WORKPLACE_TAIL_RE, '$1').replace(TRIM_RE, '');
  }
  return out.replace(/\s+/g, ' ').trim();
}
