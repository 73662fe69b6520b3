import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { register } from '../../scripts/commands/participants.ts';
import { createCoach } from '../../src/auth/coaches.ts';
import { createCliContext } from '../../scripts/lib/cli-context.ts';
import { closeDb, openDb } from '../../src/db.ts';
import { addParticipant } from '../helpers/participants.ts';
import { buildFixtureTaxonomy } from '../matching/fixture-taxonomy.ts';

async function run(dbPath: string, args: string[]): Promise<string> {
  const program = new Command('flightpath').exitOverride();
  register(program, createCliContext({ DATABASE_PATH: dbPath }));
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  try {
    await program.parseAsync(['node', 'cli', 'participants', 'erase', ...args, '--db', dbPath]);
  } finally {
    log.mockRestore();
  }
  return out.join('\n');
}

describe('participants erase CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fp-participants-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('erases on an operator instruction when the organisation matches, and audits it as operator:cli', async () => {
    const path = join(dir, 'p.db');
    const db = openDb(path);
    const taxonomy = buildFixtureTaxonomy();
    const { coach } = createCoach(db, { name: 'Ann', org: 'north' }, 1);
    const deps = { db, taxonomy: () => taxonomy, enricher: () => null, geocoder: null, now: () => 1000 };
    const p = addParticipant(deps, coach, { name: 'Sam Example', history: [{ title: 'Care worker', years: 2 }] });
    closeDb(db);

    await expect(run(path, ['--id', String(p.id), '--org', 'south'])).rejects.toThrow(/no participant/);
    expect(await run(path, ['--id', String(p.id), '--org', 'north'])).toBe(`Participant ${p.id} erased.`);

    const check = openDb(path);
    const n = (sql: string) => (check.$client.prepare(sql).get(p.id) as { n: number }).n;
    expect(n('SELECT count(*) AS n FROM participants WHERE id = ?')).toBe(0);
    expect(n('SELECT count(*) AS n FROM participant_history WHERE participant_id = ?')).toBe(0);
    const audit = check.$client.prepare("SELECT actor, action, detail FROM audit_log WHERE subject_id = ? ORDER BY id").all(String(p.id));
    expect(audit).toEqual([
      { actor: `coach:${coach.id}`, action: 'participant.create', detail: null },
      { actor: 'operator:cli', action: 'participant.erase', detail: null },
    ]);
    closeDb(check);
  });
});
