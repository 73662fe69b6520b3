import { describe, expect, it } from 'vitest';
import { stripPlaceNoise } from '../../src/geo/place-noise.ts';

describe('stripPlaceNoise', () => {
  it.each([
    ['San Francisco-Hybrid', 'San Francisco'],
    ['Montreal HQ', 'Montreal'],
    ['London Office', 'London'],
    ['London (Remote)', 'London'],
    ['Leeds | Remote', 'Leeds'],
    ['Bristol - On-site', 'Bristol'],
    ['Remote - AMER', 'AMER'],
    ['NYC Hybrid Available', 'NYC'],
    ['Fully remote, Manchester', 'Manchester'],
    ['*HQ', ''],
    ['Headquarters', ''],
    ['Head Office', ''],
    // Words that are part of a place stay.
    ['Office Park, Leeds', 'Office Park, Leeds'],
    ['Sutton-in-Ashfield', 'Sutton-in-Ashfield'],
    ['Newcastle upon Tyne', 'Newcastle upon Tyne'],
  ])('%s → %s', (text, expected) => {
    expect(stripPlaceNoise(text)).toBe(expected);
  });
});
