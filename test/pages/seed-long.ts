import { createShareLink } from '../../src/shortlist/shares.ts';
import { addToShortlist, changeShortlistEntry } from '../../src/shortlist/shortlist.ts';
import { setVacancyStatus } from '../../src/vacancies/store.ts';
import { addParticipant } from '../helpers/participants.ts';
import { NOW, type Seeded } from './seed.ts';

/** A participant whose page is as long and as wide as pages get: targets, a long history with long titles, preferences, licences. */
export const LONG_PARTICIPANT = {
  reference: 'CASE-2026-000123-LONG-REFERENCE',
  name: 'Alexandra Long-Surname-Example',
  location: 'Leeds',
  maxTravelKm: 30,
  history: [
    { title: 'Warehouse operative and forklift truck driver (counterbalance and reach)', years: 4 },
    { title: 'Delivery driver', years: 2, endedYearsAgo: 4 },
    { title: 'Care assistant', years: 1, endedYearsAgo: 6 },
  ],
  licences: ['B', 'forklift:counterbalance', 'CSCS'],
  skills: { add: ['stock control', 'customer service'] },
  targets: ['HGV driver', 'Warehouse supervisor'],
  hoursPattern: 'full_time',
  avoidShifts: ['nights'],
  salaryFloor: 22000,
  remote: 'onsite',
  must: ['shifts'],
};

export interface LongSeed {
  /** The long participant's id. */
  longId: number;
  /** A live vacancy on their shortlist. */
  vacancyId: number;
  /** A share link to their shortlist (the token of /shared/:token). */
  shareToken: string;
}

/**
 * Adds the long participant to a seeded app, through the same use cases
 * the API calls, with a shortlist of three: one at interview with a long
 * note (and an address without spaces to break on), one started, and one
 * whose vacancy closed after it was shortlisted; and a share link.
 */
export function seedLongParticipant(seeded: Seeded): LongSeed {
  const p = addParticipant(seeded.deps, seeded.coach, LONG_PARTICIPANT);
  const ids = seeded.db.$client.prepare("SELECT id FROM vacancies WHERE status = 'live' AND sector IS NOT NULL ORDER BY id LIMIT 3").pluck().all() as number[];
  for (const [i, id] of ids.entries()) {
    const { entry } = addToShortlist(seeded.deps, seeded.coach, p, { vacancyId: id });
    if (i === 0) {
      const note = 'Interview on Tuesday at 10:00, bring your licence and two forms of ID. Details: https://jobs.example.org/a-very-long-address-without-any-spaces-to-break-on';
      changeShortlistEntry(seeded.deps, seeded.coach, p, entry.id, { stage: 'interview', note });
    }
    if (i === 1) changeShortlistEntry(seeded.deps, seeded.coach, p, entry.id, { stage: 'started' });
  }
  setVacancyStatus(seeded.db, ids[2]!, 'closed', NOW);
  return { longId: p.id, vacancyId: ids[0]!, shareToken: createShareLink(seeded.deps, seeded.coach, p, 14).token };
}
