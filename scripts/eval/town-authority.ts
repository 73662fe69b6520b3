/**
 * `npm run eval -- town-authority <jobs-dir-or-file>`: which rule gives a
 * town its local authority better (issue 17)? Adverts that name a town and a
 * postcode whose district the bundled table gives an authority: the town
 * alone is geocoded, and its authority by the nearest postcode district's
 * (what the geocoder does) and by `nearestAuthority` (size-scaled nearest
 * authority centroid) is compared with the postcode's. Agreement, not truth:
 * an advert's site can lie outside its town's own authority.
 */
import { openRecords } from '../../src/vacancies/import/read-records.ts';
import { recordToRaw } from '../../src/vacancies/import/to-raw.ts';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { loadReferenceTables } from '../../src/geo/reference-tables.ts';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export async function run(args: string[]): Promise<void> {
  const target = args[0];
  if (!target) throw new Error('usage: town-authority <jobs-dir-or-file>');
  const files = statSync(target).isDirectory() ? readdirSync(target).filter((x) => /\.(gz|csv|json|jsonl)$/.test(x)).map((x) => join(target, x)) : [target];
  const g = createGeocoder(null);
  const ref = loadReferenceTables();
  const PC = /\b([A-Z]{1,2}[0-9][A-Z0-9]?)(?:\s*[0-9][A-Z]{2})?\b/i;
  let n = 0, district = 0, authority = 0;
  const perTown = new Map<string, { truth: Map<string, number>; d: string | null; a: string | null }>();
  for (const f of files) {
    const o = openRecords(f);
    for await (const rec of o.records) {
      const r = rec.value ? recordToRaw(rec.value) : null;
      if (!r || !r.ok) continue;
      const raw = r.raw;
      let townText: string | null = null, pcText: string | null = null;
      if (raw.town && raw.postcode) { townText = raw.town; pcText = raw.postcode; }
      else if (raw.location) {
        const m = /^(.*?),?\s+([A-Z]{1,2}[0-9][A-Z0-9]?(?:\s*[0-9][A-Z]{2})?)$/i.exec(raw.location.trim());
        if (m && PC.test(m[2]!)) { townText = m[1]!; pcText = m[2]!; }
      }
      if (!townText || !pcText) continue;
      const byPc = g.geocode(pcText);
      const byTown = g.geocode(townText);
      if (!byPc?.localAuthority || byPc.outsideUk || !byTown?.resolved || byTown.precision !== 'town' || byTown.lat == null) continue;
      const d = ref.nearestOutcode(byTown.lat, byTown.lon!)?.localAuthority ?? null;
      const a = ref.nearestAuthority(byTown.lat, byTown.lon!)?.code ?? null;
      n++;
      if (d === byPc.localAuthority) district++;
      if (a === byPc.localAuthority) authority++;
      const k = byTown.town!;
      const t = perTown.get(k) ?? { truth: new Map(), d, a };
      t.truth.set(byPc.localAuthority, (t.truth.get(byPc.localAuthority) ?? 0) + 1);
      perTown.set(k, t);
    }
  }
  console.log(`adverts with a town and a postcode-known authority: ${n}`);
  console.log(`town_la_nearest_district_agreement: ${(100 * district / n).toFixed(1)} %`);
  console.log(`town_la_nearest_authority_agreement: ${(100 * authority / n).toFixed(1)} %`);
  // Per distinct town, against the authority its adverts' postcodes give most often.
  let td = 0, ta = 0;
  const diffs: string[] = [];
  for (const [k, t] of perTown) {
    const top = [...t.truth].sort((x, y) => y[1] - x[1])[0]![0];
    if (t.d === top) td++;
    if (t.a === top) ta++;
    if ((t.d === top) !== (t.a === top)) diffs.push(`${k}: postcode ${ref.areaByCode.get(top)?.name} | district ${ref.areaByCode.get(t.d ?? '')?.name} | authority ${ref.areaByCode.get(t.a ?? '')?.name}`);
  }
  console.log(`distinct towns: ${perTown.size}; nearest district agrees ${(100 * td / perTown.size).toFixed(1)} %, nearest authority agrees ${(100 * ta / perTown.size).toFixed(1)} %`);
  console.log(diffs.slice(0, 40).join('\n'));
}
