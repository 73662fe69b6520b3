import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Meilisearch } from 'meilisearch';
import { childEnv, trackChild } from './server.ts';

/**
 * A private Meilisearch for the soak scenarios that must kill and restart
 * one. The project never builds or ships Meilisearch: the operator gives a
 * binary in MEILI_BIN, and each scenario runs it on a free loopback port with
 * its own --db-path and master key, so a shared server elsewhere is never
 * touched. The data directory survives kill()/start(), as a real restart does.
 */

export interface SoakMeili {
  host: string;
  apiKey: string;
  client: Meilisearch;
  /** Starts the process (again) on the same port and data directory; resolves when /health answers. */
  start(): Promise<void>;
  /** SIGKILL and wait for the process to be gone. */
  kill(): Promise<void>;
  /** Stops the process and removes its data directory. */
  dispose(): Promise<void>;
  readonly running: boolean;
}

/** The operator's Meilisearch binary, or null when MEILI_BIN is unset (the scenario is then skipped). */
export function meiliBinary(): string | null {
  return process.env.MEILI_BIN || null;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startSoakMeili(bin: string, workDir: string, name: string): Promise<SoakMeili> {
  const port = await freePort();
  const dbPath = mkdtempSync(join(workDir, `meili-${name}-`));
  const apiKey = `soak-${name}-master-key-${process.pid}-0123456789abcdef`;
  const host = `http://127.0.0.1:${port}`;
  const client = new Meilisearch({ host, apiKey, timeout: 2000 });
  let child: ChildProcess | null = null;
  let tail = '';

  const alive = () => child != null && child.exitCode == null && child.signalCode == null;

  async function start(): Promise<void> {
    if (alive()) return;
    const args = ['--master-key', apiKey, '--db-path', dbPath, '--http-addr', `127.0.0.1:${port}`, '--no-analytics', '--env', 'development'];
    const c = spawn(bin, args, { cwd: dbPath, env: childEnv({ MEILI_LOG_LEVEL: 'WARN' }), stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    trackChild(c);
    const keep = (chunk: Buffer) => (tail = (tail + chunk.toString('utf8')).slice(-4000));
    c.stdout!.on('data', keep);
    c.stderr!.on('data', keep);
    // Opening a large data directory after a SIGKILL can take a while.
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (!alive()) throw new Error(`meilisearch exited (${c.exitCode ?? c.signalCode}) while starting:\n${tail}`);
      try {
        if ((await client.health()).status === 'available') return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    c.kill('SIGKILL');
    throw new Error(`meilisearch did not answer /health within 120 s:\n${tail}`);
  }

  async function kill(): Promise<void> {
    const c = child;
    if (!c || !alive()) return;
    const gone = new Promise<void>((resolve) => c.once('exit', () => resolve()));
    c.kill('SIGKILL');
    await gone;
  }

  await start();
  return {
    host,
    apiKey,
    client,
    start,
    kill,
    async dispose() {
      await kill();
      rmSync(dbPath, { recursive: true, force: true });
    },
    get running() {
      return alive();
    },
  };
}

/** Environment for a flightpath server or CLI that uses this Meilisearch. */
export function meiliEnv(meili: Pick<SoakMeili, 'host' | 'apiKey'>, indexPrefix: string): Record<string, string> {
  return { SEARCH_ENGINE: 'meilisearch', MEILI_HOST: meili.host, MEILI_API_KEY: meili.apiKey, MEILI_INDEX_PREFIX: indexPrefix };
}

/** Index uids with this prefix (the live one and any rebuild leftovers). */
export async function listIndexes(client: Meilisearch, prefix: string): Promise<string[]> {
  const { results } = await client.getRawIndexes({ limit: 1000 });
  return results.map((i) => i.uid).filter((uid) => uid.startsWith(prefix));
}
