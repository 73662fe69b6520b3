import type { Command } from 'commander';
import { createApiKey, listApiKeys, revokeApiKey } from '../../src/auth/api-keys.ts';
import { closeDb } from '../../src/db.ts';
import { withDbOption, type CliContext } from '../lib/cli-context.ts';

const iso = (ms: number | null) => (ms == null ? '-' : new Date(ms).toISOString().replace('.000Z', 'Z'));

function parseId(id: string): number {
  if (!/^\d+$/.test(id)) throw new Error(`not a key id: ${id}`);
  return Number(id);
}

/** `keys create|list|revoke`: employer API keys. */
export function register(program: Command, ctx: CliContext): void {
  const keys = program.command('keys').description('employer API keys (Authorization: Bearer <key> on /v1/vacancies)');

  withDbOption(keys.command('create'))
    .description('issue a key for an employer (created if new); the key is printed once and only its hash is stored')
    .requiredOption('--employer <name>', 'employer name')
    .option('--label <label>', 'what the key is for, e.g. "ATS integration"')
    .action((opts: { db?: string; employer: string; label?: string }) => {
      const db = ctx.openDb(opts);
      try {
        const { key, info } = createApiKey(db, { employerName: opts.employer, label: opts.label ?? null }, Date.now());
        console.error(`key ${info.id} for employer "${info.employerName}" (employer id ${info.employerId}). Store it now: it is not shown again.`);
        console.log(key);
      } finally {
        closeDb(db);
      }
    });

  withDbOption(keys.command('list'))
    .description('list keys (never the keys themselves: id, employer, label, prefix, dates)')
    .option('--json', 'print JSON')
    .action((opts: { db?: string; json?: boolean }) => {
      const db = ctx.openDb(opts);
      try {
        const rows = listApiKeys(db);
        if (opts.json) {
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        if (!rows.length) {
          console.log('no keys');
          return;
        }
        console.log(['id', 'employer', 'label', 'prefix', 'created', 'last used', 'revoked'].join('\t'));
        for (const k of rows) {
          console.log([k.id, k.employerName, k.label ?? '-', k.prefix, iso(k.createdAt), iso(k.lastUsedAt), iso(k.revokedAt)].join('\t'));
        }
      } finally {
        closeDb(db);
      }
    });

  withDbOption(keys.command('revoke').argument('<id>', 'key id (from keys list)'))
    .description('revoke a key; requests with it get 401 from the next request on')
    .action((id: string, opts: { db?: string }) => {
      const db = ctx.openDb(opts);
      try {
        if (!revokeApiKey(db, parseId(id), Date.now())) throw new Error(`no live key with id ${id}`);
        console.log(`revoked key ${id}`);
      } finally {
        closeDb(db);
      }
    });
}
