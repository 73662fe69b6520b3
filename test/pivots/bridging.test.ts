import { describe, expect, it } from 'vitest';
import { bridgingCoursesFor } from '../../src/pivots/bridging.ts';
import { createTaxonomy } from '../../src/taxonomy/build.ts';
import type { BridgingCourse } from '../../src/taxonomy/bundled/types.ts';
import type { Skill } from '../../src/taxonomy/model.ts';

const skill = (id: string, label: string, altLabels: string[] = []): Skill => ({ id, label, altLabels, type: 'licence', groupId: null, description: null });
const taxonomy = createTaxonomy({
  versionId: 1,
  occupations: [],
  skills: [
    skill('fp:forklift-counterbalance', 'Counterbalance forklift licence', ['counterbalance truck']),
    skill('fp:first-aid-at-work', 'First aid at work'),
    skill('fp:basic-life-support', 'Basic life support'),
    skill('esco:abc', 'counterbalance forklift licence'),
    skill('esco:def', 'operate a counterbalance lift', ['Counterbalance truck']),
    skill('esco:zzz', 'something no course teaches'),
  ],
  relations: [],
  groups: [],
  sectors: [],
});
const course = (id: string, skills: string[], days: number): BridgingCourse => ({
  id, title: id, skills, duration: `${days} days`, durationDays: days, typicalCostGbp: 0, provider: 'test', notes: '',
});

describe('bridging courses for skill gaps', () => {
  it('finds bundled courses for gaps named by another taxonomy (label or alternative label)', () => {
    const out = bridgingCoursesFor(taxonomy, [
      { skillId: 'esco:abc', label: 'counterbalance forklift licence' },
      { skillId: 'esco:def', label: 'operate a counterbalance lift' },
      { skillId: 'esco:zzz', label: 'something no course teaches' },
    ]);
    expect(out.map((c) => c.id)).toEqual(['forklift-counterbalance']);
    expect(out[0]!.covers.map((c) => c.skillId)).toEqual(['esco:abc', 'esco:def']);
  });

  it('chooses greedily: most gaps first, the shorter course on a tie, never a course that adds nothing', () => {
    const courses = [
      course('long-first-aid', ['fp:first-aid-at-work'], 5),
      course('short-first-aid', ['fp:first-aid-at-work'], 1),
      course('both', ['fp:first-aid-at-work', 'fp:basic-life-support'], 3),
      course('forklift', ['fp:forklift-counterbalance'], 4),
    ];
    const gaps = [
      { skillId: 'fp:first-aid-at-work', label: 'First aid at work' },
      { skillId: 'fp:basic-life-support', label: 'Basic life support' },
      { skillId: 'fp:forklift-counterbalance', label: 'Counterbalance forklift licence' },
    ];
    expect(bridgingCoursesFor(taxonomy, gaps, { courses }).map((c) => c.id)).toEqual(['both', 'forklift']);
    expect(bridgingCoursesFor(taxonomy, gaps.slice(0, 1), { courses }).map((c) => c.id)).toEqual(['short-first-aid']);
    expect(bridgingCoursesFor(taxonomy, gaps, { courses, max: 1 }).map((c) => c.id)).toEqual(['both']);
  });
});
