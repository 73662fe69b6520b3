import { InvalidArgumentError, type Command } from 'commander';
import { closeDb } from '../../src/db.ts';
import { eraseParticipantByOperator } from '../../src/participants/service.ts';
import { withDbOption, type CliContext } from '../lib/cli-context.ts';

/**
 * `participants erase --id N --org ORG`: erase a participant and every row
 * about them on an operator's instruction (a data subject's erasure request),
 * audited as operator:cli. Prints ids only, never personal data.
 */
export function register(program: Command, ctx: CliContext): void {
  const cmd = program.command('participants').description('participant data operations (erasure)');
  withDbOption(cmd.command('erase'))
    .description('erase a participant and every row about them (irreversible; audited as operator:cli)')
    .requiredOption('--id <id>', 'participant id', (v) => {
      if (!/^\d{1,15}$/.test(v)) throw new InvalidArgumentError('a participant id (a positive integer)');
      return Number(v);
    })
    .requiredOption('--org <org>', 'the organisation the participant belongs to (a check against erasing the wrong person)')
    .action((opts: { id: number; org: string; db?: string }) => {
      const db = ctx.openDb(opts);
      try {
        if (!eraseParticipantByOperator({ db, now: Date.now }, opts.org, opts.id)) {
          throw new Error(`no participant ${opts.id} in organisation "${opts.org}"`);
        }
        console.log(`Participant ${opts.id} erased.`);
      } finally {
        closeDb(db);
      }
    });
}
