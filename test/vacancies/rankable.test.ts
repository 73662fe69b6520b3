import { describe, expect, it } from 'vitest';
import { normaliseVacancy } from '../../src/vacancies/normalise.ts';
import { getRankableVacanciesByIds, getVacanciesByIds } from '../../src/vacancies/queries.ts';
import { setVacancyStatus, upsertVacancy } from '../../src/vacancies/store.ts';
import type { RankableVacancy, Vacancy } from '../../src/vacancies/model.ts';
import { bundledStore } from '../helpers/bundled-store.ts';

const now = Date.parse('2026-03-01T09:00:00Z');

const RANKABLE_FIELDS = [
  'id', 'status', 'title', 'datePosted', 'firstSeen', 'remote', 'employmentType', 'hoursPerWeek', 'shifts', 'salary', 'occupation', 'requirements', 'skills',
] as const satisfies readonly (keyof RankableVacancy)[];

const pick = (v: Vacancy) => Object.fromEntries(RANKABLE_FIELDS.map((k) => [k, v[k]]));

describe('getRankableVacanciesByIds', () => {
  it('reads exactly the ranking fields getVacanciesByIds reads, in the order asked, skipping missing ids', () => {
    const { db, enricher, geocoder } = bundledStore(now);
    const deps = { now, enricher, geocoder };
    const raws = [
      {
        reference: 'r1', title: 'Forklift Driver', location: 'Leeds', datePosted: '2026-02-20',
        description: 'Counterbalance forklift licence required. Loading and unloading, stock rotation. Night shifts, 40 hours a week.',
        salary: '£12.50 - £13.20 per hour', employmentType: 'FULL_TIME',
      },
      { reference: 'r2', title: 'Care Assistant', location: 'E17', description: 'Personal care and moving and handling. Weekends. Driving licence essential.', salary: 'OTE £28,000' },
      { reference: 'r3', title: 'Zzyzxq', description: 'Nothing we know.' },
    ];
    const ids = raws.map((raw) => upsertVacancy(db, { source: 'import:t', vacancy: normaliseVacancy(deps, raw) }, now).id);
    setVacancyStatus(db, ids[2]!, 'closed', now);

    const asked = [ids[2]!, 999_999, ids[0]!, ids[1]!];
    const lean = getRankableVacanciesByIds(db, asked);
    const full = getVacanciesByIds(db, asked);
    expect(lean.map((v) => v.id)).toEqual([ids[2], ids[0], ids[1]]);
    expect(lean).toEqual(full.map(pick));
    // The fixture exercises the parsed columns, so equality above means something.
    const [closed, forklift, care] = lean;
    expect(closed!.status).toBe('closed');
    expect(forklift!.skills.length).toBeGreaterThan(0);
    expect(forklift!.occupation?.code).toBeTruthy();
    expect(forklift!.salary.annualMin).toBeGreaterThan(20_000);
    expect(forklift!.datePosted).toBe(Date.parse('2026-02-20'));
    expect(care!.requirements.length).toBeGreaterThan(0);
    // Only the ranking fields: the advert's text stays on disk.
    expect(Object.keys(forklift!).sort()).toEqual([...RANKABLE_FIELDS].sort());
    expect(getRankableVacanciesByIds(db, [])).toEqual([]);
  });
});
