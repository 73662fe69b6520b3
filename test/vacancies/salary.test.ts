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
  // On-target earnings are never the basic salary: they are kept apart (see the UK board classes below).
  ['OTE £35,000', null, null, 'year'],
  ['£35,000 OTE', null, null, 'year'],
  ['£25,000 basic, OTE £35,000', 25000, 25000, 'year'],
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

describe('salary texts as UK boards write them', () => {
  const ranges: Row[] = [
    // the shorthand range, thousands or unit written once
    ['20-30K', 20000, 30000, 'year'],
    ['36 - 47k', 36000, 47000, 'year'],
    ['£18-22k per annum', 18000, 22000, 'year'],
    ['30-45000', 30000, 45000, 'year'],
    ['£40 - 55,000 DOE', 40000, 55000, 'year'],
    // the unit repeated on each bound
    ['7 per hour to 8.50 per hour', 7, 8.5, 'hour'],
    ['17.00ph to 27.20ph', 17, 27.2, 'hour'],
    ['£400 per day - £450 per day', 400, 450, 'day'],
    ['£26,000 pa to £29,000 pa', 26000, 29000, 'year'],
    // glued period abbreviations
    ['£9.50ph', 9.5, 9.5, 'hour'],
    ['£25000pa', 25000, 25000, 'year'],
    ['£450pw', 450, 450, 'week'],
    // a range restated later in the text
    ['18000 - 26000/annum TO 26K', 18000, 26000, 'year'],
    ['£21,000 - £24,000 per annum (£21k - £24k)', 21000, 24000, 'year'],
    // FTE fractions and grade codes are never money
    ['0.6 FTE, £30,000 pro rata', 30000, 30000, 'year'],
    ['£21,000 - £23,000 pro rata, 0.8 FTE', 21000, 23000, 'year'],
    ['Grade 7 (SCP 22-25) £30,000 - £33,000', 30000, 33000, 'year'],
    ['Grade 5 - 6', null, null, null],
    ['FTE 0.5', null, null, null],
  ];
  it.each(ranges)('%s → %s–%s a %s', (text, min, max, period) => {
    const s = parseSalaryText(text);
    expect([s.min, s.max, s.period]).toEqual([min, max, period]);
  });

  it.each([
    // text, basic [min, max], ote [min, max] | null, extras
    ['£25,000 + £5,000 bonus', [25000, 25000], null, [{ kind: 'bonus', amount: 5000 }]],
    ['£28,000 basic + bonus of up to £5,000', [28000, 28000], null, [{ kind: 'bonus', amount: 5000 }]],
    ['£25k basic, OTE £40k', [25000, 25000], [40000, 40000], []],
    ['£30k - £45k OTE', [null, null], [30000, 45000], []],
    ['Up to £35k OTE', [null, null], [null, 35000], []],
    ['£22,000 - £25,000 + commission', [22000, 25000], null, [{ kind: 'commission', amount: null }]],
    ['£10.50 per hour plus tips', [10.5, 10.5], null, [{ kind: 'tips', amount: null }]],
    ['£30,000 + £3,000 car allowance', [30000, 30000], null, [{ kind: 'allowance', amount: 3000 }]],
    ['£32,000 plus London Weighting of £4,000', [32000, 32000], null, [{ kind: 'allowance', amount: 4000 }]],
    ['£11.44 per hour + £1.50 shift allowance', [11.44, 11.44], null, [{ kind: 'allowance', amount: 1.5 }]],
    ['£24k + £6k annual bonus + overtime', [24000, 24000], null, [{ kind: 'bonus', amount: 6000 }, { kind: 'overtime', amount: null }]],
  ] as [string, [number | null, number | null], [number | null, number | null] | null, unknown[]][])(
    'bonus, OTE, commission, tips and allowances are never the basic: %s',
    (text, basic, ote, extras) => {
      const s = parseSalaryText(text);
      expect([s.min, s.max]).toEqual(basic);
      if (ote) expect([s.ote?.min, s.ote?.max]).toEqual(ote);
      else expect(s.ote).toBeUndefined();
      expect(s.extras ?? []).toEqual(extras);
    },
  );

  it('extras alone give no basic pay (and never throw)', () => {
    expect(parseSalaryText('£5,000 sign-on bonus')).toMatchObject({ min: null, max: null, extras: [{ kind: 'bonus', amount: 5000 }] });
  });

  it('an hourly basic keeps its OTE annual', () => {
    const s = parseSalaryText('£11 per hour, OTE £30k');
    expect(s).toMatchObject({ min: 11, period: 'hour', ote: { max: 30000, annualMax: 30000 } });
  });

  it.each([
    // text, min, max, scale from, to, table
    ['MPS', 31650, 43607, 'M1', 'M6', '2024/25'],
    ['Teachers Main Pay Scale', 31650, 43607, 'M1', 'M6', '2024/25'],
    ['UPS', 45646, 49084, 'U1', 'U3', '2024/25'],
    ['MPS/UPS', 31650, 49084, 'M1', 'U3', '2024/25'],
    ['M1 - U3', 31650, 49084, 'M1', 'U3', '2024/25'],
    ['Teacher pay scale M3-M5', 35674, 39877, 'M3', 'M5', '2024/25'],
  ] as const)('a known, dated pay scale maps to figures: %s', (text, min, max, from, to, table) => {
    expect(parseSalaryText(text)).toMatchObject({ min, max, period: 'year', annualMin: min, scale: { from, to, table } });
  });

  it('uses the teachers\' table in force when the advert was posted', () => {
    expect(parseSalaryText('MPS', { field: true, at: Date.UTC(2024, 0, 10) })).toMatchObject({ min: 30000, max: 41333, scale: { table: '2023/24' } });
  });

  it.each([
    ['Leadership L12-16', 'L12', 'L16'],
    ['L5 - L9', 'L5', 'L9'],
    ['MPS (Inner London)', 'M1', 'M6'],
    ['SCP 22 - 25', '22', '25'],
  ])('a scale with no bundled figures is recognised and its numbers never read as pay: %s', (text, from, to) => {
    const s = parseSalaryText(text);
    expect([s.min, s.max, s.annualMin]).toEqual([null, null, null]);
    expect(s.scale).toMatchObject({ from, to, table: null });
  });

  it.each([
    ['£2 - £30,000', 'implausible-range'],
    ['£1,000 - £45,000 per annum', 'implausible-range'],
    ['£3.00 per hour', 'below-legal-minimum'],
    ['£2.50 - £3.50 per hour', 'below-legal-minimum'],
  ])('implausible figures are flagged and not used for filtering: %s', (text, flag) => {
    const s = parseSalaryText(text);
    expect(s.flags).toContain(flag);
    expect([s.annualMin, s.annualMax]).toEqual([null, null]);
    expect(s.min).not.toBeNull();
  });

  it('the legal floor is the one in force when posted', () => {
    // £6.00 an hour was legal for an apprentice in 2023 (£5.28), not from April 2025 (£7.55).
    expect(parseSalaryText('£6.00 per hour', { field: true, at: Date.UTC(2023, 5, 1) }).flags).toBeUndefined();
    expect(parseSalaryText('£6.00 per hour', { field: true, at: Date.UTC(2025, 5, 1) }).flags).toEqual(['below-legal-minimum']);
  });

  it('plausible figures carry no flags', () => {
    for (const t of ['£12.21 per hour', '£25,000 - £30,000', '£9 - £12 per hour']) expect(parseSalaryText(t).flags).toBeUndefined();
  });
});
