import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { runScrape } from '../../src/scrape/run-scrape.ts';
import { charsetFor } from '../../scrapers/fetch/content-kind.ts';
import { createFetcher } from '../../scrapers/fetch/fetcher.ts';
import { loadHtml } from '../../scrapers/parsers/html.ts';
import { parseListingCards, readSelector } from '../../scrapers/parsers/css.ts';
import { parseSources } from '../../scrapers/sources.ts';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server.ts';
import { scrapeDeps, TEST_UA, vacancyRows } from '../scrape/helpers.ts';

const fixture = (p: string) => readFileSync(new URL(`../fixtures/site/${p}`, import.meta.url), 'utf8');
const BASE = 'https://jobs.example';

const CARD_FIELDS = {
  title: '.card-title',
  location: { selector: '.loc', stripLabel: true },
  salary: { selector: '.pay', stripLabel: 'Salary' },
  description: { selector: '.summary', exclude: 'form, nav, .apply' },
  closingDate: { selector: '.closes', stripLabel: true },
};

describe('selectors that fit real markup', () => {
  const $ = loadHtml(fixture('cards/jobs.html'));
  it('drops a label prefix, by any short label or by its words', () => {
    expect(readSelector($, { selector: '.loc', stripLabel: true })).toBe('Knutsford Cheshire North West');
    expect(readSelector($, { selector: '.pay', stripLabel: 'salary' })).toBe('£11.50 - £12.20 per hour');
    expect(readSelector($, '.loc')).toBe('Location: Knutsford Cheshire North West');
  });
  it('excludes sub-elements and never includes script or style content', () => {
    const text = readSelector($, { selector: '.summary', exclude: 'form, nav, .apply' })!;
    expect(text).toBe('Washing up and keeping the kitchen spotless.');
    expect(readSelector($, 'body')).not.toMatch(/dataLayer|track\(|color: red/);
    expect(readSelector($, { selector: '.summary', html: true })).not.toMatch(/<script/);
  });
});

describe('listing-only boards', () => {
  it('reads one vacancy per listing.item with per-item fields; cards without a title are not vacancies', () => {
    const r = parseListingCards(fixture('cards/jobs.html'), `${BASE}/cards/jobs.html`, { item: 'li.card', link: 'a', next: 'a.next', fields: CARD_FIELDS });
    expect(r.next).toBe(`${BASE}/cards/jobs-2.html`);
    expect(r.vacancies).toHaveLength(2);
    expect(r.vacancies[0]).toMatchObject({
      title: 'Kitchen Porter',
      url: `${BASE}/cards/job/9001.html`,
      reference: `${BASE}/cards/job/9001.html`,
      location: 'Knutsford Cheshire North West',
      salary: '£11.50 - £12.20 per hour',
      validThrough: '2026-12-31T00:00:00.000Z',
    });
    // A card with no link is identified by its own words on the listing page.
    expect(r.vacancies[1]).toMatchObject({ title: 'Delivery Driver (no detail page)', location: 'Tyne and Wear', salary: '24-27K + overtime' });
    expect(r.vacancies[1]!.reference).toBe(`${BASE}/cards/jobs.html#delivery-driver-no-detail-page-tyne-and-wear`);
    expect(r.vacancies[1]!.url).toBeUndefined();
  });

  it('needs item and a title when there is no detail', () => {
    expect(() => parseSources([{ name: 'x', type: 'css', start: `${BASE}/`, listing: { link: 'a', fields: { title: 'h2' } } }])).toThrow(/listing\.item/);
    expect(() => parseSources([{ name: 'x', type: 'css', start: `${BASE}/`, listing: { item: 'li', link: 'a' } }])).toThrow(/listing-only/);
  });
});

describe('crawling a listing-only board on 127.0.0.1', () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await startFixtureSite();
  });
  afterAll(() => site.close());
  beforeEach(() => site.reset());

  it('stores every card over the pages, normalised', async () => {
    const { deps, db } = scrapeDeps();
    deps.geocoder = createGeocoder(null);
    const sources = parseSources([{ name: 'cards', type: 'css', start: `${site.origin}/cards/jobs.html`, listing: { item: 'li.card', link: 'a', next: 'a.next', fields: CARD_FIELDS } }]);
    const summary = await runScrape(deps, { sources });
    expect(summary.results[0]).toMatchObject({ status: 'ok', stats: { vacanciesNew: 3 } });
    expect(vacancyRows(db, 'cards').map((v) => v.title).sort()).toEqual(['Delivery Driver (no detail page)', 'Kitchen Porter', 'Teaching Assistant']);
    const row = db.$client.prepare("SELECT town, local_authority, salary_annual_min FROM vacancies WHERE title = 'Kitchen Porter'").get();
    expect(row).toEqual({ town: 'Knutsford', local_authority: 'E06000049', salary_annual_min: 22425 });
    // No detail page was requested: the board is listing-only.
    expect(site.requests.some((r) => r.path.startsWith('/cards/job/'))).toBe(false);
  });

  it('with detail selectors, a detail page wins where it answers, and the card stands in where it fails', async () => {
    const { deps, db } = scrapeDeps();
    site.down.add('/cards/job/9001.html');
    const cfg = { name: 'cards', type: 'css', start: `${site.origin}/cards/jobs.html`, listing: { item: 'li.card', link: 'a', next: 'a.next', fields: CARD_FIELDS }, detail: { title: 'h1.job-title', description: '.desc' } };
    await runScrape(deps, { sources: parseSources([cfg]) });
    expect(vacancyRows(db, 'cards').map((v) => v.title)).toContain('Kitchen Porter');
    site.down.clear();
    const { deps: deps2, db: db2 } = scrapeDeps();
    await runScrape(deps2, { sources: parseSources([cfg]) });
    const row = db2.$client.prepare("SELECT title, salary_text FROM vacancies WHERE source_ref = ?").get(`${site.origin}/cards/job/9001.html`);
    // Title from the detail page, salary (which the detail page lacks) from the card.
    expect(row).toEqual({ title: 'Kitchen Porter (Full Time)', salary_text: '£11.50 - £12.20 per hour' });
  });
});

describe('the page charset', () => {
  it('honours <meta charset> and <?xml encoding> when the HTTP header has none', () => {
    const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
    expect(charsetFor('text/html', bytes('<html><head><meta charset="windows-1252">'))).toBe('windows-1252');
    expect(charsetFor(null, bytes('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'))).toBe('iso-8859-1');
    expect(charsetFor('application/xml', bytes('<?xml version="1.0" encoding="windows-1252"?><rss/>'))).toBe('windows-1252');
    // The header wins when it names one.
    expect(charsetFor('text/html; charset=utf-8', bytes('<meta charset="windows-1252">'))).toBe('utf-8');
    expect(charsetFor('text/html', bytes('<p>nothing declared</p>'))).toBe('utf-8');
  });

  it('stores £ from a windows-1252 page served without a charset, with no U+FFFD', async () => {
    const page = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body><p class="pay">', 'latin1'), Buffer.from([0xa3]), Buffer.from('25,000 \u2013 caf\u00e9</p></body></html>', 'latin1')]);
    const server = createServer((req, res) => {
      if (req.url === '/robots.txt') return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      const out = await createFetcher({ userAgent: TEST_UA, minDelayMs: 0 }).fetch(`http://127.0.0.1:${port}/job`, { kind: 'html' });
      if (out.kind !== 'ok') throw new Error(out.kind);
      expect(out.body).not.toContain('\ufffd');
      expect(out.body).toContain('£25,000');
      expect(out.body).toContain('café');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
