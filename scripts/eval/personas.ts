/**
 * Persona evaluation (issue 14): for each made-up participant in
 * scripts/eval/personas.json, rank matches, transitions and pivots the way
 * the API does, and count how many of the first 5 and 10 a seasoned coach
 * would put in front of them (the persona's own `accept` lists, written
 * before any output was looked at).
 *
 *   npm run eval -- personas [db] [--personas FILE] [--show 5] [--explain]
 *
 * `--show N` lists the first N of each list marked ✓ (accepted) or ✗;
 * `--explain` adds each match's strongest matched skills (≈: related skill).
 *
 * Without a database it builds the demo data `npm start` loads (bundled
 * taxonomy, 2,000 generated vacancies with their history) in memory, on a
 * fixed clock so every run ranks the same vacancies. With one, it reads that
 * database (an import of real adverts, for example) and writes only the
 * made-up participants, into their own organisation, erases them at the end
 * and revokes the eval coach.
 *
 * Precision@k = accepted items among the first k ÷ k; a persona with fewer
 * than k items counts the missing places as not accepted (an empty list is
 * not a good list). `…_of_listed` lines divide by the items listed
 * instead (up to k), over the personas with a list. Printed as `name:
 * value unit` lines.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createCoach } from '../../src/auth/coaches.ts';
import { fixedClock, type Clock } from '../../src/clock.ts';
import { closeDb, openDb, type Db } from '../../src/db.ts';
import { addDemoHistory } from '../../src/demo/history.ts';
import { loadDemoVacancies } from '../../src/demo/load-demo.ts';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { matchesFor } from '../../src/matching/participant-matches.ts';
import { transitionsFor } from '../../src/matching/participant-transitions.ts';
import { eraseParticipantByOperator, createParticipantFromBody, profileOf } from '../../src/participants/service.ts';
import { ParticipantBodySchema } from '../../src/participants/validation.ts';
import { updateDemandHistory } from '../../src/pivots/demand-history.ts';
import { pivotsFor } from '../../src/pivots/pivots.ts';
import { drainOutbox } from '../../src/search/outbox.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { ensureBundledTaxonomy } from '../../src/taxonomy/bundled-import.ts';
import { createEnricher } from '../../src/taxonomy/enricher/index.ts';
import { loadTaxonomy } from '../../src/taxonomy/store.ts';

interface Persona {
  id: string;
  label: string;
  accept: { titles: string[]; occupations: string[] };
  [field: string]: unknown;
}

/** The demo data's clock: fixed, so the generated dates (and so recency) are the same every run. */
const DEMO_NOW = Date.parse('2026-03-01T09:00:00Z');
const EVAL_ORG = 'eval-personas';

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { personas: { type: 'string' }, show: { type: 'string', default: '0' }, explain: { type: 'boolean', default: false } },
  });
  const file = values.personas ?? new URL('./personas.json', import.meta.url).pathname;
  const personas = (JSON.parse(readFileSync(file, 'utf8')) as { personas: Persona[] }).personas;
  const show = Number(values.show);
  const explain = values.explain ?? false;
  const dbPath = positionals[0];

  let db: Db;
  let now: Clock;
  if (dbPath) {
    db = openDb(dbPath);
    const latest = db.$client.prepare("SELECT max(coalesce(date_posted, first_seen)) FROM vacancies WHERE status = 'live'").pluck().get() as number | null;
    now = fixedClock(latest ?? Date.now());
  } else {
    db = openDb(':memory:');
    now = fixedClock(DEMO_NOW);
    ensureBundledTaxonomy(db, DEMO_NOW);
  }
  const taxonomy = loadTaxonomy(db);
  const enricher = createEnricher(taxonomy, db);
  const geocoder = createGeocoder(db);
  const search = new SqliteEngine(db);
  const t0 = performance.now();
  if (!dbPath) {
    loadDemoVacancies({ db, now, enricher, geocoder }, { count: 2000 });
    addDemoHistory(db, { now: DEMO_NOW });
    updateDemandHistory(db, DEMO_NOW);
  }
  for (let i = 0; i < 10_000; i++) if ((await drainOutbox(db, search, { batchSize: 2000 })).rows === 0) break;
  const source = dbPath ?? 'demo data (2,000 generated vacancies, bundled taxonomy)';
  console.log(`# personas on ${source}: ${personas.length} personas, set up in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

  const deps = { db, search, taxonomy: () => taxonomy, enricher: () => enricher, geocoder, now };
  const { coach } = createCoach(db, { name: 'Persona eval', org: EVAL_ORG }, now());
  const known = new Set(Object.keys(ParticipantBodySchema.shape));
  const sums = { matches: [0, 0], transitions: [0, 0], pivots: [0, 0] };
  // The same over the items actually listed (a short list is not penalised): personas with at least one item.
  const listed = { matches: [0, 0, 0], transitions: [0, 0, 0], pivots: [0, 0, 0] };
  const empty = { matches: 0, transitions: 0, pivots: 0 };
  const ids: number[] = [];
  try {
    for (const persona of personas) {
      // Only the fields the participant API knows (the file may hold preferences an older build lacks).
      const body = Object.fromEntries(Object.entries(persona).filter(([k]) => known.has(k)));
      const parsed = ParticipantBodySchema.parse(body);
      const p = createParticipantFromBody(deps, coach, parsed);
      ids.push(p.id);
      const profile = profileOf(deps, p);
      const accepts = (text: string, words: string[]) => {
        const t = text.toLowerCase();
        return words.some((w) => t.includes(w.toLowerCase()));
      };
      const m = await matchesFor(deps, p, profile, { page: 1, pageSize: 10 });
      const matchTitles = m.items.map((x) => x.ranked.vacancy.title);
      const tr = transitionsFor(deps, p, profile, { limit: 10, filter: 'viable' });
      const trTitles = tr.items.map((x) => x.occupation.title);
      const pv = pivotsFor(deps, p, profile, { limit: 10 });
      const pvTitles = pv.groups.flatMap((g) => g.items).sort((a, b) => Number(b.vacancies.live > 0) - Number(a.vacancies.live > 0) || b.score - a.score).map((x) => x.occupation.title);
      const lists = {
        matches: matchTitles.map((t) => accepts(t, persona.accept.titles)),
        transitions: trTitles.map((t) => accepts(t, persona.accept.occupations)),
        pivots: pvTitles.map((t) => accepts(t, persona.accept.occupations)),
      };
      const line: string[] = [];
      for (const k of ['matches', 'transitions', 'pivots'] as const) {
        const l = lists[k];
        if (!l.length) empty[k]++;
        const at = (n: number) => l.slice(0, n).filter(Boolean).length / n;
        if (l.length) {
          const over = (n: number) => l.slice(0, n).filter(Boolean).length / Math.min(n, l.length);
          listed[k][0] = (listed[k][0] as number) + over(5);
          listed[k][1] = (listed[k][1] as number) + over(10);
          listed[k][2] = (listed[k][2] as number) + 1;
        }
        sums[k][0] = (sums[k][0] as number) + at(5);
        sums[k][1] = (sums[k][1] as number) + at(10);
        line.push(`${k} ${at(5).toFixed(1)}/${at(10).toFixed(1)}`);
      }
      console.log(`${persona.id}: ${line.join(', ')} (P@5/P@10)`);
      if (show > 0) {
        const mark = (ok: boolean | undefined) => (ok ? '✓' : '✗');
        m.items.slice(0, show).forEach((x, i) =>
          console.log(
            `    match ${mark(lists.matches[i])} ${x.ranked.vacancy.title} (fit ${x.ranked.components.match.toFixed(2)}, conditions ${x.ranked.components.conditions.toFixed(2)})` +
              (explain ? `: ${x.ranked.match.matched.slice(0, 6).map((mm) => `${mm.via === 'group' ? '≈' : ''}${mm.label} ${(mm.importance * mm.credit).toFixed(2)}`).join('; ')}` : ''),
          ),
        );
        trTitles.slice(0, show).forEach((t, i) => console.log(`    transition ${mark(lists.transitions[i])} ${t}`));
        pvTitles.slice(0, show).forEach((t, i) => console.log(`    pivot ${mark(lists.pivots[i])} ${t}`));
      }
    }
  } finally {
    for (const id of ids) eraseParticipantByOperator(deps, EVAL_ORG, id);
    // The eval coach stays (audit rows name it) but can never sign in.
    db.$client.prepare('UPDATE coaches SET revoked_at = ? WHERE org = ?').run(now(), EVAL_ORG);
    await search.close?.();
    closeDb(db);
  }
  const n = personas.length;
  console.log('');
  for (const k of ['matches', 'transitions', 'pivots'] as const) {
    console.log(`${k}_precision_at_5: ${((sums[k][0] as number) / n).toFixed(3)} share`);
    console.log(`${k}_precision_at_10: ${((sums[k][1] as number) / n).toFixed(3)} share`);
    console.log(`${k}_empty_lists: ${empty[k]} personas`);
    const m = listed[k][2] as number;
    console.log(`${k}_precision_at_5_of_listed: ${m ? ((listed[k][0] as number) / m).toFixed(3) : '–'} share (${m} personas with a list)`);
    console.log(`${k}_precision_at_10_of_listed: ${m ? ((listed[k][1] as number) / m).toFixed(3) : '–'} share`);
  }
}
