import { eq } from 'drizzle-orm';
import { employerSubmissions } from '../../schema/employer-api.ts';
import type { EmployerPrincipal } from '../auth/api-keys.ts';
import { writeTransaction, writeTransactionWhenFree, type Db } from '../db.ts';
import { notFound, validationFailed, type FieldError } from '../errors.ts';
import { toFieldErrors } from '../field-errors.ts';
import type { Logger } from '../logger.ts';
import { nextTurn } from '../next-turn.ts';
import { normaliseForIngest, storeNormalised, type IngestDeps, type NormalisedInput } from '../vacancies/ingest.ts';
import { findJobPosting, fromJobPosting, jobPostingDateText } from '../vacancies/job-posting.ts';
import { JobPostingBodySchema, JsonLdGraphBodySchema } from '../vacancies/job-posting-schema.ts';
import { readVacancyDates } from '../vacancies/normalise/dates.ts';
import type { RawVacancy, Vacancy, VacancyStatus } from '../vacancies/model.ts';
import { getVacancy, listVacancies } from '../vacancies/queries.ts';
import { setVacancyStatus, touchSeen, type UpsertResult } from '../vacancies/store.ts';
import { EmployerVacancySchema, VacancyPatchSchema, type Receipt } from './schemas.ts';

/**
 * The employer API's domain: parse what an employer sends (our JSON or a
 * schema.org JobPosting), upsert it by employer + reference through the one
 * ingest path, and keep what they sent so PATCH can merge into it.
 */

export type ParsedVacancy = { ok: true; raw: RawVacancy & { reference: string } } | { ok: false; errors: FieldError[] };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (prefix: string, path: string) => [prefix, path].filter(Boolean).join('.');

/** JSON-LD is recognised by its keywords; anything else must be our own shape. */
function looksLikeJsonLd(body: Record<string, unknown>): boolean {
  return '@type' in body || '@context' in body || '@graph' in body;
}

/**
 * Validates one vacancy body; error paths are prefixed (`items.3`) for
 * batches. Every problem is reported at once: shape errors and date errors
 * together. Dates are checked against the window in date-window.ts at `now`.
 */
export function parseVacancyInput(body: unknown, now: number, prefix = ''): ParsedVacancy {
  if (!isPlainObject(body)) return { ok: false, errors: [{ path: prefix, message: 'expected a JSON object (a vacancy or a schema.org JobPosting)' }] };
  if (looksLikeJsonLd(body)) {
    // The structural gate (the same schema /openapi.json shows); without @type or @graph the mapper says what is missing.
    const gate = '@type' in body ? JobPostingBodySchema : '@graph' in body ? JsonLdGraphBodySchema : null;
    const shape = gate?.safeParse(body);
    if (shape && !shape.success) return { ok: false, errors: toFieldErrors(shape.error, prefix) };
    const r = fromJobPosting(body);
    if (!r.ok) {
      // The mapper stops at its own errors; the dates it read are still checked so all are named at once.
      const dates = readVacancyDates(jobPostingDates(body), now, 'strict');
      const errors = [...r.errors, ...dates.errors.filter((d) => !r.errors.some((e) => e.path === d.path))];
      return { ok: false, errors: errors.map((e) => ({ path: join(prefix, e.path), message: e.message })) };
    }
    const dates = readVacancyDates(r.raw, now, 'strict', prefix);
    const errors = [...dates.errors];
    if (!r.raw.reference) {
      errors.push({ path: join(prefix, 'identifier'), message: 'a JobPosting needs an identifier (or url) so it can be updated later' });
    }
    if (errors.length || !r.raw.reference) return { ok: false, errors };
    return { ok: true, raw: closeIfPast({ ...r.raw, reference: r.raw.reference }, dates.validThrough, now) };
  }
  const r = EmployerVacancySchema.safeParse(body);
  const dates = readVacancyDates(r.success ? r.data : body, now, 'strict', prefix);
  if (!r.success) {
    const errors = toFieldErrors(r.error, prefix);
    return { ok: false, errors: [...errors, ...dates.errors.filter((d) => !errors.some((e) => e.path === d.path))] };
  }
  if (dates.errors.length) return { ok: false, errors: dates.errors };
  return { ok: true, raw: closeIfPast(r.data, dates.validThrough, now) };
}

/** The raw date values of a JSON-LD body's JobPosting, as the mapper would read them. */
function jobPostingDates(body: unknown): { datePosted?: unknown; validThrough?: unknown } {
  const jp = findJobPosting(body);
  return jp ? { datePosted: jobPostingDateText(jp['datePosted']), validThrough: jobPostingDateText(jp['validThrough']) } : {};
}

/**
 * A closing date already past stores the vacancy as closed (kept and readable
 * by its owner, never in search) rather than live until the next expiry run.
 */
function closeIfPast<T extends RawVacancy>(raw: T, validThrough: number | null, now: number): T {
  return validThrough != null && validThrough < now && raw.status !== 'closed' ? { ...raw, status: 'closed' } : raw;
}

export interface EmployerApiDeps extends IngestDeps {
  logger?: Logger;
}

export interface SubmitResult extends UpsertResult {
  status: VacancyStatus;
}

const sourceOf = (employer: EmployerPrincipal) => `employer:${employer.id}`;

/** An employer's vacancy read and normalised, ready to store (prepareSubmission). */
interface PreparedSubmission {
  raw: RawVacancy & { reference: string };
  json: string;
  status: 'live' | 'closed';
  /** Null when it looked unchanged (byte-identical to the last submission): nothing to normalise. */
  normalised: NormalisedInput | null;
}

interface PreviousSubmission {
  id: number;
  hash: string;
  status: string;
  raw: string;
}

function findPrevious(deps: EmployerApiDeps, employer: EmployerPrincipal, reference: string): PreviousSubmission | undefined {
  return deps.db.$client
    .prepare(
      `SELECT v.id, v.content_hash AS hash, v.status, s.raw FROM vacancies v JOIN employer_submissions s ON s.vacancy_id = v.id
       WHERE v.source = ? AND v.source_ref = ?`,
    )
    .get(sourceOf(employer), reference) as PreviousSubmission | undefined;
}

const isResend = (previous: PreviousSubmission | undefined, p: Pick<PreparedSubmission, 'json' | 'status'>) =>
  !!previous && previous.raw === p.json && previous.status === p.status;

/**
 * The lock-free half of a submission: an ATS re-syncing everything mostly
 * re-sends what it sent before, and byte-identical input with the same
 * status skips the normalisation pipeline; anything else is normalised here,
 * before the write transaction.
 */
function prepareSubmission(deps: EmployerApiDeps, employer: EmployerPrincipal, raw: RawVacancy & { reference: string }): PreparedSubmission {
  const json = JSON.stringify(raw);
  const status = raw.status === 'closed' ? ('closed' as const) : ('live' as const);
  if (isResend(findPrevious(deps, employer, raw.reference), { json, status })) return { raw, json, status, normalised: null };
  // Without an employer name in the body, the vacancy is the key holder's own.
  const withEmployer = raw.employer ? raw : { ...raw, employer: employer.name };
  return { raw, json, status, normalised: normaliseForIngest(deps, { source: sourceOf(employer), employerId: employer.id, raw: withEmployer }) };
}

/** Stores a prepared submission and records what was sent, atomically (a savepoint inside a batch). */
function storeSubmission(deps: EmployerApiDeps, employer: EmployerPrincipal, p: PreparedSubmission): SubmitResult {
  return writeTransaction(deps.db, () => storeSubmissionLocked(deps, employer, p));
}

/** The body of storeSubmission, with the write lock held. */
function storeSubmissionLocked(deps: EmployerApiDeps, employer: EmployerPrincipal, p: PreparedSubmission): SubmitResult {
  // Read again under the write lock: another request may have changed it since prepareSubmission.
  const previous = findPrevious(deps, employer, p.raw.reference);
  const now = deps.now();
  if (isResend(previous, p)) {
    touchSeen(deps.db, previous!.id, now);
    return { id: previous!.id, outcome: 'unchanged', contentHash: previous!.hash, status: p.status };
  }
  const normalised = p.normalised ?? prepareSubmission(deps, employer, p.raw).normalised!;
  const result = storeNormalised(deps, normalised);
  deps.db.$client
    .prepare(
      `INSERT INTO employer_submissions (vacancy_id, raw, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(vacancy_id) DO UPDATE SET raw = excluded.raw, updated_at = excluded.updated_at`,
    )
    .run(result.id, p.json, now);
  return { id: result.id, outcome: result.outcome, contentHash: result.contentHash, status: p.status };
}

/**
 * Upserts one parsed vacancy and records what was sent, atomically. Waits for the write lock without
 * blocking the server (writeTransactionWhenFree): a CLI import may hold it for a batch.
 */
export async function submitVacancy(deps: EmployerApiDeps, employer: EmployerPrincipal, raw: RawVacancy & { reference: string }): Promise<SubmitResult> {
  const prepared = prepareSubmission(deps, employer, raw);
  return writeTransactionWhenFree(deps.db, () => storeSubmissionLocked(deps, employer, prepared));
}

/** Items of a batch normalised, or stored in one transaction, between two turns of the event loop. */
const BATCH_SLICE = 25;

/**
 * Many vacancies, one receipt each. Valid items land even when others are
 * rejected; each item is its own savepoint, so one that fails while being
 * stored is rejected without undoing the rest. Every item is normalised
 * before the write transaction opens, so the write lock is held only while
 * items are stored. Both run in slices of BATCH_SLICE with the event loop's
 * turn between them: normalising and storing 500 adverts is several hundred
 * ms of CPU on the main thread, and ten writers' batches back to back held
 * /healthz for 1.5 s (p99) in the 250k writes soak. Each slice commits on
 * its own: the receipts are per item anyway, and a batch cut short by a
 * crash is sent again and finds the stored items unchanged.
 */
export async function submitBatch(deps: EmployerApiDeps, employer: EmployerPrincipal, items: unknown[]): Promise<{ summary: Record<Receipt['outcome'], number>; items: Receipt[] }> {
  const couldNotStore = (index: number, reference: string, err: unknown): Receipt => {
    deps.logger?.error({ err, index }, 'batch item could not be stored');
    return { index, reference, outcome: 'rejected', errors: [{ path: `items.${index}`, message: 'could not be stored; retry later' }] };
  };
  const now = deps.now();
  const prepared: ({ receipt: Receipt } | { ready: PreparedSubmission })[] = [];
  for (const [index, item] of items.entries()) {
    if (index > 0 && index % BATCH_SLICE === 0) await nextTurn();
    const p = parseVacancyInput(item, now, `items.${index}`);
    if (!p.ok) {
      prepared.push({ receipt: { index, reference: referenceOf(item), outcome: 'rejected', errors: p.errors } });
      continue;
    }
    try {
      prepared.push({ ready: prepareSubmission(deps, employer, p.raw) });
    } catch (err) {
      prepared.push({ receipt: couldNotStore(index, p.raw.reference, err) });
    }
  }
  const receipts: Receipt[] = [];
  for (let start = 0; start < prepared.length; start += BATCH_SLICE) {
    if (start > 0) await nextTurn();
    const slice = prepared.slice(start, start + BATCH_SLICE);
    receipts.push(
      ...(await writeTransactionWhenFree(deps.db, () =>
        slice.map((p, k): Receipt => {
          const index = start + k;
          if ('receipt' in p) return p.receipt;
          try {
            const r = storeSubmission(deps, employer, p.ready);
            return { index, reference: p.ready.raw.reference, outcome: r.outcome, id: r.id, contentHash: r.contentHash, status: r.status };
          } catch (err) {
            return couldNotStore(index, p.ready.raw.reference, err);
          }
        }),
      )),
    );
  }
  const summary = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const r of receipts) summary[r.outcome]++;
  return { summary, items: receipts };
}

function referenceOf(item: unknown): string | null {
  if (!isPlainObject(item)) return null;
  const ref = item['reference'] ?? item['identifier'];
  if (typeof ref === 'string' || typeof ref === 'number') return String(ref).slice(0, 200);
  if (isPlainObject(ref) && (typeof ref['value'] === 'string' || typeof ref['value'] === 'number')) return String(ref['value']).slice(0, 200);
  return null;
}

/** The caller's own vacancy; another employer's (or a missing one) is 404 alike. */
export function getOwnVacancy(db: Db, employer: EmployerPrincipal, idParam: string): Vacancy {
  const id = /^[1-9]\d{0,15}$/.test(idParam) ? Number(idParam) : NaN;
  const v = Number.isSafeInteger(id) ? getVacancy(db, id) : null;
  if (!v || v.employerId !== employer.id || v.source !== sourceOf(employer)) throw notFound(`Vacancy ${idParam}`);
  return v;
}

export function listOwnVacancies(db: Db, employer: EmployerPrincipal, q: { page: number; pageSize: number; status?: VacancyStatus | undefined }) {
  const { items, total } = listVacancies(db, {
    employerId: employer.id,
    source: sourceOf(employer),
    ...(q.status ? { status: q.status } : {}),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items, total };
}

/** What the employer last sent; rebuilt from the stored vacancy if it predates submissions. */
function loadSubmission(db: Db, v: Vacancy): Record<string, unknown> {
  const row = db.select().from(employerSubmissions).where(eq(employerSubmissions.vacancyId, v.id)).get();
  if (row) return { ...row.raw };
  const raw: Record<string, unknown> = {
    reference: v.sourceRef,
    title: v.titleOriginal,
    description: v.descriptionHtml ?? v.descriptionText,
    url: v.url ?? undefined,
    applyUrl: v.applyUrl ?? undefined,
    employer: v.employerName ?? undefined,
    endEmployer: v.endEmployerName ?? undefined,
    location: v.location?.text || undefined,
    postcode: v.location?.postcode ?? undefined,
    town: v.location?.town ?? undefined,
    region: v.location?.region ?? undefined,
    lat: v.location?.lat ?? undefined,
    lon: v.location?.lon ?? undefined,
    remote: v.remote ?? undefined,
    employmentType: v.employmentType ?? undefined,
    contract: v.contract ?? undefined,
    hoursPerWeek: v.hoursPerWeek ?? undefined,
    salary: v.salary.text ?? undefined,
    datePosted: v.datePosted != null ? new Date(v.datePosted).toISOString() : undefined,
    validThrough: v.validThrough != null ? new Date(v.validThrough).toISOString() : undefined,
  };
  return Object.fromEntries(Object.entries(raw).filter(([, x]) => x !== undefined));
}

/**
 * Merges a patch (JSON merge patch: null removes a field) into what the
 * employer last sent and re-ingests the result. A closed vacancy stays
 * closed unless the patch sets `status`.
 */
export async function patchVacancy(deps: EmployerApiDeps, employer: EmployerPrincipal, idParam: string, patchBody: unknown): Promise<SubmitResult> {
  const v = getOwnVacancy(deps.db, employer, idParam);
  const patch = VacancyPatchSchema.safeParse(patchBody);
  if (!patch.success) {
    const errors = toFieldErrors(patch.error).map((e) =>
      e.path === 'reference' ? { path: 'reference', message: 'the reference identifies the vacancy and cannot be changed; close it and post a new one' } : e,
    );
    throw validationFailed(errors);
  }
  const merged = loadSubmission(deps.db, v);
  for (const [k, val] of Object.entries(patch.data)) {
    if (val === null) delete merged[k];
    else if (val !== undefined) merged[k] = val;
  }
  merged['reference'] = v.sourceRef;
  if (patch.data.status === undefined && v.status === 'closed') merged['status'] = 'closed';
  const parsed = EmployerVacancySchema.safeParse(merged);
  const dates = readVacancyDates(parsed.success ? parsed.data : merged, deps.now(), 'strict');
  if (!parsed.success) {
    const errors = toFieldErrors(parsed.error);
    throw validationFailed([...errors, ...dates.errors.filter((d) => !errors.some((e) => e.path === d.path))]);
  }
  if (dates.errors.length) throw validationFailed(dates.errors);
  // Editing a closed vacancy keeps the time it was closed: the store's update does.
  return submitVacancy(deps, employer, closeIfPast(parsed.data, dates.validThrough, deps.now()));
}

/** Closes the vacancy (kept, with its history; readable by its owner, gone from search). */
export function closeVacancy(deps: EmployerApiDeps, employer: EmployerPrincipal, idParam: string): Vacancy {
  const v = getOwnVacancy(deps.db, employer, idParam);
  setVacancyStatus(deps.db, v.id, 'closed', deps.now());
  return getVacancy(deps.db, v.id) ?? v;
}

/** The id and title of the caller's vacancy with this reference, if they have one (any status). */
export function findOwnVacancyByReference(db: Db, employer: EmployerPrincipal, reference: string): { id: number; title: string } | null {
  const row = db.$client
    .prepare('SELECT id, title_original AS title FROM vacancies WHERE source = ? AND source_ref = ? AND employer_id = ?')
    .get(sourceOf(employer), reference.trim(), employer.id) as { id: number; title: string } | undefined;
  return row ?? null;
}
