import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/clock.ts';
import { NOW, seedApp, type Seeded } from './seed.ts';

/** The sectors page and the participant page's pivots draw their growth as line charts with the numbers beside them. */

let s: Seeded;
const page = async (path: string) => {
  const res = await s.app.request(path, { headers: { Accept: 'text/html', Cookie: `fp_session=${s.session}` } });
  expect(res.status, path).toBe(200);
  return load(await res.text());
};
const monthName = (ms: number) => new Date(ms).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

beforeAll(async () => {
  // Demo vacancies first seen 200 and 60 days ago: the history starts 200 days ago, inside the year the page shows.
  s = await seedApp();
});

describe('/sectors charts', () => {
  it('draws a chart per sector, and one for all, each with a text alternative and its monthly numbers', async () => {
    const $ = await page('/sectors');
    const sections = $('section[id^=sector-]');
    expect(sections.length).toBeGreaterThan(1);
    // One summary row per sector, each linking to its chart.
    expect($('table.stack tbody tr').length).toBe(sections.length);
    expect($('table.stack tbody tr a').first().attr('href')).toMatch(/^#sector-[A-U]$/);
    for (const el of sections.toArray()) {
      const svg = $(el).find('figure.chart svg[role=img]');
      expect(svg.length).toBe(1);
      const [titleId, descId] = (svg.attr('aria-labelledby') ?? '').split(' ');
      expect($(`#${titleId}`).text()).toMatch(/live vacancies a day in all areas$/);
      expect($(`#${descId}`).text()).toMatch(/^(From|Only) /);
      expect($(el).find('figure.chart table tbody tr').length).toBe($(el).find('svg .dots circle').length);
    }
    expect($('#chart-all svg[role=img]').length).toBe(1);
  });

  it('starts every chart where its history starts, never with empty months before it', async () => {
    const $ = await page('/sectors');
    const historyStart = monthName(NOW - 200 * DAY_MS);
    // The page shows a year, the history is 200 days long: the year's first five months are not drawn as zeros.
    expect($('#chart-all table tbody tr th').first().text()).toBe(historyStart);
    for (const el of $('section[id^=sector-] figure.chart').toArray()) {
      const first = $(el).find('table tbody tr').first();
      expect(Number(first.find('td').text())).toBeGreaterThan(0);
      expect(first.find('th').text()).not.toBe(monthName(NOW - 300 * DAY_MS));
    }
  });
});

describe('participant page pivots', () => {
  it('charts each pivot sector with its numbers folded in a details table', async () => {
    const $ = await page(`/participants/${s.participantId}`);
    const groups = $('section[aria-labelledby=pivots-heading] .sector');
    expect(groups.length).toBeGreaterThan(0);
    const charted = groups.toArray().filter((g) => $(g).find('figure.chart svg[role=img]').length === 1);
    expect(charted.length).toBeGreaterThan(0);
    const fig = $(charted[0]).find('figure.chart');
    expect(fig.find('details summary').text()).toBe('The numbers');
    expect(fig.find('details table tbody tr').length).toBe(fig.find('svg .dots circle').length);
    expect(fig.find('desc').text()).toMatch(/live vacancies a day/);
  });
});
