/**
 * Words around a place name that say how or where in the company someone
 * works, not where: "San Francisco-Hybrid", "Montreal HQ", "London (Remote)",
 * "Leeds | Remote", "Bristol - On-site", "*HQ". Taken off before a name is
 * looked up; what is left may be empty ("Headquarters"), which names no place.
 */
const WORK_MODE = String.raw`(?:fully\s+|100%\s+)?(?:remote|hybrid|on[- ]?site|in[- ]office|office[- ]based|home[- ]based|wfh)(?:\s+(?:available|possible|option(?:al)?|working|first|friendly|eligible))?`;
const WORKPLACE = String.raw`(?:hq|headquarters|head\s+office|main\s+office|office|offices)`;
const EDGE = String.raw`[\s,;:|()/*–—-]`;

const WORK_MODE_RE = new RegExp(`(^|${EDGE}+)${WORK_MODE}(?=$|${EDGE})`, 'gi');
const WORKPLACE_TAIL_RE = new RegExp(`(^|${EDGE}+)${WORKPLACE}${EDGE}*$`, 'i');
const WORKPLACE_ALONE_RE = new RegExp(`^${EDGE}*${WORKPLACE}${EDGE}*$`, 'i');
const EMPTY_PARENS_RE = /\(\s*[-–,;|/]*\s*\)/g;
const TRIM_RE = /^[\s,;:|/*()–—-]+|[\s,;:|/*()–—-]+$/g;

export function stripPlaceNoise(text: string): string {
  let out = text.replace(WORK_MODE_RE, ' ').replace(EMPTY_PARENS_RE, ' ');
  if (WORKPLACE_ALONE_RE.test(out)) return '';
  out = out.replace(TRIM_RE, '');
  // Only a trailing "Office"/"HQ" ("Montreal HQ", "London Office"): "Office Park, Leeds" keeps its words.
  out = out.replace(WORKPLACE_TAIL_RE, '$1').replace(TRIM_RE, '');
  return out.replace(/\s+/g, ' ').trim();
}
