import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Issue 15 item 5: every CLI command answers from the taxonomy the server
 * uses (bundled + imported), so on a fresh database file an operator's check
 * already shows what production would do. Each case runs the real CLI as a
 * child process on a database file that does not exist yet.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fp-cli-taxonomy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshDb = () => join(dir, `fresh-${++n}.db`);
const cli = (args: string[], input?: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], { cwd: root, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });

const cases: { name: string; args: string[]; expect: RegExp[] }[] = [
  {
    name: 'taxonomy skills finds bundled skills',
    args: ['taxonomy', 'skills', 'You must have excellent customer service and manual handling.'],
    expect: [/required\s+\S+ fp:customer-service Customer service/, /fp:manual-handling Manual handling ← "manual handling"/],
  },
  {
    name: 'taxonomy skills --spans lists skill spans with offsets and the non-skill spans beside them',
    args: ['taxonomy', 'skills', '--spans', 'We are hiring a Purchasing Manager. You must hold a CSCS card and have excellent communication skills.'],
    expect: [/^occupation\s+16-34 .*"Purchasing Manager"$/m, /^qualification .*"CSCS card"$/m, /^skill\s+\d+-\d+ required\s+\S+ "communication" → fp:communication /m],
  },
  {
    name: 'taxonomy classify codes a title to a bundled SOC occupation and its sector',
    args: ['taxonomy', 'classify', 'Senior Care Assistant - Nights'],
    expect: [/^occupation: soc:6136 /m, /^sector: Q /m],
  },
  {
    name: 'taxonomy search lists bundled occupations and skills',
    args: ['taxonomy', 'search', 'forklift'],
    expect: [/soc:8222\s+Fork-lift truck drivers/, /fp:forklift-counterbalance/],
  },
  {
    name: 'taxonomy status shows the bundled version and its counts',
    args: ['taxonomy', 'status'],
    expect: [/#1 bundled/, /occupations: [1-9]\d*/, /skills: [1-9]\d*/],
  },
  {
    name: 'transitions reads bundled occupations',
    args: ['transitions', '--from', '9252', '--scheme', 'soc', '--limit', '3'],
    expect: [/destination\(s\) listed/],
  },
];

describe('CLI commands on a fresh database use the served taxonomy', () => {
  it.each(cases)('$name', ({ args, expect: patterns }) => {
    const out = cli([...args, '--db', freshDb()]);
    for (const p of patterns) expect(out).toMatch(p);
  }, 60_000);

  it('normalise enriches with the bundled taxonomy without a database, and with the --db one when given', () => {
    const line = JSON.stringify({ title: 'Care Assistant', description: 'Supporting residents with personal care. Manual handling training given.' });
    for (const args of [['normalise'], ['normalise', '--db', freshDb()]]) {
      const out = JSON.parse(cli(args, line).trim()) as { occupation: { scheme: string; code: string } | null; skills: { id: string }[] };
      expect(out.occupation).toMatchObject({ scheme: 'soc' });
      expect(out.skills.map((s) => s.id)).toContain('fp:manual-handling');
    }
  }, 60_000);
});
