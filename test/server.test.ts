import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import { startServer, type RunningServer } from '../src/server.ts';

let running: RunningServer | null = null;
let dir: string | null = null;

afterEach(async () => {
  await running?.shutdown();
  running = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function config(extra: Record<string, string> = {}) {
  dir = mkdtempSync(join(tmpdir(), 'fp-server-'));
  return loadConfig({ DATABASE_PATH: join(dir, 'fp.db'), PORT: '0', LOG_LEVEL: 'silent', ...extra });
}

describe('npm start (startServer)', () => {
  it('on an empty database loads demo data, indexes it and answers a coach search with the printed token', async () => {
    running = await startServer(config(), silentLogger);
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.demoCoachToken).toMatch(/^fp_coach_/);

    const ready = await fetch(`${running.url}/readyz`);
    expect(ready.status).toBe(200);
    const search = await fetch(`${running.url}/v1/search?q=care&pageSize=5`, {
      headers: { Authorization: `Bearer ${running.demoCoachToken}` },
    });
    expect(search.status).toBe(200);
    const body = (await search.json()) as { total: number; results: { title: string; isDemo: boolean }[] };
    expect(body.total).toBeGreaterThan(0);
    expect(body.results.every((r) => r.isDemo)).toBe(true);
    const docs = await fetch(`${running.url}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/v1/vacancies');
  });

  it('a second start keeps the data, issues a fresh demo token and revokes the old one', async () => {
    const cfg = config({ DEMO_DATA: 'auto' });
    running = await startServer(cfg, silentLogger);
    const firstToken = running.demoCoachToken;
    const count = (running.runtime.db.$client.prepare('SELECT count(*) AS n FROM vacancies').get() as { n: number }).n;
    await running.shutdown();

    running = await startServer(cfg, silentLogger);
    const again = (running.runtime.db.$client.prepare('SELECT count(*) AS n FROM vacancies').get() as { n: number }).n;
    expect(again).toBe(count);
    expect(running.demoCoachToken).not.toBe(firstToken);
    const old = await fetch(`${running.url}/v1/search?q=care`, { headers: { Authorization: `Bearer ${firstToken}` } });
    expect(old.status).toBe(401);
  });

  it('with demo data off starts empty, and shutdown stops accepting connections', async () => {
    running = await startServer(config({ DEMO_DATA: 'off' }), silentLogger);
    expect(running.demoCoachToken).toBeNull();
    const url = running.url;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await running.shutdown();
    running = null;
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
