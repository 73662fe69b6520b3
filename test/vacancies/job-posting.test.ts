import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEntities, findJobPostings, fromJobPosting, isJobPosting } from '../../src/vacancies/job-posting.ts';
import { RawVacancySchema, type RawVacancy } from '../../src/vacancies/model.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/jsonld/${name}`, import.meta.url), 'utf8'));

function mapOk(body: unknown): RawVacancy {
  const r = fromJobPosting(body);
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  // Whatever comes out must be a valid RawVacancy.
  expect(RawVacancySchema.safeParse(r.raw).success).toBe(true);
  return r.raw;
}

describe('fromJobPosting on publisher-shaped fixtures', () => {
  const cases: [file: string, expected: Partial<RawVacancy>, check?: (raw: RawVacancy) => void][] = [
    [
      'nhs-style.json',
      {
        reference: 'C9123-24-0456',
        title: 'Healthcare Support Worker - Bank',
        employer: 'Fictional Valley NHS Foundation Trust',
        town: 'Leeds',
        region: 'West Yorkshire',
        postcode: 'LS1 3EX',
        lat: 53.8013,
        lon: -1.5519,
        location: 'Infirmary Road, Leeds, West Yorkshire, LS1 3EX',
        employmentType: 'part_time',
        contract: 'temporary',
        salary: { min: 24071, max: 25674, currency: 'GBP', period: 'year' },
        hoursPerWeek: 22.5,
        occupation: { code: '6131', scheme: 'soc' },
        datePosted: '2025-03-03',
        validThrough: '2025-03-17T23:59:00',
        url: 'https://jobs.example.nhs.uk/candidate/jobadvert/C9123-24-0456',
      },
      (raw) => {
        // HTML-escaped HTML is unwrapped into real markup.
        expect(raw.description).toContain('<p><strong>Job overview</strong></p>');
        // One level of escaping is removed; what remains is a valid HTML character reference.
        expect(raw.description).toContain('St Fictional&#39;s Hospital');
        expect(raw.description).toContain('<li>Enhanced DBS required</li>');
      },
    ],
    [
      'google-graph.json',
      {
        reference: 'HGV-2291',
        title: 'HGV Class 1 Driver & Night Trunker',
        employer: 'Acme Fictional Haulage Ltd',
        town: 'Daventry',
        postcode: 'NN11',
        lat: 52.2565,
        lon: -1.1627,
        location: 'Daventry, NN11; Doncaster, South Yorkshire',
        employmentType: 'full_time',
        salary: { min: 18.5, max: 18.5, currency: 'GBP', period: 'hour' },
        applyUrl: 'https://careers.example.com/jobs/hgv-2291',
        skills: ['route planning', 'tachograph rules'],
      },
      (raw) => {
        expect(raw.description).toMatch(/^<h2>About the role<\/h2>/);
        expect(raw.description).toContain('<h3>Responsibilities</h3>\n<p>Drive articulated vehicles safely on trunk routes</p>');
        expect(raw.description).toContain('<h3>Qualifications</h3>');
        expect(raw.description).toContain('<h3>Working hours</h3>\n<p>Nights, 4 on 4 off</p>');
        expect(raw.hoursPerWeek).toBeUndefined();
      },
    ],
    [
      'ats-remote.json',
      {
        reference: '48213',
        remote: 'remote',
        location: 'Remote (UK)',
        contract: 'contract',
        salary: { min: 175, max: 175, currency: 'GBP', period: 'day' },
        applyUrl: 'mailto:jobs@example.com',
        skills: ['ITIL', 'Active Directory'],
        sector: 'J',
        employer: 'Brightfield Fictional Systems',
      },
      (raw) => {
        expect(raw.description).toContain('Full training given.');
        expect(raw.description).toContain('Skills:\nITIL\nActive Directory');
        expect(raw.lat).toBeUndefined();
      },
    ],
    [
      'plain-salary-string.json',
      {
        reference: '7781',
        salary: '£11.44 per hour',
        location: '12 High Street, Harrogate HG1 1AA',
        employmentType: 'part_time',
        contract: 'permanent',
        hoursPerWeek: 16,
        occupation: { code: '7111', scheme: 'soc' },
        employer: 'Corner Fictional Stores',
      },
    ],
  ];

  it.each(cases)('%s', (file, expected, check) => {
    const body = fixture(file);
    expect(isJobPosting(body)).toBe(true);
    const raw = mapOk(body);
    expect(raw).toMatchObject(expected);
    check?.(raw);
  });

  it('names every invalid field by its JobPosting path', () => {
    const r = fromJobPosting(fixture('invalid.json'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path).sort()).toEqual(
      [
        'title',
        'jobLocation.geo.latitude',
        'jobLocation.geo.longitude',
        'baseSalary.value.minValue',
        'baseSalary.value.maxValue',
      ].sort(),
    );
  });
});

describe('fromJobPosting field shapes', () => {
  const base = { '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Cleaner', identifier: 'C-1' };

  it.each<[string, Record<string, unknown>, Partial<RawVacancy>]>([
    ['numeric identifier', { identifier: 12 }, { reference: '12' }],
    ['identifier array of PropertyValue', { identifier: [{ '@type': 'PropertyValue', name: 'x', value: 'A-9' }] }, { reference: 'A-9' }],
    ['no identifier falls back to url', { identifier: undefined, url: 'https://x.example/j/1' }, { reference: 'https://x.example/j/1' }],
    ['salary as bare number', { baseSalary: 23000 }, { salary: { min: 23000, max: 23000 } }],
    ['salary string number with £', { baseSalary: '£23,500' }, { salary: { min: 23500, max: 23500 } }],
    [
      'MonetaryAmount with min/max on itself',
      { baseSalary: { '@type': 'MonetaryAmount', currency: 'GBP', minValue: '24000', maxValue: '27000', unitText: 'ANNUAL' } },
      { salary: { min: 24000, max: 27000, currency: 'GBP', period: 'year' } },
    ],
    [
      'min > max is swapped',
      { baseSalary: { currency: 'GBP', value: { minValue: 30000, maxValue: 25000, unitText: 'year' } } },
      { salary: { min: 25000, max: 30000, currency: 'GBP', period: 'year' } },
    ],
    [
      'non-numeric salary value is text',
      { baseSalary: { currency: 'GBP', value: 'Competitive' } },
      { salary: { currency: 'GBP', text: 'Competitive' } },
    ],
    [
      'QuantitativeValue.value as wording beside min/max (NHS Jobs)',
      { baseSalary: { currency: 'GBP', value: { unitText: 'YEAR', value: '£24,214 to £26,220 &amp; more', minValue: '24214', maxValue: 26220 } } },
      { salary: { min: 24214, max: 26220, period: 'year', text: '£24,214 to £26,220 & more' } },
    ],
    [
      'estimatedSalary when no baseSalary',
      { estimatedSalary: { '@type': 'MonetaryAmountDistribution', currency: 'GBP', value: { minValue: 11, maxValue: 12, unitText: 'HOUR' } } },
      { salary: { min: 11, max: 12, currency: 'GBP', period: 'hour' } },
    ],
    ['employmentType array', { employmentType: ['FULL_TIME', 'PART_TIME'] }, { employmentType: 'full_time, part_time' }],
    ['employmentType INTERN', { employmentType: 'INTERN' }, { contract: 'internship' }],
    ['hiringOrganization array', { hiringOrganization: [{ name: 'First &amp; Co' }] }, { employer: 'First & Co' }],
    ['workHours as number text', { workHours: '37.5 hrs per week' }, { hoursPerWeek: 37.5 }],
    ['O*NET category', { occupationalCategory: '37-2011.00 Janitors and Cleaners' }, { occupation: { code: '37-2011.00', scheme: 'onet' } }],
    ['geo on the Place itself', { jobLocation: { '@type': 'Place', latitude: '51.5', longitude: '-0.12', name: 'London' } }, { lat: 51.5, lon: -0.12, location: 'London' }],
    ['geo without leading zeros', { jobLocation: { address: { addressLocality: 'Arlesey' }, geo: { latitude: '52.0105', longitude: '-.262406' } } }, { lat: 52.0105, lon: -0.262406 }],
    ['0,0 geo is ignored', { jobLocation: { address: { addressLocality: 'York' }, geo: { latitude: 0, longitude: 0 } } }, { town: 'York' }],
    ['non-UK country kept in text', { jobLocation: { address: { addressLocality: 'Dublin', addressCountry: 'IE' } } }, { location: 'Dublin, IE' }],
    ['TELECOMMUTE with a place', { jobLocationType: ['TELECOMMUTE'], jobLocation: { address: { addressLocality: 'Bristol' } } }, { remote: 'remote', town: 'Bristol' }],
    ['schema: prefixed type', { '@type': 'schema:JobPosting' }, { title: 'Cleaner' }],
    ['title with tags and entities', { title: '<b>Cleaner</b> &ndash; Evenings' }, { title: 'Cleaner – Evenings' }],
  ])('%s', (_name, patch, expected) => {
    const raw = mapOk({ ...base, ...patch });
    expect(raw).toMatchObject(expected);
  });

  it('appends plain-text sections to a plain-text description', () => {
    const raw = mapOk({ ...base, description: 'Office cleaning.', responsibilities: 'Hoovering & dusting' });
    expect(raw.description).toBe('Office cleaning.\n\nResponsibilities:\nHoovering & dusting');
  });

  it('rejects what is not a JobPosting', () => {
    for (const body of [null, 3, 'x', [], {}, { '@type': 'Organization', name: 'x' }, { '@graph': [{ '@type': 'Person' }] }]) {
      expect(isJobPosting(body)).toBe(false);
      const r = fromJobPosting(body);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]?.path).toBe('@type');
    }
  });

  it('finds every JobPosting in a page-level array', () => {
    expect(
      findJobPostings([
        { '@type': 'JobPosting', title: 'a' },
        { '@graph': [{ '@type': 'JobPosting', title: 'b' }] },
        { '@type': 'WebPage', mainEntity: { '@type': 'JobPosting', title: 'c' } },
      ]).map((j) => j['title']),
    ).toEqual(['a', 'b', 'c']);
  });

  it('reports an overlong title by its path', () => {
    const r = fromJobPosting({ ...base, title: undefined, name: 'x'.repeat(600) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.objectContaining({ path: 'name' })]);
  });

  it('decodes entities', () => {
    expect(decodeEntities('&pound;11.44 &amp; &#8211; &#x2014; &bogus; &constructor; &AMP;')).toBe('£11.44 & – — &bogus; &constructor; &');
  });
});
