import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { report } from '../../bench/lib/args.ts';
import { parseImportSummary, runCli } from './cli.ts';
import { postJson } from './http.ts';
import { writeVacancyJsonl } from './raw-vacancies.ts';
import { soakServerEnv, startSoakServer } from './server.ts';

/**
 * The soak store: `scale` vacancies built through the real ingest path (a
 * generated JSONL file through `import vacancies`, then `index drain` and
 * `index optimize`), an employer key and a coach token from the CLI, and a
 * few participants created over HTTP. Building 250k takes minutes, so it is
 * built once into a file with a sidecar (`<db>.soak.json`) holding the
 * secrets and ids, and every scenario works on its own copy.
 */

export interface SoakFixture {
  dbPath: string;
  scale: number;
  employerKey: string;
  coachToken: string;
  participantIds: number[];
}

/** Fixed, so a cached store and a fresh one hold the same adverts. */
export const SOAK_NOW = Date.parse('2026-03-01T09:00:00Z');
const BASE_SEED = 20260301;

const PARTICIPANTS = [
  { reference: 'SOAK-1', location: 'Leeds', maxTravelKm: 20, history: [{ title: 'Warehouse operative', years: 3 }], licences: ['B', 'forklift'] },
  { reference: 'SOAK-2', location: 'Manchester', maxTravelKm: 15, history: [{ title: 'Care assistant', years: 4 }], licences: ['enhanced DBS'] },
  { reference: 'SOAK-3', location: 'London', maxTravelKm: 10, history: [{ title: 'Retail assistant', years: 2 }, { title: 'Bar staff', years: 1 }] },
  { reference: 'SOAK-4', location: 'Birmingham', maxTravelKm: 25, history: [{ title: 'Delivery driver', years: 5 }], licences: ['C+E'] },
  { reference: 'SOAK-5', location: 'Bristol', maxTravelKm: 20, history: [{ title: 'Kitchen porter', years: 2 }], salaryFloor: 20000 },
];

const sidecarOf = (dbPath: string) => `${dbPath}.soak.json`;
const lastLine = (s: string) => s.trim().split('\n').at(-1)!.trim();

export function defaultStorePath(scale: number): string {
  return join(tmpdir(), 'flightpath-soak', `store-${scale}.db`);
}

/** Folds the WAL into the main file so one copyFileSync copies the whole store. */
function checkpoint(dbPath: string): void {
  const raw = new Database(dbPath);
  try {
    raw.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    raw.close();
  }
}

/**
 * The store at `dbPath`: reused when its sidecar is there (an explicit
 * `--db` is reused at whatever scale it was built; the default cache only at
 * `scale`), otherwise built there. A database without a sidecar is not
 * overwritten.
 */
export async function ensureSoakStore(dbPath: string, scale: number, workDir: string, explicit: boolean): Promise<SoakFixture> {
  if (existsSync(dbPath) && existsSync(sidecarOf(dbPath))) {
    const fixture = { ...(JSON.parse(readFileSync(sidecarOf(dbPath), 'utf8')) as SoakFixture), dbPath };
    if (explicit || fixture.scale === scale) {
      console.log(`# reusing the soak store ${dbPath} (${fixture.scale} vacancies)`);
      return fixture;
    }
    console.log(`# ${dbPath} was built at ${fixture.scale}, not ${scale}: rebuilding`);
  } else if (explicit && existsSync(dbPath)) {
    // Someone's own database (or a build that died half-way): not ours to overwrite.
    throw new Error(`${dbPath} exists but is not a soak store (no ${sidecarOf(dbPath)}); pass a new path to build one there`);
  }
  return buildSoakStore(dbPath, scale, workDir);
}

async function buildSoakStore(dbPath: string, scale: number, workDir: string): Promise<SoakFixture> {
  mkdirSync(dirname(dbPath), { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '.soak.json']) rmSync(dbPath + suffix, { force: true });
  console.log(`# building the soak store: ${scale} vacancies through \`import vacancies\` into ${dbPath}`);

  const file = join(workDir, 'soak-base.jsonl');
  const bytes = await writeVacancyJsonl(file, scale, BASE_SEED, 'soak-base', SOAK_NOW);
  const imported = await runCli(['import', 'vacancies', file, '--source', 'import:soak-base'], dbPath);
  const summary = parseImportSummary(imported.stdout);
  if (!summary || summary.created + summary.duplicate < 1) throw new Error(`import printed no summary:\n${imported.stdout.slice(-1000)}`);
  rmSync(file, { force: true });
  const drained = await runCli(['index', 'drain', '--batch', '1000'], dbPath);
  await runCli(['index', 'optimize'], dbPath);
  report('soak_build_vacancies', summary.read - summary.rejected, 'vacancies');
  report('soak_build_file', bytes / 1e6, 'MB');
  report('soak_build_import_wall_rate', summary.read / (imported.ms / 1000), 'vacancies/s');
  report('soak_build_drain_wall_rate', summary.read / (drained.ms / 1000), 'vacancies/s');

  const employerKey = lastLine((await runCli(['keys', 'create', '--employer', 'Soak Fictional Employer Ltd', '--label', 'soak'], dbPath)).stdout);
  const coachToken = lastLine((await runCli(['coaches', 'create', '--name', 'Soak Coach', '--org', 'soak'], dbPath)).stdout);

  const server = await startSoakServer(soakServerEnv(dbPath));
  const participantIds: number[] = [];
  try {
    for (const p of PARTICIPANTS) {
      const r = await postJson(`${server.url}/v1/participants`, p, { Authorization: `Bearer ${coachToken}` });
      const id = (r.json as { id?: number } | null)?.id;
      if (r.status !== 201 || typeof id !== 'number') throw new Error(`creating a participant: HTTP ${r.status} ${JSON.stringify(r.json).slice(0, 500)}`);
      participantIds.push(id);
    }
  } finally {
    await server.stop();
  }
  checkpoint(dbPath);
  const fixture: SoakFixture = { dbPath, scale, employerKey, coachToken, participantIds };
  writeFileSync(sidecarOf(dbPath), JSON.stringify(fixture, null, 2));
  return fixture;
}

/** A private copy of the store for one scenario (the cached file is never written to). */
export function copySoakStore(fixture: SoakFixture, workDir: string, name: string): string {
  const dest = join(workDir, `${name}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(dest + suffix, { force: true });
  copyFileSync(fixture.dbPath, dest);
  if (existsSync(`${fixture.dbPath}-wal`)) copyFileSync(`${fixture.dbPath}-wal`, `${dest}-wal`);
  return dest;
}
