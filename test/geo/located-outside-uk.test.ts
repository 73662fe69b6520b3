import { describe, expect, it } from 'vitest';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import type { RawVacancy } from '../../src/vacancies/model.ts';
import { parseLocation } from '../../src/vacancies/normalise/location.ts';

const raw = (r: Partial<RawVacancy>) => ({ source: 't', sourceRef: '1', title: 'Nurse', ...r }) as RawVacancy;

describe('advert places outside the UK, through the normaliser', () => {
  const g = createGeocoder(null);
  it('a source that gives coordinates and a Jersey postcode keeps its point and says it is outside the UK', () => {
    const { location } = parseLocation(g, raw({ town: 'Jersey', postcode: 'JE1 9ZZ', lat: 49.18, lon: -2.1 }));
    expect(location).toMatchObject({ lat: 49.18, lon: -2.1, resolved: true, localAuthority: null, region: null, outsideUk: { country: 'JE' } });
  });
  it.each([
    ['San Francisco-Hybrid', 'US'],
    ['Remote - AMER', null],
    ['Montreal HQ', 'CA'],
  ])('%s has no UK point and says outside the UK (%s)', (text, country) => {
    const { location } = parseLocation(g, raw({ location: text }));
    expect(location).toMatchObject({ text, resolved: false, lat: null, outsideUk: { country } });
  });
  it('"London - Hybrid" is the London region, hybrid', () => {
    const parsed = parseLocation(g, raw({ location: 'London - Hybrid' }));
    expect(parsed.remote).toBe('hybrid');
    expect(parsed.location).toMatchObject({ town: 'London', precision: 'area', area: { kind: 'region', name: 'London' }, resolved: true });
  });
});
