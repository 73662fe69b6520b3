import type { FieldError } from '../errors.ts';
import type { ParticipantJson } from '../routes/participants/json.ts';

/**
 * The participant form's fields and their translation to and from the
 * participant API body, so the form posts through the same
 * createParticipant / updateParticipant (and their validation) as the JSON
 * API. Lists are one entry per line; a history line is
 * `job title, years[, years since it ended]`, with an occupation id in
 * brackets when the coach picked one (`Warehouse worker [soc:9252], 3`).
 */
export const PARTICIPANT_FORM_FIELDS = [
  'reference',
  'name',
  'location',
  'maxTravelKm',
  'hoursPerWeek',
  'salaryFloor',
  'remote',
  'history',
  'skillsAdd',
  'skillsRemove',
  'licences',
  'qualifications',
] as const;
export type ParticipantFormField = (typeof PARTICIPANT_FORM_FIELDS)[number];
export type ParticipantForm = Partial<Record<ParticipantFormField, string>>;

export type { ParticipantJson };

/** The posted fields (strings only; anything else is ignored). */
export function readParticipantForm(posted: Record<string, unknown>): ParticipantForm {
  const form: ParticipantForm = {};
  for (const f of PARTICIPANT_FORM_FIELDS) {
    const v = posted[f];
    if (typeof v === 'string') form[f] = v;
  }
  return form;
}

const lines = (s: string | undefined) =>
  (s ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const OCCUPATION_ID = /^(soc|esco|onet|isco):\S+$/i;
const YEARS = String.raw`(\d+(?:\.\d+)?)\s*(?:y(?:ea)?rs?)?`;
const HISTORY_LINE = new RegExp(String.raw`^(.+?)\s*[,;]\s*${YEARS}(?:\s*[,;]\s*(?:ended\s*)?${YEARS}(?:\s*ago)?)?\s*$`, 'i');

/** One history line → an API history entry, or null when it cannot be read. */
export function parseHistoryLine(line: string): { title?: string; occupation?: string; years: number; endedYearsAgo?: number } | null {
  const m = HISTORY_LINE.exec(line);
  if (!m?.[1] || m[2] == null) return null;
  let title = m[1].trim();
  let occupation: string | undefined;
  const bracket = /^(.*?)\s*\[([^\]]+)\]$/.exec(title);
  if (bracket) {
    title = (bracket[1] ?? '').trim();
    occupation = (bracket[2] ?? '').trim();
  } else if (OCCUPATION_ID.test(title)) {
    occupation = title;
    title = '';
  }
  return {
    ...(title ? { title } : {}),
    ...(occupation ? { occupation } : {}),
    years: Number(m[2]),
    ...(m[3] != null ? { endedYearsAgo: Number(m[3]) } : {}),
  };
}

/**
 * Form → API body. `create` leaves out what is empty; `update` sends every
 * field, empty ones as null or [], because the edit form shows them all and
 * clearing a box means "remove it". Numbers the form cannot read come back
 * as field errors in form-field terms, like the API's own.
 */
export function participantBodyFromForm(form: ParticipantForm, mode: 'create' | 'update'): { body: Record<string, unknown>; errors: FieldError[] } {
  const body: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const text = (f: 'reference' | 'name' | 'location') => {
    const v = form[f]?.trim();
    if (v) body[f] = v;
    else if (mode === 'update') body[f] = null;
  };
  const num = (f: 'maxTravelKm' | 'hoursPerWeek' | 'salaryFloor') => {
    const v = form[f]?.trim().replace(/[£,\s]/g, '');
    if (!v) {
      if (mode === 'update') body[f] = null;
      return;
    }
    const n = Number(v);
    if (Number.isFinite(n)) body[f] = n;
    else errors.push({ path: f, message: 'enter a number' });
  };
  text('reference');
  text('name');
  text('location');
  num('maxTravelKm');
  num('hoursPerWeek');
  num('salaryFloor');
  const remote = form.remote?.trim();
  if (remote) body['remote'] = remote;
  else if (mode === 'update') body['remote'] = null;

  const history: unknown[] = [];
  lines(form.history).forEach((l, i) => {
    const h = parseHistoryLine(l);
    if (h) history.push(h);
    else errors.push({ path: `history.${i}`, message: `write the job, then the years in it, e.g. "Warehouse operative, 3" (got "${l}")` });
  });
  if (history.length || mode === 'update') body['history'] = history;

  const add = lines(form.skillsAdd);
  const remove = lines(form.skillsRemove);
  if (add.length || remove.length || mode === 'update') body['skills'] = { add, remove };
  const licences = lines(form.licences);
  if (licences.length || mode === 'update') body['licences'] = licences;
  const qualifications = lines(form.qualifications);
  if (qualifications.length || mode === 'update') body['qualifications'] = qualifications;
  return { body, errors };
}

/** An API error path in form-field terms: `skills.add.2` → `skillsAdd.2`. */
export function formPathOf(path: string): string {
  return path.replace(/^skills\.add\b/, 'skillsAdd').replace(/^skills\.remove\b/, 'skillsRemove');
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** The edit form, filled from a participant as the API shows them. */
export function participantFormFromJson(p: ParticipantJson): ParticipantForm {
  return {
    reference: p.reference ?? '',
    name: p.name ?? '',
    location: p.location?.text ?? '',
    maxTravelKm: p.maxTravelKm == null ? '' : fmt(p.maxTravelKm),
    hoursPerWeek: p.hoursPerWeek == null ? '' : fmt(p.hoursPerWeek),
    salaryFloor: p.salaryFloor == null ? '' : fmt(p.salaryFloor),
    remote: p.remote ?? '',
    history: p.history
      .map((h) => {
        // A coach-picked occupation keeps its id, so saving other fields does not re-guess it from the title.
        const given = h.resolvedBy === 'given' && h.occupation ? ` [${h.occupation.id}]` : '';
        const what = `${h.title ?? ''}${given}`.trim() || (h.occupation?.id ?? '');
        return `${what}, ${fmt(h.years)}${h.endedYearsAgo != null ? `, ${fmt(h.endedYearsAgo)}` : ''}`;
      })
      .join('\n'),
    skillsAdd: p.skills.add.map((s) => s.label ?? s.id).join('\n'),
    skillsRemove: p.skills.remove.map((s) => s.label ?? s.id).join('\n'),
    licences: p.licences.map((l) => l.label ?? l.code).join('\n'),
    qualifications: p.qualifications.join('\n'),
  };
}
