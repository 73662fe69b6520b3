import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * Stopping the service for real: `npm start` (and the exact command it runs)
 * in a child process on a temporary database, then a signal. The server
 * must finish its shutdown (the "stopped" log line), exit 0, leave no node
 * process behind and stop listening.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STEP_TIMEOUT = 180_000;

interface Started {
  proc: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let dir: string | null = null;
const started: ChildProcess[] = [];

afterEach(() => {
  // Only if a test failed half-way: end what it started.
  for (const p of started.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

async function start(command: string, args: string[]): Promise<Started> {
  dir = mkdtempSync(join(tmpdir(), 'fp-signals-'));
  const proc = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: join(dir, 'fp.db'), PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'off', LOG_LEVEL: 'info', SCRAPE_CRON: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(proc);
  let out = '';
  proc.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /flightpath is running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) {
        clearInterval(timer);
        resolve(m[1]);
      }
    }, 100);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`exited before listening:\n${out}`));
    });
  });
  return { proc, url, output: () => out, exited };
}

/** The pids of a process's children (from ps: no extra dependency). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

const commandOf = (pid: number) => execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const refusesConnections = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

/** Waits for the exit, failing after `ms` (so a process that ignores the signal fails the test instead of hanging it). */
const exitWithin = (s: Started, ms: number) =>
  Promise.race([s.exited, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still running ${ms} ms after the signal:\n${s.output()}`)), ms))]);

describe('stopping the service', () => {
  it(
    'SIGTERM to `npm start` reaches the server: graceful shutdown, exit 0, no node left, port closed',
    async () => {
      const s = await start('npm', ['start']);
      const pid = s.proc.pid as number;
      const [server] = childrenOf(pid);
      expect(server).toBeDefined();
      // npm runs node itself (exec), not a shell or a tsx wrapper in between.
      expect(commandOf(server as number)).toMatch(/^node --import tsx scripts\/serve\.ts$/);
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);

      process.kill(pid, 'SIGTERM');
      expect(await exitWithin(s, 15_000)).toEqual({ code: 0, signal: null });
      expect(s.output()).toContain('"signal":"SIGTERM"');
      expect(s.output()).toContain('"msg":"stopped"');
      expect(isAlive(server as number)).toBe(false);
      expect(await refusesConnections(s.url)).toBe(true);
    },
    STEP_TIMEOUT,
  );

  it(
    'SIGTERM to the node process under `npm start` (what a service manager or `kill` does) stops it the same way',
    async () => {
      const s = await start('npm', ['start']);
      const [server] = childrenOf(s.proc.pid as number);
      process.kill(server as number, 'SIGTERM');
      expect(await exitWithin(s, 15_000)).toEqual({ code: 0, signal: null });
      expect(s.output()).toContain('"msg":"stopped"');
      expect(isAlive(server as number)).toBe(false);
      expect(await refusesConnections(s.url)).toBe(true);
    },
    STEP_TIMEOUT,
  );

  it(
    'SIGINT (Ctrl-C) to the start command run directly, as the systemd unit does',
    async () => {
      const s = await start(process.execPath, ['--import', 'tsx', 'scripts/serve.ts']);
      expect(childrenOf(s.proc.pid as number).filter((p) => !/esbuild/.test(commandOf(p)))).toEqual([]);
      process.kill(s.proc.pid as number, 'SIGINT');
      expect(await exitWithin(s, 15_000)).toEqual({ code: 0, signal: null });
      expect(s.output()).toContain('"signal":"SIGINT"');
      expect(s.output()).toContain('"msg":"stopped"');
      expect(await refusesConnections(s.url)).toBe(true);
    },
    STEP_TIMEOUT,
  );
});
