import { beforeAll, describe, expect, it } from 'vitest';
import { PLACES, seedScenario, STOCK_CONTROLLER, type Advert, type Scenario } from './coach-scenarios.ts';

/**
 * Issue 16 item 7: a participant's goal. A stock controller training for a
 * C licence wants to drive HGVs: matches, transitions and pivots show the
 * target and its gaps even though similarity alone would not reach it.
 */

const ADVERTS: Advert[] = [
  {
    ref: 'hgv-1',
    title: 'HGV Class 2 Driver',
    description: 'Class 2 (Category C) driver for multi-drop deliveries across London. Driver CPC and digital tachograph card required. Load securing and vehicle checks.',
    ...PLACES.leyton,
    postedDaysAgo: 3,
    salary: '£36,000 per year',
  },
  {
    ref: 'wh-1',
    title: 'Warehouse Operative',
    description: 'Picking, packing, stock control and loading in our Walthamstow warehouse. Counterbalance forklift licence an advantage.',
    ...PLACES.walthamstow,
    postedDaysAgo: 2,
    salary: '£24,000 per year',
  },
];

let s: Scenario;
let withGoal: number;
let without: number;

beforeAll(async () => {
  s = await seedScenario(ADVERTS);
  withGoal = s.addPerson({ ...STOCK_CONTROLLER, reference: 'SC-GOAL', targets: ['HGV driver'] });
  without = s.addPerson({ ...STOCK_CONTROLLER, reference: 'SC-NONE' });
});

const get = async (path: string) => {
  const res = await s.app.request(path, { headers: { Authorization: `Bearer ${s.token}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as any;
};

describe('target occupations', () => {
  it('are stored as given and resolved, and shown on the participant', async () => {
    const p = await get(`/v1/participants/${withGoal}`);
    expect(p.targets).toEqual([{ input: 'HGV driver', occupation: { id: 'soc:8211', title: 'Heavy and large goods vehicle drivers' } }]);
  });

  it('reject an occupation we cannot resolve with a 422 naming the entry', async () => {
    const res = await s.app.request('/v1/participants', {
      method: 'POST',
      headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ reference: 'X', targets: ['HGV driver', 'Zzyzx wrangler'] }),
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(body.errors.map((e) => e.path)).toEqual(['targets.1']);
    expect(body.errors[0]!.message).toContain('Zzyzx wrangler');
  });

  it('appear in transitions with their gaps whatever the guards say, and not twice', async () => {
    const t = await get(`/v1/participants/${withGoal}/transitions`);
    expect(t.targets.map((x: any) => x.occupation.id)).toEqual(['soc:8211']);
    const hgv = t.targets[0];
    expect(hgv.gaps.map((g: any) => g.label).join(' ')).toMatch(/Category C/);
    expect(t.items.map((x: any) => x.occupation.id)).not.toContain('soc:8211');
    const none = await get(`/v1/participants/${without}/transitions`);
    expect(none.targets).toEqual([]);
  });

  it('appear in pivots with local vacancies and a course for the licence', async () => {
    const pv = await get(`/v1/participants/${withGoal}/pivots`);
    expect(pv.targets).toHaveLength(1);
    const hgv = pv.targets[0];
    expect(hgv.occupation.code).toBe('8211');
    expect(hgv.vacancies.live).toBeGreaterThanOrEqual(1);
    expect(hgv.courses.map((c: any) => c.title).join(' ')).toMatch(/HGV Category C/);
    expect(pv.groups.flatMap((g: any) => g.items.map((i: any) => i.occupation.id))).not.toContain('soc:8211');
  });

  it('bring their vacancies into the matches, marked, even below the fit floor', async () => {
    const m = await get(`/v1/participants/${withGoal}/matches`);
    const hgv = m.items.find((i: any) => i.vacancy.id === s.ids.get('hgv-1'));
    expect(hgv, 'the HGV vacancy is listed for the participant aiming at it').toBeDefined();
    expect(hgv.target).toEqual({ occupationId: 'soc:8211', title: 'Heavy and large goods vehicle drivers' });
    const wh = m.items.find((i: any) => i.vacancy.id === s.ids.get('wh-1'));
    expect(wh.target).toBeNull();
    // Without the goal the same vacancy is judged on fit alone.
    const plain = await get(`/v1/participants/${without}/matches`);
    const same = plain.items.find((i: any) => i.vacancy.id === s.ids.get('hgv-1'));
    if (hgv.components.match < 0.2) expect(same).toBeUndefined();
    else expect(same.target).toBeNull();
  });

  it('show on the participant page under "Aiming for"', async () => {
    const res = await s.app.request(`/participants/${withGoal}`, { headers: { Cookie: `fp_session=${s.session}` } });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('id="targets-heading"');
    expect(html).toContain('Heavy and large goods vehicle drivers');
    expect(html).toContain('One of their goals');
  });
});
