/**
 * `npm run eval -- skills <conll-file> [--db PATH] [--extractor spans|spotter] [--errors N]`
 *
 * Scores skill extraction on a CoNLL BIO file annotated by the schema of
 * Green, Maynard & Lin (LREC 2022): Skill, Qualification, Experience,
 * Occupation, Domain. Prints `name: value unit` lines:
 * - strict span precision/recall/F1 for Skill (same first and last token);
 * - lenient (any token overlap) precision/recall/F1 for Skill;
 * - the confusion of predicted Skill spans with the other four labels, and
 *   strict F1 of each other label where the extractor predicts it.
 *
 * `--extractor spans` (default) is the span extractor (src/taxonomy/mentions/);
 * `--extractor spotter` is the dictionary spotter the pipeline used before
 * it, whose evidence strings are placed back at every place they occur
 * in the sentence. `--db` uses that database's taxonomy (bundled + imported,
 * e.g. with ESCO); without it the bundled one in memory. `--errors N` lists
 * N missed and N spurious Skill spans.
 */
import { readFileSync } from 'node:fs';
import { openDb } from '../../src/db.ts';
import { createSkillSpotter } from '../../src/taxonomy/enricher/skill-spotter.ts';
import { createMentionExtractor } from '../../src/taxonomy/mentions/extract-mentions.ts';
import { loadServedTaxonomy } from '../../src/taxonomy/served-taxonomy.ts';
import { LABELS, parseConll, type Label, type Sentence, type Span } from './skills/conll.ts';

type Predict = (text: string) => Span[];

const KIND_LABEL: Record<string, Label> = { skill: 'Skill', qualification: 'Qualification', experience: 'Experience', occupation: 'Occupation', domain: 'Domain' };

export async function run(args: string[]): Promise<void> {
  const file = args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1]!.startsWith('--')));
  if (!file) throw new Error('usage: npm run eval -- skills <conll-file> [--db PATH] [--extractor spans|spotter] [--errors N]');
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const which = opt('extractor') ?? 'spans';
  const sentences = parseConll(readFileSync(file, 'utf8'));
  const db = openDb(opt('db') ?? ':memory:');
  const taxonomy = loadServedTaxonomy(db);
  let predict: Predict;
  let mapped = 0;
  let unmapped = 0;
  const t0 = performance.now();
  if (which === 'spotter') {
    const spotter = createSkillSpotter(taxonomy);
    predict = (text) => placeEvidence(text, spotter.spot(text).map((s) => s.evidence));
  } else if (which === 'spans') {
    const extractor = createMentionExtractor(taxonomy);
    predict = (text) => {
      const found = extractor.extract(text);
      for (const m of found) if (m.kind === 'skill') m.skill ? mapped++ : unmapped++;
      return found.map((m) => ({ start: m.start, end: m.end, label: KIND_LABEL[m.kind]! }));
    };
  } else throw new Error(`--extractor: spans or spotter, not ${which}`);
  const buildMs = performance.now() - t0;
  const t1 = performance.now();
  const predicted = sentences.map((s) => predict(s.text));
  const runMs = performance.now() - t1;
  report(sentences, predicted, Number(opt('errors') ?? 0));
  if (which === 'spans') console.log(`skills_mapped_to_taxonomy: ${ratio(mapped, mapped + unmapped).toFixed(3)} ratio`);
  console.log(`skills_extractor: ${which} name`);
  console.log(`skills_taxonomy_skills: ${taxonomy.skills.size} skills`);
  console.log(`skills_build: ${buildMs.toFixed(0)} ms`);
  console.log(`skills_extract: ${((runMs / sentences.length) * 1000).toFixed(0)} µs/sentence`);
}

/** Every whole-word occurrence of each evidence string (the spotter reports one per skill, not where). */
function placeEvidence(text: string, evidence: string[]): Span[] {
  const out: Span[] = [];
  for (const e of new Set(evidence)) {
    for (let i = text.indexOf(e); i >= 0; i = text.indexOf(e, i + 1)) {
      const before = i === 0 ? ' ' : text[i - 1]!;
      const after = text[i + e.length] ?? ' ';
      if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
      out.push({ start: i, end: i + e.length, label: 'Skill' });
    }
  }
  return out;
}

interface TokenSpan {
  from: number;
  to: number;
  label: Label;
}

/** Char span → first and last token it touches (-1 when it touches none). */
function toTokens(s: Sentence, sp: Span): TokenSpan | null {
  let from = -1;
  let to = -1;
  s.tokens.forEach((t, k) => {
    if (t.end > sp.start && t.start < sp.end) {
      if (from < 0) from = k;
      to = k;
    }
  });
  return from < 0 ? null : { from, to, label: sp.label };
}

const overlaps = (a: TokenSpan, b: TokenSpan) => a.from <= b.to && b.from <= a.to;
const same = (a: TokenSpan, b: TokenSpan) => a.from === b.from && a.to === b.to;
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const fmt = (x: number) => x.toFixed(3);

function report(sentences: Sentence[], predicted: Span[][], showErrors: number): void {
  const perLabel = new Map<Label, { gold: number; pred: number; strict: number; goldHit: number; predHit: number }>();
  for (const l of LABELS) perLabel.set(l, { gold: 0, pred: 0, strict: 0, goldHit: 0, predHit: 0 });
  // Predicted Skill spans that overlap no gold Skill, by the gold label they sit on instead.
  const skillOnOther = new Map<string, number>([...LABELS.filter((l) => l !== 'Skill'), 'none'].map((l) => [l, 0]));
  // Gold spans of the other labels that a predicted Skill overlaps.
  const otherTaggedSkill = new Map<string, { total: number; hit: number }>(LABELS.filter((l) => l !== 'Skill').map((l) => [l, { total: 0, hit: 0 }]));
  const missed: string[] = [];
  const spurious: string[] = [];
  sentences.forEach((s, i) => {
    const gold = s.spans.map((sp) => toTokens(s, sp)).filter((x): x is TokenSpan => x !== null);
    const pred = predicted[i]!.map((sp) => toTokens(s, sp)).filter((x): x is TokenSpan => x !== null);
    const text = (t: TokenSpan) => s.text.slice(s.tokens[t.from]!.start, s.tokens[t.to]!.end);
    for (const l of LABELS) {
      const g = gold.filter((x) => x.label === l);
      const p = pred.filter((x) => x.label === l);
      const c = perLabel.get(l)!;
      c.gold += g.length;
      c.pred += p.length;
      c.strict += p.filter((x) => g.some((y) => same(x, y))).length;
      c.goldHit += g.filter((y) => p.some((x) => overlaps(x, y))).length;
      c.predHit += p.filter((x) => g.some((y) => overlaps(x, y))).length;
    }
    const goldSkill = gold.filter((x) => x.label === 'Skill');
    const predSkill = pred.filter((x) => x.label === 'Skill');
    for (const p of predSkill) {
      if (goldSkill.some((g) => same(g, p))) continue;
      if (!goldSkill.some((g) => overlaps(g, p))) {
        const other = gold.find((g) => g.label !== 'Skill' && overlaps(g, p));
        skillOnOther.set(other?.label ?? 'none', skillOnOther.get(other?.label ?? 'none')! + 1);
      }
      spurious.push(`"${text(p)}"${goldSkill.find((g) => overlaps(g, p)) ? ` (gold "${text(goldSkill.find((g) => overlaps(g, p))!)}")` : ''}  | ${s.text}`);
    }
    for (const g of goldSkill) if (!predSkill.some((p) => same(p, g))) missed.push(`"${text(g)}"  | ${s.text}`);
    for (const g of gold) {
      if (g.label === 'Skill') continue;
      const c = otherTaggedSkill.get(g.label)!;
      c.total++;
      if (predSkill.some((p) => overlaps(p, g))) c.hit++;
    }
  });
  const sk = perLabel.get('Skill')!;
  console.log(`skills_sentences: ${sentences.length} sentences`);
  console.log(`skills_gold_skill_spans: ${sk.gold} spans`);
  console.log(`skills_predicted_skill_spans: ${sk.pred} spans`);
  const sp = ratio(sk.strict, sk.pred);
  const sr = ratio(sk.strict, sk.gold);
  console.log(`skill_strict_precision: ${fmt(sp)} ratio`);
  console.log(`skill_strict_recall: ${fmt(sr)} ratio`);
  console.log(`skill_strict_f1: ${fmt(f1(sp, sr))} ratio`);
  const lp = ratio(sk.predHit, sk.pred);
  const lr = ratio(sk.goldHit, sk.gold);
  console.log(`skill_lenient_precision: ${fmt(lp)} ratio`);
  console.log(`skill_lenient_recall: ${fmt(lr)} ratio`);
  console.log(`skill_lenient_f1: ${fmt(f1(lp, lr))} ratio`);
  for (const [l, n] of skillOnOther) console.log(`skill_predicted_on_${l.toLowerCase()}: ${n} spans`);
  for (const [l, c] of otherTaggedSkill) console.log(`${l.toLowerCase()}_gold_tagged_as_skill: ${c.hit}/${c.total} spans`);
  for (const l of LABELS) {
    if (l === 'Skill') continue;
    const c = perLabel.get(l)!;
    if (c.pred === 0) continue;
    const p = ratio(c.strict, c.pred);
    const r = ratio(c.strict, c.gold);
    console.log(`${l.toLowerCase()}_strict_f1: ${fmt(f1(p, r))} ratio`);
    console.log(`${l.toLowerCase()}_lenient_f1: ${fmt(f1(ratio(c.predHit, c.pred), ratio(c.goldHit, c.gold)))} ratio`);
  }
  if (showErrors > 0) {
    console.log(`-- missed (${missed.length}):`);
    for (const m of missed.slice(0, showErrors)) console.log(`  ${m}`);
    console.log(`-- spurious (${spurious.length}):`);
    for (const m of spurious.slice(0, showErrors)) console.log(`  ${m}`);
  }
}
