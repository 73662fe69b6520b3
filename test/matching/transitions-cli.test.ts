import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { register } from '../../scripts/commands/transitions.ts';
import { createCliContext } from '../../scripts/lib/cli-context.ts';

/** Runs `transitions …` against a fresh database file and returns what it printed. */
async function run(dbPath: string, args: string[]): Promise<string> {
  const program = new Command('flightpath').exitOverride();
  register(program, createCliContext({ DATABASE_PATH: dbPath }));
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const table = vi.spyOn(console, 'table').mockImplementation((rows: unknown) => void out.push(JSON.stringify(rows)));
  try {
    await program.parseAsync(['node', 'cli', 'transitions', ...args, '--db', dbPath]);
  } finally {
    log.mockRestore();
    table.mockRestore();
  }
  return out.join('\n');
}

describe('transitions CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fp-transitions-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists destinations from a bundled SOC occupation as JSON, best first, without the origin', async () => {
    const text = await run(join(dir, 'a.db'), ['--from', '9252', '--scheme', 'soc', '--limit', '5', '--json']);
    const res = JSON.parse(text) as { origin: { id: string }; transitions: { occupation: { id: string }; similarity: number; viable: boolean }[] };
    expect(res.origin.id).toBe('soc:9252');
    expect(res.transitions.length).toBeGreaterThan(0);
    expect(res.transitions.length).toBeLessThanOrEqual(5);
    expect(res.transitions.every((t) => t.viable && t.occupation.id !== 'soc:9252')).toBe(true);
    const sims = res.transitions.map((t) => t.similarity);
    expect([...sims].sort((a, b) => b - a)).toEqual(sims);
  });

  it('prints a table, and fails plainly for an unknown occupation', async () => {
    const db = join(dir, 'b.db');
    expect(await run(db, ['--from', '9252', '--limit', '3'])).toMatch(/destination\(s\) listed/);
    await expect(run(db, ['--from', 'no-such-job'])).rejects.toThrow(/no occupation "no-such-job"/);
  });
});
