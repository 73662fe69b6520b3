import type { FC } from 'hono/jsx';
import type { FieldError } from '../errors.ts';

/** The first error message for a form field: the API path's first segment names the field (`history.2.years` → history). */
export function fieldErrorFor(errors: readonly FieldError[], field: string): string | null {
  const hit = errors.find((e) => (e.path.split('.')[0] ?? '') === field);
  if (!hit) return null;
  const rest = hit.path.split('.').slice(1);
  // List entries: say which line, counting from 1 as people do.
  const line = rest.find((s) => /^\d+$/.test(s));
  return line != null ? `Line ${Number(line) + 1}: ${hit.message}` : hit.message;
}

/** An error summary at the top of a form, linking to each field (announced to screen readers). */
export const ErrorSummary: FC<{ errors: readonly FieldError[]; fieldIds?: Record<string, string>; labels?: Record<string, string> }> = ({
  errors,
  fieldIds = {},
  labels = {},
}) =>
  errors.length ? (
    <div class="errors" role="alert">
      <p>
        <strong>Please correct {errors.length === 1 ? 'this' : `these ${errors.length}`}:</strong>
      </p>
      <ul>
        {errors.map((e) => {
          const field = e.path.split('.')[0] ?? '';
          const id = fieldIds[field] ?? field;
          const line = e.path.split('.').slice(1).find((s) => /^\d+$/.test(s));
          const where = `${labels[field] ?? field}${line != null ? `, line ${Number(line) + 1}` : ''}`;
          return <li>{id ? <a href={`#${id}`}>{`${where}: ${e.message}`}</a> : e.message}</li>;
        })}
      </ul>
    </div>
  ) : null;

/** aria-describedby for a control: its hint and its error, when present (ids `<id>-hint`, `<id>-error`). */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A label and, outside it, its hint: the control's name stays short and the hint is read as its description. */
export const LabelWithHint: FC<{ id: string; label: string; hint?: string | null }> = ({ id, label, hint }) => (
  <>
    <label for={id}>{label}</label>
    {hint ? (
      <span class="hint" id={`${id}-hint`}>
        {hint}
      </span>
    ) : null}
  </>
);

/** The error line under a field; its id is what the field's aria-describedby names (describedBy above). */
export const FieldErrorText: FC<{ id: string; error: string | null | undefined }> = ({ id, error }) =>
  error ? (
    <span class="error-text" id={`${id}-error`}>
      {error}
    </span>
  ) : null;
