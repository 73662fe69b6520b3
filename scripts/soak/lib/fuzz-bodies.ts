import fc from 'fast-check';

/**
 * fast-check arbitraries for what employers might send: our vacancy shape,
 * schema.org JobPosting, batches of either, and things that are neither.
 * Each field is usually plausible and sometimes anything at all, so the
 * bodies reach deep into validation and normalisation instead of all
 * failing at the first field.
 */

const text = (max: number) => fc.string({ unit: 'binary', maxLength: max });
const maybeJunk = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.anything() });

const salary = fc.oneof(
  fc.constantFrom('£12.60 per hour', '£25,000 - £28,000 per annum', 'Competitive', '£0', '£99999999999 per year', '12.5k', ''),
  text(60),
  fc.record(
    {
      min: fc.oneof(fc.double(), fc.integer()),
      max: fc.oneof(fc.double(), fc.integer()),
      currency: fc.constantFrom('GBP', 'EUR', 'gbp', 'X', 'GBPP'),
      period: fc.constantFrom('hour', 'day', 'week', 'month', 'year', 'fortnight'),
      text: text(40),
    },
    { requiredKeys: [] },
  ),
);

const dateish = fc.oneof(
  fc.constantFrom('2026-02-30', '2026-03-01', 'yesterday', '3 days ago', 'Closing date: 12th March 2026', '0000-00-00', '9999-12-31T99:99'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  text(30),
);

/** Our JSON shape (RawVacancy + reference). */
export const ourVacancy = fc.record(
  {
    reference: maybeJunk(fc.oneof(text(30), fc.constant(''), fc.string({ minLength: 201, maxLength: 260 }))),
    title: maybeJunk(fc.oneof(fc.constantFrom('Care Assistant', 'Warehouse Operative - Nights', '   '), text(80))),
    description: maybeJunk(fc.oneof(text(400), fc.constant('<p>Picking &amp; packing</p><script>alert(1)</script>'))),
    url: maybeJunk(fc.oneof(fc.webUrl(), text(30))),
    applyUrl: maybeJunk(fc.webUrl()),
    employer: maybeJunk(text(60)),
    location: maybeJunk(fc.oneof(fc.constantFrom('Leeds', 'LS1 4AP', 'Hybrid - London', 'Remote', 'Bristol or Bath', 'ZZ99 9ZZ'), text(40))),
    postcode: maybeJunk(text(12)),
    lat: maybeJunk(fc.double()),
    lon: maybeJunk(fc.double()),
    remote: maybeJunk(fc.constantFrom('onsite', 'hybrid', 'remote', 'sometimes')),
    employmentType: maybeJunk(fc.constantFrom('Full-time', 'part_time', 'FULL_TIME', 'whenever')),
    contract: maybeJunk(fc.constantFrom('Permanent', 'Temporary', 'CONTRACTOR', 'zero hours', '')),
    hoursPerWeek: maybeJunk(fc.oneof(fc.double(), fc.integer({ min: -10, max: 500 }))),
    salary: maybeJunk(salary),
    datePosted: maybeJunk(dateish),
    validThrough: maybeJunk(dateish),
    occupation: maybeJunk(fc.record({ code: text(10), scheme: fc.constantFrom('soc', 'esco', 'onet', 'x') }, { requiredKeys: [] })),
    sector: maybeJunk(fc.constantFrom('Q', 'h', 'Z', 'QQ', '')),
    skills: maybeJunk(fc.array(text(30), { maxLength: 10 })),
    status: maybeJunk(fc.constantFrom('live', 'closed', 'expired')),
  },
  { requiredKeys: [] },
);

const place = fc.record(
  {
    '@type': fc.constantFrom('Place', 'PostalAddress'),
    address: maybeJunk(
      fc.oneof(
        text(40),
        fc.record(
          {
            '@type': fc.constant('PostalAddress'),
            streetAddress: text(40),
            addressLocality: fc.oneof(fc.constantFrom('Leeds', 'Cardiff', 'Nowhere'), text(20)),
            postalCode: fc.oneof(fc.constantFrom('LS6 2AB', 'CF10 1AA', 'ZZ1'), text(10)),
            addressRegion: text(20),
            addressCountry: fc.oneof(fc.constantFrom('GB', 'UK', 'FR'), fc.record({ name: text(10) })),
          },
          { requiredKeys: [] },
        ),
      ),
    ),
    geo: maybeJunk(fc.record({ '@type': fc.constant('GeoCoordinates'), latitude: fc.oneof(fc.double(), text(10)), longitude: fc.oneof(fc.double(), text(10)) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);

/** schema.org JobPosting JSON-LD. */
export const jobPosting = fc.record(
  {
    '@context': fc.constantFrom('https://schema.org', 'http://schema.org/', 'nonsense'),
    '@type': fc.oneof(fc.constantFrom('JobPosting', 'jobposting', 'Thing'), fc.array(fc.constantFrom('JobPosting', 'Thing'), { maxLength: 2 }), fc.anything()),
    title: maybeJunk(text(80)),
    description: maybeJunk(fc.oneof(text(300), fc.constant('<ul><li>Driving</li></ul><img src=x onerror=alert(1)>'))),
    identifier: maybeJunk(fc.oneof(text(20), fc.integer(), fc.record({ '@type': fc.constant('PropertyValue'), name: text(10), value: fc.oneof(text(20), fc.integer()) }, { requiredKeys: [] }))),
    url: maybeJunk(fc.webUrl()),
    datePosted: maybeJunk(dateish),
    validThrough: maybeJunk(dateish),
    employmentType: maybeJunk(fc.oneof(fc.constantFrom('FULL_TIME', 'PART_TIME', 'CONTRACTOR', 'OTHER'), fc.array(fc.constantFrom('FULL_TIME', 'TEMPORARY', 'x'), { maxLength: 3 }))),
    hiringOrganization: maybeJunk(fc.oneof(text(30), fc.record({ '@type': fc.constant('Organization'), name: text(30), sameAs: fc.webUrl() }, { requiredKeys: [] }))),
    jobLocation: maybeJunk(fc.oneof(place, fc.array(place, { maxLength: 4 }))),
    jobLocationType: maybeJunk(fc.constantFrom('TELECOMMUTE', 'onsite')),
    baseSalary: maybeJunk(
      fc.record(
        {
          '@type': fc.constant('MonetaryAmount'),
          currency: fc.constantFrom('GBP', 'USD', ''),
          value: fc.oneof(
            fc.double(),
            text(10),
            fc.record({ '@type': fc.constant('QuantitativeValue'), value: fc.oneof(fc.double(), text(8)), minValue: fc.oneof(fc.double(), text(8)), maxValue: fc.double(), unitText: fc.constantFrom('HOUR', 'YEAR', 'MONTH', 'WEEK', 'DAY', 'x') }, { requiredKeys: [] }),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    occupationalCategory: maybeJunk(text(30)),
    industry: maybeJunk(text(30)),
    workHours: maybeJunk(text(30)),
  },
  { requiredKeys: ['@type'] },
);

export const anyVacancy = fc.oneof({ weight: 4, arbitrary: ourVacancy }, { weight: 4, arbitrary: jobPosting }, { weight: 1, arbitrary: fc.anything() });

export const batch = fc.oneof(
  { weight: 8, arbitrary: fc.record({ items: fc.array(anyVacancy, { maxLength: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ items: fc.anything() }) },
  { weight: 1, arbitrary: fc.anything() },
);

/** One request: where it goes, its body as sent (a string, so malformed JSON is possible) and its content type. */
export interface FuzzRequest {
  path: '/v1/vacancies' | '/v1/vacancies/batch';
  body: string;
  contentType: string;
}

const contentType = fc.oneof(
  { weight: 20, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constantFrom('application/ld+json', 'text/plain', 'application/json; charset=latin1', 'multipart/form-data') },
);
const bodyOf = (arb: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 12, arbitrary: arb.map((v) => JSON.stringify(v) ?? 'null') }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) });

export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  fc.record({ path: fc.constant('/v1/vacancies' as const), body: bodyOf(anyVacancy), contentType }),
  fc.record({ path: fc.constant('/v1/vacancies/batch' as const), body: bodyOf(batch), contentType }),
);
