import { InvalidArgumentError, type Command } from 'commander';
import { closeDb } from '../../src/db.ts';
import { DEFAULT_TRANSITION_OPTIONS, transitionsFromOccupation } from '../../src/matching/transitions.ts';
import { matchOccupationTitle } from '../../src/participants/resolve-occupation.ts';
import type { OccupationScheme } from '../../src/taxonomy/model.ts';
import { withDbOption, type CliContext } from '../lib/cli-context.ts';

interface TransitionsOpts {
  db?: string;
  from: string;
  scheme?: OccupationScheme;
  limit: number;
  filter: 'viable' | 'desirable' | 'all';
  minSimilarity?: number;
  maxLevelUp?: number;
  minPayRatio?: number;
  maxPayRatio?: number;
  json?: boolean;
}

const number = (min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new InvalidArgumentError(`expected a number from ${min} to ${max}`);
  return n;
};

/**
 * `transitions --from CODE`: occupations reachable from one occupation, with
 * similarity, the missing essential skills and the viability/desirability
 * guards, from the taxonomy the server uses (bundled + imported).
 */
export function register(program: Command, ctx: CliContext): void {
  withDbOption(program.command('transitions'))
    .description('occupations reachable from one occupation (asymmetric skill similarity, with gaps and guards)')
    .requiredOption('--from <code>', 'origin occupation: id (soc:6135, esco:<uuid>), code (6135, 53-3032.00) or exact title')
    .option('--scheme <scheme>', 'scheme of the code: esco, onet or soc', (v) => {
      if (!['esco', 'onet', 'soc'].includes(v)) throw new InvalidArgumentError('one of esco, onet, soc');
      return v as OccupationScheme;
    })
    .option('--limit <n>', 'destinations to list', number(1, 1000), DEFAULT_TRANSITION_OPTIONS.limit)
    .option('--filter <which>', 'viable, desirable or all', (v) => {
      if (!['viable', 'desirable', 'all'].includes(v)) throw new InvalidArgumentError('one of viable, desirable, all');
      return v;
    }, 'viable')
    .option('--min-similarity <x>', `viability threshold (default ${DEFAULT_TRANSITION_OPTIONS.minSimilarity})`, number(0, 1))
    .option('--max-level-up <n>', `skill levels up allowed (default ${DEFAULT_TRANSITION_OPTIONS.maxLevelUp})`, number(0, 4))
    .option('--min-pay-ratio <x>', `desirability: destination/origin pay (default ${DEFAULT_TRANSITION_OPTIONS.minPayRatio})`, number(0, 10))
    .option('--max-pay-ratio <x>', `viability: destination/origin pay at most (default ${DEFAULT_TRANSITION_OPTIONS.maxPayRatio})`, number(1, 10))
    .option('--json', 'print JSON instead of a table')
    .action((opts: TransitionsOpts) => {
      const { db, taxonomy } = ctx.openTaxonomy(opts);
      try {
        const origin = taxonomy.findOccupation(opts.from, opts.scheme) ?? matchOccupationTitle(taxonomy, opts.from);
        if (!origin) throw new Error(`no occupation "${opts.from}"${opts.scheme ? ` in ${opts.scheme}` : ''}`);
        const res = transitionsFromOccupation(taxonomy, origin.id, {
          limit: opts.limit,
          filter: opts.filter,
          minSimilarity: opts.minSimilarity,
          maxLevelUp: opts.maxLevelUp,
          minPayRatio: opts.minPayRatio,
          maxPayRatio: opts.maxPayRatio,
        });
        const transitions = res?.transitions ?? [];
        if (opts.json) {
          console.log(JSON.stringify({ origin, transitions }, null, 2));
          return;
        }
        console.log(`From ${origin.title} (${origin.id}; level ${origin.skillLevel ?? '?'}${origin.typicalPayAnnual ? `; £${origin.typicalPayAnnual}` : ''})`);
        if (!transitions.length) {
          console.log('No destinations pass the guards; try --filter all or a lower --min-similarity.');
          return;
        }
        const rows = transitions.map((t, i) => ({
          '#': i + 1,
          destination: t.occupation.title.slice(0, 48),
          similarity: t.similarity.toFixed(2),
          level: `${t.guards.skillLevel.from ?? '?'}→${t.guards.skillLevel.to ?? '?'}`,
          pay: t.guards.pay.ratio == null ? '–' : `×${t.guards.pay.ratio.toFixed(2)}`,
          viable: t.viable ? 'yes' : 'no',
          desirable: t.desirable ? 'yes' : 'no',
          missing: `${t.missingEssential}: ${t.gaps.slice(0, 3).map((g) => g.label).join('; ')}`.slice(0, 90),
        }));
        console.table(rows);
        console.log(`${transitions.length} destination(s) listed.`);
      } finally {
        closeDb(db);
      }
    });
}
