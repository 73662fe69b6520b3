import type { FC } from 'hono/jsx';
import type { FieldError } from '../errors.ts';
import { LICENCE_SUGGESTIONS } from '../participants/licences.ts';
import { HOURS_PATTERNS, MUST_PREFERENCES, SHIFT_PATTERNS } from '../participants/preferences.ts';
import { HOURS_WORDS, MUST_WORDS, SHIFT_WORDS } from './preference-words.ts';
import type { FormSuggestions } from '../taxonomy/form-suggestions.ts';
import { describedBy, ErrorSummary, FieldErrorText, fieldErrorFor, LabelWithHint } from './form-errors.tsx';
import { historyRowsOf, type ParticipantForm, type ParticipantFormField } from './participant-form-data.ts';

export interface ParticipantFormProps {
  action: string;
  values: ParticipantForm;
  errors: readonly FieldError[];
  submitLabel: string;
  /** Prefix for element ids, so two forms can share a page. */
  idPrefix: string;
  /** Occupation titles and skill labels for the <datalist>s (omitted: no suggestions). */
  suggestions?: FormSuggestions;
}

type ListField = 'history' | 'skillsAdd' | 'skillsRemove' | 'licences' | 'qualifications' | 'targets';

interface FieldSpec {
  name: ParticipantFormField;
  label: string;
  hint?: string;
  kind: 'text' | 'number' | 'remote' | 'list';
  /** For number fields: `numeric` brings up the digit keypad; `decimal` adds the point for values like 37.5. */
  inputmode?: 'numeric' | 'decimal';
  /** For list fields: the datalist each entry suggests from, and how many empty entries to offer. */
  list?: 'occupations' | 'skills' | 'licences';
  blanks?: number;
}

const FIELDS: FieldSpec[] = [
  { name: 'reference', label: 'Case reference', hint: 'Your programme’s reference, e.g. CASE-0042', kind: 'text' },
  { name: 'name', label: 'Name', hint: 'Optional: initials are enough', kind: 'text' },
  { name: 'location', label: 'Where they live', hint: 'Town, postcode or lat,lon: only used for travel distance', kind: 'text' },
  { name: 'maxTravelKm', label: 'Furthest they will travel (km)', hint: 'Whole kilometres, e.g. 25', kind: 'number', inputmode: 'numeric' },
  { name: 'hoursPerWeek', label: 'Hours a week wanted', hint: 'e.g. 37.5', kind: 'number', inputmode: 'decimal' },
  { name: 'salaryFloor', label: 'Lowest acceptable pay (£ a year)', hint: 'e.g. 21000', kind: 'number', inputmode: 'numeric' },
  { name: 'remote', label: 'Remote working', kind: 'remote' },
  {
    name: 'history',
    label: 'Work history',
    hint: 'One job per box, most recent first: job title, years in it[, years since it ended]. E.g. Warehouse operative, 3',
    kind: 'list',
    list: 'occupations',
    blanks: 2,
  },
  {
    name: 'targets',
    label: 'Jobs they are aiming for',
    hint: 'One per box, up to 5: what they want to do, e.g. HGV driver. Shown with its gaps even when their skills are far from it',
    kind: 'list',
    list: 'occupations',
    blanks: 1,
  },
  { name: 'licences', label: 'Licences, cards and checks', hint: 'One per box: B, C+E, forklift, SIA, CSCS, enhanced DBS, own car…', kind: 'list', list: 'licences', blanks: 2 },
  {
    name: 'skillsAdd',
    label: 'Skills to add',
    hint: 'One per box, as the skill list names them or in your own words (e.g. Operate a forklift)',
    kind: 'list',
    list: 'skills',
    blanks: 2,
  },
  { name: 'skillsRemove', label: 'Skills they do not have', hint: 'One per box: skills their history suggests but they lack', kind: 'list', list: 'skills', blanks: 1 },
  { name: 'qualifications', label: 'Qualifications', hint: 'One per box', kind: 'list', blanks: 1 },
];

/** The working-conditions fields, drawn as their own controls (a select and two groups of checkboxes). */
const CONDITION_FIELDS = [
  { name: 'hoursPattern', label: 'Hours pattern wanted' },
  { name: 'avoidShifts', label: 'Shifts they cannot work' },
  { name: 'must', label: 'Hard limits' },
] as const;

export const PARTICIPANT_FIELD_LABELS: Record<string, string> = Object.fromEntries([...FIELDS, ...CONDITION_FIELDS].map((f) => [f.name, f.label]));

/** A group of checkboxes posting under one name; ticked boxes come from the field's lines. */
const CheckboxGroup: FC<{ id: string; name: string; legend: string; hint: string; options: readonly string[]; words: Record<string, string>; value: string | undefined; error: string | null }> = (p) => {
  const ticked = new Set(entriesOf(p.value));
  return (
    <fieldset class={p.error ? 'field checks invalid' : 'field checks'} aria-describedby={describedBy(p.id, p.hint, p.error)}>
      <legend>{p.legend}</legend>
      <span class="hint" id={`${p.id}-hint`}>
        {p.hint}
      </span>
      <FieldErrorText id={p.id} error={p.error} />
      <ul class="checks">
        {p.options.map((o, i) => (
          <li>
            <input type="checkbox" id={i === 0 ? p.id : `${p.id}-${o}`} name={p.name} value={o} checked={ticked.has(o)} />{' '}
            <label for={i === 0 ? p.id : `${p.id}-${o}`}>{p.words[o] ?? o}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
};

/** Hours pattern, shifts ruled out, and which preferences are hard limits (a vacancy breaking one is left out of matches). */
const WorkingConditions: FC<{ values: ParticipantForm; errors: readonly FieldError[]; id: (n: string) => string }> = ({ values, errors, id }) => {
  const hoursError = fieldErrorFor(errors, 'hoursPattern');
  const hint = 'Preferences order the matches; a hard limit leaves out vacancies known to break it';
  return (
    <div class="grid conditions">
      <div class={hoursError ? 'field invalid' : 'field'}>
        <LabelWithHint id={id('hoursPattern')} label="Hours pattern wanted" hint={hint} />
        <select id={id('hoursPattern')} name="hoursPattern" aria-invalid={hoursError ? 'true' : undefined} aria-describedby={describedBy(id('hoursPattern'), hint, hoursError)}>
          <option value="" selected={!values.hoursPattern}>
            Not said
          </option>
          {HOURS_PATTERNS.map((h) => (
            <option value={h} selected={values.hoursPattern === h}>
              {HOURS_WORDS[h]}
            </option>
          ))}
        </select>
        <FieldErrorText id={id('hoursPattern')} error={hoursError} />
      </div>
      <CheckboxGroup
        id={id('avoidShifts')}
        name="avoidShifts"
        legend="Shifts they cannot work"
        hint="Tick all that apply"
        options={SHIFT_PATTERNS}
        words={SHIFT_WORDS}
        value={values.avoidShifts}
        error={fieldErrorFor(errors, 'avoidShifts') ?? entryErrorOf(errors, 'avoidShifts')}
      />
      <CheckboxGroup
        id={id('must')}
        name="must"
        legend="Hard limits"
        hint="Ticked: vacancies known to break it are left out, not just ranked lower"
        options={MUST_PREFERENCES}
        words={MUST_WORDS}
        value={values.must}
        error={fieldErrorFor(errors, 'must') ?? entryErrorOf(errors, 'must')}
      />
    </div>
  );
};

/** Any error on one entry of a list field (`must.1`), for a group shown as one control. */
const entryErrorOf = (errors: readonly FieldError[], field: string) => errors.find((e) => e.path.startsWith(`${field}.`))?.message ?? null;

const REMOTE_OPTIONS = [
  { value: '', label: 'Not said' },
  { value: 'onsite', label: 'On site' },
  { value: 'hybrid', label: 'Hybrid' },
  { value: 'remote', label: 'Remote' },
  { value: 'any', label: 'Any' },
];

/** The entries of a list field as typed (one a line), each shown in its own box so its error sits beside it. */
const entriesOf = (v: string | undefined) =>
  (v ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The error of entry `i` of a list field (`history.2.years` → entry 2), in plain words. */
function entryError(errors: readonly FieldError[], field: string, i: number): string | null {
  const hit = errors.find((e) => e.path === `${field}.${i}`) ?? errors.find((e) => e.path.startsWith(`${field}.${i}.`));
  return hit?.message ?? null;
}

const HISTORY_BOX_WORDS: Record<string, string> = { title: 'Job title', years: 'Years in it', endedYearsAgo: 'Ended (years ago)' };

const HISTORY_HINT =
  'Most recent first. Years in the job, and for a past job how many years ago it ended (leave empty to count back from the jobs above).';

/** Work history, one row per job: a job title with occupation suggestions, years in it, years since it ended. */
const HistoryRows: FC<{ values: ParticipantForm; errors: readonly FieldError[]; id: (n: string) => string; list: string | undefined }> = ({ values, errors, id, list }) => {
  const rows = historyRowsOf(values.history);
  const boxes = [...rows, { title: '', years: '', ended: '' }, { title: '', years: '', ended: '' }];
  const rowError = (i: number) => {
    const whole = errors.find((e) => e.path === `history.${i}`);
    if (whole) return whole.message;
    const part = errors.find((e) => e.path.startsWith(`history.${i}.`));
    if (!part) return null;
    const box = HISTORY_BOX_WORDS[part.path.split('.')[2] ?? ''];
    return box ? `${box}: ${part.message}` : part.message;
  };
  return (
    <fieldset class={rows.some((_, i) => rowError(i)) ? 'field list invalid' : 'field list'} aria-describedby={`${id('history')}-hint`}>
      <legend>Work history</legend>
      <span class="hint" id={`${id('history')}-hint`}>
        {HISTORY_HINT}
      </span>
      <ol class="entries history-rows">
        {boxes.map((r, i) => {
          const base = i === 0 ? id('history') : `${id('history')}-${i}`;
          const error = i < rows.length ? rowError(i) : null;
          const described = error ? `${base}-error` : undefined;
          return (
            <li class={error ? 'invalid' : undefined}>
              <div class="history-row">
                <span class="title-box">
                  <label for={base}>{`Job ${i + 1}: title`}</label>
                  <input type="text" id={base} name="historyTitle" value={r.title} list={list} autocomplete="off" aria-invalid={error ? 'true' : undefined} aria-describedby={described} />
                </span>
                <span>
                  <label for={`${base}-years`}>
                    <span class="visually-hidden">{`Job ${i + 1}: `}</span>Years in it
                  </label>
                  <input type="text" inputmode="decimal" id={`${base}-years`} name="historyYears" value={r.years} aria-invalid={error ? 'true' : undefined} aria-describedby={described} />
                </span>
                <span>
                  <label for={`${base}-ended`}>
                    <span class="visually-hidden">{`Job ${i + 1}: `}</span>Ended (years ago)
                  </label>
                  <input type="text" inputmode="decimal" id={`${base}-ended`} name="historyEnded" value={r.ended} />
                </span>
              </div>
              <FieldErrorText id={base} error={error} />
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
};

/**
 * Create and edit forms for a participant: plain POST, labels and errors
 * tied to each field, all problems listed at once. A list (history,
 * licences, skills, qualifications) is one box per entry with suggestions
 * from the server's taxonomy; the boxes post under one name and reach the
 * same parser as a line each, and clearing a box removes that entry.
 */
export const ParticipantFormView: FC<ParticipantFormProps> = ({ action, values, errors, submitLabel, idPrefix, suggestions }) => {
  const id = (n: string) => `${idPrefix}-${n}`;
  const listId = (l: NonNullable<FieldSpec['list']>) => (l === 'licences' || suggestions ? `${idPrefix}-${l}-suggestions` : undefined);
  return (
    <form method="post" action={action} novalidate>
      <ErrorSummary errors={errors} fieldIds={Object.fromEntries([...FIELDS, ...CONDITION_FIELDS].map((f) => [f.name, id(f.name)]))} labels={PARTICIPANT_FIELD_LABELS} />
      <div class="grid">
        {FIELDS.filter((f) => f.kind !== 'list').map((f) => {
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
                <input type="text" inputmode={f.inputmode} value={values[f.name] ?? ''} {...common} />
              )}
              <FieldErrorText id={id(f.name)} error={error} />
            </div>
          );
        })}
      </div>
      <WorkingConditions values={values} errors={errors} id={id} />
      <HistoryRows values={values} errors={errors} id={id} list={suggestions ? `${idPrefix}-occupations-suggestions` : undefined} />
      {FIELDS.filter((f) => f.kind === 'list' && f.name !== 'history').map((f) => {
        const entries = entriesOf(values[f.name as ListField]);
        const boxes = [...entries, ...Array.from({ length: f.blanks ?? 1 }, () => '')];
        const anyError = entries.some((_, i) => entryError(errors, f.name, i)) || Boolean(fieldErrorFor(errors, f.name));
        const list = f.list ? listId(f.list) : undefined;
        return (
          <fieldset class={anyError ? 'field list invalid' : 'field list'} aria-describedby={f.hint ? `${id(f.name)}-hint` : undefined}>
            <legend>{f.label}</legend>
            {f.hint ? (
              <span class="hint" id={`${id(f.name)}-hint`}>
                {f.hint}
              </span>
            ) : null}
            <ol class="entries">
              {boxes.map((v, i) => {
                const boxId = i === 0 ? id(f.name) : `${id(f.name)}-${i}`;
                const error = i < entries.length ? entryError(errors, f.name, i) : null;
                return (
                  <li class={error ? 'invalid' : undefined}>
                    <label for={boxId} class="visually-hidden">
                      {`${f.label}, entry ${i + 1}`}
                    </label>
                    <input
                      type="text"
                      id={boxId}
                      name={f.name}
                      value={v}
                      list={list}
                      autocomplete="off"
                      aria-invalid={error ? 'true' : undefined}
                      aria-describedby={error ? `${boxId}-error` : undefined}
                    />
                    <FieldErrorText id={boxId} error={error} />
                  </li>
                );
              })}
            </ol>
          </fieldset>
        );
      })}
      {suggestions ? (
        <>
          <datalist id={`${idPrefix}-occupations-suggestions`}>
            {suggestions.occupations.map((o) => (
              <option value={o} />
            ))}
          </datalist>
          <datalist id={`${idPrefix}-skills-suggestions`}>
            {suggestions.skills.map((s) => (
              <option value={s} />
            ))}
          </datalist>
        </>
      ) : null}
      <datalist id={`${idPrefix}-licences-suggestions`}>
        {LICENCE_SUGGESTIONS.map((l) => (
          <option value={l} />
        ))}
      </datalist>
      <p class="hint">To remove an entry, clear its box. Save to get more empty boxes.</p>
      <button type="submit">{submitLabel}</button>
    </form>
  );
};
