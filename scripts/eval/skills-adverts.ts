/**
 * `npm run eval -- skills-adverts <file> [--limit N] [--db PATH]`
 *
 * Runs the span extractor over real adverts (any file `import vacancies`
 * reads, e.g. the NHS JobPosting JSONL.gz or Ashby JSONL.gz) and prints
 * `name: value unit` lines: adverts and kilobytes per second on this
 * machine (wink-nlp's tagging dominates), spans per advert by kind, the
 * share of skill spans mapped to the taxonomy, and the same speed for the
 * pipeline's dictionary spotter for comparison. Nothing is scored: real
 * adverts carry no annotations; use `skills <conll>` for F1.
 */
import { openDb } from '../../src/db.ts';
import { createSkillSpotter } from '../../src/taxonomy/enricher/skill-spotter.ts';
import { createMentionExtractor } from '../../src/taxonomy/mentions/extract-mentions.ts';
import type { MentionKind } from '../../src/taxonomy/mentions/mention.ts';
import { loadServedTaxonomy } from '../../src/taxonomy/served-taxonomy.ts';
import { openRecords } from '../../src/vacancies/import/read-records.ts';
import { recordToRaw } from '../../src/vacancies/import/to-raw.ts';

export async function run(args: string[]): Promise<void> {
  const file = args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1]!.startsWith('--')));
  if (!file) throw new Error('usage: npm run eval -- skills-adverts <file> [--limit N] [--db PATH]');
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const limit = Number(opt('limit') ?? 500);
  const texts: string[] = [];
  for await (const rec of openRecords(file).records) {
    if (!rec.value) continue;
    const r = recordToRaw(rec.value);
    if (!r.ok) continue;
    texts.push([r.raw.title ?? '', r.raw.description ?? ''].join('\n'));
    if (texts.length >= limit) break;
  }
  const taxonomy = loadServedTaxonomy(openDb(opt('db') ?? ':memory:'));
  const extractor = createMentionExtractor(taxonomy);
  extractor.extract('Warm-up: the tagger model loads on first use.');
  const counts = new Map<MentionKind, number>();
  let mapped = 0;
  let skills = 0;
  const t0 = performance.now();
  for (const text of texts) {
    for (const m of extractor.extract(text)) {
      counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
      if (m.kind === 'skill') {
        skills++;
        if (m.skill) mapped++;
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const spotter = createSkillSpotter(taxonomy);
  const t1 = performance.now();
  for (const text of texts) spotter.spot(text);
  const spotterSeconds = (performance.now() - t1) / 1000;
  const kb = texts.reduce((a, t) => a + t.length, 0) / 1024;
  console.log(`skills_adverts: ${texts.length} adverts`);
  console.log(`skills_adverts_avg_size: ${(kb / Math.max(1, texts.length)).toFixed(1)} KB`);
  console.log(`skills_spans_rate: ${(texts.length / seconds).toFixed(0)} adverts/s`);
  console.log(`skills_spans_kb_rate: ${(kb / seconds).toFixed(0)} KB/s`);
  console.log(`skills_spotter_rate: ${(texts.length / spotterSeconds).toFixed(0)} adverts/s`);
  for (const k of ['skill', 'qualification', 'experience', 'occupation', 'domain'] as const) {
    console.log(`skills_${k}_spans_per_advert: ${((counts.get(k) ?? 0) / Math.max(1, texts.length)).toFixed(1)} spans`);
  }
  console.log(`skills_mapped_to_taxonomy: ${(mapped / Math.max(1, skills)).toFixed(3)} ratio`);
}
