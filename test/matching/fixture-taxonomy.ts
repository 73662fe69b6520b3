import { createTaxonomy } from '../../src/taxonomy/build.ts';
import type { Occupation, OccupationSkill, Skill, SkillType, Taxonomy } from '../../src/taxonomy/model.ts';

/**
 * A small hand-built taxonomy with known answers: communication is needed
 * by every occupation (ubiquitous), operating a forklift by one (rare).
 */
const skill = (id: string, label: string, type: SkillType, groupId: string | null, altLabels: string[] = []): Skill => ({
  id: `fp:${id}`, label, altLabels, type, groupId, description: null,
});

export const SKILLS: Skill[] = [
  skill('communication', 'Communication', 'transversal', 'g:social', ['communicating']),
  skill('teamwork', 'Teamwork', 'transversal', 'g:social'),
  skill('customer-service', 'Customer service', 'transversal', 'g:social'),
  skill('personal-care', 'Personal care', 'sector-specific', 'g:care'),
  skill('medication', 'Administer medication', 'occupation-specific', 'g:care'),
  skill('safeguarding', 'Safeguarding', 'sector-specific', 'g:care'),
  skill('diagnosis', 'Diagnose illness', 'occupation-specific', 'g:clinical'),
  skill('manual-handling', 'Manual handling', 'cross-sector', 'g:physical'),
  skill('stock-control', 'Stock control', 'cross-sector', 'g:logistics'),
  skill('picking-packing', 'Picking and packing', 'sector-specific', 'g:logistics'),
  skill('forklift-op', 'Operate a forklift', 'occupation-specific', 'g:logistics'),
  skill('hgv-driving', 'Drive heavy goods vehicles', 'occupation-specific', 'g:driving'),
  skill('route-planning', 'Route planning', 'cross-sector', 'g:driving'),
  skill('licence-ce', 'HGV Class 1 (C+E) licence', 'licence', 'g:licences'),
  skill('licence-b', 'Full UK driving licence', 'licence', 'g:licences'),
  skill('cash-handling', 'Cash handling', 'cross-sector', 'g:retail'),
  skill('food-prep', 'Food preparation', 'sector-specific', 'g:kitchen'),
  skill('food-safety', 'Food safety', 'knowledge', 'g:kitchen'),
  skill('health-safety', 'Health and safety', 'knowledge', 'g:physical'),
];

const occ = (code: string, title: string, skillLevel: number, pay: number, sector: string, altTitles: string[] = []): Occupation => ({
  id: `soc:${code}`, scheme: 'soc', code, title, altTitles, description: null, skillLevel, typicalPayAnnual: pay, sector,
});

export const OCCUPATIONS: Occupation[] = [
  occ('6135', 'Care worker', 2, 22_000, 'Q', ['Care assistant', 'Carer']),
  occ('6136', 'Senior care worker', 2, 24_500, 'Q'),
  occ('9252', 'Warehouse operative', 1, 21_000, 'H', ['Warehouse worker', 'Picker packer']),
  occ('8211', 'HGV driver', 2, 34_000, 'H', ['Lorry driver']),
  occ('7111', 'Sales assistant', 1, 20_000, 'G', ['Retail assistant']),
  occ('5434', 'Chef', 3, 26_000, 'I'),
  occ('2211', 'Doctor', 4, 70_000, 'Q'),
];

const rel = (o: string, s: string, relation: 'essential' | 'optional'): OccupationSkill => ({
  occupationId: `soc:${o}`, skillId: `fp:${s}`, relation, weight: relation === 'essential' ? 1 : 0.5,
});

export const RELATIONS: OccupationSkill[] = [
  ...['personal-care', 'safeguarding', 'communication', 'medication'].map((s) => rel('6135', s, 'essential')),
  ...['manual-handling', 'teamwork', 'health-safety'].map((s) => rel('6135', s, 'optional')),
  ...['personal-care', 'safeguarding', 'communication', 'medication', 'teamwork', 'customer-service'].map((s) => rel('6136', s, 'essential')),
  ...['manual-handling', 'health-safety'].map((s) => rel('6136', s, 'optional')),
  ...['picking-packing', 'manual-handling', 'stock-control', 'communication'].map((s) => rel('9252', s, 'essential')),
  ...['forklift-op', 'teamwork', 'health-safety'].map((s) => rel('9252', s, 'optional')),
  ...['hgv-driving', 'licence-ce', 'route-planning', 'communication'].map((s) => rel('8211', s, 'essential')),
  ...['manual-handling', 'health-safety'].map((s) => rel('8211', s, 'optional')),
  ...['customer-service', 'cash-handling', 'communication'].map((s) => rel('7111', s, 'essential')),
  ...['stock-control', 'teamwork'].map((s) => rel('7111', s, 'optional')),
  ...['food-prep', 'food-safety', 'teamwork', 'communication'].map((s) => rel('5434', s, 'essential')),
  ...['stock-control'].map((s) => rel('5434', s, 'optional')),
  ...['medication', 'safeguarding', 'communication', 'diagnosis'].map((s) => rel('2211', s, 'essential')),
];

export function buildFixtureTaxonomy(versionId = 1): Taxonomy {
  return createTaxonomy({
    versionId,
    occupations: OCCUPATIONS,
    skills: SKILLS,
    relations: RELATIONS,
    groups: [...new Set(SKILLS.map((s) => s.groupId).filter((g): g is string => !!g))].map((id) => ({ id, label: id, parentId: null })),
    sectors: [],
  });
}
