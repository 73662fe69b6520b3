import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Random } from '../../../src/random.ts';
import { createRandom } from '../../../src/random.ts';
import type { RawVacancy } from '../../../src/vacancies/model.ts';
import { generateVacancy } from '../../bench/lib/generate.ts';

/**
 * Raw vacancies as an employer or a bulk file sends them, built from the
 * benchmark generator's realistic adverts (3–4 KB descriptions, weighted UK
 * towns), so the soak store goes through the real normalise/enrich path:
 * salary text is parsed, towns geocoded, and half the adverts carry no
 * sector or occupation, so the classifier runs on them as on scraped ones.
 */

export type SoakVacancy = RawVacancy & { reference: string };

export function generateRawVacancy(rng: Random, i: number, now: number, refPrefix: string): SoakVacancy {
  const v = generateVacancy(rng, i, now);
  const given = rng() < 0.5;
  const raw: SoakVacancy = {
    reference: `${refPrefix}-${i}`,
    title: v.title,
    description: v.descriptionText,
    url: `https://jobs.example.org/${refPrefix}/${i}`,
    applyUrl: `https://jobs.example.org/${refPrefix}/${i}/apply`,
    employer: v.employerName ?? undefined,
    location: v.location?.text,
    town: v.location?.town ?? undefined,
    region: v.location?.region ?? undefined,
    lat: v.location?.lat ?? undefined,
    lon: v.location?.lon ?? undefined,
    remote: v.remote ?? undefined,
    employmentType: v.employmentType ?? undefined,
    contract: v.contract ?? undefined,
    hoursPerWeek: v.hoursPerWeek ?? undefined,
    salary: v.salary.text ?? undefined,
    datePosted: new Date(v.datePosted ?? now).toISOString().slice(0, 10),
  };
  if (given && v.sector) raw.sector = v.sector.code;
  if (given && v.occupation) raw.occupation = { code: v.occupation.code, scheme: 'soc' };
  return raw;
}

/** `count` seeded raw vacancies, lazily. */
export function* rawVacancies(count: number, seed: number, refPrefix: string, now: number): Generator<SoakVacancy> {
  const rng = createRandom(seed);
  for (let i = 0; i < count; i++) yield generateRawVacancy(rng, i, now, refPrefix);
}

/** Writes `count` raw vacancies as JSONL (what `import vacancies` reads); returns bytes written. */
export async function writeVacancyJsonl(path: string, count: number, seed: number, refPrefix: string, now: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for (const v of rawVacancies(count, seed, refPrefix, now)) {
    const line = JSON.stringify(v) + '\n';
    bytes += line.length;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
