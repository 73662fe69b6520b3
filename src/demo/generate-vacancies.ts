import type { RawVacancy } from '../vacancies/model.ts';
import {
  BENEFITS,
  DEMO_SECTORS,
  DEMO_TOWNS,
  EMPLOYER_STEMS,
  GENERIC_PARAGRAPHS,
  SHIFTS,
  type DemoRole,
  type DemoSector,
  type DemoTown,
} from './demo-data.ts';
import { createRandom } from '../random.ts';

/**
 * Seeded, deterministic demo vacancies: plausible UK adverts (titles,
 * invented employers, real towns with approximate coordinates, salaries and
 * hours phrased as adverts phrase them, 3–4 KB descriptions with the usual
 * requirement phrases). Used by `npm start` on an empty database (source
 * `demo`, isDemo) and by benchmarks, which need hundreds of thousands fast:
 * everything is precomputed string pieces joined per vacancy.
 */

export interface DemoOptions {
  count: number;
  /** Same seed, same vacancies. */
  seed?: number;
  /** Epoch ms that datePosted counts back from (default a fixed date, so output is reproducible). */
  now?: number;
}

export const DEMO_SOURCE = 'demo';
const DEFAULT_NOW = Date.parse('2025-06-02T09:00:00Z');
const DAY = 86_400_000;


const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

/** Picks k distinct items (k small). */
function pickSome<T>(rnd: () => number, xs: readonly T[], k: number): T[] {
  const out: T[] = [];
  const used = new Set<number>();
  while (out.length < Math.min(k, xs.length)) {
    const i = Math.floor(rnd() * xs.length);
    if (!used.has(i)) {
      used.add(i);
      out.push(xs[i] as T);
    }
  }
  return out;
}

const SECTOR_TABLE: DemoSector[] = DEMO_SECTORS.flatMap((s) => Array.from({ length: s.weight }, () => s));
// Bigger towns get more vacancies, as in real advert volumes.
const BIG_TOWNS = new Set(['London', 'Birmingham', 'Manchester', 'Leeds', 'Glasgow', 'Bristol', 'Liverpool', 'Sheffield']);
const TOWN_TABLE: DemoTown[] = DEMO_TOWNS.flatMap((t) => (BIG_TOWNS.has(t.name) ? [t, t, t, t] : [t]));

// Hand-rolled thousands separators: toLocaleString goes through Intl and is the slowest step.
const gbp0 = (n: number) => `£${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
const gbp2 = (n: number) => `£${n.toFixed(2)}`;
const roundTo = (n: number, step: number) => Math.round(n / step) * step;

interface SalaryOut {
  salary: Extract<RawVacancy['salary'], object>;
}

/** A salary as adverts word it, plus the numbers it states. */
function makeSalary(rnd: () => number, role: DemoRole, partTime: boolean, hours: number): SalaryOut {
  const { pay } = role;
  const r = rnd();
  if (pay.kind === 'hour') {
    const min = Math.round((pay.min + (pay.max - pay.min) * rnd() * 0.6) * 100) / 100;
    const max = Math.round((min + (pay.max - min) * rnd()) * 100) / 100;
    if (r < 0.5) return { salary: { min, max: min, currency: 'GBP', period: 'hour', text: `${gbp2(min)} per hour` } };
    if (r < 0.75 && max > min) return { salary: { min, max, currency: 'GBP', period: 'hour', text: `${gbp2(min)} - ${gbp2(max)} per hour` } };
    if (r < 0.88) {
      const wk = Math.round(min * hours);
      return { salary: { min: wk, max: wk, currency: 'GBP', period: 'week', text: `${gbp0(wk)} per week (${hours} hours)` } };
    }
    const a = roundTo(min * hours * 52, 50);
    const text = partTime ? `${gbp0(a)} per annum (pro rata, ${gbp2(min)}/hr)` : `${gbp0(a)} per annum`;
    return { salary: { min: a, max: a, currency: 'GBP', period: 'year', text } };
  }
  const min = roundTo(pay.min + (pay.max - pay.min) * rnd() * 0.5, 500);
  const max = Math.max(min, roundTo(min + (pay.max - min) * rnd(), 500));
  if (r < 0.45) {
    const text = max > min ? `${gbp0(min)} - ${gbp0(max)} per annum` : `${gbp0(min)} per annum`;
    return { salary: { min, max, currency: 'GBP', period: 'year', text } };
  }
  if (r < 0.65) return { salary: { min, max: min, currency: 'GBP', period: 'year', text: `${gbp0(min)} per year` } };
  if (r < 0.8) return { salary: { max, currency: 'GBP', period: 'year', text: `Up to ${gbp0(max)} pa + benefits` } };
  if (r < 0.9) {
    const k = (n: number) => `£${Math.round(n / 1000)}k`;
    if (k(max) !== k(min)) return { salary: { min, max, currency: 'GBP', period: 'year', text: `${k(min)}-${k(max)} DOE` } };
  }
  const upper = max > min ? ` to ${gbp0(max)}` : '';
  return { salary: { min, max, currency: 'GBP', period: 'year', text: `${gbp0(min)}${upper} a year plus overtime` } };
}

const article = (word: string) => (/^[AEIOU]/i.test(word) ? 'an' : 'a');

const CONTRACTS = ['Permanent', 'Permanent', 'Permanent', 'Permanent', 'Permanent', 'Temporary', 'Fixed term contract (12 months)', 'Temporary to permanent', 'Zero hours', 'Apprenticeship'];

/** One paragraph per section, built from the role, sector and random picks. */
function makeDescription(
  rnd: () => number,
  v: { title: string; employer: string; town: string; sector: DemoSector; role: DemoRole; shift: string; hours: number; salaryText: string; contract: string },
): string {
  const { sector, role } = v;
  const parts: string[] = [];
  parts.push(`${v.employer} is recruiting ${article(v.title)} ${v.title} to join our team in ${v.town}. ${pick(rnd, sector.about)}`);
  parts.push(
    `About the role\nAs ${article(v.title)} ${v.title} your main focus will be ${role.duties[0]}. Day to day this includes ${role.duties[1]} and ${role.duties[2]}. ` +
      `You will report to the ${pick(rnd, ['site manager', 'team leader', 'shift supervisor', 'registered manager', 'operations manager'])} and work as part of a team of ${2 + Math.floor(rnd() * 40)} people.`,
  );
  parts.push(`Key responsibilities\n- ${role.duties.join('\n- ')}\n- following all health and safety procedures and reporting hazards\n- treating customers and colleagues with respect`);
  const essentials = [...role.needs];
  if (rnd() < 0.35) essentials.push('a full UK driving licence');
  if (rnd() < 0.5) essentials.push('the right to work in the UK');
  if (v.town === 'Cardiff' || v.town === 'Swansea' || v.town === 'Wrexham' || v.town === 'Newport') {
    if (rnd() < 0.5) essentials.push('Welsh language skills (desirable)');
  }
  parts.push(`What we are looking for\nEssential:\n- ${essentials.join('\n- ')}\n- good communication skills and a positive attitude\nDesirable:\n- experience in a similar role\n- basic IT skills`);
  parts.push(`Hours and pay\nThis is a ${v.contract.toLowerCase()} position of ${v.hours} hours per week, working ${v.shift}. Pay is ${v.salaryText}.`);
  parts.push(`What you will get\n- ${pickSome(rnd, BENEFITS, 5).join('\n- ')}`);
  for (const p of pickSome(rnd, GENERIC_PARAGRAPHS, 10)) parts.push(p);
  parts.push(`How to apply\nApply online with your CV, or call our recruitment team for an informal chat. We review applications as they arrive and may close this vacancy early. Please quote the job title ${v.title} (${v.town}).`);
  parts.push('This is a demonstration vacancy generated by flightpath: the employer is fictional and the job is not real.');
  return parts.join('\n\n');
}

/**
 * Yields `count` demo vacancies. Pure and deterministic for a given
 * (count, seed, now); the i-th vacancy does not depend on count.
 */
export function* generateDemoVacancies(opts: DemoOptions): Generator<RawVacancy> {
  const seed = opts.seed ?? 1;
  const now = opts.now ?? DEFAULT_NOW;
  const rnd = createRandom(seed);
  for (let i = 0; i < opts.count; i++) {
    const sector = pick(rnd, SECTOR_TABLE);
    const role = pick(rnd, sector.roles);
    const town = pick(rnd, TOWN_TABLE);
    const employer = `${pick(rnd, EMPLOYER_STEMS)} ${pick(rnd, sector.employerSuffixes)}`;
    const partTime = rnd() < sector.partTimeShare;
    const hours = partTime ? pick(rnd, [16, 20, 22.5, 24, 25, 30]) : pick(rnd, [37.5, 37.5, 39, 40, 42, 45]);
    const contract = pick(rnd, CONTRACTS);
    const shift = pick(rnd, SHIFTS);
    const { salary } = makeSalary(rnd, role, partTime, hours);
    const r = rnd();
    const remote = r < sector.remoteShare * 0.3 ? 'remote' : r < sector.remoteShare ? 'hybrid' : 'onsite';
    // Within roughly 6 km of the town centre, so radius searches see spread.
    const lat = Math.round((town.lat + (rnd() - 0.5) * 0.1) * 1e5) / 1e5;
    const lon = Math.round((town.lon + (rnd() - 0.5) * 0.16) * 1e5) / 1e5;
    const title = rnd() < 0.15 ? `${role.title} - ${pick(rnd, ['Immediate Start', 'Nights', 'Weekends', 'Part Time', 'No Experience Needed'])}` : role.title;
    const posted = now - Math.floor(rnd() * 30 * DAY);
    const reference = `demo-${seed}-${i}`;
    yield {
      reference,
      title,
      description: makeDescription(rnd, { title, employer, town: town.name, sector, role, shift, hours, salaryText: salary.text ?? '', contract }),
      url: `https://demo.flightpath.invalid/vacancies/${reference}`,
      employer,
      location: remote === 'remote' ? `Remote (UK), ${town.name}` : `${town.name}, ${town.outward}`,
      postcode: town.outward,
      town: town.name,
      region: town.region,
      lat,
      lon,
      remote,
      employmentType: partTime ? 'Part-time' : 'Full-time',
      contract,
      hoursPerWeek: hours,
      salary,
      datePosted: new Date(posted).toISOString(),
      validThrough: new Date(posted + 28 * DAY).toISOString(),
      ...(role.soc ? { occupation: { code: role.soc, scheme: 'soc' } } : {}),
      sector: sector.sic,
    };
  }
}
