import { beforeAll, describe, expect, it } from 'vitest';
import { seedScenario, STOCK_CONTROLLER, type Scenario } from '../matching/coach-scenarios.ts';

/**
 * Issue 14, item 3 (part): pivots that mean what they say. A destination
 * with no live vacancy within the travel limit is marked and listed after
 * those with vacancies; a sector is only called growing when it is.
 */
describe('pivots say what they mean (bundled taxonomy, East London adverts, no history)', () => {
  let s: Scenario;
  let id: number;
  beforeAll(async () => {
    s = await seedScenario();
    id = s.addPerson(STOCK_CONTROLLER);
  });

  it('marks destinations with no live vacancy in range and lists them after every one with some', async () => {
    const res = await s.app.request(`/v1/participants/${id}/pivots?limit=30`, { headers: { Authorization: `Bearer ${s.token}` } });
    const pv = (await res.json()) as any;
    const items = pv.groups.flatMap((g: any) => g.items);
    expect(items.some((x: any) => x.vacancies.live > 0)).toBe(true);
    expect(items.some((x: any) => x.vacancies.none)).toBe(true);
    for (const x of items) expect(x.vacancies.none).toBe(x.vacancies.live === 0);
    // Within a sector, and across sectors (a sector is placed by its first destination).
    for (const g of pv.groups) {
      const first = g.items.findIndex((x: any) => x.vacancies.none);
      if (first >= 0) expect(g.items.slice(first).every((x: any) => x.vacancies.none)).toBe(true);
    }
    const firstAllNone = pv.groups.findIndex((g: any) => g.items[0].vacancies.none);
    expect(firstAllNone).toBeGreaterThan(0);
    expect(pv.groups.slice(firstAllNone).every((g: any) => g.items[0].vacancies.none)).toBe(true);
  });

  it('the page says "no live vacancies" and never files a sector of unknown growth under "Growing sectors"', async () => {
    const html = await (
      await s.app.request(`/participants/${id}`, { headers: { Accept: 'text/html', Cookie: `fp_session=${s.session}` } })
    ).text();
    expect(html).toMatch(/no live vacancies within 25 km yet/);
    expect(html).toContain('Other sectors: stable, shrinking or growth not known');
    expect(html).not.toContain('Growing sectors');
  });
});
