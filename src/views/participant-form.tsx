import type { FC } from 'hono/jsx';
import type { FieldError } from '../errors.ts';
import { describedBy, ErrorSummary, FieldErrorText, fieldErrorFor, LabelWithHint } from './form-errors.tsx';
import type { ParticipantForm, ParticipantFormField } from './participant-form-data.ts';

export interface ParticipantFormProps {
  action: string;
  values: ParticipantForm;
  errors: readonly FieldError[];
  submitLabel: string;
  /** Prefix for element ids, so two forms can share a page. */
  idPrefix: string;
}

interface FieldSpec {
  name: ParticipantFormField;
  label: string;
  hint?: string;
  kind: 'text' | 'number' | 'lines' | 'remote';
}

const FIELDS: FieldSpec[] = [
  { name: 'reference', label: 'Case reference', hint: 'Your programme’s reference, e.g. CASE-0042', kind: 'text' },
  { name: 'name', label: 'Name', hint: 'Optional: initials are enough', kind: 'text' },
  { name: 'location', label: 'Where they live', hint: 'Town, postcode or lat,lon: only used for travel distance', kind: 'text' },
  { name: 'maxTravelKm', label: 'Furthest they will travel (km)', kind: 'number' },
  { name: 'hoursPerWeek', label: 'Hours a week wanted', kind: 'number' },
  { name: 'salaryFloor', label: 'Lowest acceptable pay (£ a year)', kind: 'number' },
  { name: 'remote', label: 'Remote working', kind: 'remote' },
  {
    name: 'history',
    label: 'Work history',
    hint: 'One job per line, most recent first: job title, years in it[, years since it ended]. E.g. Warehouse operative, 3',
    kind: 'lines',
  },
  { name: 'licences', label: 'Licences, cards and checks', hint: 'One per line: B, C+E, forklift, SIA, CSCS, enhanced DBS, own car…', kind: 'lines' },
  { name: 'skillsAdd', label: 'Skills to add', hint: 'One per line, as the skill list names them (e.g. Operate a forklift)', kind: 'lines' },
  { name: 'skillsRemove', label: 'Skills they do not have', hint: 'One per line: skills their history suggests but they lack', kind: 'lines' },
  { name: 'qualifications', label: 'Qualifications', hint: 'One per line', kind: 'lines' },
];

export const PARTICIPANT_FIELD_LABELS: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f.name, f.label]));

const REMOTE_OPTIONS = [
  { value: '', label: 'Not said' },
  { value: 'onsite', label: 'On site' },
  { value: 'hybrid', label: 'Hybrid' },
  { value: 'remote', label: 'Remote' },
  { value: 'any', label: 'Any' },
];

/** Create and edit forms for a participant: plain POST, labels and errors tied to each field. */
export const ParticipantFormView: FC<ParticipantFormProps> = ({ action, values, errors, submitLabel, idPrefix }) => {
  const id = (n: string) => `${idPrefix}-${n}`;
  return (
    <form method="post" action={action} novalidate>
      <ErrorSummary errors={errors} fieldIds={Object.fromEntries(FIELDS.map((f) => [f.name, id(f.name)]))} labels={PARTICIPANT_FIELD_LABELS} />
      <div class="grid">
        {FIELDS.filter((f) => f.kind !== 'lines').map((f) => {
          const error = fieldErrorFor(errors, f.name);
          const common = {
            id: id(f.name),
            name: f.name,
            'aria-invalid': error ? 'true' : undefined,
            'aria-describedby': describedBy(id(f.name), f.hint, error),
          };
          return (
            <div class={error ? 'field invalid' : 'field'}>
              <LabelWithHint id={id(f.name)} label={f.label} hint={f.hint} />
              {f.kind === 'remote' ? (
                <select {...common}>
                  {REMOTE_OPTIONS.map((o) => (
                    <option value={o.value} selected={(values.remote ?? '') === o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input type="text" inputmode={f.kind === 'number' ? 'decimal' : undefined} value={values[f.name] ?? ''} {...common} />
              )}
              <FieldErrorText id={id(f.name)} error={error} />
            </div>
          );
        })}
      </div>
      {FIELDS.filter((f) => f.kind === 'lines').map((f) => {
        const error = fieldErrorFor(errors, f.name);
        return (
          <div class={error ? 'field invalid' : 'field'}>
            <LabelWithHint id={id(f.name)} label={f.label} hint={f.hint} />
            <textarea
              id={id(f.name)}
              name={f.name}
              rows={f.name === 'history' ? 4 : 3}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={describedBy(id(f.name), f.hint, error)}
            >
              {values[f.name] ?? ''}
            </textarea>
            <FieldErrorText id={id(f.name)} error={error} />
          </div>
        );
      })}
      <button type="submit">{submitLabel}</button>
    </form>
  );
};
