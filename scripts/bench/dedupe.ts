/**
 * `npx tsx scripts/bench/dedupe.ts [count=250000]`: clusters `count`
 * generated vacancies (10% near-duplicates of others: reordered, re-agencied,
 * re-referenced) with clusterAll, in a fresh on-disk SQLite file. Fingerprints
 * are computed at ingest (normalise), so they are written up front and not timed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDb, openDb } from '../../src/db.ts';
import { assignCluster, clusterAll, prepareDedupeIndex } from '../../src/vacancies/dedupe/cluster.ts';
import { computeFingerprint } from '../../src/vacancies/dedupe/fingerprint.ts';
import { numberArg } from './lib/args.ts';

// `dedupe.ts 100000` or `--count 100000`; other arguments (npm run bench passes all of them) are not this one's.
const count = numberArg('count', Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 250_000));
const dir = mkdtempSync(join(tmpdir(), 'fp-bench-dedupe-'));
const db = openDb(join(dir, 'bench.db'));
const WORDS = 'care warehouse driver team customer support shift training experience safety clean deliver stock order pick pack manage report office sales kitchen food health patient school learning build repair install maintain electrical plumbing security guard retail store cash service quality standards communication development opportunity benefits pension holiday parking canteen discount bonus overtime weekend night day rota flexible hours contract permanent temporary apply today'.split(' ');
const TITLES = ['Care Assistant', 'Warehouse Operative', 'Delivery Driver', 'Chef de Partie', 'Sales Advisor', 'Cleaner', 'Security Officer', 'Teaching Assistant', 'Electrician', 'Receptionist', 'Forklift Driver', 'Kitchen Porter'];
const TOWNS: [string, number, number][] = [['Leeds', 53.8, -1.55], ['Manchester', 53.48, -2.24], ['Bristol', 51.45, -2.59], ['Cardiff', 51.48, -3.18], ['Glasgow', 55.86, -4.25], ['Norwich', 52.63, 1.3], ['York', 53.96, -1.08], ['Hull', 53.74, -0.33]];
let seed = 42;
const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
const paragraph = () => Array.from({ length: 60 }, () => pick(WORDS)).join(' ') + '.';

const insert = db.$client.prepare(
  `INSERT INTO vacancies (source, source_ref, title, title_original, description_text, employer_name, town, lat, lon, fingerprint, content_hash, first_seen, last_seen, created_at, updated_at)
   VALUES ('bench', ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const t0 = performance.now();
let constructed = 0;
const originals: { title: string; town: [string, number, number]; paras: string[]; employer: string }[] = [];
db.$client.transaction(() => {
  for (let i = 0; i < count; i++) {
    let v: { title: string; town: [string, number, number]; paras: string[]; employer: string };
    if (i > 100 && rnd() < 0.1) {
      const o = pick(originals);
      const paras = [...o.paras];
      [paras[0], paras[1]] = [paras[1]!, paras[0]!];
      v = { ...o, paras: [...paras, `Ref ${i}`], employer: rnd() < 0.5 ? 'Agency ' + i : o.employer };
      constructed++;
    } else {
      v = { title: pick(TITLES), town: pick(TOWNS), paras: Array.from({ length: 8 }, paragraph), employer: 'Employer ' + Math.floor(rnd() * 5000) };
      if (originals.length < 20_000) originals.push(v);
    }
    const fp = computeFingerprint({ title: v.title, employerName: v.employer, place: v.town[0], descriptionText: v.paras.join('\n\n') });
    insert.run(`r${i}`, v.title, v.title, v.employer, v.town[0], v.town[1], v.town[2], fp, `h${i}`, i, i, i, i);
  }
})();
console.log(`dedupe_setup: ${((performance.now() - t0) / 1000).toFixed(1)} s (${count} vacancies with fingerprints, not part of the target)`);
const t1 = performance.now();
const cpu0 = process.cpuUsage();
const r = clusterAll(db, { now: Date.now() });
const secs = (performance.now() - t1) / 1000;
const cpu = process.cpuUsage(cpu0);
console.log(`dedupe_cluster_all_${count}: ${secs.toFixed(1)} s`);
// On a shared machine wall time includes waiting for a core; CPU time is this process's own work.
console.log(`dedupe_cluster_all_cpu_${count}: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
console.log(`dedupe_clusters: ${r.clusters} clusters`);
console.log(`dedupe_duplicates: ${r.duplicates} vacancies`);
// Every constructed near-duplicate should be found, and nothing else merged: equal counts.
console.log(`dedupe_constructed_duplicates: ${constructed} vacancies`);
const t2 = performance.now();
clusterAll(db, { now: Date.now(), rebuildBands: true });
console.log(`dedupe_cluster_all_with_band_table_rebuild_${count}: ${((performance.now() - t2) / 1000).toFixed(1)} s`);
// Ingest-time cost: band index probe + verification + the vacancy's dedupe_sigs row, for one new vacancy.
// This connection's band index is built from dedupe_sigs once per process (at start-up, or by the first ingest): timed apart.
const extra = 2000;
const late = (tag: string) => {
  const ids: number[] = [];
  db.$client.transaction(() => {
    for (let i = 0; i < extra; i++) {
      const o = pick(originals);
      const fp = computeFingerprint({ title: o.title, employerName: `Late ${tag}${i}`, place: o.town[0], descriptionText: [...o.paras, `Ref ${tag}${i}`].join('\n\n') });
      const info = insert.run(`late${tag}${i}`, o.title, o.title, `Late ${tag}${i}`, o.town[0], o.town[1], o.town[2], fp, `h${tag}${i}`, count + i, count + i, count + i, count + i);
      ids.push(Number(info.lastInsertRowid));
    }
  })();
  return ids;
};
const cpuUs = (c: NodeJS.CpuUsage) => c.user + c.system;
let ids = late('L');
let t3 = performance.now();
let cpu3 = process.cpuUsage();
prepareDedupeIndex(db);
console.log(`dedupe_band_index_build_${count}: ${(performance.now() - t3).toFixed(0)} ms (cpu ${(cpuUs(process.cpuUsage(cpu3)) / 1000).toFixed(0)} ms, once per process)`);
let joined = 0;
t3 = performance.now();
cpu3 = process.cpuUsage();
db.$client.transaction(() => {
  for (const id of ids) if (assignCluster(db, id) !== id) joined++;
})();
console.log(`dedupe_assign_cluster_at_ingest: ${(((performance.now() - t3) * 1000) / ids.length).toFixed(0)} µs/vacancy (${joined}/${ids.length} joined their original's cluster)`);
console.log(`dedupe_assign_cluster_at_ingest_cpu: ${(cpuUs(process.cpuUsage(cpu3)) / ids.length).toFixed(0)} µs/vacancy`);
// As the employer API ingests: one transaction (and commit) per vacancy.
ids = late('T');
joined = 0;
t3 = performance.now();
cpu3 = process.cpuUsage();
for (const id of ids) db.$client.transaction(() => assignCluster(db, id) !== id && joined++)();
console.log(`dedupe_assign_cluster_own_transaction: ${(((performance.now() - t3) * 1000) / ids.length).toFixed(0)} µs/vacancy (${joined}/${ids.length} joined)`);
console.log(`dedupe_assign_cluster_own_transaction_cpu: ${(cpuUs(process.cpuUsage(cpu3)) / ids.length).toFixed(0)} µs/vacancy`);
closeDb(db);
rmSync(dir, { recursive: true, force: true });
