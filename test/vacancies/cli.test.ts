import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, closeDb } from '../../src/db.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (f: string) => fileURLToPath(new URL(`../fixtures/import/${f}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fp-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (args: string[], input?: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], { cwd: root, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });

describe('operator commands', () => {
  it('normalise: JSONL in, one normalised JSON line per input line out, errors inline', () => {
    const input = [
      JSON.stringify({ title: 'URGENT Cleaner', location: 'Hybrid - Leeds', salary: '£12 per hour', datePosted: 'yesterday' }),
      JSON.stringify({ '@type': 'JobPosting', title: 'Porter', jobLocation: { address: { addressLocality: 'York' } } }),
      'not json',
      JSON.stringify({ description: 'no title' }),
    ].join('\n');
    const out = cli(['normalise', '--now', '2025-04-22T00:00:00Z'], input).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ title: 'Cleaner', remote: 'hybrid', location: { town: 'Leeds' }, salary: { min: 12, period: 'hour' }, datePosted: Date.UTC(2025, 3, 21) });
    expect(out[1]).toMatchObject({ title: 'Porter', location: { town: 'York', resolved: true } });
    expect(out[2]).toMatchObject({ line: 3 });
    expect(out[3]).toMatchObject({ line: 4 });
  }, 60_000);
  it('import postcodes and import vacancies (with --map, --rejects, re-run)', () => {
    const db = join(dir, 'cli.db');
    expect(cli(['import', 'postcodes', fixture('postcodes-full.csv'), '--db', db, '--postcode-col', 'pcd'])).toMatch(/read 4 \| imported 3 \| skipped 1/);
    const rejects = join(dir, 'rejects.jsonl');
    const args = ['import', 'vacancies', fixture('vacancies.csv'), '--db', db, '--map', 'title=Job Title,salary=Pay,location=Where,reference=Ref,description=Details', '--rejects', rejects];
    expect(cli(args)).toMatch(/read 3 \| created 2 \| updated 0 \| unchanged 0 \| duplicate 0 \| rejected 1/);
    expect(readFileSync(rejects, 'utf8')).toMatch(/"title"/);
    // At normal CPU priority unless told otherwise (the process reports its own niceness;
    // it is only ever lowered, so a test runner already niced further keeps its own).
    const at = (n: number) => new RegExp(`imported at CPU priority nice ${Math.max(n, getPriority())}\\b`);
    expect(cli(args)).toMatch(/created 0 \| updated 0 \| unchanged 2/);
    expect(cli(args)).toMatch(at(0));
    expect(cli([...args, '--nice', '15'])).toMatch(at(15));
    expect(() => cli([...args, '--nice', '25'])).toThrow(/--nice must be an integer from 0 to 19, not "25"/);
    const d = openDb(db);
    expect(d.$client.prepare("SELECT source FROM vacancies LIMIT 1").get()).toEqual({ source: 'import:vacancies.csv' });
    closeDb(d);
  }, 60_000);
});
