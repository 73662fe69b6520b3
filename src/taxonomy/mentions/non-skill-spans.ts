import {
  DOMAIN_AFTER,
  DOMAIN_BEFORE,
  DOMAINS,
  OCCUPATION_HEADS,
  QUALIFICATION_HEADS,
  QUALIFICATION_NAMES,
  QUALIFICATION_STOP,
  TITLE_STOP,
} from './lexicons.ts';
import { isAcronym, isCapitalised, type SentenceSpans } from './sentence-spans.ts';

/**
 * The four kinds of span a skill spotter mistakes for skills, found first so
 * that the words inside them are never read as skills: experience lengths,
 * qualifications and licences, job titles, and domains (areas of industry).
 */

const NUMBER = String.raw`(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)`;
const EXPERIENCE = new RegExp(
  String.raw`\b(?:(?:at least|minimum of|minimum|over|up to|around|approximately)\s+)?${NUMBER}\s*\+?(?:\s*(?:to|-|–)\s*${NUMBER})?\s*(?:years?|yrs?|months?)['’]?` +
    String.raw`(?:\s+of)?(?:\s+(?:relevant|commercial|professional|proven|post-registration|previous|practical|hands-on|industry|paid))*\s+(?:experience|PQE)\b`,
  'gi',
);

/** "At least 6 months experience", "2+ years of professional experience", "3 years PQE". */
export function markExperience(s: SentenceSpans, text: string): void {
  const t = s.tokens;
  if (t.length === 0) return;
  const base = t[0]!.start;
  const slice = text.slice(base, t[t.length - 1]!.end);
  for (const m of slice.matchAll(EXPERIENCE)) {
    const start = base + m.index;
    const end = start + m[0].length;
    const from = t.findIndex((x) => x.start >= start);
    let to = -1;
    for (let k = t.length - 1; k >= 0; k--) if (t[k]!.end <= end) { to = k; break; }
    if (from >= 0 && to >= from && s.free(from, to)) s.claim({ kind: 'experience', from, to, confidence: 0.9, source: 'experience-pattern' });
  }
}

function isQualificationHead(s: SentenceSpans, k: number): boolean {
  const t = s.tokens;
  const x = t[k]!;
  const prev = k > 0 ? t[k - 1]! : null;
  if (QUALIFICATION_NAMES.has(x.text)) return true;
  if (QUALIFICATION_HEADS.has(x.stem)) {
    // "Registration Administrator" is a title, not a registration.
    const next = t[k + 1];
    if (isCapitalised(x) && next && isCapitalised(next) && OCCUPATION_HEADS.has(next.stem)) return false;
    return true;
  }
  if (!prev) return false;
  if ((x.lower === 'qualified' || x.lower === 'registered') && (isAcronym(prev) || prev.pos === 'NUM')) return true;
  if (x.lower === 'check' && prev.text === 'DBS') return true;
  if (x.lower === 'status' && prev.lower === 'chartered') return true;
  if (x.lower === 'served' && prev.lower === 'time') return true;
  if (x.lower === 'edition' && /^\d+(?:st|nd|rd|th)$/.test(prev.lower)) return true;
  return false;
}

/** Words a qualification's name is made of, left of its head: "full UK driving", "Level 2 Food Hygiene", "SIA Door Supervisor". */
function qualificationWord(s: SentenceSpans, k: number): boolean {
  const x = s.tokens[k]!;
  if (QUALIFICATION_STOP.has(x.stem)) return false;
  if (['DET', 'PRON', 'ADP', 'AUX', 'SCONJ', 'PUNCT', 'CCONJ', 'PART'].includes(x.pos)) {
    if (x.text === '-') return true;
    // "PA1 and PA2 spraying certificate"
    return x.lower === 'and' && k > 0 && /\d/.test(s.tokens[k - 1]!.text) && /\d/.test(s.tokens[k + 1]?.text ?? '');
  }
  if (isCapitalised(x) || x.pos === 'NUM') return true;
  if (x.pos === 'NOUN' || x.pos === 'ADJ' || x.pos === 'PROPN') return true;
  return x.pos === 'VERB' && x.lower.endsWith('ing');
}

/** "NVQ Level 3 in Health and Social Care", "a full UK driving licence", "CIMA qualified", "Enhanced DBS check". */
export function markQualifications(s: SentenceSpans): void {
  const t = s.tokens;
  // Right to left, so a name left of a head ("IOSH … certificate") is absorbed into it, not a span of its own.
  for (let k = t.length - 1; k >= 0; k--) {
    if (s.owner[k] || !isQualificationHead(s, k)) continue;
    let from = k;
    while (from > 0 && !s.owner[from - 1] && qualificationWord(s, from - 1)) from--;
    while (from < k && (t[from]!.pos === 'CCONJ' || t[from]!.text === '-')) from++;
    let to = k;
    // "NVQ Level 3", "Level 2 Award"
    while (to + 1 < t.length && !s.owner[to + 1] && (t[to + 1]!.lower === 'level' || (t[to]!.lower === 'level' && t[to + 1]!.pos === 'NUM'))) to++;
    // "… in Health and Social Care", "degree in Physiotherapy", "apprenticeship in electrical or mechanical engineering"
    const nextWord = t[to + 1];
    if (nextWord && (nextWord.lower === 'in' || nextWord.lower === 'of') && !['licence', 'license', 'card', 'check', 'registration'].includes(t[k]!.lower)) {
      let j = to + 2;
      let last = -1;
      while (j < t.length && !s.owner[j]) {
        const x = t[j]!;
        if (x.pos === 'NOUN' || x.pos === 'PROPN' || x.pos === 'ADJ' || (x.pos === 'NUM' && last >= 0)) {
          last = j;
          j++;
          continue;
        }
        if ((x.lower === 'and' || x.lower === 'or' || x.text === '&') && last >= 0) {
          // Stop before a second qualification ("degree in Social Work and Social Work England registration").
          let e = j + 1;
          while (e < t.length && ['NOUN', 'PROPN', 'ADJ'].includes(t[e]!.pos)) e++;
          let another = false;
          for (let q = j + 1; q < e; q++) if (isQualificationHead(s, q)) another = true;
          if (another || e === j + 1) break;
          j++;
          continue;
        }
        break;
      }
      if (last > to + 1) to = last;
    }
    if (s.free(from, to)) s.claim({ kind: 'qualification', from, to, confidence: 0.85, source: 'qualification-head' });
  }
}

/** Job titles: a run of capitalised words ending in an occupation head ("Senior PHP Developer", "Chef de Partie", "Head of Finance"). */
export function markOccupations(s: SentenceSpans): void {
  const t = s.tokens;
  for (let k = t.length - 1; k >= 0; k--) {
    const x = t[k]!;
    if (s.owner[k] || !OCCUPATION_HEADS.has(x.stem)) continue;
    const capital = isCapitalised(x);
    if (!capital) {
      // "an engineer with a background in rail": a lone lower-case head after a/an, heading its own noun phrase.
      const prev = t[k - 1];
      const next = t[k + 1];
      if (!(prev && (prev.lower === 'a' || prev.lower === 'an') && (!next || !['NOUN', 'PROPN'].includes(next.pos)) && !/s$/.test(x.lower))) continue;
      s.claim({ kind: 'occupation', from: k, to: k, confidence: 0.6, source: 'occupation-head' });
      continue;
    }
    if (k === 0 && t.length > 1 && !['NOUN', 'PROPN'].includes(x.pos)) continue;
    let from = k;
    while (from > 0 && !s.owner[from - 1]) {
      const p = t[from - 1]!;
      if (isCapitalised(p) && !TITLE_STOP.has(p.stem) && p.pos !== 'PRON' && p.pos !== 'DET') from--;
      else if (p.pos === 'NUM' && from >= 2 && isCapitalised(t[from - 2]!)) from--;
      else if (['and', '&', 'of', 'de', '-', '/'].includes(p.lower) && from >= 2 && isCapitalised(t[from - 2]!) && !TITLE_STOP.has(t[from - 2]!.stem)) from--;
      else break;
    }
    while (from < k && ['and', '&', 'of', 'de', '-', '/'].includes(t[from]!.lower)) from++;
    let to = k;
    // "Teacher of Mathematics", "Lecturer in Business", "Head of Finance"
    if (t[k + 1] && ['of', 'in', 'de'].includes(t[k + 1]!.lower) && t[k + 2] && isCapitalised(t[k + 2]!) && !s.owner[k + 2]) {
      to = k + 2;
      while (to + 1 < t.length && isCapitalised(t[to + 1]!) && !s.owner[to + 1]) to++;
    }
    // A sentence-initial capital alone ("Staff will…") is too weak.
    if (from === to && from === 0) continue;
    if (s.free(from, to)) s.claim({ kind: 'occupation', from, to, confidence: from < to ? 0.85 : 0.7, source: 'occupation-head' });
  }
}

const NP_POS = new Set(['NOUN', 'PROPN', 'ADJ']);

/** Areas of industry named as such: "in retail", "the oil and gas industry", "a growing fintech company". */
export function markDomains(s: SentenceSpans): void {
  const t = s.tokens;
  for (let i = 0; i < t.length; i++) {
    if (s.owner[i]) continue;
    const len = DOMAINS.longest((k) => (s.owner[k] ? undefined : t[k]?.stem), i);
    if (len === 0) continue;
    const best = i + len - 1;
    const prev = t[i - 1];
    const next = t[best + 1];
    const prevDomain = prev && ['and', 'or'].includes(prev.lower) && s.owner[i - 2]?.kind === 'domain';
    const before = prev && (DOMAIN_BEFORE.has(prev.stem) || (prev.pos === 'DET' && t[i - 2] && DOMAIN_BEFORE.has(t[i - 2]!.stem)));
    const after = next && DOMAIN_AFTER.has(next.stem);
    // Part of a longer noun phrase ("wound care", "IT skills"): not a domain.
    if (prev && NP_POS.has(prev.pos) && !before && !prevDomain) continue;
    if (next && ['NOUN', 'PROPN'].includes(next.pos) && !after) continue;
    if (!(before || after || prevDomain)) continue;
    s.claim({ kind: 'domain', from: i, to: best, confidence: after ? 0.8 : 0.65, source: 'domain-lexicon' });
    i = best;
  }
}
