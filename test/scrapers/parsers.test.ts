import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDetail, parseListing } from '../../scrapers/parsers/css.ts';
import { parseFeed } from '../../scrapers/parsers/feed.ts';
import { parseJobPage } from '../../scrapers/parsers/job-page.ts';
import { fillUrlTemplate, getPath, parseApiPage } from '../../scrapers/parsers/json-api.ts';
import { extractJsonLd } from '../../scrapers/parsers/jsonld.ts';
import { parseSitemap } from '../../scrapers/parsers/sitemap.ts';
import { toIsoDate } from '../../scrapers/parsers/text.ts';
import { JsonApiSource } from '../../scrapers/sources.ts';

const fixture = (p: string) => readFileSync(new URL(`../fixtures/site/${p}`, import.meta.url), 'utf8');
const BASE = 'https://jobs.example';

describe('JSON-LD and microdata detail pages', () => {
  it('reads a plain JobPosting, with the advert URL as reference', () => {
    const r = parseJobPage(fixture('board/job/101.html'), `${BASE}/board/job/101.html`);
    expect(r.via).toBe('json-ld');
    expect(r.errors).toEqual([]);
    expect(r.vacancies).toHaveLength(1);
    const v = r.vacancies[0]!;
    expect(v).toMatchObject({
      title: 'Care Assistant (Nights)',
      reference: `${BASE}/board/job/101.html`,
      url: `${BASE}/board/job/101.html`,
      employer: 'Northgate Care Group',
      town: 'Leeds',
      postcode: 'LS1 5HD',
      datePosted: '2026-11-01',
      validThrough: '2027-01-31T23:59:59Z',
    });
    expect(v.salary).toMatchObject({ min: 12.6, max: 13.5, currency: 'GBP', period: 'hour' });
    expect(v.description).toContain('<li>Personal care and medication rounds</li>');
  });

  it('finds the JobPosting inside an @graph and unescapes its description', () => {
    const r = parseJobPage(fixture('board/job/102.html'), `${BASE}/board/job/102.html`);
    expect(r.vacancies).toHaveLength(1);
    expect(r.vacancies[0]).toMatchObject({ title: 'Warehouse Operative', employer: 'Calder Logistics Ltd', postcode: 'WF1 2AB' });
    expect(r.vacancies[0]!.description).toContain('<p>Picking and packing');
  });

  it('finds the JobPosting in a top-level array and resolves its relative url', () => {
    const r = parseJobPage(fixture('board/job/103.html'), `${BASE}/board/job/103.html`);
    expect(r.vacancies.map((v) => [v.title, v.url, v.employer])).toEqual([
      ['Kitchen Porter', `${BASE}/board/job/103.html`, 'The Wool Exchange Hotel'],
    ]);
  });

  it('reads microdata when there is no JSON-LD, with nested items', () => {
    const r = parseJobPage(fixture('board/job/104.html'), `${BASE}/board/job/104.html`);
    expect(r.via).toBe('microdata');
    expect(r.errors).toEqual([]);
    const v = r.vacancies[0]!;
    expect(v).toMatchObject({ title: 'Forklift Driver', employer: 'Aire Valley Foods', town: 'Keighley', postcode: 'BD21 3RU', validThrough: '2027-01-15', datePosted: '2026-11-12' });
    expect(v.salary).toMatchObject({ min: 26000, max: 28000, period: 'year' });
    expect(v.description).toContain('<li>Valid counterbalance licence</li>');
  });

  it('reports an unreadable JSON-LD block on malformed HTML without throwing', () => {
    const r = parseJobPage(fixture('board/job/105.html'), `${BASE}/board/job/105.html`);
    expect(r.vacancies).toEqual([]);
    expect(r.errors[0]).toMatch(/^JSON-LD block 1: /);
    expect(r.errors).toContain('no schema.org JobPosting (JSON-LD or microdata) on the page');
  });

  it('repairs raw newlines and trailing commas in JSON-LD', () => {
    const r = parseJobPage(fixture('board/job/106.html'), `${BASE}/board/job/106.html`);
    expect(r.errors).toEqual([]);
    expect(r.vacancies[0]).toMatchObject({ title: 'Cleaner', employer: 'Sparkle Services', town: 'Halifax' });
  });

  it('reports a JobPosting without a title by its field', () => {
    const html = `<script type="application/ld+json">{"@type":"JobPosting","description":"x"}</script>`;
    expect(parseJobPage(html, BASE).errors[0]).toMatch(/JobPosting 1: title: /);
  });

  it('gives several postings on one page distinct references', () => {
    const html = `<script type="application/ld+json">[{"@type":"JobPosting","title":"A","identifier":"1"},{"@type":"JobPosting","title":"B"}]</script>`;
    expect(parseJobPage(html, `${BASE}/list`).vacancies.map((v) => v.reference)).toEqual([`${BASE}/list#1`, `${BASE}/list#2`]);
  });

  it('ignores non-JobPosting JSON-LD and accepts a prefixed @type', () => {
    const html = `<script type='application/ld+json'>{"@type":"Organization","name":"X"}</script>
      <script type="application/ld+json">{"@type":["schema:JobPosting"],"title":"Driver"}</script>`;
    expect(extractJsonLd(html).postings.map((p) => p['title'])).toEqual(['Driver']);
  });
});

describe('feeds', () => {
  it('reads RSS 2.0 with content:encoded, guid as reference and a title separator', () => {
    const r = parseFeed(fixture('feeds/jobs.rss'), 'https://jobs.pennine.example/feed.rss', {
      titleEmployerSeparator: ': ',
      fields: { location: 'location', salary: 'salary' },
    });
    expect(r.format).toBe('rss');
    expect(r.errors).toEqual(['item 4: no title']);
    expect(r.items).toHaveLength(3);
    expect(r.items[0]).toEqual({
      title: 'Refuse Collection Operative',
      employer: 'Pennine Council',
      reference: 'PC-4411',
      url: 'https://jobs.pennine.example/vacancy/4411',
      description: '<p>Join our waste services team. <strong>Early starts</strong>, outdoor work.</p><ul><li>Manual handling</li><li>Team work</li></ul>',
      location: 'Huddersfield',
      salary: '£23,500 a year',
      datePosted: '2026-11-16T09:30:00.000Z',
    });
    expect(r.items[1]!.description).toBe('<p>Help children cross safely &amp; on time. Term time only.</p>');
    expect(r.items[2]).toMatchObject({
      title: 'Library Assistant',
      url: 'https://jobs.pennine.example/vacancy/4413',
      reference: 'https://jobs.pennine.example/vacancy/4413',
      datePosted: 'not a date',
      description: 'Plain text description with an ampersand & no markup.',
    });
  });

  it('reads Atom entries: alternate link, id as reference, html content, author as employer', () => {
    const r = parseFeed(fixture('feeds/jobs.atom'), 'https://careers.caldertrust.example/feed.atom');
    expect(r.format).toBe('atom');
    expect(r.items[0]).toMatchObject({
      title: 'Healthcare Assistant – Ward 7',
      url: 'https://careers.caldertrust.example/jobs/hca-ward-7',
      reference: 'tag:caldertrust.example,2026:job-7001',
      employer: 'Calder Valley NHS Trust',
      description: '<p>Band 3 healthcare assistant on a busy medical ward.</p>',
      datePosted: '2026-11-18T08:00:00.000Z',
    });
    expect(r.items[1]).toMatchObject({ title: 'Porter & Driver', description: expect.stringContaining('Full driving licence') });
  });

  it('splits "Title - Employer" titles and reads labelled fields from the description', () => {
    const xml = `<rss version="2.0"><channel><item><title>Head of Research Computing - Colby College - Maine</title>
      <description><p>Lead the team.</p><p><strong>Location:</strong> Waterville ME USA</p><p>Salary: $90k</p></description>
      <guid>job-1</guid></item></channel></rss>`;
    const r = parseFeed(xml, BASE, { titleEmployerSeparator: ' - ', titleEmployerPosition: 'after', labels: { location: 'Location', salary: 'Salary' } });
    expect(r.items[0]).toMatchObject({ title: 'Head of Research Computing - Colby College', employer: 'Maine', location: 'Waterville ME USA', salary: '$90k', reference: 'job-1' });
    expect(r.items[0]!.description).toContain('<strong>Location:</strong>');
  });

  it('reports a document that is not a feed', () => {
    expect(parseFeed('<html><body>nope</body></html>', BASE)).toMatchObject({ format: 'unknown', items: [] });
    expect(parseFeed('', BASE).format).toBe('unknown');
  });
});

describe('CSS selectors', () => {
  it('reads listing links per item and the next page', () => {
    const r = parseListing(fixture('council/vacancies.html'), `${BASE}/council/vacancies.html`, {
      item: 'article.vacancy-card',
      link: 'a.vacancy-link',
      next: 'a[rel=next]',
    });
    expect(r).toEqual({
      links: [`${BASE}/council/vacancy/1.html`, `${BASE}/council/vacancy/2.html`],
      next: `${BASE}/council/vacancies-2.html`,
    });
    expect(parseListing(fixture('board/jobs.html'), `${BASE}/board/jobs.html`, { link: 'li.job a', next: 'a.next' }).links).toContain(
      `${BASE}/board/job/103.html`,
    );
  });

  const detail = {
    title: 'h1.vacancy-title',
    employer: '.employer',
    location: '.location',
    salary: '.salary',
    description: '.description',
    closingDate: '.closing',
    reference: 'meta[name=job-ref]@content',
    applyUrl: 'a.apply-button@href',
    employmentType: { selector: '.hours' },
  };

  it('reads a detail page by selectors, with attributes and HTML descriptions', () => {
    const v = parseDetail(fixture('council/vacancy/1.html'), `${BASE}/council/vacancy/1.html`, detail);
    expect(v).toEqual({
      title: 'Youth Worker',
      reference: 'KCJ-0001',
      url: `${BASE}/council/vacancy/1.html`,
      description: '<p>Run evening youth sessions.</p><p>Experience with 11–18 year olds.</p>',
      employer: 'Batley Youth Trust',
      location: 'Batley, WF17 5DA',
      salary: '£26,000 – £28,500 per annum',
      // Prose dates pass through as text: the normaliser reads them UK day-first.
      validThrough: '20 December 2026',
      employmentType: 'Part-time, 22.5 hours',
      applyUrl: `${BASE}/apply?job=1`,
    });
  });

  it('says why a detail page yields nothing', () => {
    expect(parseDetail(fixture('council/vacancy/3.html'), BASE, detail)).toBe('no title found by the detail.title selector');
  });
});

describe('JSON API mapping', () => {
  const cfg = JsonApiSource.parse({
    name: 'metro',
    type: 'json-api',
    url: 'https://api.example/jobs?page={page}',
    items: 'data.jobs',
    pagination: { type: 'page' },
    fields: {
      reference: 'id', title: 'title', employer: 'company.name', location: 'locations.*.name', description: 'body',
      salaryMin: 'pay.min', salaryMax: 'pay.max', salaryPeriod: 'pay.period', salaryCurrency: 'pay.currency',
      datePosted: 'published_at', validThrough: 'closes_at',
    },
    urlTemplate: 'https://metro.example/jobs/{id}',
  });

  it('maps items by dotted paths, joins lists and builds URLs from a template', () => {
    const p1 = parseApiPage(JSON.parse(fixture('api/page-1.json')), 'https://api.example/jobs?page=1', cfg);
    expect(p1.count).toBe(2);
    expect(p1.items[0]).toEqual({
      title: 'Bus Driver',
      reference: '9001',
      url: 'https://metro.example/jobs/9001',
      description: '<p>PCV licence required.</p>',
      employer: 'Metro Buses',
      location: 'Leeds, Otley',
      salary: { min: 28000, max: 31000, currency: 'GBP', period: 'year' },
      datePosted: '2026-11-11T08:00:00.000Z',
      validThrough: '2027-01-01T00:00:00.000Z',
    });
    const p2 = parseApiPage(JSON.parse(fixture('api/page-2.json')), 'https://api.example/jobs?page=2', cfg);
    expect(p2.items.map((i) => [i.title, i.salary])).toEqual([['Engineer', { min: 35000, period: 'year' }]]);
    expect(p2.errors).toEqual(['item 1: no title at "title"']);
  });

  it('reports a missing items array', () => {
    expect(parseApiPage({ data: {} }, BASE, cfg).errors).toEqual(['"data.jobs" is not an array in the response']);
  });

  it('reads paths and fills templates', () => {
    expect(getPath({ a: [{ b: 1 }, { b: 2 }] }, 'a.1.b')).toBe(2);
    expect(getPath({ a: null }, 'a.b')).toBeUndefined();
    expect(fillUrlTemplate('https://x/j?o={offset}&l={limit}&c={cursor}', { offset: 50, limit: 25, cursor: 'a b' })).toBe(
      'https://x/j?o=50&l=25&c=a%20b',
    );
  });
});

describe('sitemaps', () => {
  it('reads url sets and sitemap indexes', () => {
    expect(parseSitemap(fixture('sitemap-jobs.xml')).urls).toHaveLength(4);
    expect(parseSitemap(fixture('sitemap-index.xml'))).toEqual({ urls: [], sitemaps: ['{{ORIGIN}}/sitemap-jobs.xml'] });
    expect(parseSitemap('<<<')).toEqual({ urls: [], sitemaps: [] });
  });
});

describe('links on scraped JobPostings', () => {
  it.each([
    ['../job/7.html', 'https://jobs.example/board/job/7.html'],
    ['javascript:alert(1)', 'https://jobs.example/board/list/page.html'],
    ['java\tscript:alert(1)', 'https://jobs.example/board/list/page.html'],
    ['data:text/html,x', 'https://jobs.example/board/list/page.html'],
  ])('url %j is resolved against the page, or replaced by the page when unsafe (→ %s)', (href, expected) => {
    const posting = { '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Porter', url: href, applicationContact: { url: href } };
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(posting)}</script></head><body></body></html>`;
    const r = parseJobPage(html, 'https://jobs.example/board/list/page.html');
    expect(r.errors).toEqual([]);
    expect(r.vacancies).toHaveLength(1);
    expect(r.vacancies[0]?.url).toBe(expected);
    const apply = r.vacancies[0]?.applyUrl;
    if (apply !== undefined) expect(apply).toMatch(/^https:\/\/jobs\.example\//);
  });
});

describe('JSON API items with nested, schema.org-like fields', () => {
  const cfg = JsonApiSource.parse({
    name: 'nested',
    type: 'json-api',
    url: 'https://api.example/jobs',
    items: 'results',
    fields: {
      reference: 'identifier.value', title: 'title', employer: 'hiringOrganization.name',
      town: 'location.city', region: 'location.region', postcode: 'location.postcode',
      salaryMin: 'salary.min', salaryMax: 'salary.max', salaryPeriod: 'salary.unit',
      hoursPerWeek: 'workHours', validThrough: 'dates.closing',
    },
  });
  const item = (over: Record<string, unknown>) => ({
    identifier: { value: 'N-1' }, title: 'Warehouse Operative', hiringOrganization: { name: 'Fictional Freight' },
    location: { city: 'Derby', region: 'East Midlands', postcode: 'DE1 2AA' }, salary: { min: '24,000', max: 26000, unit: 'YEAR' },
    dates: { closing: '02/12/2026' }, ...over,
  });
  it.each([
    ['37.5', 37.5],
    ['37.5 hours per week', 37.5],
    ['Monday to Friday, 9 to 5', undefined],
    [40, 40],
    [400, undefined],
  ])('workHours %s → hoursPerWeek %s', (hours, want) => {
    const page = parseApiPage({ results: [item({ workHours: hours })] }, 'https://api.example/jobs', cfg);
    expect(page.errors).toEqual([]);
    expect(page.items[0]).toMatchObject({
      reference: 'N-1', employer: 'Fictional Freight', town: 'Derby', region: 'East Midlands', postcode: 'DE1 2AA',
      salary: { min: 24000, max: 26000, period: 'year' },
      // Left as text: the normaliser reads it day-first (2 December), where Date.parse would say 12 February.
      validThrough: '02/12/2026',
    });
    expect(page.items[0]!.hoursPerWeek).toBe(want);
  });
});

describe('dates scrapers hand on', () => {
  it.each([
    ['2026-12-31', '2026-12-31T00:00:00.000Z'],
    ['2026-07-14T09:00:00+01:00', '2026-07-14T08:00:00.000Z'],
    ['Tue, 14 Jul 2026 09:00:00 GMT', '2026-07-14T09:00:00.000Z'],
    // Left as text for the normaliser, which reads them UK day-first: Date.parse would make these 12 Feb and 2001.
    ['02/12/2026', '02/12/2026'],
    ['12 Jan', '12 Jan'],
    ['2nd December 2026', '2nd December 2026'],
    ['2026-07-14T22:00:00', '2026-07-14T22:00:00'],
  ])('%s → %s', (s, out) => expect(toIsoDate(s)).toBe(out));
});
