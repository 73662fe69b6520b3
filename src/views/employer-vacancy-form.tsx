import type { FC } from 'hono/jsx';
import type { FieldError } from '../errors.ts';
import { describeValue } from './format.ts';
import { describedBy, FieldErrorText, LabelWithHint } from './form-errors.tsx';
import { FORM_CONTRACTS, FORM_EMPLOYMENT_TYPES, FORM_REMOTE, PAY_PERIODS, type VacancyForm, type VacancyFormField } from './employer-vacancy-form-data.ts';
import { Layout } from './layout.tsx';

export interface EmployerVacancyFormPageProps {
  employer: { name: string };
  values: VacancyForm;
  errors: readonly FieldError[];
}

const LABELS: Record<VacancyFormField, string> = {
  title: 'Job title',
  reference: 'Your reference (optional)',
  location: 'Where the job is',
  remote: 'On site or remote',
  description: 'Description',
  payMin: 'Lowest pay (£)',
  payMax: 'Highest pay (£, optional)',
  payPeriod: 'Pay is per',
  hoursPerWeek: 'Hours a week',
  employmentType: 'Full or part time',
  contract: 'Contract type',
  closingDate: 'Closing date',
  howToApply: 'How to apply',
};

const HINTS: Partial<Record<VacancyFormField, string>> = {
  reference: 'Your own code for this job, e.g. WH-2026-07. Leave empty and we make one up.',
  location: 'Town and postcode, e.g. Leeds LS11 5QN',
  description: 'What the job involves and what you are looking for. Plain text; blank lines start a new paragraph.',
  payMin: 'e.g. 12.60 an hour or 24000 a year',
  payMax: 'For a range; leave empty for a single rate',
  hoursPerWeek: 'e.g. 37.5',
  closingDate: 'Applications close at the end of this day. Leave empty for no fixed date.',
  howToApply: 'A web address (https://…) or an email address',
};

const PERIOD_WORDS: Record<string, string> = { hour: 'hour', day: 'day', week: 'week', month: 'month', year: 'year' };

const errorOf = (errors: readonly FieldError[], f: VacancyFormField) => errors.find((e) => e.path === f)?.message ?? null;

/** The id of a field's control, so the error summary can link to it. */
const idOf = (f: VacancyFormField) => `vf-${f}`;

type Kind = { type: 'text'; inputmode?: 'decimal'; autocomplete?: string } | { type: 'date' } | { type: 'textarea' } | { type: 'select'; options: readonly string[]; words: (v: string) => string };

const KINDS: Record<VacancyFormField, Kind> = {
  title: { type: 'text' },
  reference: { type: 'text' },
  location: { type: 'text' },
  remote: { type: 'select', options: FORM_REMOTE, words: describeValue },
  description: { type: 'textarea' },
  payMin: { type: 'text', inputmode: 'decimal' },
  payMax: { type: 'text', inputmode: 'decimal' },
  payPeriod: { type: 'select', options: PAY_PERIODS, words: (v) => PERIOD_WORDS[v] ?? v },
  hoursPerWeek: { type: 'text', inputmode: 'decimal' },
  employmentType: { type: 'select', options: FORM_EMPLOYMENT_TYPES, words: describeValue },
  contract: { type: 'select', options: FORM_CONTRACTS, words: describeValue },
  closingDate: { type: 'date' },
  howToApply: { type: 'text' },
};

/** One labelled control with its hint and, when it has one, its error right beside it. */
const Field: FC<{ name: VacancyFormField; values: VacancyForm; errors: readonly FieldError[]; required?: boolean }> = ({ name, values, errors, required }) => {
  const id = idOf(name);
  const hint = HINTS[name];
  const error = errorOf(errors, name);
  const kind = KINDS[name];
  const common = {
    id,
    name,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, hint, error),
    'aria-required': required ? ('true' as const) : undefined,
  };
  const value = values[name] ?? '';
  return (
    <div class={error ? `field invalid f-${name}` : `field f-${name}`}>
      <LabelWithHint id={id} label={LABELS[name]} hint={hint ?? null} />
      {kind.type === 'textarea' ? (
        <textarea rows={8} {...common}>
          {value}
        </textarea>
      ) : kind.type === 'select' ? (
        <select {...common}>
          <option value="" selected={!value}>
            {name === 'payPeriod' ? 'Choose' : 'Not said'}
          </option>
          {kind.options.map((o) => (
            <option value={o} selected={value === o}>
              {kind.words(o)}
            </option>
          ))}
        </select>
      ) : kind.type === 'date' ? (
        <input type="date" value={value} {...common} />
      ) : (
        <input type="text" inputmode={kind.inputmode} value={value} autocomplete="off" {...common} />
      )}
      <FieldErrorText id={id} error={error} />
    </div>
  );
};

/** Every problem at the top, each a link to its field; the messages name their field, so they read alone. */
const ErrorList: FC<{ errors: readonly FieldError[] }> = ({ errors }) =>
  errors.length ? (
    <div class="errors" role="alert">
      <p>
        <strong>{errors.length === 1 ? 'There is a problem:' : `There are ${errors.length} problems:`}</strong>
      </p>
      <ul>
        {errors.map((e) => (
          <li>{e.path in LABELS ? <a href={`#${idOf(e.path as VacancyFormField)}`}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  ) : null;

/**
 * "Post a vacancy": a plain POST form, no scripts. Required fields are
 * marked, numbers bring up the phone's number pad, and after a failed post
 * it shows what was typed with every problem listed at once and again next
 * to its field. `novalidate`: the server's messages, not the browser's.
 */
export const EmployerVacancyFormPage: FC<EmployerVacancyFormPageProps> = ({ employer, values, errors }) => (
  <Layout title={errors.length ? 'Error: Post a vacancy' : 'Post a vacancy'} coach={null} employer={employer} employerSection="post" brandHref="/employer">
    <h1>Post a vacancy</h1>
    <p class="lead">Coaches see it in their searches as soon as it is posted. Only the job title is required.</p>
    <form method="post" action="/employer/vacancies" novalidate class="vacancy-form">
      <ErrorList errors={errors} />
      <Field name="title" values={values} errors={errors} required />
      <Field name="reference" values={values} errors={errors} />
      <div class="grid">
        <Field name="location" values={values} errors={errors} />
        <Field name="remote" values={values} errors={errors} />
      </div>
      <Field name="description" values={values} errors={errors} />
      <fieldset class="field pay">
        <legend>Pay</legend>
        <div class="grid">
          <Field name="payMin" values={values} errors={errors} />
          <Field name="payMax" values={values} errors={errors} />
          <Field name="payPeriod" values={values} errors={errors} />
        </div>
      </fieldset>
      <div class="grid">
        <Field name="hoursPerWeek" values={values} errors={errors} />
        <Field name="employmentType" values={values} errors={errors} />
        <Field name="contract" values={values} errors={errors} />
      </div>
      <div class="grid">
        <Field name="closingDate" values={values} errors={errors} />
        <Field name="howToApply" values={values} errors={errors} />
      </div>
      <div class="actions">
        <button type="submit">Post vacancy</button>
        <a href="/employer">Cancel</a>
      </div>
    </form>
  </Layout>
);
