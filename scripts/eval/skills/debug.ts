/** `npx tsx scripts/eval/skills/debug.ts "<sentence>"…`: tokens with POS and the mentions found, for working on the extractor. */
import { openDb } from '../../../src/db.ts';
import { createMentionExtractor } from '../../../src/taxonomy/mentions/extract-mentions.ts';
import { tokenSentences } from '../../../src/taxonomy/mentions/nlp-tokens.ts';
import { loadServedTaxonomy } from '../../../src/taxonomy/served-taxonomy.ts';

const extractor = createMentionExtractor(loadServedTaxonomy(openDb(':memory:')));
for (const text of process.argv.slice(2)) {
  console.log(tokenSentences(text).map((s) => s.map((t) => `${t.text}/${t.pos}`).join(' ')).join('\n'));
  for (const m of extractor.extract(text)) console.log(`  ${m.kind.padEnd(13)} "${m.text}" ${m.skill ? `→ ${m.skill.id} ${m.skill.label}` : ''} ${m.required ? 'required' : ''} ${m.confidence}`);
}
