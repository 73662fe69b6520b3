import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSalary, parseSalaryText } from '../../src/vacancies/normalise/salary.ts';
import { HOURS_PER_WEEK, WEEKS_PER_YEAR } from '../../src/vacancies/normalise/annualise.ts';

type Row = [text: string, min: number | null, max: number | null, period: string | null, currency?: string];
const cases: Row[] = [
  ['£25,000 - £30,000 per annum', 25000, 30000, 'year'],
  ['£25k-£30k', 25000, 30000, 'year'],
  ['£25K - £30K', 25000, 30000, 'year'],
  ['£25-30k', 25000, 30000, 'year'],
  ['£75k - 90k per year + Benefits', 75000, 90000, 'year'],
  ['£11.44 per hour', 11.44, 11.44, 'hour'],
  ['£12.45/hourly', 12.45, 12.45, 'hour'],
  ['£15.31/hour', 15.31, 15.31, 'hour'],
  ['£10.50 - £12.00 p/h', 10.5, 12, 'hour'],
  ['£12 ph', 12, 12, 'hour'],
  ['£450 per week', 450, 450, 'week'],
  ['£100-£150 per day', 100, 150, 'day'],
  ['£500 - £600 per day (Outside IR35)', 500, 600, 'day'],
  ['up to £32,000 + benefits', null, 32000, 'year'],
  ['Up to £29,837 Grade 7, p.a. (pro rata for part-time)', null, 29837, 'year'],
  ['£22,000 pro rata', 22000, 22000, 'year'],
  ['£65,000 - £80,000...', 65000, 80000, 'year'],
  ['£28,000/yearly', 28000, 28000, 'year'],
  ['£32,000/annum', 32000, 32000, 'year'],
  ['£34,000 - £36,000/annum', 34000, 36000, 'year'],
  ['£40490 per annum', 40490, 40490, 'year'],
  ['From £43,851 to £56,386 per annum', 43851, 56386, 'year'],
  ['From £38,700 to £40,000 per annum · Free staff meals', 38700, 40000, 'year'],
  ['£50000.00 per annum', 50000, 50000, 'year'],
  ['£48,251.61 per annum', 48251.61, 48251.61, 'year'],
  ['£27,373.50 to £34,510 DOE (Preceptors £22,465)', 27373.5, 34510, 'year'],
  ['£28,076 to £31,301 per annum, with progression to £47,175.', 28076, 31301, 'year'],
  ['OTE £35,000', null, 35000, 'year'],
  ['£35,000 OTE', null, 35000, 'year'],
  ['£25,000 basic, OTE £35,000', 25000, 35000, 'year'],
  ['£20,000+', 20000, null, 'year'],
  ['From £24,000', 24000, null, 'year'],
  ['Starting salary £21,500', 21500, null, 'year'],
  ['£2,000 per month', 2000, 2000, 'month'],
  ['£1,800 pcm', 1800, 1800, 'month'],
  ['25000 - 30000', 25000, 30000, 'year'],
  ['£25,000 per hour', 25000, 25000, 'year'],
  ['£11.44 per annum', 11.44, 11.44, 'hour'],
  ['£45,000 per week', 45000, 45000, 'year'],
  ['37.5 hours, £12 per hour', 12, 12, 'hour'],
  ['$120,000 - $150,000', 120000, 150000, 'year', 'USD'],
  ['€50k', 50000, 50000, 'year', 'EUR'],
  ['USD 90,000 - 110,000', 90000, 110000, 'year', 'USD'],
  ['Band 5', 29970, 36483, 'year'],
  ['NHS AfC Band 8a', 53755, 60504, 'year'],
  ['Band 5/6', 29970, 44962, 'year'],
  ['Band 2', 23615, 23615, 'year'],
  ['Competitive', null, null, null],
  ['Negotiable', null, null, null],
  ['DOE', null, null, null],
  ['Competitive salary + excellent benefits', null, null, null],
  ['Not specified', null, null, null],
  ['Unspecified', null, null, null],
  ['', null, null, null],
  ['£', null, null, null],
];

describe('parseSalaryText', () => {
  it.each(cases)('%s', (text, min, max, period, currency) => {
    const s = parseSalaryText(text);
    expect([s.min, s.max, s.period]).toEqual([min, max, period]);
    if (currency) expect(s.currency).toBe(currency);
    if (min != null || max != null) expect(s.currency).not.toBeNull();
    expect(s.text).toBe(text.trim() || null);
  });

  it('annualises with the one convention (37.5 h × 52 weeks; 5 days × 52; 12 months)', () => {
    expect(parseSalaryText('£10 per hour').annualMin).toBe(Math.round(10 * HOURS_PER_WEEK * WEEKS_PER_YEAR));
    expect(parseSalaryText('£100 per day').annualMax).toBe(26000);
    expect(parseSalaryText('£400 per week').annualMax).toBe(20800);
    expect(parseSalaryText('£2,000 per month').annualMin).toBe(24000);
    expect(parseSalaryText('Competitive').annualMin).toBeNull();
  });

  it('never throws, and never returns min > max or negative amounts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = parseSalaryText(s);
        if (r.min != null && r.max != null) expect(r.min).toBeLessThanOrEqual(r.max);
        expect(r.min == null || r.min >= 0).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.stringMatching(/^[£$€0-9,.kK\- toperanumhourdaywkBband]{0,40}$/), (s) => void parseSalaryText(s)), { numRuns: 500 });
  });
});

describe('parseSalary (structured and string baseSalary)', () => {
  it('takes min/max/period from a structured value', () => {
    expect(parseSalary({ min: 27373, max: 34510, currency: 'GBP', period: 'year' })).toMatchObject({ min: 27373, max: 34510, annualMax: 34510 });
  });
  it('infers the period from magnitude and guards impossible ones', () => {
    expect(parseSalary({ min: 11.5, max: 11.5 }).period).toBe('hour');
    expect(parseSalary({ min: 25000, max: 25000, period: 'hour' }).period).toBe('year');
    expect(parseSalary({ min: 30000, max: 25000 })).toMatchObject({ min: 25000, max: 30000 });
  });
  it('keeps the text of a figure-less structured value', () => {
    expect(parseSalary({ text: 'negotiable', currency: 'GBP', period: 'year' })).toMatchObject({ min: null, max: null, text: 'negotiable' });
  });
  it('reads a plain-string baseSalary', () => {
    expect(parseSalary('£24k-£27k DOE')).toMatchObject({ min: 24000, max: 27000, period: 'year' });
  });
});
