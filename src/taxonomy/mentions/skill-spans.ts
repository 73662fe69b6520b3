import {
  ATTRIBUTE_HEADS,
  ATTRIBUTES,
  DUTY_VERBS,
  EVALUATIVE,
  GENERAL_OBJECT_VERBS,
  LANGUAGES,
  NON_SKILL_VERBS,
  SKILL_CUES_INSIDE,
  SKILL_CUES_OUTSIDE,
  SKILL_TAIL,
  SOFT_SKILLS,
  type PhraseIndex,
} from './lexicons.ts';
import { stemWord } from '../text.ts';
import type { NlpToken } from './nlp-tokens.ts';
import { isWord, type SentenceSpans, type TokenSpan } from './sentence-spans.ts';
import type { SkillDictionary } from './skill-dictionary.ts';

/**
 * Skill spans of one sentence, after the non-skill spans are marked. Four
 * readings propose candidates and the longest, best-founded ones win:
 * 1. verb phrases where adverts put duties and abilities ("you will serve
 *    customers", "able to work under pressure", "responsible for
 *    completing care plans"): the verb, its object and one prepositional
 *    phrase ("build dashboards in Power BI");
 * 2. noun phrases after cues ("experience of", "knowledge of",
 *    "include", "understanding of") and before "skills"/"experience";
 * 3. attributes of the person ("you should be patient", "a calm manner");
 * 4. taxonomy labels and soft skills anywhere, grown to their noun phrase
 *    ("stock control" → "stock control systems") without praise words.
 */

interface Candidate {
  from: number;
  to: number;
  priority: number;
  source: string;
  confidence: number;
  /** Verb phrases may swallow a job title ("support the Head Chef"). */
  absorbsTitles: boolean;
}

const TO_CUES = new Set(['able', 'ability', 'need', 'needs', 'required', 'expected', 'how', 'help', 'willing', 'ready', 'want', 'learn', 'trained', 'asked']);
const MODALS = new Set(['will', "'ll", 'must', 'should', 'can', 'shall', 'may']);
const PP = new Set(['with', 'on', 'in', 'against', 'to', 'for', 'via', 'into', 'under']);
const PARTICLES = new Set(['out', 'up', 'off', 'down', 'back']);
const OBJECT_PREPOSITIONS = new Set(['with', 'for', 'on', 'in', 'to', 'about', 'into']);
const PERSON_NOUNS = new Set(['candidate', 'candidates', 'individual', 'individuals', 'person', 'people', 'applicant', 'applicants', 'colleague', 'colleagues', 'professional', 'professionals']);
const GENERIC_HEADS = new Set(['role', 'roles', 'position', 'environment', 'setting', 'field', 'capacity', 'team', 'company', 'organisation', 'organization', 'area', 'sector', 'industry', 'job', 'post', 'it', 'this', 'that']);
const BE = new Set(['be', 'are', 'is', "'re", 'am', 'being']);

export function markSkills(s: SentenceSpans, dictionary: SkillDictionary): void {
  const t = s.tokens;
  const n = t.length;
  const cands: Candidate[] = [];
  const free = (k: number, titles = false) => k >= 0 && k < n && (!s.owner[k] || (titles && s.owner[k]!.kind === 'occupation'));

  /** A verb, or a duty verb the tagger read as a noun, heading what follows it ("support junior colleagues"). */
  const verbLike = (k: number): boolean => {
    const x = t[k];
    if (!x) return false;
    if (x.pos === 'VERB') return true;
    if (!DUTY_VERBS.has(x.stem) || !['NOUN', 'ADJ', 'PROPN'].includes(x.pos) || /s$/.test(x.lower)) return false;
    const next = t[k + 1];
    return !!next && ['DET', 'NOUN', 'ADJ', 'PRON', 'ADP', 'PROPN', 'NUM', 'CCONJ'].includes(next.pos);
  };

  /** Whether token k may sit inside a noun phrase. */
  const npWord = (k: number, titles: boolean): boolean => {
    if (!free(k, titles)) return false;
    const x = t[k]!;
    if (x.lower === 'such') return false;
    if (x.pos === 'NOUN' || x.pos === 'PROPN' || x.pos === 'ADJ' || x.pos === 'NUM') return true;
    if (x.text === '-' || x.text === '&' || x.text === '/') return k > 0 && k + 1 < n && isWord(t[k - 1]!) && isWord(t[k + 1]!);
    const next = t[k + 1];
    const prev = t[k - 1];
    const afterNoun = !!prev && (prev.pos === 'NOUN' || prev.pos === 'PROPN');
    if (x.pos === 'VERB' && next && ['NOUN', 'PROPN', 'ADJ'].includes(next.pos)) {
      // "learning disabilities", "PLC controlled machinery", "processing refunds": a participle before a noun
      // (but "mobility using hoists" is a new verb phrase).
      if (/ed$/.test(x.lower)) return true;
      if (/ing$/.test(x.lower)) return !afterNoun;
      // "in wound care": the tagger's verb reading of a noun modifier.
      return !!prev && ['ADP', 'DET'].includes(prev.pos) && prev.lower !== 'to';
    }
    // "cash handling", "fault finding": a gerund closing a compound.
    if (x.pos === 'VERB' && /ing$/.test(x.lower) && afterNoun && !(next && ['NOUN', 'PROPN', 'ADJ', 'DET', 'ADP'].includes(next.pos))) return true;
    // "the Mental Capacity Act": a capitalised name goes on whatever its tag.
    if (/^[A-Z]/.test(x.text) && prev && prev.pos === 'PROPN' && !['DET', 'PRON', 'ADP', 'CCONJ', 'AUX', 'PUNCT'].includes(x.pos)) return true;
    return titles && s.owner[k]?.kind === 'occupation';
  };

  /** The last token of the noun phrase from k (k - 1 when there is none). */
  const readNp = (k: number, opts: { det: boolean; coord: boolean; titles: boolean }): number => {
    let j = k;
    if (opts.det) while (j < n && free(j, opts.titles) && (t[j]!.pos === 'DET' || (t[j]!.pos === 'PRON' && /^(?:your|their|our|his|her|its|own)$/.test(t[j]!.lower)) || t[j]!.lower === 'own')) j++;
    let end = k - 1;
    while (j < n) {
      if (npWord(j, opts.titles)) {
        end = j++;
        continue;
      }
      // "construction and maintenance of databases", "high standards of presentation"
      if (t[j]!.lower === 'of' && end >= k && npWord(j + 1, opts.titles) || (t[j]!.lower === 'of' && end >= k && t[j + 1]?.pos === 'DET' && npWord(j + 2, opts.titles))) {
        j++;
        while (j < n && t[j]!.pos === 'DET') j++;
        continue;
      }
      if (opts.coord && end >= k && (t[j]!.lower === 'and' || t[j]!.lower === 'or' || t[j]!.text === ',') && free(j)) {
        let q = j + 1;
        if (t[q]?.lower === 'and' || t[q]?.lower === 'or') q++;
        while (q < n && t[q]!.pos === 'DET') q++;
        // "process invoices and reconcile statements" is two verb phrases, not one object ("picking and packing orders" is one).
        const newVerb = q === j + 1 && verbLike(q) && /^[a-z]/.test(t[q]!.text) && !/(?:ing|ed)$/.test(t[q]!.lower);
        if (npWord(q, opts.titles) && !newVerb) {
          j = q;
          continue;
        }
      }
      break;
    }
    return end;
  };

  /** A verb phrase from verb v: coordinated verbs, particle, object, one prepositional phrase. */
  const readVp = (v: number): number => {
    let end = v;
    while (t[end + 1] && (t[end + 1]!.lower === 'and' || t[end + 1]!.lower === 'or') && verbLike(end + 2) && free(end + 2)) end += 2;
    if (GENERAL_OBJECT_VERBS.has(t[v]!.stem)) return end;
    if (t[end + 1] && PARTICLES.has(t[end + 1]!.lower) && free(end + 1)) end++;
    if (t[end + 1]?.pos === 'ADV' && free(end + 1) && t[end + 1]!.lower !== 'also') end++;
    const opts = { det: true, coord: true, titles: true };
    let o = readNp(end + 1, opts);
    // "manage lead generation campaigns": the tagger's verb reading of the object's first noun.
    if (o <= end && t[end + 1]?.pos === 'VERB' && !/(?:ing|ed)$/.test(t[end + 1]!.lower) && ['NOUN', 'PROPN'].includes(t[end + 2]?.pos ?? '') && free(end + 1)) {
      o = Math.max(end + 1, readNp(end + 2, opts));
    }
    let ppLeft = 1;
    if (o > end) end = o;
    else if (t[end + 1] && OBJECT_PREPOSITIONS.has(t[end + 1]!.lower) && !(t[end + 1]!.lower === 'in' && t[end + 2]?.lower === 'line')) {
      // No direct object: the prepositional phrase is the object ("deal with complaints", "deputise for the Store Manager").
      o = readNp(end + 2, opts);
      if (o > end + 1) {
        end = o;
        ppLeft = 0;
      }
    }
    if (ppLeft > 0 && t[end + 1] && PP.has(t[end + 1]!.lower) && free(end + 1)) {
      const p = t[end + 1]!.lower;
      const first = t[end + 2];
      const indefinite = first && (first.lower === 'a' || first.lower === 'an');
      const inLine = p === 'in' && first?.lower === 'line';
      if (p === 'under') {
        if (first?.lower === 'pressure') end += 2;
      } else if (first && !indefinite && !inLine && p !== 'in' && p !== 'on' && (first.pos !== 'VERB' || npWord(end + 2, false))) {
        o = readNp(end + 2, { det: true, coord: true, titles: false });
        let named = false;
        for (let q = end + 2; q <= o; q++) if (t[q]!.pos === 'PROPN' || t[q]!.pos === 'NUM') named = true;
        // "to parents", "for staff", not "to ISO 9001" or "for a fleet of 40 vehicles".
        const short = o - (end + 1) <= 2 && !named;
        if (o > end + 1 && (!(p === 'to' || p === 'for') || short)) end = o;
      }
    }
    return end;
  };

  const stemAt = (k: number) => t[k]?.stem;
  const cueEnds = (cues: PhraseIndex, k: number): number => {
    const len = cues.longest(stemAt, k);
    return len > 0 ? k + len - 1 : -1;
  };
  // Where each outside cue ends, so a verb right after one starts a skill ("responsible for completing…").
  const cueEndAt = new Set<number>();
  for (let k = 0; k < n; k++) {
    const e = cueEnds(SKILL_CUES_OUTSIDE, k);
    if (e >= 0) cueEndAt.add(e);
  }

  // 1. Verb phrases.
  const isSkillVerb = (v: number) => verbLike(v) && free(v) && !NON_SKILL_VERBS.has(t[v]!.stem);
  const verbContext = (v: number): boolean => {
    let p = v - 1;
    while (p >= 0 && t[p]!.pos === 'ADV') p--;
    if (p >= 0 && BE.has(t[p]!.lower) && t[v]!.lower.endsWith('ing')) p--;
    while (p >= 0 && t[p]!.pos === 'ADV') p--;
    // Sentence-initial: a gerund or an imperative bullet ("Manage the rota"), not a participle ("Advanced Excel skills").
    if (p < 0) return !/ed$/.test(t[v]!.lower);
    const x = t[p]!;
    if (MODALS.has(x.lower)) return true;
    if (x.lower === 'to') return p > 0 && TO_CUES.has(t[p - 1]!.lower);
    if (x.lower === 'help' || x.lower === 'helping') return true;
    // After "include", "experience of": a gerund ("experience of managing volunteers").
    return cueEndAt.has(p) && /ing$/.test(t[v]!.lower);
  };
  for (let v = 0; v < n; v++) {
    if (!isSkillVerb(v) || !verbContext(v)) continue;
    // A chain of verb phrases: "serve customers, operate the till and replenish stock".
    let start = v;
    for (;;) {
      const end = readVp(start);
      const next = t[end + 1];
      const loneBeforeNonSkill = end === start && next && s.owner[end + 1] && s.owner[end + 1]!.kind !== 'skill';
      if (!loneBeforeNonSkill) cands.push({ from: start, to: end, priority: 1, source: 'verb-phrase', confidence: 0.7, absorbsTitles: true });
      let q = end + 1;
      if (t[q]?.text === ',') q++;
      if (t[q]?.lower === 'and' || t[q]?.lower === 'or') q++;
      if (q > end + 1 && q < n && isSkillVerb(q)) {
        start = q;
        v = q;
        continue;
      }
      v = Math.max(v, end);
      break;
    }
  }

  // 2a. Noun phrases after cues: each conjunct its own skill ("Knowledge of Terraform, Docker and Kubernetes").
  const conjuncts = (k: number, source: string, confidence: number) => {
    let j = k;
    for (;;) {
      while (j < n && (t[j]!.pos === 'DET' || EVALUATIVE.has(t[j]!.stem)) && free(j)) j++;
      if (j >= n || t[j]!.pos === 'VERB' && !npWord(j, false)) return;
      let e = readNp(j, { det: false, coord: false, titles: false });
      if (e < j) return;
      // "written and verbal communication": a lone adjective shares the next conjunct's head.
      while (e === j && t[j]!.pos === 'ADJ' && t[e + 1]?.lower === 'and' && t[e + 2]?.pos === 'ADJ') e = readNp(e + 2, { det: false, coord: false, titles: false });
      cands.push({ from: j, to: e, priority: 1, source, confidence, absorbsTitles: false });
      const sep = t[e + 1];
      if (!sep || !(sep.text === ',' || sep.lower === 'and' || sep.lower === 'or')) return;
      j = e + 2;
      if (t[j]?.lower === 'and' || t[j]?.lower === 'or') j++;
    }
  };
  for (let k = 0; k < n; k++) {
    const inside = cueEnds(SKILL_CUES_INSIDE, k);
    if (inside >= 0 && free(k)) {
      const e = readNp(inside + 1, { det: true, coord: true, titles: false });
      if (e > inside) cands.push({ from: k, to: e, priority: 1, source: 'cue', confidence: 0.75, absorbsTitles: false });
      continue;
    }
    const outside = cueEnds(SKILL_CUES_OUTSIDE, k);
    if (outside >= 0 && t[outside + 1] && t[outside + 1]!.pos !== 'VERB') conjuncts(outside + 1, 'cue', 0.75);
  }

  // 2b. Before "skills" / "experience": "excellent communication, organisational and time management skills".
  for (let k = 1; k < n; k++) {
    if (!SKILL_TAIL.has(t[k]!.stem)) continue;
    if (t[k + 1] && ['of', 'in', 'with', 'to'].includes(t[k + 1]!.lower)) continue;
    let e = k - 1;
    for (;;) {
      let b = e;
      while (b >= 0 && npWord(b, false) && !EVALUATIVE.has(t[b]!.stem) && t[b]!.pos !== 'DET') b--;
      b++;
      if (b > e) break;
      // "written and verbal communication"
      const modifier = (x: NlpToken | undefined) => !!x && (x.pos === 'ADJ' || (x.pos === 'VERB' && /(?:ed|en)$/.test(x.lower))) && !EVALUATIVE.has(x.stem);
      if (t[b - 1]?.lower === 'and' && t[b]!.pos === 'ADJ' && modifier(t[b - 2]) && (b - 3 < 0 || !npWord(b - 3, false) || EVALUATIVE.has(t[b - 3]!.stem))) {
        const lone = b - 2;
        if (!SOFT_SKILLS.hasSingle(t[lone]!.stem)) b = lone;
      }
      cands.push({ from: b, to: e, priority: 2, source: 'before-skills', confidence: 0.75, absorbsTitles: false });
      const sep = t[b - 1];
      if (!sep || !(sep.text === ',' || sep.lower === 'and' || sep.lower === 'or')) break;
      e = b - 2;
      if (t[e]?.text === ',') e--;
      if (e < 0) break;
    }
  }

  // 3. Attributes: "you should be patient, compassionate and reliable", "a self-motivated Team Leader", "a calm manner".
  const freeStemAt = (k: number) => (free(k) ? t[k]?.stem : undefined);
  const attributeAt = (k: number): number => {
    const len = ATTRIBUTES.longest(freeStemAt, k);
    let best = len > 0 ? k + len - 1 : -1;
    // Hyphenated forms arrive as three tokens: self - motivated.
    if (k + 2 < n && t[k + 1]!.text === '-' && free(k) && free(k + 2) && ATTRIBUTES.hasSingle(stemWord(`${t[k]!.lower}-${t[k + 2]!.lower}`))) best = Math.max(best, k + 2);
    return best;
  };
  for (let k = 0; k < n; k++) {
    if (!BE.has(t[k]!.lower)) continue;
    let j = k + 1;
    for (;;) {
      if (t[j] && ['very', 'extremely', 'really'].includes(t[j]!.lower)) j++;
      const e = attributeAt(j);
      if (e < 0) break;
      // "confident using technology": a cue for the skill after it, not an attribute.
      if (t[e + 1] && /ing$/.test(t[e + 1]!.lower) && ['VERB', 'NOUN'].includes(t[e + 1]!.pos)) break;
      let end = e;
      // "passionate about our cause", "committed to high standards"
      if (t[end + 1] && ['about', 'to'].includes(t[end + 1]!.lower) && t[end + 2]?.pos !== 'VERB') {
        const o = readNp(end + 2, { det: true, coord: false, titles: false });
        if (o > end + 1) end = o;
      }
      cands.push({ from: j, to: end, priority: 2, source: 'attribute', confidence: 0.65, absorbsTitles: false });
      const sep = t[end + 1];
      if (!sep || !(sep.text === ',' || sep.lower === 'and')) break;
      j = end + 2;
      if (t[j]?.lower === 'and') j++;
    }
  }
  for (let k = 0; k < n; k++) {
    const e = attributeAt(k);
    if (e < 0) continue;
    // Attributes before a person or a title, each on its own: "reliable and punctual candidates".
    let q = e + 1;
    const run: [number, number][] = [[k, e]];
    while (t[q] && (t[q]!.lower === 'and' || t[q]!.text === ',')) {
      const e2 = attributeAt(q + 1);
      if (e2 < 0) break;
      run.push([q + 1, e2]);
      q = e2 + 1;
    }
    const head = t[q];
    if (head && (PERSON_NOUNS.has(head.lower) || s.owner[q]?.kind === 'occupation')) {
      for (const [a, b] of run) cands.push({ from: a, to: b, priority: 2, source: 'attribute', confidence: 0.65, absorbsTitles: false });
    }
    k = q - 1;
  }
  for (let k = 1; k < n; k++) {
    if (!ATTRIBUTE_HEADS.has(t[k]!.stem) || !free(k)) continue;
    let b = k;
    while (b > 0 && free(b - 1) && !EVALUATIVE.has(t[b - 1]!.stem) && t[b - 1]!.pos !== 'DET' &&
      (['ADJ', 'NOUN', 'PROPN'].includes(t[b - 1]!.pos) || t[b - 1]!.text === '-' || t[b - 2]?.text === '-' ||
        (t[b - 1]!.lower === 'and' && b >= 2 && t[b - 2]!.pos === 'ADJ' && !EVALUATIVE.has(t[b - 2]!.stem)))) b--;
    // "in a professional manner" says how, not who.
    const how = t[b - 1]?.pos === 'DET' && t[b - 2]?.lower === 'in';
    if (b < k && !how) cands.push({ from: b, to: k, priority: 2, source: 'attribute', confidence: 0.7, absorbsTitles: false });
  }

  // 4. Taxonomy labels, soft skills and languages, grown to the noun phrase around them.
  const words: number[] = [];
  for (let k = 0; k < n; k++) if (isWord(t[k]!)) words.push(k);
  const wordStems = words.map((k) => t[k]!.stem);
  const soft = (i: number): number => SOFT_SKILLS.longest((k) => wordStems[k], i);
  for (let i = 0; i < words.length; i++) {
    const hit = dictionary.longestAt(wordStems, i);
    const softLen = wordStems[i] === 'it' && t[words[i]!]!.text !== 'IT' ? 0 : soft(i);
    const lang = LANGUAGES.has(wordStems[i]!) && /^[A-Z]/.test(t[words[i]!]!.text) ? 1 : 0;
    const len = Math.max(hit?.length ?? 0, softLen, lang);
    if (len === 0) continue;
    let from = words[i]!;
    let to = words[i + len - 1]!;
    if (!s.free(from, to)) continue;
    if (t[from]!.pos === 'VERB' && !/ing$/.test(t[from]!.lower) && verbContext(from)) {
      to = Math.max(to, readVp(from));
    } else {
      while (from > 0 && npWord(from - 1, false) && !EVALUATIVE.has(t[from - 1]!.stem) && t[from - 1]!.pos !== 'NUM') from--;
      while (to + 1 < n && free(to + 1) && (t[to + 1]!.pos === 'NOUN' || t[to + 1]!.pos === 'PROPN') && !SKILL_TAIL.has(t[to + 1]!.stem)) to++;
    }
    const confidence = hit && hit.length === len ? (len > 1 ? 0.85 : 0.75) : 0.7;
    cands.push({ from, to, priority: 3, source: hit && hit.length === len ? 'dictionary' : 'soft-skill', confidence, absorbsTitles: false });
    i += len - 1;
  }

  // The best-founded, longest candidates first; a candidate overlapping one already taken is dropped.
  cands.sort((a, b) => a.priority - b.priority || b.to - b.from - (a.to - a.from) || a.from - b.from);
  for (const c of cands) {
    let { from, to } = c;
    const trimPraise = c.source !== 'verb-phrase' && c.source !== 'attribute';
    while (from <= to && (t[from]!.pos === 'DET' || t[from]!.pos === 'PUNCT' || t[from]!.pos === 'CCONJ' || (trimPraise && EVALUATIVE.has(t[from]!.stem)))) from++;
    while (to >= from && (t[to]!.pos === 'PUNCT' || t[to]!.pos === 'CCONJ' || t[to]!.pos === 'DET' || (t[to]!.pos === 'ADP' && !(PARTICLES.has(t[to]!.lower) && to > from)) || SKILL_TAIL.has(t[to]!.stem))) to--;
    // A cue's object that is only a generic word ("in a similar role") is no skill.
    if (from === to && GENERIC_HEADS.has(t[from]!.lower)) continue;
    // "a high level of accuracy" → "accuracy"
    if (trimPraise && from + 2 <= to && ['level', 'degree', 'standard'].includes(t[from]!.lower) && t[from + 1]!.lower === 'of') from += 2;
    if (to < from) continue;
    let ok = true;
    for (let k = from; k <= to && ok; k++) {
      const o = s.owner[k];
      ok = !o || (c.absorbsTitles && o.kind === 'occupation');
    }
    if (!ok) continue;
    if (c.absorbsTitles) s.release(from, to, 'occupation');
    const span: TokenSpan = { kind: 'skill', from, to, confidence: c.confidence, source: c.source };
    s.claim(span);
  }
}
