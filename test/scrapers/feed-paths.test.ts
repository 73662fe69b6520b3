import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { runScrape } from '../../src/scrape/run-scrape.ts';
import { parseFeed } from '../../scrapers/parsers/feed.ts';
import { readXmlPath, type XmlNode } from '../../scrapers/parsers/xml-path.ts';
import { parseSources } from '../../scrapers/sources.ts';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server.ts';
import { scrapeDeps } from '../scrape/helpers.ts';

const fixture = (p: string) => readFileSync(new URL(`../fixtures/site/${p}`, import.meta.url), 'utf8');

// An item as the feed parser hands it over: attributes as @_name, repeated elements as arrays, raw text kept.
const item: XmlNode = {
  title: 'Cook',
  category: [{ '#text': 'Leeds', '@_domain': 'location' }, { '#text': 'Part time', '@_domain': 'hours' }, 'Catering'],
  'a10:content': { Vacancy: { Salary: '£13 per hour', Site: { Name: 'Riverside Kitchen', '@_code': 'RK1' } } },
  'job.meta': { ref: 'J-77' },
  enclosure: { '@_url': 'https://x.example/pack.pdf' },
  description: '<Job><Pay>£30,000</Pay></Job>',
};

describe('feed field paths', () => {
  it.each([
    ['title', 'Cook'],
    ['a10:content/Vacancy/Salary', '£13 per hour'],
    ['content/Vacancy/Salary', '£13 per hour'], // the namespace prefix may be left off
    ['a10:content.Vacancy.Site.Name', 'Riverside Kitchen'],
    ['a10:content/Vacancy/Site/@code', 'RK1'],
    ['category[@domain=location]', 'Leeds'],
    ['category[@domain="hours"]', 'Part time'],
    ['category[3]', 'Catering'],
    ['enclosure/@url', 'https://x.example/pack.pdf'],
    ['description/Job/Pay', '£30,000'], // into raw text kept unparsed
  ])('%s → %s', (path, want) => expect(readXmlPath(item, path)).toBe(want));

  it.each(['nothing', 'a10:content/Vacancy/Missing', 'category[@domain=salary]', 'category[9]', 'title/@lang', '', '[[', 'description/Nope'])(
    '%s → undefined',
    (path) => expect(readXmlPath(item, path)).toBeUndefined(),
  );

  it('an ATS feed that wraps each vacancy in a content element gives salary, closing date, location, contract and hours', () => {
    const r = parseFeed(fixture('feeds/ats-wrapped.rss'), 'https://careers.fictional-borough.example/feed', {
      fields: {
        employer: 'a10:content/Vacancy/Employer',
        salary: 'a10:content/Vacancy/Salary',
        validThrough: 'a10:content/Vacancy/ClosingDate',
        hoursPerWeek: 'a10:content/Vacancy/Hours',
        postcode: 'a10:content/Vacancy/Location/Postcode',
        location: 'category[@domain=location]',
        contract: 'category[@domain=contract]',
      },
    });
    expect(r.errors).toEqual([]);
    expect(r.items[0]).toMatchObject({
      reference: 'FB-0412',
      employer: 'Fictional Borough Council',
      salary: '£24,500 - £26,100 per annum',
      validThrough: '02/12/2026 12:00 noon',
      hoursPerWeek: 36,
      postcode: 'E4 7EY',
      location: 'Chingford',
      contract: 'Fixed term',
    });
    // "8 to 4" is not a number of hours.
    expect(r.items[1]).toMatchObject({ location: 'Walthamstow', contract: 'Permanent', salary: '£12.60 per hour' });
    expect(r.items[1]!.hoursPerWeek).toBeUndefined();
  });

  it('a sources file refuses a field the feed reader does not know', () => {
    expect(() => parseSources([{ name: 'x', type: 'feed', url: 'https://x.example/f.rss', fields: { wage: 'Salary' } }])).toThrow(/wage/);
  });
});

describe('crawling a wrapped ATS feed on 127.0.0.1', () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await startFixtureSite();
  });
  afterAll(() => site.close());

  it('stores each vacancy with its nested fields read UK-style', async () => {
    const { deps, db } = scrapeDeps(undefined, '2026-11-20T02:00:00Z');
    deps.geocoder = createGeocoder(null);
    const sources = parseSources([
      {
        name: 'borough',
        type: 'feed',
        url: `${site.origin}/feeds/ats-wrapped.rss`,
        fields: {
          employer: 'content/Vacancy/Employer',
          salary: 'content/Vacancy/Salary',
          validThrough: 'content/Vacancy/ClosingDate',
          hoursPerWeek: 'content/Vacancy/Hours',
          location: 'category[@domain=location]',
          contract: 'category[@domain=contract]',
        },
      },
    ]);
    const summary = await runScrape(deps, { sources });
    expect(summary.results[0]).toMatchObject({ status: 'ok', stats: { vacanciesNew: 2 } });
    const rows = db.$client
      .prepare("SELECT title, employer_name, salary_annual_min, valid_through, hours_per_week, contract, town FROM vacancies WHERE source = 'scrape:borough' ORDER BY title")
      .all() as Record<string, unknown>[];
    expect(rows[0]).toMatchObject({
      title: 'Library Assistant',
      employer_name: 'Fictional Borough Council',
      salary_annual_min: 24500,
      // 02/12/2026 is 2 December; 12 noon in winter is 12:00Z.
      valid_through: Date.parse('2026-12-02T12:00:00Z'),
      hours_per_week: 36,
      contract: 'contract', // the normaliser's reading of "Fixed term"
      town: 'Chingford',
    });
    expect(rows[1]).toMatchObject({ title: 'Parks Operative', valid_through: Date.parse('2027-01-02T00:00:00Z'), contract: 'permanent' });
  });
});
