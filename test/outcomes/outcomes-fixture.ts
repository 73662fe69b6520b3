import { createCoach, type Coach } from '../../src/auth/coaches.ts';
import { createSession } from '../../src/auth/sessions.ts';
import { openDb, type Db } from '../../src/db.ts';
import type { ParticipantDeps } from '../../src/participants/service.ts';
import type { Participant } from '../../src/participants/store.ts';
import { addToShortlist, changeShortlistEntry } from '../../src/shortlist/shortlist.ts';
import type { Stage } from '../../src/shortlist/stages.ts';
import { createTaxonomy } from '../../src/taxonomy/build.ts';
import type { Occupation, Taxonomy } from '../../src/taxonomy/model.ts';
import { normaliseVacancy } from '../../src/vacancies/normalise.ts';
import { upsertVacancy } from '../../src/vacancies/store.ts';
import { addParticipant } from '../helpers/participants.ts';

export const NOW = Date.parse('2026-05-15T10:00:00Z');
export const JAN = Date.parse('2026-01-20T10:00:00Z');
export const FEB = Date.parse('2026-02-10T10:00:00Z');
export const MAR = Date.parse('2026-03-05T10:00:00Z');

const occ = (code: string, title: string, sector: string): Occupation => ({
  id: `soc:${code}`, scheme: 'soc', code, title, altTitles: [], description: null, skillLevel: 2, typicalPayAnnual: 23000, sector,
});
/** A comma and quotes in a title, so the CSV has something to quote. */
export const CARE_TITLE = 'Care workers, "home" carers';

export function outcomesTaxonomy(): Taxonomy {
  return createTaxonomy({
    versionId: 1,
    occupations: [occ('9260', 'Warehouse operatives', 'H'), occ('6135', CARE_TITLE, 'Q'), occ('8214', 'Forklift truck drivers', 'H'), occ('7111', 'Sales and retail assistants', 'G')],
    skills: [],
    relations: [],
    groups: [],
    sectors: [],
  });
}

export interface OutcomesWorld {
  db: Db;
  taxonomy: Taxonomy;
  clock: { t: number; now: () => number };
  north: { coach: Coach; token: string; session: string };
  south: { coach: Coach; token: string; session: string };
}

/**
 * Two organisations' shortlists, built through the real use cases with the
 * clock set to each move:
 *
 * North Works (5 starts): January, a warehouse operative into care (pivot,
 * H → Q) and another onto forklifts (same sector, H); March, someone with
 * no job history into retail (unknown), a retail assistant into a vacancy
 * with no sector but a care occupation (pivot, G → Q by the occupation's
 * sector), and a warehouse operative into a vacancy with neither (unknown).
 * Not starts: one moved to started then withdrawn, one at offer.
 * South Skills: one start in February, into care, never counted for North.
 */
export function outcomesWorld(): OutcomesWorld {
  const db = openDb(':memory:');
  const taxonomy = outcomesTaxonomy();
  const clock = { t: JAN - 86_400_000, now: () => clock.t };
  const deps: ParticipantDeps = { db, taxonomy: () => taxonomy, enricher: () => null, geocoder: null, now: clock.now };
  const mk = (org: string, name: string) => {
    const { coach, token } = createCoach(db, { name, org }, clock.t);
    return { coach, token, session: createSession(db, coach.id, NOW) };
  };
  const north = mk('North Works', 'Ann');
  const south = mk('South Skills', 'Bea');

  let ref = 0;
  const vacancy = (title: string, sector: string | null, occupation: string | null) => {
    const base = normaliseVacancy({ now: clock.t }, { reference: `v${++ref}`, title, description: `${title} wanted.` });
    const v = {
      ...base,
      sector: sector ? { code: sector, confidence: 1, evidence: [] } : null,
      occupation: occupation ? { code: occupation, scheme: 'soc', confidence: 1, evidence: [] } : null,
    };
    return upsertVacancy(db, { source: 'test', vacancy: v }, clock.t).id;
  };
  const care = vacancy('Care Assistant', 'Q', '6135');
  const forklift = vacancy('Forklift Driver', 'H', '8214');
  const retail = vacancy('Sales Assistant', 'G', '7111');
  const careUnclassifiedSector = vacancy('Home Carer', null, '6135');
  const unknown = vacancy('General Assistant', null, null);

  const person = (who: Coach, lastJob: string | null) => addParticipant(deps, who, lastJob ? { history: [{ occupation: lastJob, years: 3 }] } : { name: 'No History' });
  const move = (who: Coach, p: Participant, vacancyId: number, stages: [Stage, number][]) => {
    const { entry } = addToShortlist(deps, who, p, { vacancyId });
    for (const [stage, at] of stages) {
      clock.t = at;
      changeShortlistEntry(deps, who, p, entry.id, stage === 'withdrawn' ? { stage, reason: 'not-interested' } : { stage });
    }
  };

  const n = north.coach;
  const warehouse1 = person(n, 'soc:9260');
  move(n, warehouse1, care, [['applied', JAN - 3_600_000], ['started', JAN]]);
  move(n, person(n, 'soc:9260'), forklift, [['started', JAN + 86_400_000]]);
  move(n, person(n, null), retail, [['started', MAR]]);
  move(n, person(n, 'soc:7111'), careUnclassifiedSector, [['started', MAR]]);
  move(n, person(n, 'soc:9260'), unknown, [['started', MAR]]);
  // Not starts: started then withdrawn; an offer.
  move(n, warehouse1, retail, [['started', FEB], ['withdrawn', FEB + 86_400_000]]);
  move(n, person(n, 'soc:9260'), forklift, [['offer', MAR]]);

  move(south.coach, person(south.coach, 'soc:9260'), care, [['started', FEB]]);
  clock.t = NOW;
  return { db, taxonomy, clock, north, south };
}
