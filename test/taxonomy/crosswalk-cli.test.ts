import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `taxonomy crosswalk` on a database file after the operator's imports (our
 * own small ESCO release and coding index), through the real CLI.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'test', 'fixtures', 'crosswalk');
const dir = mkdtempSync(join(tmpdir(), 'fp-cli-crosswalk-'));
const db = join(dir, 'x.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args, '--db', db], { cwd: root, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });

beforeAll(() => {
  cli(['import', 'esco', join(fixtures, 'esco')]);
  cli(['import', 'soc-index', join(fixtures, 'coding-index.tsv')]);
}, 60_000);

describe('taxonomy crosswalk', () => {
  it('reports coverage: ESCO occupations with a SOC unit group, SOC unit groups reached', () => {
    const out = cli(['taxonomy', 'crosswalk']);
    // 3 of the 4 fixture ESCO occupations have coding-index titles in their ISCO group (not the cleaner's 9112).
    expect(out).toMatch(/^ESCO occupations with a SOC unit group: 3 \/ 4 \(75\.0%\)/m);
    expect(out).toMatch(/^SOC unit groups reached from ESCO: 3 \/ \d+/m);
    expect(out).toMatch(/^O\*NET occupations with links: 0 \/ 0/m);
  }, 30_000);

  it('lists one occupation’s links, modal first', () => {
    const out = cli(['taxonomy', 'crosswalk', 'esco:cccc0001-0000-4000-8000-000000000001']);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('esco:cccc0001-0000-4000-8000-000000000001  warehouse worker  (ISCO-08 9333)');
    expect(lines[1]).toBe('  ≈ SOC 9252 Warehouse operatives  80% (modal) via ISCO-08 9333 Freight handlers');
    expect(lines[2]).toBe('  ≈ SOC 8214 Delivery drivers and couriers  20% via ISCO-08 9333 Freight handlers');
  }, 30_000);
});
