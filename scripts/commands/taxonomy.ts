import type { Command } from 'commander';
import { closeDb } from '../../src/db.ts';
import { createClassifier } from '../../src/taxonomy/enricher/classifier.ts';
import { createSkillSpotter } from '../../src/taxonomy/enricher/skill-spotter.ts';
import { createMentionExtractor } from '../../src/taxonomy/mentions/extract-mentions.ts';
import { countTaxonomy, listTaxonomyVersions, loadSocIndex } from '../../src/taxonomy/store.ts';
import { stems } from '../../src/taxonomy/text.ts';
import { describeLinks, measureCrosswalkCoverage } from '../../src/taxonomy/crosswalk-coverage.ts';
import { findGivenOccupation } from '../../src/participants/resolve-occupation.ts';
import { withDbOption, type CliContext } from '../lib/cli-context.ts';

/**
 * `taxonomy status`: imported versions and row counts.
 * `taxonomy classify "<title>" [--description TEXT] [--employer NAME]`: what
 * the classifier makes of a job title, with its evidence.
 * `taxonomy skills "<text>" [--spans [--json]]`: the skills the pipeline's spotter finds in a
 * text, or with --spans every span the mention extractor finds (with offsets).
 * `taxonomy search "<words>"`: occupations and skills whose labels contain all the words.
 * `taxonomy crosswalk [occupation]`: the crosswalk's coverage, or one occupation's links.
 */
export function register(program: Command, ctx: CliContext): void {
  const tax = program.command('taxonomy').description('inspect the taxonomy store and try the classifier');
  withDbOption(tax.command('status'))
    .description('list taxonomy versions and row counts')
    .option('--json', 'print JSON')
    .action((opts: { db?: string; json?: boolean }) => {
      const db = ctx.openDb(opts);
      try {
        const versions = listTaxonomyVersions(db);
        const counts = countTaxonomy(db);
        if (opts.json) {
          console.log(JSON.stringify({ versions, counts }, null, 2));
          return;
        }
        for (const v of versions) {
          const c = Object.entries(v.counts).map(([k, n]) => `${k}=${n}`).join(' ');
          console.log(`#${v.id} ${v.source.padEnd(9)} ${new Date(v.importedAt).toISOString()} ${v.label}  ${c}`);
        }
        console.log('totals:');
        for (const [k, n] of Object.entries(counts)) console.log(`  ${k}: ${n}`);
      } finally {
        closeDb(db);
      }
    });
  withDbOption(tax.command('classify').argument('<title>', 'a job title, e.g. "Senior Care Assistant - Nights"'))
    .description('classify a job title (occupation and SIC 2007 section) and show the evidence')
    .option('--description <text>', 'advert text, a weaker signal')
    .option('--employer <name>', 'employer name, a weaker signal')
    .option('--json', 'print JSON')
    .action((title: string, opts: { db?: string; description?: string; employer?: string; json?: boolean }) => {
      const { db, taxonomy } = ctx.openTaxonomy(opts);
      try {
        const classifier = createClassifier(taxonomy, loadSocIndex(db));
        const r = classifier.classify({ title, description: opts.description ?? '', employer: opts.employer ?? null });
        if (opts.json) {
          console.log(JSON.stringify({ occupation: r.occupation, sector: r.sector }, null, 2));
          return;
        }
        if (r.occupation) {
          console.log(`occupation: ${r.occupation.scheme}:${r.occupation.code} ${r.occupationRecord?.title ?? ''} (confidence ${r.occupation.confidence})`);
          for (const e of r.occupation.evidence) console.log(`  evidence: ${e}`);
        } else console.log('occupation: none');
        if (r.sector) {
          console.log(`sector: ${r.sector.code} ${taxonomy.sectors.get(r.sector.code)?.title ?? ''} (confidence ${r.sector.confidence})`);
          for (const e of r.sector.evidence) console.log(`  evidence: ${e}`);
        } else console.log('sector: none');
      } finally {
        closeDb(db);
      }
    });
  withDbOption(tax.command('skills').argument('<text>', 'advert text'))
    .description('spot taxonomy skills in a text (evidence, required or mentioned, confidence)')
    .option('--spans', 'instead, list every span the mention extractor finds: skills (mapped or unmapped), qualifications, experience, occupations, domains')
    .option('--json', 'with --spans: print the spans as JSON')
    .action((text: string, opts: { db?: string; spans?: boolean; json?: boolean }) => {
      const { db, taxonomy } = ctx.openTaxonomy(opts);
      try {
        const input = text.replace(/\\n/g, '\n');
        if (opts.spans) {
          const mentions = createMentionExtractor(taxonomy).extract(input);
          if (opts.json) {
            console.log(JSON.stringify(mentions, null, 2));
            return;
          }
          for (const m of mentions) {
            const target = m.kind === 'skill' ? (m.skill ? `${m.skill.id} ${m.skill.label}` : `unmapped "${m.normalised}"`) : '';
            console.log(`${m.kind.padEnd(13)} ${m.start}-${m.end} ${m.required ? 'required ' : 'mentioned'} ${m.confidence.toFixed(2)} "${m.text}"${target ? ` → ${target}` : ''}`);
          }
          return;
        }
        const spotter = createSkillSpotter(taxonomy);
        for (const s of spotter.spot(input)) {
          console.log(`${s.required ? 'required ' : 'mentioned'} ${s.confidence.toFixed(2)} ${s.id} ${s.label} ← "${s.evidence}"`);
        }
      } finally {
        closeDb(db);
      }
    });
  withDbOption(tax.command('search').argument('<words>', 'words to find in occupation titles and skill labels'))
    .description('find occupations and skills by title or label (all words must appear)')
    .option('--limit <n>', 'rows per kind', '15')
    .action((words: string, opts: { db?: string; limit: string }) => {
      const { db, taxonomy } = ctx.openTaxonomy(opts);
      try {
        const wanted = stems(words);
        const limit = Math.max(1, Number(opts.limit) || 15);
        const hit = (labels: readonly string[]) => labels.some((l) => {
          const have = new Set(stems(l));
          return wanted.every((w) => have.has(w));
        });
        const occ = [...taxonomy.occupations.values()].filter((o) => hit([o.title, ...o.altTitles])).slice(0, limit);
        const sk = [...taxonomy.skills.values()].filter((x) => hit([x.label, ...x.altLabels])).slice(0, limit);
        console.log(`occupations (${occ.length}${occ.length === limit ? '+' : ''}):`);
        for (const o of occ) console.log(`  ${o.id}  ${o.title}${o.sector ? `  [${o.sector}]` : ''}`);
        console.log(`skills (${sk.length}${sk.length === limit ? '+' : ''}):`);
        for (const x of sk) console.log(`  ${x.id}  ${x.label}  (${x.type})`);
      } finally {
        closeDb(db);
      }
    });
  withDbOption(tax.command('crosswalk').argument('[occupation]', 'an occupation id or code (esco:<uuid>, soc:9252, 9252); none: coverage'))
    .description('the ESCO ↔ ISCO-08 ↔ SOC 2020 crosswalk derived from the imports: coverage, or one occupation\'s links')
    .option('--json', 'print JSON')
    .action((occupation: string | undefined, opts: { db?: string; json?: boolean }) => {
      const { db, taxonomy } = ctx.openTaxonomy(opts);
      try {
        if (occupation) {
          const o = findGivenOccupation(taxonomy, occupation);
          if (!o) throw new Error(`unknown occupation "${occupation}"`);
          if (opts.json) {
            console.log(JSON.stringify({ occupation: { id: o.id, title: o.title, iscoGroup: o.iscoGroup ?? null }, links: taxonomy.crosswalk.linksOf(o.id) }, null, 2));
            return;
          }
          console.log(`${o.id}  ${o.title}${o.iscoGroup ? `  (ISCO-08 ${o.iscoGroup})` : ''}`);
          const lines = describeLinks(taxonomy, o);
          for (const l of lines) console.log(`  ≈ ${l}`);
          if (!lines.length) console.log('  no links (import ESCO and the SOC 2020 coding index; O*NET has none)');
          return;
        }
        const c = measureCrosswalkCoverage(taxonomy);
        if (opts.json) {
          console.log(JSON.stringify(c, null, 2));
          return;
        }
        const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');
        console.log(`ESCO occupations with a SOC unit group: ${c.esco.withSoc} / ${c.esco.occupations} (${pct(c.esco.withSoc, c.esco.occupations)}); with an ISCO group: ${c.esco.withIsco}`);
        if (c.esco.modalShareMean != null) console.log(`  mean share of the modal link: ${(c.esco.modalShareMean * 100).toFixed(1)}%`);
        console.log(`SOC unit groups reached from ESCO: ${c.soc.reachedFromEsco} / ${c.soc.unitGroups} (${pct(c.soc.reachedFromEsco, c.soc.unitGroups)}); reaching ESCO: ${c.soc.withEsco} (${pct(c.soc.withEsco, c.soc.unitGroups)})`);
        console.log(`O*NET occupations with links: ${c.onet.withLinks} / ${c.onet.occupations} (no O*NET-SOC ↔ UK SOC crosswalk is imported; shared skills only)`);
        for (const [scheme, r] of Object.entries(c.skills)) {
          console.log(`${scheme} skills with a same-label skill in another scheme: ${r.withEquivalent} / ${r.skills} (${pct(r.withEquivalent, r.skills)})`);
        }
      } finally {
        closeDb(db);
      }
    });
}
