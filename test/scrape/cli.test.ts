import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../src/db.ts';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(() => site.close());

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/scrape.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', SCRAPER_USER_AGENT: 'flightpath-cli-test/1.0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run scrape', () => {
  it('exits non-zero when a source fails outright, after the others complete, and prints the summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-scrape-cli-'));
    const sourcesFile = join(dir, 'sources.json');
    writeFileSync(
      sourcesFile,
      JSON.stringify([
        { name: 'broken', type: 'json-api', url: `${site.origin}/api/broken`, items: 'data.jobs', fields: { title: 'title' }, delayMs: 0 },
        { name: 'rss', type: 'feed', url: `${site.origin}/feeds/jobs.rss`, delayMs: 0 },
        { name: 'off', type: 'feed', enabled: false, url: `${site.origin}/feeds/jobs.atom` },
      ]),
    );
    const dbPath = join(dir, 'fp.db');
    const r = await runCli(['--sources', sourcesFile, '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^broken\s+failed\s/m);
    expect(r.stdout).toMatch(/^rss\s+ok\s+1\s+0\s+0\s+3\s/m);
    expect(r.stdout).toMatch(/broken: FAILED: .*not valid JSON/);
    const db = openDb(dbPath);
    expect(db.$client.prepare("SELECT count(*) AS n FROM vacancies WHERE source = 'scrape:rss'").get()).toEqual({ n: 3 });
    expect(db.$client.prepare('SELECT source, status FROM scrape_runs ORDER BY id').all()).toEqual([
      { source: 'broken', status: 'failed' },
      { source: 'rss', status: 'ok' },
    ]);
    // While another process holds the lock, a second run refuses to start.
    db.$client.prepare('INSERT INTO scrape_locks (name, pid, host, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)').run('scrape', process.pid, (await import('node:os')).hostname(), Date.now(), Date.now());
    closeDb(db);
    const locked = await runCli(['--sources', sourcesFile, '--db', dbPath, '--source', 'rss']);
    expect(locked.code).toBe(2);
    expect(locked.stderr).toMatch(/another scrape run holds the lock \(pid \d+/);
  });

  it('exits 2 naming the source and field for an invalid sources file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-scrape-cli-'));
    writeFileSync(join(dir, 's.json'), JSON.stringify([{ name: 'x', type: 'feed' }]));
    const r = await runCli(['--sources', join(dir, 's.json'), '--db', join(dir, 'fp.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sources[0] "x": url: ');
  });
});
