import type { ClassifyInput } from '../../vacancies/enricher.ts';
import type { NormalisedVacancy } from '../../vacancies/model.ts';
import { sectorFromIsco } from '../importers/occupation-mappings.ts';
import type { Occupation, Taxonomy } from '../model.ts';
import { Lexicon, WordScan } from '../lexicon.ts';
import { PhraseTrie } from '../phrase-trie.ts';
import type { SocIndexEntry } from '../store.ts';
import { STOP_WORDS, stemWord, stems, tokenise, type Token } from '../text.ts';
import { NOT_IN_DESCRIPTIONS, NOT_IN_TITLES, NOT_SECTOR_PHRASES, ONLY_IN_EMPLOYER_NAMES, ORGANISATION_TYPES, SECTOR_KEYWORDS, WEAK_KEYWORDS } from './sector-keywords.ts';
import { type FoundWords, QualifierWords } from './qualifier-words.ts';
import { TitleOverlapIndex, type OverlapTitle } from './title-overlap.ts';

/**
 * Occupation and sector from an advert's title, description and employer.
 *
 * Occupation, strongest signal first:
 *  1. the whole (cleaned) title is a known title: an occupation's title or
 *     alternative title, or a SOC 2020 coding-index title;
 *  2. the longest known title inside it ("Senior Care Assistant - Nights" →
 *     "care assistant"), scored by how much of the title it covers;
 *  3. weighted word overlap with every known title (rare words count more);
 *  4. a known title of two words or more early in the description.
 * The coding index's industry qualifiers ("Manager — fish and chip shop")
 * are checked against the employer and description. With several schemes
 * loaded, a UK SOC occupation is preferred unless only ESCO/O*NET match well.
 *
 * Sector (SIC 2007 section): the occupation's own sector, plus a keyword
 * table over the employer name (strong), title and description (weak).
 */
export type OccupationResult = NormalisedVacancy['occupation'];
export type SectorResult = NormalisedVacancy['sector'];

export interface Classification {
  occupation: OccupationResult;
  sector: SectorResult;
  /** The taxonomy occupation behind `occupation`, when there is one (handy for callers and the CLI). */
  occupationRecord: Occupation | null;
}

export interface Classifier {
  classify(input: ClassifyInput): Classification;
  /**
   * The same over the advert already scanned, with the classifier's lexicon,
   * as `title + '\n' + description` (at least the description's first
   * 3,000 characters): the enricher's one scan per advert.
   */
  classifyScanned(input: ClassifyInput, scan: WordScan): Classification;
}

// How far into the description the sector keywords and the description's titles are looked for.
const SECTOR_DESCRIPTION_CHARS = 2500;
const TITLE_DESCRIPTION_CHARS = 1200;
// The description's opening, where adverts say who the employer is ("About Acme: we are a lender…"):
// its sector words count double.
const OPENING_DESCRIPTION_CHARS = 600;
const MAX_TITLE_CHARS = 500;
// The weakest word overlap (idf-weighted Jaccard × scheme factor) that still names an occupation.
const MIN_OVERLAP = 0.34;
// Below this confidence the occupation is not given. On the labelled sample (scripts/eval/classify-labels.json)
// the old classifier's answers under 0.5 fitted 62% of the time against 82-97% above it; the weakest of them
// (a bare "Officer", "Associate" or "Team player" from the description) were mostly wrong: no answer is better.
export const OCCUPATION_FLOOR = 0.45;
// Word overlap is the loosest evidence ("Care Co-ordinator" shares most of its rare words with "assembly
// co-ordinator"): its answers must clear a higher floor.
const OVERLAP_FLOOR = 0.5;
// UK adverts: a SOC occupation this close to the best foreign one wins. ESCO's alternative labels carry
// many loose synonyms ("supervisor" for an oil refinery control room operator, "clerical officer" for a
// medical records clerk) where the coding index names the UK occupation.
const SOC_PREFERENCE = 0.75;
// A qualified coding-index title ("Manager — fish and chip shop") whose qualifier the advert has, or lacks.
const QUALIFIER_FOUND = 1.05;
const QUALIFIER_MISSING = 0.8;
// How far into the description a qualifier's words are looked for.
const QUALIFIER_DESCRIPTION_CHARS = 3000;

type Kind = 'title' | 'alt' | 'index';

interface TitleEntry {
  occ: Occupation;
  kind: Kind;
  /** The known title as written. */
  label: string;
  /** Coding-index rows for this title and code (votes between codes sharing a title). */
  votes: number;
  /** Stems of the coding index's industry/qualifier words, when the title is qualified. */
  qualifier: string[] | null;
  /** The same words' numbers in the classifier's QualifierWords. */
  qualifierIds: Int32Array | null;
  /** The known title's words as written, lower-cased: it tells "Marketing manager" from "Market manager", which share their stems. */
  surface: string;
}

function surfaceOf(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

interface Candidate {
  entry: TitleEntry;
  score: number;
  words: string;
  how: string;
}

const KIND_BASE: Record<Kind, number> = { title: 1, alt: 0.95, index: 0.95 };
const SCHEME_FACTOR: Record<string, number> = { soc: 1, esco: 0.93, onet: 0.88 };
const KIND_LABEL: Record<Kind, string> = { title: 'occupation title', alt: 'alternative title', index: 'SOC coding index title' };

// Title words that say nothing about the occupation.
const TITLE_NOISE = new Set(
  stems(
    'urgent urgently immediate immediately start starts asap new now hiring required wanted needed vacancy vacancies job jobs ' +
      'role position opportunity full part time ft pt perm permanent temp temporary contract fixed term ' +
      'days nights night day weekend weekends evening evenings shift shifts bank relief flexible hours hour ' +
      'week weekly per annum pa ph ote salary pay paid up to plus bonus benefits excellent competitive ' +
      'remote hybrid homebased uk nationwide various locations location ' +
      'locum interim m f d mf x h in at the a an and or of for with to',
  ),
);

// Seniority and career-stage words, languages and regions: they grade or place a job, they do not change its occupation ("Senior Data
// Analyst" is a data analyst). The whole title is still looked up first, so "Staff Nurse" or "Trainee
// Accountant" keep a known title that holds one of them.
const SENIORITY = new Set(
  stems(
    'senior snr sr junior jnr jr principal staff head deputy trainee graduate apprentice apprenticeship ' +
      'intern internship placement entry level experienced qualified newly i ii iii iv 1 2 3 founding interim ' +
      // Languages and regions the job needs or covers ("German Technical Support Representative",
      // "Account Executive EMEA"): a French teacher stays found, as the whole title is looked up first.
      'english french german spanish italian portuguese dutch polish arabic mandarin chinese cantonese japanese korean turkish ' +
      'swedish danish norwegian finnish nordic bilingual speaking fluent fluency speaker ' +
      'emea dach apac latam amer americas europe european international global regional national uk uki ireland',
  ),
);

// Words that put an engineer, developer or architect in software ("Rust Engineer", "AI Engineer",
// "Backend Engineer"): without them such titles meet foreign namesakes ("AI engineer" is an animal
// artificial insemination technician in ESCO) or a bare "engineer".
const SOFTWARE_MODIFIERS = new Set(
  stems(
    'ai ml llm software backend back-end frontend front-end fullstack full-stack stack devops sre cloud platform data blockchain web ' +
      'ios android mobile java javascript typescript python rust golang go kotlin swift scala ruby php node react c++ c# .net dotnet ' +
      'agent agentic automation qa test infrastructure api sdk integration gtm analytics no-code low-code ' +
      // Product names adverts put before the job: "ServiceNow Consultant", "Salesforce Developer".
      'servicenow salesforce sap dynamics azure aws gcp oracle workday snowflake databricks kubernetes terraform ' +
      // Software practices named "<area>Ops" ("MLOps Engineer", "DevSecOps Engineer"); RevOps, BizOps and
      // PeopleOps are business operations and stay out.
      'devops devsecops secops mlops llmops aiops dataops gitops cloudops platformops',
  ),
);
const SOFTWARE = stemWord('software');
const SOFTWARE_HEADS = new Set(stems('engineer developer programmer architect builder consultant'));

/**
 * "Customer Success Lead" → "customer success manager": adverts name a team's lead after its work, where
 * the coding index names the manager. "Production Director" too: SOC 2020 puts managers and directors of
 * one field in one unit group, and the coding index lists most fields' managers only. Only with words
 * before the head (a bare "Lead" says nothing).
 */
export function leadVariant(title: string): string | null {
  const m = title.match(/^(.*?\S)\s+(?:(?:team\s+)?lead|director)$/i);
  if (!m || !/[\p{L}]{2,}/u.test(m[1]!)) return null;
  return `${m[1]} manager`;
}

/** "Senior Rust Engineer" → "software engineer": the software occupation a modified engineer or developer title names. */
export function softwareVariant(title: string): string | null {
  const words = stems(title);
  const head = words.findLastIndex((w) => SOFTWARE_HEADS.has(w));
  if (head <= 0) return null;
  const mods = words.slice(0, head).filter((w) => !SENIORITY.has(w));
  if (mods.length === 0 || !mods.some((w) => SOFTWARE_MODIFIERS.has(w))) return null;
  // "Software Engineer" itself needs no reading.
  if (mods.every((w) => w === SOFTWARE)) return null;
  // A hardware or plant word keeps its own occupation ("Data Centre Electrical Engineer", "Cloud Network Engineer" stays with the index).
  if (mods.some((w) => HARDWARE_WORDS.has(w))) return null;
  const h = words[head]!;
  return h === stems('architect')[0] ? 'software architect' : h === stems('consultant')[0] ? 'software consultant' : h === stems('engineer')[0] ? 'software engineer' : 'software developer';
}
const HARDWARE_WORDS = new Set(stems('electrical mechanical civil structural network hardware electronic electronics rf pcb fpga plant process chemical building site field service centre center maintenance'));

// Commas too: "Production Director, AI Data Services", "Manager, Finance Operations" (the whole title is still looked up first).
const SEPARATORS = /\s+[-–—|/@]\s+|\s*[|]\s*|\s+[-–—]\s*|\s*[-–—]\s+|\s*,\s+/;

/** Title → the strings worth looking up: the cleaned whole, then each part around " - ", "|", "/". */
export function titleVariants(title: string): string[] {
  const cleaned = respell(title)
    .replace(/&amp;/gi, '&')
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/£\s?[\d,.]+\s*k?(?:\s*(?:-|to)\s*£?\s?[\d,.]+\s*k?)?/gi, ' ')
    .replace(/\b(?:ref(?:erence)?|job id|id)\s*[:#]?\s*[\w-]*\d[\w-]*/gi, ' ')
    .replace(/\b(?:band|level|grade)\s*\d+[a-z]?\b/gi, ' ')
    .replace(/\b(?:class|cat(?:egory)?)\s*(?:[12]|c\s*\+\s*e|c1|c|d1|d)\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s|\-–—/@,:;]+|[\s|\-–—/@,:;]+$/g, '')
    .trim();
  const parts = cleaned.split(SEPARATORS).map((p) => p.trim()).filter(Boolean);
  const out = [cleaned];
  const expanded = expandAbbreviations(cleaned);
  if (expanded) out.push(expanded, ...expanded.split(SEPARATORS).map((p) => p.trim()).filter(Boolean));
  for (const p of parts) if (p !== cleaned) out.push(p);
  // The head noun phrase of "Consultant in Old Age Psychiatry", "Lecturer in Law", "Analyst at Acme";
  // "Director of Finance" as the coding index writes it, "Finance Director".
  for (const p of [...out]) {
    const m = p.match(/^(.+?)\s+(in|for|with|at|of)\s+(.+)$/i);
    if (!m) continue;
    const [, head, prep, rest] = m as unknown as [string, string, string, string];
    if (prep.toLowerCase() === 'of') {
      if (/^(?:head|director|manager|chief|lead|deputy head|assistant director)$/i.test(head.trim()) && rest.split(/\s+/).length <= 3) out.push(`${rest} ${head}`);
    } else if (!SENIORITY.has(stemWord(head.trim()))) out.push(head);
  }
  return [...new Set(out.filter(Boolean))];
}

/** One spelling for words the coding index and ESCO write two ways ("co-ordinator", "coordinator"). */
export function respell(text: string): string {
  return text.replace(/\b([cC])o-ordinat/g, '$1oordinat');
}

// Abbreviations UK adverts put in titles, written out as the coding index and ESCO name the job. Only
// upper-case forms are read, so "It" or "Pa" in ordinary words stay as they are.
const TITLE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  RMN: 'registered mental health nurse', RGN: 'registered general nurse', HCA: 'healthcare assistant', ANP: 'advanced nurse practitioner',
  PWP: 'psychological wellbeing practitioner', OT: 'occupational therapist', SLT: 'speech and language therapist', ODP: 'operating department practitioner',
  GP: 'general practitioner', TA: 'teaching assistant', LSA: 'learning support assistant', SENCO: 'special educational needs coordinator',
  IG: 'information governance', HR: 'human resources', PA: 'personal assistant', QA: 'quality assurance', ML: 'machine learning',
  SDR: 'sales development representative', BDR: 'business development representative', CSM: 'customer success manager',
  HGV: 'hgv', LGV: 'lgv', FLT: 'forklift', CNC: 'cnc', PMO: 'project management office', FP: 'financial planning',
};
const ABBREVIATION = new RegExp(`\\b(${Object.keys(TITLE_ABBREVIATIONS).join('|')})\\b`, 'g');
/** The title with its abbreviations written out, or null when it has none. */
export function expandAbbreviations(title: string): string | null {
  let changed = false;
  const out = title.replace(ABBREVIATION, (a) => {
    const full = TITLE_ABBREVIATIONS[a]!;
    if (full.toLowerCase() === a.toLowerCase()) return a;
    changed = true;
    return full;
  });
  return changed ? out : null;
}

function meaningful(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => !TITLE_NOISE.has(t.stem) && !/^\d+$/.test(t.stem));
}

/** The meaningful words without the seniority ones, unless that would leave nothing ("Head", "Lead"). */
function withoutSeniority(tokens: readonly Token[]): Token[] {
  const kept = tokens.filter((t) => !SENIORITY.has(t.stem));
  return kept.length > 0 ? kept : [...tokens];
}

// SOC 2020 and ISCO-08 groups whose holders work in every industry: chief executives, functional managers
// (finance, marketing, HR, IT, purchasing), IT professionals, business, finance and media professionals and associate
// professionals, administrative and secretarial and customer service occupations, caretakers, cleaners and security staff.
const CROSS_SECTOR_SOC = ['111', '113', '213', '242', '243', '244', '248', '249', '353', '354', '355', '357', '41', '42', '72', '6232', '922', '923'];
const CROSS_SECTOR_ISCO = ['11', '12', '241', '242', '243', '251', '252', '2431', '2432', '33', '41', '42', '43', '44', '5153', '5414', '911'];
// SOC 2020 major group 5 and ISCO-08 major group 7: skilled trades (metal, electrical, building, vehicle trades).
function isSkilledTrade(occ: Occupation): boolean {
  return (occ.scheme === 'soc' && occ.code.startsWith('5')) || (occ.scheme === 'esco' && occ.code.startsWith('7'));
}
function isCrossSector(occ: Occupation): boolean {
  const prefixes = occ.scheme === 'soc' ? CROSS_SECTOR_SOC : occ.scheme === 'esco' ? CROSS_SECTOR_ISCO : [];
  return prefixes.some((p) => occ.code.startsWith(p));
}

// What an employer's kind says about where its staff work, in the coding index's qualifier words: an NHS
// trust's "Consultant" is the hospital service's, a university's "Lecturer" is higher education's.
const EMPLOYER_IMPLIES: readonly [RegExp, string][] = [
  [/\bnhs\b|hospital|health board|healthcare|health and care|\bgp\b|surgery|medical|clinic/i, 'hospital service medical health'],
  [/universit|college|school|academy/i, 'educational establishments education higher education'],
  [/council|borough|county|local authority|government/i, 'local government public administration'],
];
function employerImplies(employer: string | null): string {
  if (!employer) return '';
  return EMPLOYER_IMPLIES.filter(([re]) => re.test(employer)).map(([, words]) => words).join(' ');
}
/** A software employer's "Security engineer" is the coding index's "computing/IT" one. */
function descriptionImplies(description: string): string {
  return /\b(?:software|saas|cloud|platform)\b/i.test(description) ? 'computing/it' : '';
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function createClassifier(taxonomy: Taxonomy, socIndex: readonly SocIndexEntry[] = [], lexicon = new Lexicon()): Classifier {
  // --- occupation titles -------------------------------------------------
  const byKey = new Map<string, { phrase: string[]; entries: Map<string, TitleEntry> }>();
  // Every word any title of an occupation uses: the leftover words of a
  // partly matched title ("Lift adjuster" → "adjuster") vote among the
  // occupations that share the matched part.
  const occWords = new Map<string, Set<string>>();
  const qualifierWords = new QualifierWords();
  const addTitle = (label: string, occ: Occupation, kind: Kind, qualifier: string | null) => {
    // Known titles keep every word ("Bank manager" must not become "manager");
    // only the advert's title loses its noise words.
    const phrase = tokenise(respell(label)).map((t) => t.stem);
    if (phrase.length === 0) return;
    const key = phrase.join(' ');
    let slot = byKey.get(key);
    if (!slot) byKey.set(key, (slot = { phrase, entries: new Map() }));
    // Qualifier words stay as written (lower-cased): they are looked up in
    // the advert text with a plain substring test, far cheaper than stemming it.
    const qual = qualifier
      ? (qualifier.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3 && !STOP_WORDS.has(stemWord(w)))
      : null;
    let words = occWords.get(occ.id);
    if (!words) occWords.set(occ.id, (words = new Set()));
    for (const w of phrase) words.add(w);
    if (qual) for (const w of qual) words.add(stemWord(w));
    const entryKey = `${occ.id}\t${qual ? qual.join(' ') : ''}`;
    const prev = slot.entries.get(entryKey);
    if (prev) {
      prev.votes++;
      if (KIND_BASE[kind] > KIND_BASE[prev.kind]) prev.kind = kind;
      return;
    }
    const hasQualifier = qual !== null && qual.length > 0;
    slot.entries.set(entryKey, {
      occ,
      kind,
      label,
      votes: 1,
      qualifier: hasQualifier ? qual : null,
      qualifierIds: hasQualifier ? Int32Array.from(qual, (w) => qualifierWords.id(w)) : null,
      surface: surfaceOf(label),
    });
  };
  for (const occ of taxonomy.occupations.values()) {
    addTitle(occ.title, occ, 'title', null);
    for (const alt of occ.altTitles) addTitle(alt, occ, 'alt', null);
  }
  // SOC unit groups straight from the index when the taxonomy lacks them.
  const socSector = new Map<string, Map<string, number>>();
  for (const e of socIndex) {
    const occ = taxonomy.occupations.get(`soc:${e.socCode}`) ?? {
      id: `soc:${e.socCode}`,
      scheme: 'soc' as const,
      code: e.socCode,
      title: `SOC 2020 ${e.socCode}`,
      altTitles: [],
      description: null,
      skillLevel: null,
      typicalPayAnnual: null,
      sector: null,
    };
    const qualifier = [e.qualifier, e.industry].filter(Boolean).join(' ') || null;
    addTitle(e.title, occ, 'index', qualifier);
    const sec = sectorFromIsco(e.iscoCode);
    if (sec) {
      let m = socSector.get(e.socCode);
      if (!m) socSector.set(e.socCode, (m = new Map()));
      m.set(sec, (m.get(sec) ?? 0) + 1);
    }
  }
  const titleTrie = new PhraseTrie<TitleEntry>();
  for (const { phrase, entries } of byKey.values()) for (const e of entries.values()) titleTrie.add(phrase, e);

  // Word-overlap fallback: every known title as a small document.
  const overlapEntries: TitleEntry[] = [];
  const overlapTitles: OverlapTitle[] = [];
  for (const { phrase, entries } of byKey.values()) {
    const uniq = [...new Set(phrase)];
    for (const e of entries.values()) {
      overlapEntries.push(e);
      overlapTitles.push({ stems: uniq, factor: SCHEME_FACTOR[e.occ.scheme] ?? 0.85 });
    }
  }
  const overlap = new TitleOverlapIndex(overlapTitles);
  const idf = (s: string) => overlap.idf(s);

  // --- sector keywords ----------------------------------------------------
  const sectorTrie = new PhraseTrie<{ section: string; phrase: string }>();
  for (const [section, words] of Object.entries(SECTOR_KEYWORDS)) {
    for (const w of words) sectorTrie.add(stems(w), { section, phrase: w });
  }
  // Phrases that shadow the keyword inside them ("bank holidays"): no section, no vote.
  for (const w of NOT_SECTOR_PHRASES) sectorTrie.add(stems(w), { section: '', phrase: w });
  const sectorOf = (occ: Occupation): string | null => {
    if (occ.sector) return occ.sector;
    if (occ.scheme !== 'soc') return null;
    const m = socSector.get(occ.code);
    if (!m) return null;
    // Only when most of the unit group's index titles agree on one section.
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    const top = [...m.entries()].sort((a, b) => b[1] - a[1])[0];
    return top && top[1] / total >= 0.6 ? top[0] : null;
  };

  // What a known title's entries score before the advert is seen: kind, scheme, and the share of the
  // title's coding-index rows (or of the scheme's occupations sharing it). One per title, kept: titles
  // such as "Manager" have hundreds of rows, and were re-counted for every advert that met them.
  const priorsByEntries = new WeakMap<readonly TitleEntry[], Float64Array>();
  function priorsOf(entries: readonly TitleEntry[]): Float64Array {
    let priors = priorsByEntries.get(entries);
    if (priors) return priors;
    // Coding-index rows vote among the codes sharing a title; a taxonomy title
    // or alt title shared by several occupations of one scheme is weaker
    // evidence for each of them.
    const indexVotes = new Map<string, number>();
    const titleCount = new Map<string, number>();
    for (const e of entries) {
      if (e.kind === 'index') indexVotes.set(e.occ.scheme, (indexVotes.get(e.occ.scheme) ?? 0) + e.votes);
      else titleCount.set(e.occ.scheme, (titleCount.get(e.occ.scheme) ?? 0) + 1);
    }
    priors = new Float64Array(entries.length);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      let prior = KIND_BASE[e.kind] * (SCHEME_FACTOR[e.occ.scheme] ?? 0.85);
      if (e.kind === 'index') prior *= 0.7 + 0.3 * (e.votes / (indexVotes.get(e.occ.scheme) ?? e.votes));
      else prior /= 1 + 0.1 * ((titleCount.get(e.occ.scheme) ?? 1) - 1);
      priors[i] = prior;
    }
    priorsByEntries.set(entries, priors);
    return priors;
  }

  /**
   * The entries' scores from the title alone. A qualified coding-index title's score still waits for the
   * advert (qualifierFactor): this way the scores depend on the title only, and are kept per title.
   */
  function scoreEntries(entries: readonly TitleEntry[], coverage: number, words: string): Candidate[] {
    const priors = priorsOf(entries);
    const out: Candidate[] = [];
    // Stems merge words the advert keeps apart ("marketing" and "market", "training" and "train"): a
    // known title written as the advert writes it beats one that only shares its stems.
    const written = surfaceOf(words);
    const sameWords = entries.some((e) => e.surface === written);
    const fit = 0.5 + 0.5 * coverage;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      let score = priors[i]! * fit;
      if (sameWords && e.surface !== written) score *= 0.85;
      out.push({ entry: e, score, words, how: KIND_LABEL[e.kind] });
    }
    return out;
  }

  /** 1.05 when the entry's qualifier is in the advert, 0.8 when it is not, 1 for an unqualified title. */
  function qualifierFactor(e: TitleEntry, context: () => FoundWords): number {
    const ids = e.qualifierIds;
    if (!ids) return 1;
    const found = context();
    let hits = 0;
    for (let k = 0; k < ids.length; k++) if (found.has(ids[k]!)) hits++;
    // A one- or two-word qualifier must be there whole ("livery stable", "flight test"): one common word
    // of it ("test", "stable") is found in too many adverts to tell shared titles apart.
    const needed = ids.length <= 2 ? ids.length : Math.ceil(ids.length / 2);
    return hits > 0 && hits >= needed ? QUALIFIER_FOUND : QUALIFIER_MISSING;
  }

  /** The candidate as this advert scores it. */
  function withQualifier(c: Candidate, factor: number): Candidate {
    if (factor === 1) return c;
    const how = factor === QUALIFIER_FOUND ? `${c.how} (qualifier "${c.entry.qualifier!.join(' ')}" found)` : c.how;
    return { entry: c.entry, score: c.score * factor, words: c.words, how };
  }

  // Adverts repeat titles ("Staff Nurse", "Care Assistant"): a title's candidates are kept, without
  // those that cannot win whatever the advert says. The qualifier moves a score by 0.8 to 1.05, so a
  // candidate below 0.8/1.05 of the best (of the best SOC one, for a SOC candidate) never wins; the titles
  // shared by hundreds of coding-index rows ("Manager", "Engineer") keep a handful.
  const candidatesByTitle = new Map<string, readonly Candidate[]>();
  const REACH = QUALIFIER_MISSING / QUALIFIER_FOUND;
  function titleCandidates(title: string): readonly Candidate[] {
    const known = candidatesByTitle.get(title);
    if (known) return known;
    const all = occupationFromTitle(title);
    let top = 0;
    let topSoc = 0;
    for (const c of all) {
      if (c.score > top) top = c.score;
      if (c.entry.occ.scheme === 'soc' && c.score > topSoc) topSoc = c.score;
    }
    const kept = all.filter((c) => c.score >= top * REACH || (c.entry.occ.scheme === 'soc' && c.score >= topSoc * REACH));
    if (candidatesByTitle.size >= 20_000) candidatesByTitle.clear();
    candidatesByTitle.set(title, kept);
    return kept;
  }

  function occupationFromTitle(title: string): Candidate[] {
    const cands: Candidate[] = [];
    const variants = titleVariants(title);
    const software = softwareVariant(variants[0] ?? title);
    // A lead's title read as the manager's, a little weaker than the title as written.
    const leadVariants = variants.map(leadVariant).filter((v): v is string => v !== null);
    for (const variant of variants) {
      const all = tokenise(variant);
      const tokens = meaningful(all);
      if (tokens.length === 0) continue;
      const bare = withoutSeniority(tokens);
      const span = (from: readonly Token[], a: number, b: number) => variant.slice(from[a]!.start, from[b]!.end);
      // The whole title as written, without its noise words, and without its seniority words: a title the
      // full form finds in ESCO only ("senior data analyst") still meets the coding index's "data analyst".
      // The shorter forms count a little less, so the fuller known title wins a tie.
      let exactFound = false;
      const seen = new Set<readonly TitleEntry[]>();
      let socFound = false;
      for (const [list, factor] of [[all, 1], [tokens, 0.98], [bare, 0.96]] as const) {
        // The bare form only when the fuller ones found no UK occupation: it is there for "Senior Data
        // Analyst", and looking up "Nurse" for every "Staff Nurse" would check qualifiers per advert.
        if (list === bare && socFound) continue;
        const exact = titleTrie.get(list.map((t) => t.stem));
        if (!exact || seen.has(exact)) continue;
        if (exact.some((e) => e.occ.scheme === 'soc')) socFound = true;
        seen.add(exact);
        exactFound = true;
        for (const c of scoreEntries(exact, 1, span(list, 0, list.length - 1))) {
          c.score *= factor;
          cands.push(c);
        }
      }
      if (exactFound) continue;
      for (const list of bare.length < tokens.length ? [bare, tokens, all] : [tokens, all]) {
        const matches = titleTrie.match(list);
        // Longest known title inside; on a tie the later one (English puts the head noun last).
        let best: (typeof matches)[number] | undefined;
        for (const m of matches) if (!best || m.to - m.from >= best.to - best.from) best = m;
        if (!best) continue;
        const matched = list.slice(best.from, best.to).filter((t) => !TITLE_NOISE.has(t.stem)).length;
        const coverage = Math.min(1, matched / (list === bare ? bare.length : tokens.length));
        const words = span(list, best.from, best.to - 1);
        // The head noun (last word) inside the match matters more than a modifier.
        const headBonus = best.to === list.length ? 1 : 0.85;
        const leftover = [...list.slice(0, best.from), ...list.slice(best.to)].filter((t) => !TITLE_NOISE.has(t.stem) && !STOP_WORDS.has(t.stem) && !SENIORITY.has(t.stem));
        const leftoverIdf = leftover.reduce((n, t) => n + idf(t.stem), 0);
        for (const c of scoreEntries(best.values, coverage, words)) {
          c.score *= headBonus;
          if (leftoverIdf > 0) {
            const known = occWords.get(c.entry.occ.id);
            const shared = leftover.reduce((n, t) => n + (known?.has(t.stem) ? idf(t.stem) : 0), 0);
            c.score *= 1 + 0.35 * (shared / leftoverIdf);
          }
          cands.push(c);
        }
      }
    }
    for (const v of leadVariants) {
      const tokens = withoutSeniority(meaningful(tokenise(v)));
      const exact = tokens.length > 1 ? titleTrie.get(tokens.map((t) => t.stem)) : undefined;
      if (!exact) continue;
      for (const c of scoreEntries(exact, 1, v)) {
        c.score *= 0.9;
        c.how += ` (read as "${v}")`;
        cands.push(c);
      }
    }
    if (software) {
      const exact = titleTrie.get(stems(software));
      if (exact) {
        for (const c of scoreEntries(exact, 1, variants[0] ?? title)) {
          c.how += ` (read as "${software}")`;
          cands.push(c);
        }
      }
    }
    return cands;
  }

  // Adverts repeat titles ("Staff Nurse", "Care Assistant"), and the overlap answer depends on the
  // title alone: it is kept.
  const overlapByTitle = new Map<string, Candidate | null>();
  function occupationFromOverlap(title: string): Candidate | null {
    let found = overlapByTitle.get(title);
    if (found === undefined) {
      // The cleaned whole title: its first variant.
      found = overlapOf(titleVariants(title)[0] ?? title);
      if (overlapByTitle.size >= 20_000) overlapByTitle.clear();
      overlapByTitle.set(title, found);
    }
    return found;
  }

  function overlapOf(title: string): Candidate | null {
    const tokens = meaningful(tokenise(title)).filter((t) => !STOP_WORDS.has(t.stem));
    const found = overlap.best([...new Set(tokens.map((t) => t.stem))], MIN_OVERLAP);
    if (!found || 0.25 + 0.45 * found.score < OVERLAP_FLOOR) return null;
    const entry = overlapEntries[found.title]!;
    return { entry, score: 0.25 + 0.45 * found.score, words: tokens.map((t) => title.slice(t.start, t.end)).join(' '), how: `word overlap with "${entry.label}"` };
  }

  // Lexicon word id → 1 when the word says nothing about the occupation (TITLE_NOISE, digits), 2 when it may; 0 unknown.
  let noise = new Uint8Array(0);
  let noiseGeneration = -1;
  const isNoise = (w: number): boolean => {
    if (noiseGeneration !== lexicon.generation || noise.length < lexicon.size) {
      const grown = new Uint8Array(Math.max(lexicon.size, noise.length * 2, 1024));
      if (noiseGeneration === lexicon.generation) grown.set(noise);
      noise = grown;
      noiseGeneration = lexicon.generation;
    }
    let v = noise[w]!;
    if (v === 0) {
      const stem = lexicon.stem(w);
      v = TITLE_NOISE.has(stem) || /^\d+$/.test(stem) ? 1 : 2;
      noise[w] = v;
    }
    return v === 1;
  };
  let kept = new Int32Array(256);

  /** A known title of two words or more among the scanned description words [from, to). */
  function occupationFromDescription(description: string, descStart: number, scan: WordScan, from: number, to: number, openingTo: number, context: () => FoundWords): Candidate | null {
    const ids = titleTrie.idsOfScan(lexicon, scan, from, to);
    if (kept.length < ids.length) kept = new Int32Array(Math.max(ids.length, kept.length * 2));
    let n = 0;
    for (let k = 0; k < ids.length; k++) if (!isNoise(scan.words[from + k]!)) kept[n++] = k;
    const meaningfulIds = new Int32Array(n);
    for (let k = 0; k < n; k++) meaningfulIds[k] = ids[kept[k]!]!;
    let best: Candidate | null = null;
    for (const m of titleTrie.matchIds(meaningfulIds)) {
      if (m.to - m.from < 2) continue;
      const a = from + kept[m.from]!;
      const b = from + kept[m.to - 1]!;
      const words = description.slice(scan.starts[a]! - descStart, scan.ends[b]! - descStart);
      for (const scored of scoreEntries(m.values, 1, words)) {
        const c = withQualifier(scored, qualifierFactor(scored.entry, context));
        // The opening paragraph names the job ("We are looking for a picker packer…"); further on, the
        // titles are more often someone else's ("you will report to the Finance Director").
        c.score *= a < openingTo ? 0.5 : 0.4;
        c.how = `${c.how}, in the description`;
        if (!best || c.score > best.score) best = c;
      }
    }
    return best;
  }

  /**
   * The best of the title's candidates as this advert scores them. Unqualified titles first: a qualified
   * one that could not win even with its qualifier found is passed over without reading the advert, so
   * most adverts never have their words searched for qualifiers.
   */
  function pick(cands: readonly Candidate[], context: () => FoundWords): Candidate | null {
    let best: Candidate | null = null;
    let bestSoc: Candidate | null = null;
    const consider = (c: Candidate) => {
      if (!best || c.score > best.score) best = c;
      if (c.entry.occ.scheme === 'soc' && (!bestSoc || c.score > bestSoc.score)) bestSoc = c;
    };
    const beats = (score: number, soc: boolean) => !best || score > best.score || (soc && (!bestSoc || score > bestSoc.score));
    for (const c of cands) if (!c.entry.qualifierIds) consider(c);
    for (const c of cands) {
      if (!c.entry.qualifierIds) continue;
      const soc = c.entry.occ.scheme === 'soc';
      if (!beats(c.score * QUALIFIER_FOUND, soc)) continue;
      const factor = qualifierFactor(c.entry, context);
      if (beats(c.score * factor, soc)) consider(withQualifier(c, factor));
    }
    const b = best as Candidate | null;
    const bs = bestSoc as Candidate | null;
    // UK adverts: a SOC occupation nearly as good as the best foreign one wins.
    if (b && bs && bs !== b && bs.score >= b.score * SOC_PREFERENCE && bs.score >= OCCUPATION_FLOOR) return bs;
    return b;
  }

  // Qualifier words by the text that holds them. Employers repeat, and their kind's implied words are a few
  // strings; an advert's words are looked up one by one (each word of the lexicon searched once, when first
  // met) rather than its text searched again.
  const qualifiersByEmployer = new Map<string, Int32Array>();
  const qualifiersByImplied = new Map<string, Int32Array>();
  function qualifiersOf(text: string, cache: Map<string, Int32Array>): Int32Array {
    let ids = cache.get(text);
    if (!ids) {
      ids = qualifierWords.within(text.toLowerCase());
      if (cache.size >= 20_000) cache.clear();
      cache.set(text, ids);
    }
    return ids;
  }
  let qualifiersByWord: (Int32Array | undefined)[] = [];
  let qualifiersGeneration = -1;
  const NO_QUALIFIERS = new Int32Array(0);
  /** The qualifier words inside the description's words up to QUALIFIER_DESCRIPTION_CHARS. */
  function qualifiersOfDescription(description: string, scan: WordScan, layout: Layout, into: FoundWords): void {
    if (qualifiersGeneration !== lexicon.generation) {
      qualifiersByWord = [];
      qualifiersGeneration = lexicon.generation;
    }
    const { descStart } = layout;
    const limit = descStart + QUALIFIER_DESCRIPTION_CHARS;
    for (let k = layout.descFrom; k < scan.n && scan.ends[k]! <= limit; k++) {
      const w = scan.words[k]!;
      let ids = qualifiersByWord[w];
      if (ids === undefined) {
        ids = qualifierWords.within(description.slice(scan.starts[k]! - descStart, scan.ends[k]! - descStart).toLowerCase());
        qualifiersByWord[w] = ids.length > 0 ? ids : NO_QUALIFIERS;
      }
      if (ids.length > 0) into.addAll(ids);
    }
  }

  const employerScan = new WordScan();
  const advertScan = new WordScan();

  /** Where the words of the advert's parts lie in its scan (`title + '\n' + description`). */
  interface Layout {
    descStart: number;
    /** Word index ranges: title words, description words for the sector, for a title in the description. */
    titleTo: number;
    descFrom: number;
    descTo: number;
    descHeadTo: number;
    descOpeningTo: number;
  }
  function layoutOf(title: string, scan: WordScan): Layout {
    const descStart = title.length + 1;
    const titleEnd = Math.min(title.length, MAX_TITLE_CHARS);
    const { n, starts, ends } = scan;
    let k = 0;
    while (k < n && ends[k]! <= titleEnd) k++;
    const titleTo = k;
    while (k < n && starts[k]! < descStart) k++;
    const descFrom = k;
    while (k < n && ends[k]! <= descStart + OPENING_DESCRIPTION_CHARS) k++;
    const descOpeningTo = k;
    while (k < n && ends[k]! <= descStart + TITLE_DESCRIPTION_CHARS) k++;
    const descHeadTo = k;
    while (k < n && ends[k]! <= descStart + SECTOR_DESCRIPTION_CHARS) k++;
    return { descStart, titleTo, descFrom, descTo: k, descHeadTo, descOpeningTo };
  }

  // Adverts repeat employers: an employer name's sector votes are kept.
  interface EmployerVotes {
    votes: readonly { section: string; weight: number; why: string }[];
    /** The name says what kind of organisation it is ("University of …", "… NHS Trust"). */
    typed: boolean;
  }
  const votesByEmployer = new Map<string, EmployerVotes>();
  function employerVotes(employer: string): EmployerVotes {
    const known = votesByEmployer.get(employer);
    if (known) return known;
    lexicon.scan(employer, employerScan);
    const matches = [...sectorTrie.matchIds(sectorTrie.idsOfScan(lexicon, employerScan, 0, employerScan.n))];
    // An employer named by its kind ("University of Glasgow - Research Institute of Cancer Sciences"):
    // the kind counts more, the unit's words less.
    // Several kinds in one name ("University College London Hospitals NHS Foundation Trust"): the last is the
    // organisation's own, the earlier ones are part of its name.
    let kind: string | null = null;
    for (const m of matches) for (const v of m.values) if (v.section && ORGANISATION_TYPES.has(v.phrase)) kind = v.section;
    const typed = kind !== null;
    const out: { section: string; weight: number; why: string }[] = [];
    const seen = new Set<string>();
    for (const m of matches) {
      let voted = '';
      for (const v of m.values) {
        if (!v.section || voted.includes(v.section) || seen.has(v.phrase)) continue;
        voted += v.section;
        seen.add(v.phrase);
        const factor = v.section === kind ? (ORGANISATION_TYPES.get(v.phrase) ?? 0.5) : typed ? 0.5 : 1;
        out.push({ section: v.section, weight: 1.2 * factor, why: `employer: ${employer.slice(employerScan.starts[m.from]!, employerScan.ends[m.to - 1]!)}` });
      }
    }
    if (votesByEmployer.size >= 20_000) votesByEmployer.clear();
    const result = { votes: out, typed };
    votesByEmployer.set(employer, result);
    return result;
  }

  function classifySector(input: ClassifyInput, scan: WordScan, layout: Layout, occ: Candidate | null, occConfidence: number): SectorResult {
    const votes = new Map<string, number>();
    const evidence = new Map<string, string[]>();
    // SIC classifies by activity: a council's social workers are social work (Q 88), its teachers
    // education (P), not public administration (O). An occupation with its own section outweighs the
    // public employer's O words.
    const occSection = occ && !isCrossSector(occ.entry.occ) ? sectorOf(occ.entry.occ) : null;
    const publicDiscount = occSection && occSection !== 'O' ? 0.4 : 1;
    const vote = (section: string, w: number, why: string) => {
      if (section === 'O' && !why.startsWith('occupation')) w *= publicDiscount;
      votes.set(section, (votes.get(section) ?? 0) + w);
      const list = evidence.get(section);
      if (list) {
        if (!list.includes(why) && list.length < 6) list.push(why);
      } else evidence.set(section, [why]);
    };
    if (occ) {
      const s = sectorOf(occ.entry.occ);
      // An occupation found in every industry (sales, finance, HR, marketing, administration) says little
      // about this employer's: a weak prior that the employer and the advert's words outvote.
      if (s) vote(s, (isCrossSector(occ.entry.occ) ? 0.35 : 1.5) * occConfidence, `occupation: ${occ.entry.occ.title}`);
    }
    // Keyword votes from the scanned words [from, to) of `text`, which starts at `offset` in the scan.
    const keywords = (words: WordScan, from: number, to: number, text: string, offset: number, weight: number, where: string, cap: number, skip: ReadonlySet<string>) => {
      const seen = new Map<string, number>();
      for (const m of sectorTrie.matchIds(sectorTrie.idsOfScan(lexicon, words, from, to))) {
        // Keywords sharing a stem ("lift", "lifts") are one match: one vote per section.
        let voted = '';
        for (const v of m.values) {
          if (!v.section || voted.includes(v.section) || skip.has(v.phrase) || ONLY_IN_EMPLOYER_NAMES.has(v.phrase)) continue;
          voted += v.section;
          const n = seen.get(v.phrase) ?? 0;
          if (n >= cap) continue;
          seen.set(v.phrase, n + 1);
          vote(v.section, weight * (WEAK_KEYWORDS.get(v.phrase) ?? 1), `${where}: ${text.slice(words.starts[from + m.from]! - offset, words.ends[from + m.to - 1]! - offset)}`);
        }
      }
    };
    const employer = input.employer ? employerVotes(input.employer) : null;
    if (employer) for (const v of employer.votes) vote(v.section, v.weight, v.why);
    // A skilled trade's title names what the work is done to ("Lift Installer", "Boiler Engineer"), and that
    // decides between making it (C), installing it (F) or servicing it: the title's words count a little more
    // than the occupation's own section (1.5 × its confidence).
    const trade = occ !== null && isSkilledTrade(occ.entry.occ);
    keywords(scan, 0, layout.titleTo, input.title, 0, trade ? Math.max(0.6, 1.8 * occConfidence) : 0.6, 'title', 1, NOT_IN_TITLES);
    if (input.description) {
      // An employer named by its kind (a university, an NHS trust, a membership body) is that kind whatever its
      // adverts talk about: a university's mining research, a confederation's patients.
      const d = employer?.typed ? 0.5 : 1;
      keywords(scan, layout.descFrom, layout.descOpeningTo, input.description, layout.descStart, 0.5 * d, 'description', 2, NOT_IN_DESCRIPTIONS);
      keywords(scan, layout.descOpeningTo, layout.descTo, input.description, layout.descStart, 0.25 * d, 'description', 2, NOT_IN_DESCRIPTIONS);
    }
    let winner: string | null = null;
    let top = 0;
    let total = 0;
    for (const [s, v] of votes) {
      total += v;
      if (v > top) {
        top = v;
        winner = s;
      }
    }
    if (!winner || top < 0.3) return null;
    const confidence = Math.max(0.05, Math.min(0.95, (top / total) * (1 - Math.exp(-1.2 * top))));
    return { code: winner, confidence: round2(confidence), evidence: evidence.get(winner) ?? [] };
  }

  function classifyScanned(input: ClassifyInput, scan: WordScan): Classification {
    const rawTitle = typeof input?.title === 'string' ? input.title : '';
    const title = rawTitle.slice(0, MAX_TITLE_CHARS);
    const description = typeof input?.description === 'string' ? input.description : '';
    const employer = typeof input?.employer === 'string' ? input.employer : null;
    const layout = layoutOf(rawTitle, scan);
    // Employer and advert words, only built when a qualified index title needs them.
    let contextWords: FoundWords | null = null;
    const context = () => {
      if (contextWords === null) {
        const head = description.slice(0, QUALIFIER_DESCRIPTION_CHARS);
        contextWords = qualifierWords.emptySet();
        if (employer) contextWords.addAll(qualifiersOf(employer, qualifiersByEmployer));
        contextWords.addAll(qualifiersOf(`${employerImplies(employer)} ${descriptionImplies(head)}`, qualifiersByImplied));
        qualifiersOfDescription(description, scan, layout, contextWords);
      }
      return contextWords;
    };
    let chosen = pick(titleCandidates(title), context);
    if (!chosen || chosen.score < 0.6) {
      const overlap = occupationFromOverlap(title);
      if (overlap && (!chosen || overlap.score > chosen.score)) chosen = overlap;
    }
    if ((!chosen || chosen.score < 0.4) && description) {
      const fromDescription = occupationFromDescription(description, layout.descStart, scan, layout.descFrom, layout.descHeadTo, layout.descOpeningTo, context);
      if (fromDescription && (!chosen || fromDescription.score > chosen.score)) chosen = fromDescription;
    }
    // No answer beats a wrong one: below the floor the best guess is dropped.
    if (chosen && chosen.score < OCCUPATION_FLOOR) chosen = null;
    const confidence = chosen ? round2(Math.min(0.97, chosen.score)) : 0;
    const occupation: OccupationResult = chosen
      ? {
          code: chosen.entry.occ.code,
          scheme: chosen.entry.occ.scheme,
          confidence,
          evidence: [chosen.words, `${chosen.how}: ${chosen.entry.label} → ${chosen.entry.occ.title}`],
        }
      : null;
    const sector = classifySector({ title, description, employer }, scan, layout, chosen, confidence);
    return { occupation, sector, occupationRecord: chosen?.entry.occ ?? null };
  }

  return {
    classifyScanned,
    classify(input: ClassifyInput): Classification {
      const title = typeof input?.title === 'string' ? input.title : '';
      const description = typeof input?.description === 'string' ? input.description : '';
      lexicon.trim();
      // Only words within the description's first 3,000 characters are read (2,500 for the sector). The
      // scan runs a little further, so that a word crossing the limit is not cut into a shorter word that would count.
      lexicon.scan(`${title}\n${description.slice(0, Math.max(SECTOR_DESCRIPTION_CHARS, QUALIFIER_DESCRIPTION_CHARS) + 64)}`, advertScan);
      return classifyScanned(input, advertScan);
    },
  };
}
