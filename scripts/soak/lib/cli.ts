import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childEnv, trackChild } from './server.ts';

/**
 * Runs the operator CLI (scripts/cli.ts under tsx) as a child process, the
 * way an operator would, against a soak database. Every run has a timeout.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliRun {
  child: ChildProcess;
  /** Resolves when the process is gone: exit code (null when killed by a signal), and what it printed. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }>;
}

/** `env` adds to (or overrides) the child's environment, e.g. SEARCH_ENGINE and MEILI_HOST. */
export function spawnCli(args: string[], dbPath: string, timeoutMs = 60 * 60_000, env: Record<string, string> = {}): CliRun {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args, '--db', dbPath], {
    cwd: ROOT,
    env: childEnv({ DATABASE_PATH: dbPath, LOG_LEVEL: 'warn', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout = (stdout + c.toString('utf8')).slice(-200_000)));
  // The progress bar writes here; keep only the end.
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-20_000)));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }>((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
  return { child, done };
}

/** Runs a CLI command to the end; throws when it fails. Returns stdout. */
export async function runCli(args: string[], dbPath: string, timeoutMs?: number, env?: Record<string, string>): Promise<{ stdout: string; ms: number }> {
  const r = await spawnCli(args, dbPath, timeoutMs, env).done;
  if (r.code !== 0) throw new Error(`cli ${args.join(' ')} failed (${r.code ?? r.signal}):\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return { stdout: r.stdout, ms: r.ms };
}

export interface ImportSummaryLine {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  duplicate: number;
  rejected: number;
}

/** Parses the `read N | created N | …` line `import vacancies` ends with. */
export function parseImportSummary(stdout: string): ImportSummaryLine | null {
  const m = /read (\d+) \| created (\d+) \| updated (\d+) \| unchanged (\d+) \| duplicate (\d+) \| rejected (\d+)/.exec(stdout);
  if (!m) return null;
  const [read, created, updated, unchanged, duplicate, rejected] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return { read, created, updated, unchanged, duplicate, rejected };
}
