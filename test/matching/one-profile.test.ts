import { beforeAll, describe, expect, it } from 'vitest';
import { ADVERTS, PLACES, seedScenario, STOCK_CONTROLLER, type Scenario } from './coach-scenarios.ts';

/**
 * Issue 14, item 2: one profile, one story. Matches, transitions and pivots
 * read the same skill profile, so a skill held (✓) in a match card is never
 * "to learn" in transitions, pivots or their courses; a licence or
 * certificate the coach adds is that one only.
 */

const NURSERY = {
  ref: 'nursery-leyton',
  title: 'Nursery Practitioner',
  ...PLACES.leyton,
  postedDaysAgo: 2,
  salary: '£23,500 per year',
  description:
    'Nursery Practitioner (Level 3) for our day nursery: early years care, play activities, safeguarding children, observations and the EYFS. A Paediatric First Aid certificate is required; Mental Health First Aid is welcome.',
};

const WAREHOUSE_HAND = {
  ...STOCK_CONTROLLER,
  reference: 'SC-warehouse',
  history: [
    { title: 'Stock controller', years: 4 },
    { title: 'Warehouse operative', years: 3, endedYearsAgo: 6 },
  ],
};

const CABIN_CREW = {
  reference: 'CC-1',
  location: '51.5862,-0.018',
  maxTravelKm: 30,
  history: [{ title: 'Cabin crew', years: 8 }],
  licences: ['B'],
  remote: 'onsite',
};

describe('one profile, one story (bundled taxonomy)', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await seedScenario([...ADVERTS, NURSERY]);
  });
  const get = async (path: string) => {
    const res = await s.app.request(path, { headers: { Authorization: `Bearer ${s.token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as any;
  };
  /** Everything one participant's page reads: the profile, every match card, transitions and pivots. */
  const story = async (id: number) => {
    const participant = await get(`/v1/participants/${id}`);
    const matches = await get(`/v1/participants/${id}/matches?wider=true&pageSize=100`);
    const transitions = await get(`/v1/participants/${id}/transitions?filter=all&limit=50`);
    const pivots = await get(`/v1/participants/${id}/pivots?limit=50`);
    const heldInCards = new Map<string, string>();
    for (const m of matches.items) for (const x of m.match.explanation.matched) if (x.via === 'skill') heldInCards.set(x.skillId, x.label);
    const toLearn = new Map<string, string>();
    for (const t of transitions.items) for (const g of t.gaps) toLearn.set(g.skillId, g.label);
    for (const grp of pivots.groups)
      for (const p of grp.items) {
        for (const g of p.gaps) toLearn.set(g.skillId, g.label);
        for (const c of p.courses) for (const g of c.covers) toLearn.set(g.skillId, g.label);
      }
    return { participant, matches, transitions, pivots, heldInCards, toLearn };
  };
  const expectOneStory = (st: Awaited<ReturnType<typeof story>>) => {
    for (const [id, label] of st.heldInCards) expect(st.toLearn.get(id), `✓ ${label} in a match card, also to learn`).toBeUndefined();
  };

  it('forklift licence and warehouse history: loading and forklift driving are never "to learn"', async () => {
    const st = await story(s.addPerson(WAREHOUSE_HAND));
    expect(st.heldInCards.size).toBeGreaterThan(3);
    expectOneStory(st);
    const learn = [...st.toLearn.values()];
    expect(learn).not.toContain('Loading and unloading');
    expect(learn).not.toContain('Forklift driving');
    // The licence itself brings the skill of driving a forklift.
    expect(st.participant.profile.skills.map((x: any) => x.label)).toContain('Forklift driving');
  });

  it('eight years of cabin crew: teamwork is held, never to learn', async () => {
    const st = await story(s.addPerson(CABIN_CREW));
    expect(st.participant.profile.skills.map((x: any) => x.label)).toContain('Teamwork');
    expectOneStory(st);
    expect([...st.toLearn.values()]).not.toContain('Teamwork');
  });

  it('a coach-added "First Aid at Work" is that certificate only: no credit toward Paediatric or Mental Health First Aid', async () => {
    const id = s.addPerson({ ...CABIN_CREW, reference: 'CC-faw', skills: { add: ['First Aid at Work'] } });
    const st = await story(id);
    const firstAid = st.participant.profile.skills.filter((x: any) => /first aid/i.test(x.label)).map((x: any) => x.label);
    // Eight years of cabin crew list First Aid at Work (optional), which includes the one-day emergency course; nothing else.
    expect(firstAid.sort()).toEqual(['Emergency First Aid at Work certificate', 'First Aid at Work certificate']);
    const nursery = st.matches.items.find((m: any) => m.vacancy.id === s.ids.get('nursery-leyton'));
    const matched = nursery.match.explanation.matched.map((x: any) => x.label);
    expect(matched.filter((l: string) => /first aid/i.test(l))).toEqual([]);
    expect(nursery.match.explanation.missing.map((x: any) => x.label)).toContain('Paediatric First Aid certificate');
    expectOneStory(st);
  });

  it('a "First Aid at Work" certificate recorded as a licence is that certificate (and the emergency one it covers) only', async () => {
    const id = s.addPerson({ reference: 'FAW-licence', location: '51.5862,-0.018', history: [{ title: 'Sales assistant', years: 2 }], licences: ['First Aid at Work'] });
    const st = await story(id);
    expect(st.participant.licences).toEqual([{ code: 'first-aid:work', label: 'First Aid at Work certificate' }]);
    const firstAid = st.participant.profile.skills.filter((x: any) => /first aid/i.test(x.label)).map((x: any) => x.label);
    expect(firstAid.sort()).toEqual(['Emergency First Aid at Work certificate', 'First Aid at Work certificate']);
    const nursery = st.matches.items.find((m: any) => m.vacancy.id === s.ids.get('nursery-leyton'));
    expect(nursery.match.explanation.matched.map((x: any) => x.label).filter((l: string) => /paediatric|mental health/i.test(l))).toEqual([]);
    expectOneStory(st);
  });

  it('holds for every issue-14 participant: nothing shown held in a match card is to learn elsewhere', async () => {
    const people = [
      STOCK_CONTROLLER,
      { reference: 'TX', location: '51.5862,-0.018', history: [{ title: 'Taxi driver', years: 8 }], licences: ['B'] },
      { reference: 'EV', location: '51.5862,-0.018', history: [{ title: 'Events technician', years: 5 }] },
      { reference: 'FI', location: '51.5862,-0.018', history: [{ title: 'Fitness instructor', years: 4 }] },
      { reference: 'CW', location: '51.5862,-0.018', history: [{ title: 'Care worker', years: 1, endedYearsAgo: 12 }], licences: ['enhanced DBS'] },
    ];
    for (const person of people) expectOneStory(await story(s.addPerson({ ...person, reference: `${person.reference}-all` })));
  });
});
