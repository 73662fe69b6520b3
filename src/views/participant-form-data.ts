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
  'hoursPattern',
  'avoidShifts',
  'must',
  'history',
  'skillsAdd',
  'skillsRemove',
  'licences',
  'qualifications',
  'targets',
] as const;
export type ParticipantFormField = (typeof PARTICIPANT_FORM_FIELDS)[number];
export type ParticipantForm = Partial<Record<ParticipantFormField, string>>;

export type { ParticipantJson };

const LIST_FIELDS: ReadonlySet<string> = new Set(['skillsAdd', 'skillsRemove', 'licences', 'qualifications', 'targets', 'history', 'avoidShifts', 'must']);

const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * The posted fields (strings only; anything else is ignored). A list field
 * may come as one box per entry (the same name repeated, parseBody's
 * `all: true`) or as lines; either way it becomes one entry per line. The
 * history rows (historyTitle/historyYears/historyEnded, one of each per
 * job) become `title, years[, ended]` lines, a row left empty is dropped.
 */
export function readParticipantForm(posted: Record<string, unknown>): ParticipantForm {
  const form: ParticipantForm = {};
  for (const f of PARTICIPANT_FORM_FIELDS) {
    const vs = strings(posted[f]);
    if (!vs.length) continue;
    form[f] = LIST_FIELDS.has(f) ? vs.join('\n') : vs[0]!;
  }
  const titles = strings(posted['historyTitle']);
  if (titles.length) {
    const years = strings(posted['historyYears']);
    const ended = strings(posted['historyEnded']);
    const rows = titles.map((t, i) => [t.trim(), (years[i] ?? '').trim(), (ended[i] ?? '').trim()] as const);
    const lines = rows.filter((r) => r.some(Boolean)).map(([t, y, e]) => (e ? `${t}, ${y}, ${e}` : `${t}, ${y}`));
    form.history = [form.history, ...lines].filter(Boolean).join('\n');
  }
  return form;
}

/** History lines back into the form's rows (title, years, ended), keeping what was typed when a line does not parse. */
export function historyRowsOf(history: string | undefined): { title: string; years: string; ended: string }[] {
  return lines(history).map((l) => {
    const h = parseHistoryLine(l);
    if (h) {
      const title = h.occupation ? (h.title ? `${h.title} [${h.occupation}]` : h.occupation) : (h.title ?? '');
      return { title, years: String(h.years), ended: h.endedYearsAgo != null ? String(h.endedYearsAgo) : '' };
    }
    const parts = l.split(/\s*,\s*/);
    if (parts.length >= 3 && parts.length <= 4) return { title: parts.slice(0, -2).join(', '), years: parts.at(-2) ?? '', ended: parts.at(-1) ?? '' };
    if (parts.length === 2) return { title: parts[0] ?? '', years: parts[1] ?? '', ended: '' };
    return { title: l, years: '', ended: '' };
  });
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

/** What is wrong with a history line that does not parse, in the words of the form's boxes. */
function historyLineProblem(line: string): string {
  const [title, years] = line.split(/\s*,\s*/);
  if (!title) return 'give the job title';
  if (!years) return 'give the years in this job, e.g. 3 (or 0.5 for six months)';
  return `write the years as a number, e.g. 3 (got “${years}”)`;
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
  const hoursPattern = form.hoursPattern?.trim();
  if (hoursPattern) body['hoursPattern'] = hoursPattern;
  else if (mode === 'update') body['hoursPattern'] = null;
  // Checkboxes: an unticked box is not posted, so on update an absent list means none.
  for (const f of ['avoidShifts', 'must'] as const) {
    const ticked = lines(form[f]);
    if (ticked.length || mode === 'update') body[f] = ticked;
  }

  const history: unknown[] = [];
  lines(form.history).forEach((l, i) => {
    const h = parseHistoryLine(l);
    if (h) history.push(h);
    else errors.push({ path: `history.${i}`, message: historyLineProblem(l) });
  });
  if (history.length || mode === 'update') body['history'] = history;

  const add = lines(form.skillsAdd);
  const remove = lines(form.skillsRemove);
  if (add.length || remove.length || mode === 'update') body['skills'] = { add, remove };
  const licences = lines(form.licences);
  if (licences.length || mode === 'update') body['licences'] = licences;
  const qualifications = lines(form.qualifications);
  if (qualifications.length || mode === 'update') body['qualifications'] = qualifications;
  const targets = lines(form.targets);
  if (targets.length || mode === 'update') body['targets'] = targets;
  return { body, errors };
}

/** An API error path in form-field terms: `skills.add.2` → `skillsAdd.2`; `history.k` → the form line that became body entry k. */
export function formPathOf(path: string, historyLines?: readonly number[]): string {
  const p = path.replace(/^skills\.add\b/, 'skillsAdd').replace(/^skills\.remove\b/, 'skillsRemove');
  if (!historyLines) return p;
  return p.replace(/^history\.(\d+)/, (whole, k: string) => (historyLines[Number(k)] != null ? `history.${historyLines[Number(k)]}` : whole));
}

/** For each body history entry, the form line it came from (lines that did not parse are left out of the body). */
export function historyLinesOf(form: ParticipantForm): number[] {
  const out: number[] = [];
  lines(form.history).forEach((l, i) => {
    if (parseHistoryLine(l)) out.push(i);
  });
  return out;
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
    hoursPattern: p.hoursPattern ?? '',
    avoidShifts: p.avoidShifts.join('\n'),
    must: p.must.join('\n'),
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
    targets: p.targets.map((t) => t.input).join('\n'),
  };
}
