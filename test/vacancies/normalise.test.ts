import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import type { VacancyEnricher } from '../../src/vacancies/enricher.ts';
import type { RawVacancy } from '../../src/vacancies/model.ts';
import { normaliseVacancy } from '../../src/vacancies/normalise.ts';
import { parseLocation } from '../../src/vacancies/normalise/location.ts';

const now = Date.UTC(2025, 3, 22);
const geocoder = createGeocoder(null);

describe('parseLocation', () => {
  const loc = (location: string) => parseLocation(geocoder, { title: 'x', location });
  it('Remote alone: no place, remote', () => expect(loc('Remote')).toEqual({ location: null, extraLocations: [], remote: 'remote' }));
  it('Hybrid - London', () => expect(loc('Hybrid - London')).toMatchObject({ remote: 'hybrid', location: { town: 'London', resolved: true } }));
  it('Leeds or Bradford: two places', () => {
    const r = loc('Leeds or Bradford');
    expect(r.location?.town).toBe('Leeds');
    expect(r.extraLocations.map((p) => p.town)).toEqual(['Bradford']);
  });
  it('Multiple locations: kept as text, unresolved', () => expect(loc('Multiple locations').location).toMatchObject({ text: 'Multiple locations', resolved: false, lat: null }));
  it('structured coordinates win', () => {
    const r = parseLocation(geocoder, { title: 'x', location: 'ARLESEY', town: 'Arlesey', lat: 52.01, lon: -0.26 });
    expect(r.location).toMatchObject({ lat: 52.01, lon: -0.26, resolved: true });
  });
});

describe('parseLocation: a source\'s coordinates say how precise they are', () => {
  const at = (fields: Partial<RawVacancy>, lat: number, lon: number) => parseLocation(geocoder, { title: 'x', ...fields, lat, lon }).location;
  it.each([
    // the fields beside the point, the point, what the place says
    [{ location: 'ARLESEY, SG15 6SN', town: 'ARLESEY', postcode: 'SG15 6SN' }, 52.0105, -0.2624, { precision: 'postcode', postcode: 'SG15 6SN', localAuthorityName: 'Central Bedfordshire' }],
    [{ location: 'Brighton, BN3', town: 'Brighton', postcode: 'BN3' }, 50.8392, -0.1769, { precision: 'district', postcode: 'BN3', localAuthorityName: 'Brighton and Hove' }],
    [{ location: 'Whitehaven', town: 'Whitehaven' }, 54.5484, -3.5857, { precision: 'town', town: 'Whitehaven', localAuthorityName: 'Cumberland' }],
    [{ location: 'Surrey', town: 'Surrey' }, 51.25, -0.45, { precision: 'area', area: { name: 'Surrey' } }],
    // No structured fields: a location text naming one place counts too.
    [{ location: 'Hybrid - Whitehaven' }, 54.5484, -3.5857, { precision: 'town', town: 'Whitehaven', localAuthorityName: 'Cumberland' }],
    // A full postcode whose district the bundled table lacks (M50): the town the fields name.
    [{ location: 'Salford, M50 1SY', town: 'Salford', postcode: 'M50 1SY' }, 53.4824, -2.3149, { precision: 'town', localAuthorityName: 'Salford' }],
    // The point alone, or names the point contradicts: only a point; the point gives the authority when nothing named does.
    [{}, 53.7965, -1.5479, { precision: 'point', text: '53.7965,-1.5479', localAuthorityName: 'Leeds', region: 'Yorkshire and The Humber' }],
    [{ location: 'Leeds or Bradford' }, 53.7965, -1.5479, { precision: 'point', localAuthorityName: 'Leeds' }],
    [{ location: 'Whitehaven', town: 'Whitehaven' }, 50.3755, -4.1427, { precision: 'point', town: 'Whitehaven' }],
    // A postcode in the town field far from the point, the postcode field at it: the postcode field wins.
    [{ location: 'The Courtyard, Maidstone, Kent ME14 1PA, RM13 8GQ', town: 'The Courtyard, Maidstone, Kent ME14 1PA', postcode: 'RM13 8GQ' }, 51.5218, 0.1721, { precision: 'postcode', postcode: 'RM13 8GQ', localAuthorityName: 'Havering' }],
  ] as [Partial<RawVacancy>, number, number, object][])('%j at %f,%f → %j', (fields, lat, lon, expected) => {
    expect(at(fields, lat, lon)).toMatchObject({ lat, lon, resolved: true, ...expected });
  });
  it('with no geocoder, the point is only a point', () => {
    expect(parseLocation(null, { title: 'x', town: 'Leeds', lat: 53.8, lon: -1.55 }).location).toMatchObject({ precision: 'point', localAuthority: null });
  });
  it('a London point stays the London region: no borough invented', () => {
    expect(at({ location: 'London', town: 'London' }, 51.5074, -0.1278)).toMatchObject({ precision: 'area', area: { kind: 'region' }, localAuthority: null });
  });
});

const classify: VacancyEnricher['classify'] = () => ({ occupation: { code: '6135', scheme: 'soc', confidence: 0.8, evidence: ['care assistant'] }, sector: { code: 'Q', confidence: 0.7, evidence: ['care'] } });
const spotSkills: VacancyEnricher['spotSkills'] = (text) => (/manual handling/i.test(text) ? [{ id: 'fp:manual-handling', label: 'manual handling', evidence: 'manual handling', required: false, confidence: 0.9 }] : []);
const enricher: VacancyEnricher = {
  classify,
  spotSkills,
  enrichAdvert: (input) => ({ ...classify(input), skills: spotSkills(`${input.title}\n${input.description}`) }),
};

describe('normaliseVacancy', () => {
  const raw: RawVacancy = {
    title: 'URGENT Care Assistant - Nights (m/f/d)',
    description: '&lt;p&gt;Join us.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Manual handling training&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Enhanced DBS required. Closing date: 12th May 2025&lt;/p&gt;',
    location: 'Leeds, LS1',
    salary: '£11.44 per hour',
    employmentType: 'PART_TIME',
    contract: 'Permanent',
    datePosted: 'posted 3 days ago',
    employer: 'Acme Care',
    skills: ['Manual handling', 'Kindness'],
  };
  it('runs every step', () => {
    const v = normaliseVacancy({ now, geocoder, enricher }, raw);
    expect(v.title).toBe('Care Assistant - Nights');
    expect(v.titleOriginal).toBe(raw.title);
    expect(v.descriptionText).toBe('Join us.\n\n• Manual handling training\n\nEnhanced DBS required. Closing date: 12th May 2025');
    expect(v.salary).toMatchObject({ min: 11.44, period: 'hour', annualMin: 22308 });
    expect(v.location).toMatchObject({ town: 'Leeds', postcode: 'LS1', resolved: true });
    expect(v).toMatchObject({ employmentType: 'part_time', contract: 'permanent', shifts: ['nights'] });
    expect(v.datePosted).toBe(now - 3 * 86_400_000);
    expect(new Date(v.validThrough!).toISOString().slice(0, 10)).toBe('2025-05-12');
    expect(v.requirements.map((r) => r.kind)).toEqual(['dbs']);
    expect(v.occupation?.code).toBe('6135');
    expect(v.sector?.code).toBe('Q');
    expect(v.fingerprint).toMatch(/^mh1:/);
  });
  it('source classification wins; source skills merge, marked required', () => {
    const v = normaliseVacancy({ now, geocoder, enricher }, { ...raw, sector: 'g', occupation: { code: '9999' } });
    expect(v.sector).toMatchObject({ code: 'G', confidence: 1 });
    expect(v.occupation?.code).toBe('9999');
    expect(v.skills.find((s) => s.id === 'fp:manual-handling')?.required).toBe(true);
    expect(v.skills.find((s) => s.id === 'src:kindness')).toMatchObject({ label: 'Kindness', required: true });
  });
  it('works without enricher or geocoder, and survives a throwing enricher', () => {
    const boom = () => {
      throw new Error('boom');
    };
    const bad: VacancyEnricher = { classify: boom, spotSkills: boom, enrichAdvert: boom };
    const v = normaliseVacancy({ now, enricher: bad }, raw);
    expect(v.occupation).toBeNull();
    expect(v.location).toMatchObject({ text: 'Leeds, LS1', resolved: false });
  });
  it('finds a labelled salary in the description when the source has none', () => {
    const v = normaliseVacancy({ now }, { title: 'Cleaner', description: 'Hours: 16\nSalary: £12.60 per hour\nApply now' });
    expect(v.salary).toMatchObject({ min: 12.6, period: 'hour' });
  });
  it('never throws on arbitrary strings', () => {
    const str = fc.string({ maxLength: 200 });
    fc.assert(
      fc.property(str, str, str, str, str, str, str, (title, description, location, salary, employmentType, datePosted, validThrough) => {
        normaliseVacancy({ now, geocoder, enricher }, { title: title || 'x', description, location, salary, employmentType, contract: employmentType, datePosted, validThrough });
      }),
      { numRuns: 300 },
    );
  });
});

describe('place lead-ins', () => {
  it.each([
    ['Sutton-In-Ashfield, Nottinghamshire', 'Sutton in Ashfield'],
    ['Based in Leeds', 'Leeds'],
    ['Location: York', 'York'],
    ['Stratford-upon-Avon', 'Stratford-upon-Avon'],
  ])('%s → %s', (text, town) => expect(parseLocation(geocoder, { title: 'x', location: text }).location?.town?.toLowerCase()).toBe(town.toLowerCase()));
});

describe('remote with a country', () => {
  it.each(['Remote UK', 'Remote - UK', 'Remote - Multiple Locations', 'UK Remote'])('%s: remote, no place', (text) =>
    expect(parseLocation(geocoder, { title: 'x', location: text })).toEqual({ location: null, extraLocations: [], remote: 'remote' }),
  );
  it('London Office', () => expect(parseLocation(geocoder, { title: 'x', location: 'London Office' }).location).toMatchObject({ town: 'London', resolved: true }));
});

describe('words that are not a place (stripPlaceNoise) through parseLocation', () => {
  const loc = (location: string) => parseLocation(geocoder, { title: 'x', location });
  const summary = (text: string) => {
    const r = loc(text);
    return {
      places: [r.location, ...r.extraLocations].filter((p) => p != null).map((p) => (p.outsideUk ? `abroad:${p.outsideUk.country}` : p.resolved ? (p.town ?? p.area?.name) : `unresolved:${p.text}`)),
      remote: r.remote,
    };
  };
  it.each([
    // A lead-in is a whole word: these towns are not cut to "ton", "sop".
    ['Workington', ['Workington'], null],
    ['Worksop, Nottinghamshire', ['Worksop'], null],
    ['Working from Leeds', ['Leeds'], null],
    ['Office in Manchester', ['Manchester'], null],
    ['Head Office: Leeds', ['Leeds'], null],
    ['Hybrid (3 days in office), Leeds', ['Leeds'], 'hybrid'],
    ['Work from home - Derby', ['Derby'], 'remote'],
    // The separator either side of a removed word still splits the places.
    ['Leeds - Remote - York', ['Leeds', 'York'], 'remote'],
    ['Orange County HQ / Remote Considered', ['abroad:US', 'unresolved:Considered'], 'remote'],
    // A workplace word is not a place of its own.
    ['*HQ - San Francisco, CA', ['abroad:US'], null],
    ['San Francisco Office (HQ)', ['abroad:US'], null],
    ['NYC Hybrid Available', ['abroad:US'], 'hybrid'],
    // Remote with a region that includes the UK names no place, however it is bracketed.
    ['Remote (Europe)', [], 'remote'],
    ['Remote (UK)', [], 'remote'],
    ['Remote in EMEA', [], 'remote'],
  ] as const)('%s → %j (%s)', (text, places, remote) => {
    expect(summary(text)).toEqual({ places, remote });
  });
});
