import { createCoach } from '../../src/auth/coaches.ts';
import { fixedClock } from '../../src/clock.ts';
import { openDb, type Db } from '../../src/db.ts';
import { rebuildDemandHistory } from '../../src/pivots/demand-history.ts';
import type { ParticipantDeps } from '../../src/participants/service.ts';
import { addParticipant } from '../helpers/participants.ts';
import { createTaxonomy } from '../../src/taxonomy/build.ts';
import type { Occupation, OccupationSkill, Skill, Taxonomy } from '../../src/taxonomy/model.ts';
import { daysAgo, insertVacancies } from './helpers.ts';

export const NOW = Date.parse('2026-06-01T10:00:00Z');
export const LEEDS = { lat: 53.8, lon: -1.55 };
const REGION = 'Yorkshire and The Humber';

const skill = (slug: string, group: string, type: Skill['type'] = 'sector-specific'): Skill => ({
  id: `fp:${slug}`, label: slug.replace(/-/g, ' '), altLabels: [], type, groupId: `fpg:${group}`, description: null,
});
const SKILLS: Skill[] = [
  skill('manual-handling', 'physical', 'cross-sector'),
  skill('teamwork', 'soft', 'transversal'),
  skill('communication', 'soft', 'transversal'),
  skill('order-picking', 'warehouse'),
  skill('stock-control', 'warehouse'),
  skill('health-safety-law', 'safety', 'cross-sector'),
  skill('customer-service', 'retail'),
  skill('cash-handling', 'retail', 'licence'),
  skill('care-certificate', 'care', 'licence'),
  skill('safeguarding-adults', 'care'),
  skill('forklift-counterbalance', 'warehouse', 'licence'),
  skill('site-management', 'construction'),
];
const occ = (code: string, title: string, level: number, pay: number, sector: string, alt: string[] = []): Occupation => ({
  id: `soc:${code}`, scheme: 'soc', code, title, altTitles: alt, description: null, skillLevel: level, typicalPayAnnual: pay, sector,
});
/** Origin: warehouse operative. A: care (reachable, sector growing). B: retail (the mirror image of care in skills, level and pay; shrinking). C: site manager (growing, three levels up: unreachable). D: forklift driver (gap bridged by a course). */
const OCCS: Occupation[] = [
  occ('9260', 'Warehouse operatives', 1, 23000, 'H'),
  occ('6135', 'Care workers and home carers', 2, 23000, 'Q', ['care assistant']),
  occ('7111', 'Sales and retail assistants', 2, 23000, 'G', ['sales assistant']),
  occ('1122', 'Construction site managers', 4, 45000, 'F'),
  occ('8214', 'Forklift truck drivers', 2, 25000, 'H', ['forklift driver']),
];
const ess = (code: string, slugs: string) => slugs.split(' ').map((s): OccupationSkill => ({ occupationId: `soc:${code}`, skillId: `fp:${s}`, relation: 'essential', weight: 1 }));
const RELATIONS: OccupationSkill[] = [
  ...ess('9260', 'manual-handling order-picking stock-control teamwork health-safety-law'),
  ...ess('6135', 'manual-handling teamwork health-safety-law communication care-certificate safeguarding-adults'),
  ...ess('7111', 'manual-handling teamwork health-safety-law communication customer-service cash-handling'),
  ...ess('1122', 'manual-handling order-picking stock-control teamwork health-safety-law site-management'),
  ...ess('8214', 'manual-handling order-picking stock-control health-safety-law forklift-counterbalance'),
];

export function buildPivotTaxonomy(): Taxonomy {
  return createTaxonomy({
    versionId: 1,
    occupations: OCCS,
    skills: SKILLS,
    relations: RELATIONS,
    groups: [...new Set(SKILLS.map((s) => s.groupId as string))].map((id) => ({ id, label: id, parentId: null })),
    sectors: [
      { code: 'F', title: 'Construction' },
      { code: 'G', title: 'Wholesale and retail trade' },
      { code: 'H', title: 'Transportation and storage' },
      { code: 'Q', title: 'Human health and social work activities' },
    ],
  });
}

/**
 * Live vacancies near Leeds: care 10 → 20 (new ones in the last 13 weeks),
 * retail 40 → 20 (half closed 13 weeks ago), construction site managers
 * 0 → 30 (all new), forklift drivers a steady 15. A year and a half of history.
 */
export function seedDemand(db: Db): void {
  const near = { region: REGION, la: 'Leeds', ...LEEDS };
  insertVacancies(db, { ...near, sector: 'Q', occupation: 'soc:6135', firstSeen: daysAgo(NOW, 500) }, 10);
  insertVacancies(db, { ...near, sector: 'Q', occupation: 'soc:6135', firstSeen: daysAgo(NOW, 60) }, 10);
  insertVacancies(db, { ...near, sector: 'G', occupation: 'soc:7111', firstSeen: daysAgo(NOW, 500) }, 20);
  insertVacancies(db, { ...near, sector: 'G', occupation: 'soc:7111', firstSeen: daysAgo(NOW, 500), closedAt: daysAgo(NOW, 91) }, 20);
  insertVacancies(db, { ...near, sector: 'F', occupation: 'soc:1122', firstSeen: daysAgo(NOW, 30) }, 30);
  insertVacancies(db, { ...near, sector: 'H', occupation: 'soc:8214', firstSeen: daysAgo(NOW, 500) }, 15);
  // Far away: not within a Leeds participant's travel range.
  insertVacancies(db, { region: 'London', la: 'Camden', lat: 51.53, lon: -0.14, sector: 'G', occupation: 'soc:7111', firstSeen: daysAgo(NOW, 500) }, 50);
  rebuildDemandHistory(db, { from: daysAgo(NOW, 500), to: NOW });
}

export function pivotWorld(): { db: Db; deps: ParticipantDeps; taxonomy: Taxonomy; coach: ReturnType<typeof createCoach>; participantId: number } {
  const db = openDb(':memory:');
  const taxonomy = buildPivotTaxonomy();
  const deps: ParticipantDeps = { db, taxonomy: () => taxonomy, enricher: () => null, geocoder: null, now: fixedClock(NOW) };
  const coach = createCoach(db, { name: 'Ann', org: 'north-works' }, NOW);
  seedDemand(db);
  const p = addParticipant(deps, coach.coach, {
    location: `${LEEDS.lat},${LEEDS.lon}`,
    maxTravelKm: 20,
    salaryFloor: 22000,
    history: [{ occupation: 'soc:9260', years: 4 }],
    skills: { add: ['fp:communication'], remove: [] },
  });
  return { db, deps, taxonomy, coach, participantId: p.id };
}
