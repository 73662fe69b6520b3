import { describe, expect, it } from 'vitest';
import { DATE_WINDOWS, isInDateWindow, readableDateOrNull } from '../../src/vacancies/date-window.ts';
import { isSafeLink } from '../../src/vacancies/link-url.ts';
import { parseDate, parseDateInWindow, readVacancyDates } from '../../src/vacancies/normalise/dates.ts';

const now = Date.parse('2025-06-02T09:00:00Z');
const DAY = 86_400_000;

describe('the date window', () => {
  it.each([
    ['datePosted', now - DATE_WINDOWS.datePosted.pastMs, true],
    ['datePosted', now - DATE_WINDOWS.datePosted.pastMs - 1, false],
    ['datePosted', now + DAY, true],
    ['datePosted', now + DAY + 1, false],
    ['validThrough', now + DATE_WINDOWS.validThrough.futureMs, true],
    ['validThrough', now + DATE_WINDOWS.validThrough.futureMs + 1, false],
    ['validThrough', Number.NaN, false],
    ['validThrough', Number.POSITIVE_INFINITY, false],
  ] as const)('%s at %d → %s', (field, ms, ok) => expect(isInDateWindow(field, ms, now)).toBe(ok));

  it.each([
    [-8.6e16, null],
    [1e300, null],
    [Number.NaN, null],
    [Date.UTC(1850, 0, 1), null],
    [Date.UTC(10000, 0, 1), null],
    [null, null],
    [now, now],
  ])('a stored %d reads as %s', (ms, out) => expect(readableDateOrNull(ms)).toBe(out));

  it('epoch milliseconds, however absurd, parse as numbers so the window can judge them', () => {
    expect(parseDate('1748736000000', now)).toBe(1748736000000);
    expect(parseDate('1e+20', now)).toBe(1e20);
    expect(parseDateInWindow('datePosted', '1e+20', now)).toBeNull();
    expect(parseDateInWindow('datePosted', '1000000000 days ago', now)).toBeNull();
    expect(parseDateInWindow('datePosted', '3 days ago', now)).toBe(now - 3 * DAY);
  });

  it('strict mode names unreadable text; lenient mode lets it through as no date; both refuse out-of-window dates', () => {
    const raw = { datePosted: 'ASAP', validThrough: '9999-12-31' };
    expect(readVacancyDates(raw, now, 'strict', 'items.2').errors.map((e) => e.path)).toEqual(['items.2.datePosted', 'items.2.validThrough']);
    expect(readVacancyDates(raw, now, 'lenient').errors.map((e) => e.path)).toEqual(['validThrough']);
    expect(readVacancyDates({ datePosted: '2025-06-01' }, now, 'strict')).toEqual({ datePosted: Date.UTC(2025, 5, 1), validThrough: null, errors: [] });
  });
});

describe('isSafeLink', () => {
  it.each([
    ['https://careers.example.com/jobs/1', {}, true],
    ['HTTP://EXAMPLE.COM', {}, true],
    ['mailto:jobs@example.com', {}, false],
    ['mailto:jobs@example.com', { allowMailto: true }, true],
    ['mailto:', { allowMailto: true }, false],
    ['javascript:alert(1)', {}, false],
    [' java\tscript:alert(1)', {}, false],
    ['javascript&#58;alert(1)', {}, false],
    ['data:text/html,x', {}, false],
    ['vbscript:x', {}, false],
    ['https://example.com/\u0000', {}, false],
    ['https:Y/', {}, false],
    ['https:\\\\example.com/x', {}, false],
    ['example.com/jobs', {}, false],
  ] as const)('%j %j → %s', (url, opts, ok) => expect(isSafeLink(url, opts)).toBe(ok));
});
