/**
 * Regenerates the committed CoNLL files from their inline-annotated sources:
 * `npx tsx scripts/eval/skills/build-conll.ts`
 *   dev-1.txt    → scripts/eval/skills-dev.conll
 *   holdout.txt  → scripts/eval/skills-holdout.conll
 * Lines starting with # are comments; every other non-empty line is one sentence.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseInline, toConll } from './conll.ts';

const here = new URL('./', import.meta.url);
for (const [src, dest] of [['dev-1.txt', '../skills-dev.conll'], ['holdout.txt', '../skills-holdout.conll']] as const) {
  const lines = readFileSync(new URL(src, here), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const sentences = lines.map(parseInline);
  writeFileSync(new URL(dest, here), toConll(sentences));
  const counts = new Map<string, number>();
  for (const s of sentences) for (const sp of s.spans) counts.set(sp.label, (counts.get(sp.label) ?? 0) + 1);
  console.log(`${dest}: ${sentences.length} sentences, ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}`);
}
