import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';
import { startServer, type RunningServer } from '../../src/server.ts';

/** The public origin of a real server: PUBLIC_URL, or the address it bound (known only after listening with PORT=0). */

let running: RunningServer | null = null;
let dir: string | null = null;

afterEach(async () => {
  await running?.shutdown();
  running = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

const start = (extra: Record<string, string> = {}) => {
  dir = mkdtempSync(join(tmpdir(), 'fp-public-url-'));
  return startServer(loadConfig({ DATABASE_PATH: join(dir, 'fp.db'), PORT: '0', LOG_LEVEL: 'silent', DEMO_DATA: 'off', ...extra }), silentLogger);
};

const signIn = (url: string, origin: string) =>
  fetch(`${url}/signin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html', Origin: origin },
    body: 'token=fp_coach_000000000000_wrong-wrong-wrong-wrong',
    redirect: 'manual',
  });

describe('public origin of a running server', () => {
  it('defaults to the bound address: forms posted from it pass the origin check, others do not', async () => {
    running = await start();
    expect(running.publicUrl).toBe(running.url);
    // 401: past the origin check, the (wrong) token was looked at.
    expect((await signIn(running.url, running.url)).status).toBe(401);
    expect((await signIn(running.url, running.url.replace('127.0.0.1', 'localhost'))).status).toBe(403);
    const spec = (await (await fetch(`${running.url}/openapi.json`)).json()) as { servers: { url: string }[] };
    expect(spec.servers[0]?.url).toBe(running.url);
  });

  it('uses PUBLIC_URL when set, even for requests to the bound address', async () => {
    running = await start({ PUBLIC_URL: 'https://jobs.example.org/' });
    expect(running.publicUrl).toBe('https://jobs.example.org');
    expect((await signIn(running.url, 'https://jobs.example.org')).status).toBe(401);
    expect((await signIn(running.url, running.url)).status).toBe(403);
  });
});
