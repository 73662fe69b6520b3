import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Starts the real server (scripts/serve.ts under tsx) as a child process on
 * a copy of the soak store, exactly as an operator would run it, and reads
 * its URL from stdout. Only loopback: HOST is pinned to 127.0.0.1 and the
 * URL it prints is checked.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Server settings every soak server gets (the caller may add or override). */
export function soakServerEnv(dbPath: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: dbPath,
    DEMO_DATA: 'off',
    LOG_LEVEL: 'warn',
    // The soak measures capacity, not the per-key limiter (600/min would throttle ten writers at once).
    RATE_LIMIT_PER_MINUTE: '100000000',
    // No scrape sources: nothing may leave the machine.
    SOURCES_FILE: '/nonexistent/flightpath-soak-sources.json',
    ...extra,
  };
}

export interface SoakServer {
  url: string;
  child: ChildProcess;
  /** The last lines the server wrote to stderr/stdout (for a failure message). */
  tail(): string;
  /** SIGTERM and wait for exit (the server drains the outbox on the way out); SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<number | null>;
  /** SIGKILL and wait for the process to be gone. */
  kill(): Promise<void>;
}

/** The environment a child gets: PATH and HOME from ours, everything else explicit. */
export function childEnv(extra: Record<string, string>): Record<string, string> {
  const base: Record<string, string> = {};
  for (const k of ['PATH', 'HOME', 'TMPDIR', 'LANG']) if (process.env[k] != null) base[k] = process.env[k]!;
  return { ...base, ...extra };
}

/*
 * Every child the soak starts is remembered, so a failed scenario or an
 * interrupted run never leaves a server or an import behind.
 */
const children = new Set<ChildProcess>();
export function trackChild(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}
export function killAllChildren(): void {
  for (const c of children) if (c.exitCode == null && c.signalCode == null) c.kill('SIGKILL');
}

function waitExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode != null || child.signalCode != null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export async function startSoakServer(env: Record<string, string>, startTimeoutMs = 15 * 60_000): Promise<SoakServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) lines.push(l.slice(0, 500));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  const tail = () => lines.join('\n');
  child.stderr!.on('data', keep);

  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not print its URL within ${startTimeoutMs} ms\n${tail()}`));
    }, startTimeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      keep(chunk);
      out += chunk.toString('utf8');
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        out = '';
        resolve(m[1]!);
      } else if (out.length > 100_000) {
        out = out.slice(-1000);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening\n${tail()}`));
    });
  });

  return {
    url,
    child,
    tail,
    async stop(graceMs = 120_000) {
      if (child.exitCode != null || child.signalCode != null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await waitExit(child);
      clearTimeout(timer);
      return code;
    },
    async kill() {
      if (child.exitCode != null || child.signalCode != null) return;
      child.kill('SIGKILL');
      await waitExit(child);
    },
  };
}
