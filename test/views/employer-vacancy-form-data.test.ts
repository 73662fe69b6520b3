import { describe, expect, it } from 'vitest';
import { parseVacancyInput } from '../../src/employers/employer-vacancies.ts';
import { parseDate } from '../../src/vacancies/normalise/dates.ts';
import { formErrorsOf, mergeFormErrors, readVacancyForm, vacancyBodyFromForm } from '../../src/views/employer-vacancy-form-data.ts';

/** The employer form's mapping to the API body and of the API's errors back to the form, checked against the API's own parser. */

const NOW = Date.parse('2026-03-01T09:00:00Z');
const opts = { reference: 'WEB-1', now: NOW };

describe('employer vacancy form → API body', () => {
  it('reads strings only, trims, drops empty fields and keeps the description\u2019s lines', () => {
    expect(readVacancyForm({ title: '  Baker ', location: '', description: ' a\r\nb ', payMin: ['1', '2'], hoursPerWeek: 5 })).toEqual({ title: 'Baker', description: 'a\nb' });
  });

  it('builds a body the API accepts: pay object in GBP, numbers, apply link, closing at the end of the UK day', () => {
    const { body, errors } = vacancyBodyFromForm(
      { title: 'Baker', payMin: '£24,000', payMax: '27000', payPeriod: 'year', hoursPerWeek: '37.5', howToApply: 'www.bakery.example/jobs', closingDate: '2026-07-31' },
      opts,
    );
    expect(errors).toEqual([]);
    expect(body).toEqual({
      reference: 'WEB-1',
      title: 'Baker',
      salary: { min: 24000, max: 27000, currency: 'GBP', period: 'year' },
      hoursPerWeek: 37.5,
      applyUrl: 'https://www.bakery.example/jobs',
      validThrough: '2026-07-31T23:59',
    });
    // British Summer Time: 23:59 in London is 22:59Z.
    expect(new Date(parseDate(body['validThrough'] as string, NOW)!).toISOString()).toBe('2026-07-31T22:59:00.000Z');
    expect(parseVacancyInput(body, NOW).ok).toBe(true);
  });

  it('turns an email address into mailto: and leaves anything else for the API to judge', () => {
    expect(vacancyBodyFromForm({ howToApply: 'jobs@bakery.example' }, opts).body['applyUrl']).toBe('mailto:jobs@bakery.example');
    expect(vacancyBodyFromForm({ howToApply: 'ring us' }, opts).body['applyUrl']).toBe('ring us');
  });

  it('keeps a typed reference and allows a closing date of today', () => {
    const { body, errors } = vacancyBodyFromForm({ title: 'Baker', reference: 'MINE-1', closingDate: '2026-03-01' }, opts);
    expect(errors).toEqual([]);
    expect(body['reference']).toBe('MINE-1');
  });
});

describe('API errors → form errors', () => {
  it('renames paths to form fields, in plain words, one per field, in the form\u2019s order', () => {
    const api = parseVacancyInput({ reference: 'R', title: '', applyUrl: 'javascript:x', salary: { min: -1, max: -2 }, validThrough: 'whenever' }, NOW);
    expect(api.ok).toBe(false);
    const errors = mergeFormErrors([{ path: 'payPeriod', message: 'Choose whether the pay is per hour, day, week, month or year' }], api.ok ? [] : api.errors);
    expect(errors).toEqual([
      { path: 'title', message: 'Enter the job title' },
      { path: 'payMin', message: 'The lowest pay must be an amount of 0 or more' },
      { path: 'payMax', message: 'The highest pay must be an amount of 0 or more' },
      { path: 'payPeriod', message: 'Choose whether the pay is per hour, day, week, month or year' },
      { path: 'closingDate', message: 'Enter the closing date as a date, for example 31/07/2026' },
      { path: 'howToApply', message: 'Enter a web address starting https:// or an email address' },
    ]);
  });

  it('says a closing date beyond the window in plain words', () => {
    const api = parseVacancyInput({ reference: 'R', title: 'Baker', validThrough: '2031-01-01' }, NOW);
    expect(api.ok ? [] : formErrorsOf(api.errors)).toEqual([{ path: 'closingDate', message: 'Choose a closing date no more than 2 years from now' }]);
  });
});
