import type { FieldError } from '../errors.ts';
import { CONTRACTS, EMPLOYMENT_TYPES, REMOTE, SALARY_PERIODS } from '../vacancies/model.ts';
import { parseDate } from '../vacancies/normalise/dates.ts';

/**
 * The employer's "Post a vacancy" form and its translation to the employer
 * API's JSON body, so the form posts through the API's own validation
 * (parseVacancyInput) and store (submitVacancy) rather than a copy of them.
 * The form only reads what it alone asks for (pay as two numbers and a
 * period, a closing day, an email address for applying) and maps the API's
 * field errors back onto its own fields, in plain words.
 */
export const VACANCY_FORM_FIELDS = [
  'title',
  'reference',
  'location',
  'remote',
  'description',
  'payMin',
  'payMax',
  'payPeriod',
  'hoursPerWeek',
  'employmentType',
  'contract',
  'closingDate',
  'howToApply',
] as const;
export type VacancyFormField = (typeof VACANCY_FORM_FIELDS)[number];
export type VacancyForm = Partial<Record<VacancyFormField, string>>;

/** What each field is called in an error sentence ("Enter the job title"). */
export const VACANCY_FIELD_NOUNS: Record<VacancyFormField, string> = {
  title: 'the job title',
  reference: 'your reference',
  location: 'the location',
  remote: 'where the work is done',
  description: 'the description',
  payMin: 'the lowest pay',
  payMax: 'the highest pay',
  payPeriod: 'the pay period',
  hoursPerWeek: 'the hours a week',
  employmentType: 'full or part time',
  contract: 'the contract type',
  closingDate: 'the closing date',
  howToApply: 'how to apply',
};

export const PAY_PERIODS = SALARY_PERIODS;
export const FORM_REMOTE = REMOTE;
export const FORM_EMPLOYMENT_TYPES = EMPLOYMENT_TYPES;
export const FORM_CONTRACTS = CONTRACTS;

/** The posted fields, strings only (anything else is ignored), trimmed, empty ones left out. */
export function readVacancyForm(posted: Record<string, unknown>): VacancyForm {
  const form: VacancyForm = {};
  for (const f of VACANCY_FORM_FIELDS) {
    const v = posted[f];
    if (typeof v !== 'string') continue;
    // The description keeps its line breaks; everything else is one line.
    const t = f === 'description' ? v.replace(/\r\n/g, '\n').trim() : v.trim();
    if (t) form[f] = t;
  }
  return form;
}

/** "£12.50", "24,000", "12.5" → a number; null when it is not one. */
function readAmount(text: string): number | null {
  const t = text.replace(/[£,\s]/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

const EMAIL = /^[^\s@:/]+@[^\s@/]+\.[^\s@/]+$/;

/** An email address becomes mailto: and a bare www. address gets https://, as people write them. */
function applyLinkOf(text: string): string {
  if (EMAIL.test(text)) return `mailto:${text}`;
  if (/^www\./i.test(text)) return `https://${text}`;
  return text;
}

/** A day (the date input's YYYY-MM-DD) closes at the end of that day, UK time, not at its first minute. */
function closingTextOf(text: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T23:59` : text;
}

/**
 * Form → the API's JSON body, plus the problems only the form can see: an
 * amount or hours that are not numbers, pay without its period, a lowest pay
 * above the highest, a closing date already past (the API would store that
 * vacancy as closed, which no one posting it means). Everything else is the
 * API's to judge.
 */
export function vacancyBodyFromForm(form: VacancyForm, opts: { reference: string; now: number }): { body: Record<string, unknown>; errors: FieldError[] } {
  const body: Record<string, unknown> = { reference: form.reference ?? opts.reference };
  const errors: FieldError[] = [];
  for (const f of ['title', 'location', 'description', 'remote', 'employmentType', 'contract'] as const) {
    if (form[f]) body[f] = form[f];
  }

  const min = form.payMin ? readAmount(form.payMin) : null;
  const max = form.payMax ? readAmount(form.payMax) : null;
  if (form.payMin && min == null) errors.push({ path: 'payMin', message: 'Enter the lowest pay as an amount, for example 12.50 or 24000' });
  if (form.payMax && max == null) errors.push({ path: 'payMax', message: 'Enter the highest pay as an amount, for example 13.50 or 27000' });
  if (min != null && max != null && min > max) errors.push({ path: 'payMax', message: 'The highest pay is less than the lowest pay' });
  if ((form.payMin || form.payMax) && !form.payPeriod) errors.push({ path: 'payPeriod', message: 'Choose whether the pay is per hour, day, week, month or year' });
  if (min != null || max != null) {
    body['salary'] = {
      ...(min != null ? { min } : {}),
      ...(max != null ? { max } : {}),
      currency: 'GBP',
      ...(form.payPeriod ? { period: form.payPeriod } : {}),
    };
  }

  if (form.hoursPerWeek) {
    const h = readAmount(form.hoursPerWeek);
    if (h == null) errors.push({ path: 'hoursPerWeek', message: 'Enter the hours a week as a number, for example 37.5' });
    else body['hoursPerWeek'] = h;
  }

  if (form.closingDate) {
    const text = closingTextOf(form.closingDate);
    body['validThrough'] = text;
    const at = parseDate(text, opts.now);
    if (at != null && at < opts.now) errors.push({ path: 'closingDate', message: 'The closing date has passed: choose today or a later date' });
  }

  if (form.howToApply) body['applyUrl'] = applyLinkOf(form.howToApply);
  return { body, errors };
}

/** API field paths → form fields. */
function formFieldOf(path: string): string {
  const [head, sub] = path.split('.');
  if (head === 'salary') return sub === 'max' ? 'payMax' : sub === 'period' ? 'payPeriod' : 'payMin';
  if (head === 'applyUrl') return 'howToApply';
  if (head === 'validThrough') return 'closingDate';
  return head ?? '';
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One API message, said about a form field in plain words. */
function plainFormMessage(field: string, message: string): string {
  const noun = VACANCY_FIELD_NOUNS[field as VacancyFormField] ?? 'this field';
  if (/^(?:is required|must not be empty)$/.test(message)) return `Enter ${noun}`;
  const tooLong = /^must be at most (\d+) characters$/.exec(message);
  if (tooLong) return `${capitalise(noun)} must be ${Number(tooLong[1]).toLocaleString('en-GB')} characters or fewer`;
  if (field === 'howToApply') return 'Enter a web address starting https:// or an email address';
  if (field === 'closingDate') {
    if (message.startsWith('is not a date')) return 'Enter the closing date as a date, for example 31/07/2026';
    return 'Choose a closing date no more than 2 years from now';
  }
  if (field === 'hoursPerWeek') return 'Enter the hours a week as a number more than 0 and at most 168';
  if (field === 'payMin' || field === 'payMax') return `${capitalise(noun)} must be an amount of 0 or more`;
  if (/^must be one of/.test(message)) return `Choose ${noun} from the list`;
  return `${capitalise(noun)} ${message}`;
}

/**
 * The API's field errors in the form's terms (`salary.max` → payMax,
 * `applyUrl` → howToApply), each in plain words naming its field, never the
 * validator's own text. One message per field: the first is enough to fix it.
 */
export function formErrorsOf(apiErrors: readonly FieldError[]): FieldError[] {
  const out: FieldError[] = [];
  for (const e of apiErrors) {
    const field = formFieldOf(e.path);
    if (out.some((o) => o.path === field)) continue;
    out.push({ path: field, message: plainFormMessage(field, e.message) });
  }
  return out;
}

/** Form errors and API errors together, the form's own first, one per field. */
export function mergeFormErrors(own: readonly FieldError[], api: readonly FieldError[]): FieldError[] {
  const out = [...own.filter((e, i) => own.findIndex((o) => o.path === e.path) === i)];
  for (const e of formErrorsOf(api)) if (!out.some((o) => o.path === e.path)) out.push(e);
  // In the order the fields appear on the form, so the summary reads top to bottom.
  const order = (p: string) => {
    const i = VACANCY_FORM_FIELDS.indexOf(p as VacancyFormField);
    return i < 0 ? VACANCY_FORM_FIELDS.length : i;
  };
  return out.sort((a, b) => order(a.path) - order(b.path));
}
