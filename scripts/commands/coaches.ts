import type { Command } from 'commander';
import { listCoaches, revokeCoach } from '../../src/auth/coach-admin.ts';
import { createCoach } from '../../src/auth/coaches.ts';
import { closeDb } from '../../src/db.ts';
import { withDbOption, type CliContext } from '../lib/cli-context.ts';

const iso = (ms: number | null) => (ms == null ? '-' : new Date(ms).toISOString().replace('.000Z', 'Z'));

/** `coaches create|list|revoke`: coach (and operator) bearer tokens. */
export function register(program: Command, ctx: CliContext): void {
  const cmd = program.command('coaches').description('coach and operator API tokens');

  withDbOption(cmd.command('create'))
    .description('create a coach and print their token once (only its hash is stored)')
    .requiredOption('--name <name>', "the coach's name")
    .requiredOption('--org <org>', 'their organisation (scopes the participants they see)')
    .option('--operator', 'an operator token (admin API)')
    .action((opts: { db?: string; name: string; org: string; operator?: boolean }) => {
      const db = ctx.openDb(opts);
      try {
        const { coach, token } = createCoach(db, { name: opts.name, org: opts.org, role: opts.operator ? 'operator' : 'coach' }, Date.now());
        console.error(`${coach.role} ${coach.id} (${coach.org}). Store the token now: it is not shown again.`);
        console.log(token);
      } finally {
        closeDb(db);
      }
    });

  withDbOption(cmd.command('list'))
    .description('list coaches (never their tokens)')
    .option('--json', 'print JSON')
    .action((opts: { db?: string; json?: boolean }) => {
      const db = ctx.openDb(opts);
      try {
        const rows = listCoaches(db);
        if (opts.json) {
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        if (!rows.length) {
          console.log('no coaches');
          return;
        }
        console.log(['id', 'name', 'org', 'role', 'prefix', 'created', 'revoked'].join('\t'));
        for (const c of rows) console.log([c.id, c.name, c.org, c.role, c.tokenPrefix, iso(c.createdAt), iso(c.revokedAt)].join('\t'));
      } finally {
        closeDb(db);
      }
    });

  withDbOption(cmd.command('revoke').argument('<id>', 'coach id (from coaches list)'))
    .description("revoke a coach's token")
    .action((id: string, opts: { db?: string }) => {
      const db = ctx.openDb(opts);
      try {
        if (!/^\d+$/.test(id) || !revokeCoach(db, Number(id), Date.now())) throw new Error(`no live coach token with id ${id}`);
        console.log(`revoked coach ${id}; their page sessions are ended too`);
      } finally {
        closeDb(db);
      }
    });
}
