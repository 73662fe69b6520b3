import type { Requirement, RequirementKind } from '../model.ts';
import { isJsSpace } from './text.ts';

/**
 * Hard requirements a participant either meets or does not: licences,
 * checks, cards, right to work. Each comes with the sentence that evidences
 * it. Negations are respected: "no driving licence required" adds nothing.
 *
 * Visa sponsorship is modelled as a fact about the employer, not a demand on
 * the applicant: `visa_sponsorship` with detail "offered" or "not_offered".
 * "Not offered" also implies the applicant needs the right to work already,
 * so it adds `right_to_work` (detail "required") when the advert did not say so.
 */

interface Rule {
  kind: RequirementKind;
  re: RegExp;
  detail?: (m: RegExpExecArray, sentence: string) => string | null;
}

const NEGATION = /\b(?:no|not|without|don'?t|doesn'?t|do\s+not|does\s+not|isn'?t|is\s+not|unable|cannot|can'?t|never|non)\b[^.;\n]{0,40}$/i;
const NOT_REQUIRED_AFTER = /^[^.;\n]{0,30}\b(?:not\s+(?:required|essential|necessary|needed)|is\s+not\s+required|not\s+a\s+requirement)\b/i;

function licenceCategory(_m: RegExpExecArray, s: string): string | null {
  const t = s.replace(/\s+/g, ' ');
  if (/\b(?:c\s*\+\s*e|ce|class\s*1|cat(?:egory)?\s*c\s*\+?\s*e|hgv\s*1|lgv\s*1)\b/i.test(t)) return 'C+E';
  if (/\b(?:d1)\b/i.test(t)) return 'D1';
  if (/\b(?:pcv|cat(?:egory)?\s*d|class\s*d)\b/i.test(t)) return 'D';
  if (/\b(?:c1|7\.5\s*t(?:onne)?)\b/i.test(t)) return 'C1';
  if (/\b(?:class\s*2|cat(?:egory)?\s*c\b|hgv\s*2|lgv\s*2|c\s+licence)\b/i.test(t)) return 'C';
  if (/\b(?:hgv|lgv)\b/i.test(t)) return 'C';
  if (/\b(?:cat(?:egory)?\s*b|b\s+licence|car\s+licence|full\s+(?:uk\s+)?(?:manual\s+)?(?:driving\s+)?licen[cs]e|clean\s+(?:uk\s+)?driving)\b/i.test(t)) return 'B';
  return null;
}

const RULES: Rule[] = [
  {
    kind: 'driving_licence',
    re: /\b(?:driving\s+licen[cs]e|driver'?s\s+licen[cs]e|(?:hgv|lgv|pcv)\s*(?:class\s*[12]|[12]|c\s*\+\s*e|ce)?\s*(?:licen[cs]e|driver)?|class\s*[12]\s+(?:licen[cs]e|driver)|cat(?:egory)?\s*(?:c\s*\+\s*e|c1|c|d1|d|b)\s+licen[cs]e|(?:c\s*\+\s*e|c1|d1)\s+licen[cs]e|full\s+uk\s+licen[cs]e|clean\s+licen[cs]e)\b/i,
    detail: licenceCategory,
  },
  {
    kind: 'own_vehicle',
    re: /\b(?:own\s+(?:car|vehicle|transport)|access\s+to\s+(?:a\s+)?(?:car|vehicle)|use\s+of\s+(?:a\s+)?(?:car|vehicle)|car\s+owner|car\s+driver\s+with\s+access)\b/i,
  },
  {
    kind: 'dbs',
    re: /\b(?:(?:basic|standard|enhanced)\s+(?:level\s+)?(?:dbs|disclosure|crb)|dbs(?:\s+(?:check|clearance|disclosure|certificate))?|crb\s+check|disclosure\s+and\s+barring|pvg\s+(?:scheme|check|membership)|access\s*ni)\b/i,
    detail: (_m, s) => {
      const lv = /\b(enhanced|standard|basic)\b[^.;\n]{0,30}\b(?:dbs|disclosure|crb|check)/i.exec(s) ?? /\b(?:dbs|disclosure|crb)\b[^.;\n]{0,12}\b(enhanced|standard|basic)\b/i.exec(s);
      if (lv) return lv[1]!.toLowerCase();
      if (/\bpvg\b/i.test(s)) return 'pvg';
      return null;
    },
  },
  { kind: 'cscs', re: /\bcscs(?:\s+card)?\b/i, detail: (_m, s) => /\b(green|blue|gold|black|red|white)\s+cscs|cscs\s+\(?(green|blue|gold|black|red|white)/i.exec(s)?.slice(1).find(Boolean)?.toLowerCase() ?? null },
  {
    kind: 'sia',
    re: /\bsia\b(?:\s+(?:licen[cs]e|badge|licensed|accredited|approved|door\s+supervisor|cctv|security))?/i,
    detail: (_m, s) => {
      if (/door\s+supervis/i.test(s)) return 'door_supervisor';
      if (/\bcctv\b|public\s+space\s+surveillance/i.test(s)) return 'cctv';
      if (/close\s+protection/i.test(s)) return 'close_protection';
      if (/security\s+guard/i.test(s)) return 'security_guarding';
      return null;
    },
  },
  {
    kind: 'forklift',
    re: /\b(?:fork[- ]?lift|flt|counterbalance|reach\s+truck|rtitb|itssar|narrow\s+aisle|vna\s+truck)\b(?:\s+(?:licen[cs]e|certificate|ticket|driver|operator|qualified|experience))?/i,
    detail: (_m, s) => {
      const kinds: string[] = [];
      if (/counter\s*balance/i.test(s)) kinds.push('counterbalance');
      if (/\breach\b/i.test(s)) kinds.push('reach');
      if (/\b(?:vna|very\s+narrow\s+aisle|narrow\s+aisle)\b/i.test(s)) kinds.push('vna');
      if (/\bpallet\s+truck|\bppt\b|\bleo\b/i.test(s)) kinds.push('powered_pallet_truck');
      return kinds.length ? kinds.join(',') : null;
    },
  },
  {
    kind: 'right_to_work',
    re: /\b(?:right\s+to\s+work|eligib(?:le|ility)\s+to\s+work|entitled\s+to\s+work|permission\s+to\s+work|legally\s+(?:able|entitled|allowed)\s+to\s+work|work\s+permit)\b/i,
  },
  {
    kind: 'welsh_language',
    re: /\b(?:welsh\s+(?:language|speak(?:er|ing)|essential|desirable|speaker)|(?:speak|speaking|fluent\s+in|ability\s+to\s+(?:speak|communicate\s+in))\s+welsh|cymraeg|siarad\s+cymraeg)\b/i,
    detail: (_m, s) => (/\bessential\b|\bhanfodol\b/i.test(s) ? 'essential' : /\bdesirable\b|\bdymunol\b|\badvantage\b|\bbeneficial\b/i.test(s) ? 'desirable' : null),
  },
];

// Every rule source starts with \b: factored out in front of the alternation, the engine tests the
// boundary once per position instead of once per rule (same matches, same groups; about half the
// scan time on a 4 KB advert). A future rule without a leading \b falls back to the plain form.
const ALL_RULES_RE = RULES.every((r) => r.re.source.startsWith('\\b'))
  ? new RegExp(`\\b(?:${RULES.map((r) => `(${r.re.source.slice(2)})`).join('|')})`, 'gi')
  : new RegExp(RULES.map((r) => `(${r.re.source})`).join('|'), 'gi');
const RULE_ORDER = RULES.map((r) => r.kind);

const SPONSOR_NOT_OFFERED =
  /\b(?:(?:unable|not\s+able|cannot|can'?t|do\s+not|don'?t|does\s+not|doesn'?t|will\s+not|won'?t|are\s+not\s+able\s+to|is\s+not\s+able\s+to)\s+(?:to\s+)?(?:offer|provide|support|consider|accept)?\s*(?:any\s+)?(?:(?:visa|work\s+permit|skilled\s+worker)\s+)?sponsor(?:ship)?|no\s+(?:visa\s+)?sponsorship|sponsorship\s+(?:is\s+)?not\s+(?:available|offered|provided|possible)|(?:does\s+not|doesn'?t|do\s+not)\s+hold\s+a\s+(?:visa\s+)?sponsor(?:ship)?\s+licen[cs]e|without\s+(?:the\s+need\s+for\s+)?(?:visa\s+)?sponsorship|not\s+(?:in\s+a\s+position\s+to|able\s+to)\s+sponsor)\b/i;
const SPONSOR_OFFERED =
  /\b(?:(?:visa|skilled\s+worker|tier\s*2)\s+sponsorship\s+(?:is\s+|may\s+be\s+|can\s+be\s+|will\s+be\s+)?(?:available|offered|provided|considered|possible)|(?:we|employer)\s+(?:can|will|are\s+able\s+to|may)\s+(?:offer\s+|provide\s+)?sponsor(?:ship)?|sponsorship\s+(?:is\s+)?(?:available|offered|provided)|(?:offer|offers|provide|provides)\s+(?:visa\s+)?sponsorship|certificate\s+of\s+sponsorship\s+(?:is\s+)?available)\b/i;

// Every sponsorship phrase above contains "sponsor": a literal scan is ~5x cheaper than either phrase
// regex, and under 2% of real adverts mention sponsorship at all. (A gate of every rule's trigger words
// in front of the rules scan cost more than it saved: most adverts pass it, after a slow unanchored scan.)
const MENTIONS_SPONSOR = /sponsor/i;

export function findRequirements(text: string): Requirement[] {
  if (!text) return [];
  const out: Requirement[] = [];
  const byKind = new Map<RequirementKind, Requirement>();
  // One scan for every rule: group i+1 is RULES[i] (rule sources use no capturing groups).
  for (const m of text.matchAll(ALL_RULES_RE)) {
    let r = 0;
    while (r < RULES.length && m[r + 1] === undefined) r++;
    const rule = RULES[r];
    if (!rule) continue;
    const prev = byKind.get(rule.kind);
    // Known, with its detail (or no detail to find): later mentions add nothing.
    if (prev && (prev.detail || !rule.detail)) continue;
    const idx = m.index;
    const before = text.slice(Math.max(0, idx - 60), idx);
    const after = text.slice(idx + m[0].length, idx + m[0].length + 40);
    if (NEGATION.test(before.split(/[.;\n]/).pop() ?? '') || NOT_REQUIRED_AFTER.test(after)) continue;
    const sentence = sentenceAt(text, idx);
    if (rule.kind === 'sia' && !/licen|badge|door|cctv|security|accredit|approved|guard/i.test(sentence)) continue;
    const detail = rule.detail ? rule.detail(m, sentence) : null;
    if (prev) {
      // A later sentence may say more (the category or level): fill the missing detail.
      if (detail) {
        prev.detail = detail;
        prev.evidence = sentence;
      }
      continue;
    }
    const req: Requirement = { kind: rule.kind, detail, evidence: sentence };
    byKind.set(rule.kind, req);
    out.push(req);
  }
  // Rule order, whatever order the advert mentions them in.
  out.sort((a, b) => RULE_ORDER.indexOf(a.kind) - RULE_ORDER.indexOf(b.kind));
  const sponsor = MENTIONS_SPONSOR.test(text);
  const notOffered = sponsor ? SPONSOR_NOT_OFFERED.exec(text) : null;
  const offered = sponsor && !notOffered ? SPONSOR_OFFERED.exec(text) : null;
  if (notOffered) {
    out.push({ kind: 'visa_sponsorship', detail: 'not_offered', evidence: sentenceAt(text, notOffered.index) });
    const rtw = out.find((r) => r.kind === 'right_to_work');
    if (!rtw) out.push({ kind: 'right_to_work', detail: 'required', evidence: sentenceAt(text, notOffered.index) });
  } else if (offered) {
    out.push({ kind: 'visa_sponsorship', detail: 'offered', evidence: sentenceAt(text, offered.index) });
  }
  for (const r of out) if (r.kind === 'right_to_work' && !r.detail) r.detail = 'required';
  return out;
}

/** The sentence (or line, or bullet) around a position, at most ~200 characters. */
export function sentenceAt(text: string, idx: number): string {
  // Char codes, not a regex test per character: this runs for every requirement found.
  let start = idx;
  while (start > 0 && idx - start < 160) {
    const c = text.charCodeAt(start - 1);
    if (c === 10 || (c === 32 && start >= 2 && isStop(text.charCodeAt(start - 2)))) break;
    start--;
  }
  let end = idx;
  while (end < text.length && end - idx < 200) {
    const c = text.charCodeAt(end);
    if (c === 10 || (isStop(c) && (end + 1 >= text.length || isJsSpace(text.charCodeAt(end + 1))))) {
      if (c !== 10) end++;
      break;
    }
    end++;
  }
  let sentence = text.slice(start, end);
  if (sentence.charCodeAt(0) === 0x2022) sentence = sentence.replace(/^•\s*/, '');
  // Collapsing spaces changes nothing unless two spaces meet or a space is not ' ': tested first, the
  // usual sentence is not copied once more.
  if (MESSY_SPACE.test(sentence)) sentence = sentence.replace(/\s+/g, ' ');
  return sentence.trim();
}

const MESSY_SPACE = /\s\s|[^\S ]/;

/** . ! ? */
function isStop(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}
