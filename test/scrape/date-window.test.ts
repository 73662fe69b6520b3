import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScrape } from '../../src/scrape/run-scrape.ts';
import { parseSources } from '../../scrapers/sources.ts';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server.ts';
import { scrapeDeps, vacancyRows } from './helpers.ts';

/**
 * Scraped dates get the same plausible window as the employer API
 * (src/vacancies/date-window.ts): an item whose date reads as far outside it
 * is reported in the run and never stored; vague date text is kept as no date.
 */
let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(() => site.close());

describe('scraped dates outside the window', () => {
  it('are rejected with a reason in the run; the valid items of the same page are stored', async () => {
    const { deps, db } = scrapeDeps();
    const sources = parseSources([
      {
        name: 'dates',
        type: 'json-api',
        url: `${site.origin}/api/hostile-dates.json`,
        items: 'jobs',
        fields: { reference: 'id', title: 'title', employer: 'company.name', datePosted: 'posted', validThrough: 'closes' },
      },
    ]);
    const summary = await runScrape(deps, { sources });
    const run = summary.results[0]!;
    expect(run.stats.vacanciesNew).toBe(2);
    expect(vacancyRows(db, 'dates').map((v) => v.source_ref)).toEqual(['D1', 'D4']);
    const messages = run.errors.map((e) => e.message);
    expect(messages).toEqual([
      expect.stringMatching(/^invalid vacancy "Zzyzxq Assistant": datePosted: must be within the last 5 years/),
      expect.stringMatching(/^invalid vacancy "Forever Cleaner": validThrough: must be between 5 years ago and 2 years from now/),
    ]);
    const vague = db.$client.prepare("SELECT date_posted, valid_through FROM vacancies WHERE source_ref = 'D4'").get();
    expect(vague).toEqual({ date_posted: null, valid_through: null });
  });
});
