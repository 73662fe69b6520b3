import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildFilter,
  geoRadiusFilter,
  matchesNothing,
  quoteFilterValue,
  staleLocationsFilter,
  vacancyIdsFilter,
} from '../../../src/search/meilisearch/filter.ts';
import { splitLiterals } from './filter-lexer.ts';

const HOSTILE = [
  'A" OR sector = "B',
  "A' OR sector = 'B",
  'trailing backslash \\',
  '\\" OR vacancyId > 0 OR "',
  'x OR y',
  ' OR ',
  '_geoRadius(0, 0, 99999999)',
  'A") OR _geoRadius(0, 0, 1) OR (sector = "B',
  'line one\nOR sector EXISTS',
  '\\\\\\"',
  '',
];

describe('quoteFilterValue', () => {
  it('escapes backslashes then quotes inside one double-quoted literal', () => {
    expect(quoteFilterValue('plain')).toBe('"plain"');
    expect(quoteFilterValue('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoteFilterValue('C:\\path\\')).toBe('"C:\\\\path\\\\"');
    expect(quoteFilterValue('a\\"b')).toBe('"a\\\\\\"b"');
    expect(quoteFilterValue("it's")).toBe('"it\'s"');
    expect(quoteFilterValue('a\nb')).toBe('"a\nb"');
  });

  it.each(HOSTILE)('keeps hostile value %j inside one literal that decodes to it', (value) => {
    const { skeleton, literals } = splitLiterals(`sector = ${quoteFilterValue(value)}`);
    expect(skeleton).toBe('sector = ?');
    expect(literals).toEqual([value]);
  });

  it('the literal check catches naive quoting (so it can fail)', () => {
    const naive = (v: string) => `"${v}"`;
    expect(splitLiterals(`sector = ${naive('A" OR sector = "B')}`).skeleton).not.toBe('sector = ?');
    expect(() => splitLiterals(`sector = ${naive('trailing \\')}`)).toThrow(/unterminated/);
  });

  it('keeps any string inside one literal (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (a, b) => {
        const filter = buildFilter({ filters: { contract: [a, b], remote: [b] } })!;
        const { skeleton, literals } = splitLiterals(filter);
        expect(skeleton).toBe('contract IN [?, ?] AND remote IN [?]');
        expect(literals).toEqual([a, b, b]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('buildFilter', () => {
  it('is undefined without filters', () => {
    expect(buildFilter({})).toBeUndefined();
    expect(buildFilter({ q: 'driver', filters: { sector: [] } })).toBeUndefined();
  });

  it('builds every condition in a fixed order', () => {
    expect(
      buildFilter({
        near: { lat: 53.8008, lon: -1.5491, radiusKm: 15 },
        filters: {
          sector: ['H', 'Q'],
          contract: ['permanent'],
          employmentType: ['full_time'],
          remote: ['onsite', 'hybrid'],
          occupationCode: ['8211'],
          salaryMin: 25000,
          postedAfter: 1_700_000_000_000,
          ids: [3, 1, 2],
        },
      }),
    ).toBe(
      'sector IN ["H", "Q"] AND contract IN ["permanent"] AND employmentType IN ["full_time"] AND ' +
        'remote IN ["onsite", "hybrid"] AND occupationCode IN ["8211"] AND salaryReach >= 25000 AND ' +
        'datePosted >= 1700000000000 AND vacancyId IN [3, 1, 2] AND _geoRadius(53.8008, -1.5491, 15000)',
    );
  });

  it('quotes hostile values exactly', () => {
    expect(buildFilter({ filters: { sector: ['A" OR sector = "B'] } })).toBe('sector IN ["A\\" OR sector = \\"B"]');
    expect(buildFilter({ filters: { contract: ['\\" OR vacancyId > 0 OR "'] } })).toBe(
      'contract IN ["\\\\\\" OR vacancyId > 0 OR \\""]',
    );
    expect(buildFilter({ filters: { occupationCode: ['_geoRadius(0, 0, 99999999)'] } })).toBe(
      'occupationCode IN ["_geoRadius(0, 0, 99999999)"]',
    );
    expect(buildFilter({ filters: { remote: ['onsite\nOR sector EXISTS'] } })).toBe('remote IN ["onsite\nOR sector EXISTS"]');
  });

  it('never lets a hostile list change the structure', () => {
    const filter = buildFilter({ filters: { sector: HOSTILE, remote: HOSTILE }, near: { lat: 1, lon: 2, radiusKm: 3 } })!;
    const { skeleton, literals } = splitLiterals(filter);
    const holes = HOSTILE.map(() => '?').join(', ');
    expect(skeleton).toBe(`sector IN [${holes}] AND remote IN [${holes}] AND _geoRadius(1, 2, 3000)`);
    expect(literals).toEqual([...HOSTILE, ...HOSTILE]);
  });

  it('rejects numbers that are not finite instead of writing them', () => {
    expect(() => buildFilter({ filters: { salaryMin: Number.NaN } })).toThrow(RangeError);
    expect(() => buildFilter({ filters: { postedAfter: Number.POSITIVE_INFINITY } })).toThrow(RangeError);
    expect(() => buildFilter({ filters: { ids: [1, Number.NaN] } })).toThrow(RangeError);
    expect(() => buildFilter({ near: { lat: Number.NaN, lon: 0, radiusKm: 5 } })).toThrow(RangeError);
    expect(() => buildFilter({ filters: { salaryMin: 1e21 } })).toThrow(RangeError);
  });
});

describe('matchesNothing', () => {
  it('is true when any list filter is empty (none allowed), as in the embedded engine', () => {
    expect(matchesNothing({ filters: { sector: [] } })).toBe(true);
    expect(matchesNothing({ filters: { ids: [] } })).toBe(true);
    expect(matchesNothing({ filters: { remote: ['remote'], contract: [] } })).toBe(true);
    expect(matchesNothing({ filters: { sector: ['A'], ids: [1] } })).toBe(false);
    expect(matchesNothing({})).toBe(false);
  });
});

describe('geo and id filters', () => {
  it('writes the radius in whole metres', () => {
    expect(geoRadiusFilter({ lat: 51.5074, lon: -0.1278, radiusKm: 2.5 })).toBe('_geoRadius(51.5074, -0.1278, 2500)');
    expect(geoRadiusFilter({ lat: 0, lon: 0, radiusKm: 0.0004 })).toBe('_geoRadius(0, 0, 0)');
  });

  it('lists ids as numbers', () => {
    expect(vacancyIdsFilter([7, 42])).toBe('vacancyId IN [7, 42]');
  });

  it('finds stale location documents grouped by place count', () => {
    expect(staleLocationsFilter(new Map([[1, 2], [2, 1], [3, 2]]))).toBe(
      '(vacancyId IN [2] AND locationIndex >= 1) OR (vacancyId IN [1, 3] AND locationIndex >= 2)',
    );
    expect(staleLocationsFilter(new Map())).toBeUndefined();
  });
});
