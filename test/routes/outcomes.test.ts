import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';
import { CARE_TITLE, outcomesWorld } from '../outcomes/outcomes-fixture.ts';

function setup() {
  const w = outcomesWorld();
  const { app } = createTestApp({ db: w.db, taxonomy: () => w.taxonomy, now: w.clock.now });
  const get = (path: string, session: string | null) =>
    app.request(path, { headers: { Accept: 'text/html', ...(session ? { Cookie: `fp_session=${session}` } : {}) } });
  return { ...w, get };
}

describe('GET /outcomes', () => {
  const ctx = setup();

  it("shows the coach's organisation's starts: chart and table per month, by sector, by occupation, pivot share", async () => {
    const res = await ctx.get('/outcomes', ctx.north.session);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const $ = load(await res.text());
    expect($('h1').text()).toBe('Outcomes for North Works');
    expect($('nav[aria-label=Main] a[aria-current=page]').text()).toBe('Outcomes');
    const chart = $('#starts-chart');
    expect(chart.find('svg[role=img]').length).toBe(1);
    expect(chart.find('desc').text()).toMatch(/^From 2 starts in January 2026 to 0 in May 2026/);
    const months = chart
      .find('table tbody tr')
      .toArray()
      .map((r) => [$(r).find('th').text(), $(r).find('td').text()]);
    expect(months).toEqual([
      ['January 2026', '2'],
      ['February 2026', '0'],
      ['March 2026', '3'],
      ['April 2026', '0'],
      ['May 2026', '0'],
    ]);
    expect($('[data-pivot-share]').text()).toContain('2 of 3 starts (67%) were a sector pivot');
    expect($('[data-pivot-share]').text()).toContain('2 more starts are left out');
    const tables = $('table.stack').toArray();
    expect(tables).toHaveLength(2);
    const rowsOf = (t: (typeof tables)[number]) =>
      $(t)
        .find('tbody tr')
        .toArray()
        .map((r) => $(r).find('td').toArray().map((td) => $(td).text()));
    expect(rowsOf(tables[0]!)[0]).toEqual(['Human health and social work activities', '2', '40%']);
    expect(rowsOf(tables[1]!)[0]).toEqual([CARE_TITLE, '2', '40%']);
    expect($('a[href="/outcomes.csv"]').length).toBe(1);
  });

  it("never shows another organisation's starts", async () => {
    const $ = load(await (await ctx.get('/outcomes', ctx.south.session)).text());
    expect($('h1').text()).toBe('Outcomes for South Skills');
    expect($('.lead').text()).toContain('1 start so far');
    expect($('#starts-chart table tbody tr th').first().text()).toBe('February 2026');
    // North's destinations (forklift, retail) are not here.
    expect($('main').text()).not.toContain('Forklift');
    expect($('main').text()).not.toContain('Sales and retail');
  });

  it('sends a signed-out request to sign in', async () => {
    for (const path of ['/outcomes', '/outcomes.csv']) {
      const res = await ctx.get(path, null);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('Location')).toBe(`/signin?next=${encodeURIComponent(path)}`);
    }
    // A coach API token is not a page session.
    expect((await ctx.get('/outcomes', ctx.north.token)).status).toBe(303);
  });
});

describe('GET /outcomes.csv', () => {
  const ctx = setup();

  it('downloads the same tables as CSV, quoted, for the coach’s organisation only', async () => {
    const res = await ctx.get('/outcomes.csv', ctx.north.session);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="outcomes-north-works-2026-05-15.csv"');
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe('breakdown,code,name,starts');
    expect(lines.filter((l) => l.startsWith('month,'))).toEqual([
      'month,2026-01,January 2026,2',
      'month,2026-02,February 2026,0',
      'month,2026-03,March 2026,3',
      'month,2026-04,April 2026,0',
      'month,2026-05,May 2026,0',
    ]);
    expect(lines).toContain('sector,G,Wholesale and retail trade; repair of motor vehicles and motorcycles,1');
    expect(lines).toContain('occupation,soc:6135,"Care workers, ""home"" carers",2');
    expect(lines).toContain('pivot,pivot,Into a different sector from their last job,2');
    expect(lines).toContain('pivot,same-sector,In the same sector as their last job,1');
    expect(lines).toContain('total,,All starts,5');

    const south = (await (await ctx.get('/outcomes.csv', ctx.south.session)).text()).split('\r\n');
    expect(south).toContain('total,,All starts,1');
    expect(south.filter((l) => l.startsWith('month,'))[0]).toBe('month,2026-02,February 2026,1');
    expect(south.some((l) => l.includes('Forklift'))).toBe(false);
  });
});
