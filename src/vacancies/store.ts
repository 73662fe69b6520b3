import type { Statement } from 'better-sqlite3';
import { writeTransaction, type Db } from '../db.ts';
import type { VacancyRow } from '../../schema/vacancies.ts';
import { contentHash } from './content-hash.ts';
import { readableDateOrNull } from './date-window.ts';
import type { DateNote, NormalisedVacancy, Place, PlacePrecision, RankableVacancy, Requirement, SalaryExtra, SalaryFlag, Vacancy, VacancySkill } from './model.ts';

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export interface UpsertInput {
  /** `employer:<id>`, `scrape:<name>`, `import:<label>`, `demo`. */
  source: string;
  employerId?: number | null;
  vacancy: NormalisedVacancy;
  isDemo?: boolean;
}

export interface UpsertResult {
  id: number;
  outcome: UpsertOutcome;
  contentHash: string;
}

/*
 * The ingest path is hot (bulk import, scrapes, the employer API's batch), so
 * it uses prepared statements on the raw better-sqlite3 handle, prepared once
 * per database. Schema and migrations still come from drizzle (schema/).
 */
interface Statements {
  find: Statement;
  insert: Statement;
  update: Statement;
  touch: Statement;
  enqueue: Statement;
  setStatus: Statement;
  setCluster: Statement;
  missedRun: Statement;
  copyExpired: Statement;
  seenDates: Statement;
}
const statementCache = new WeakMap<Db, Statements>();

const CONTENT_COLUMNS = [
  'employer_id', 'url', 'apply_url', 'title', 'title_original', 'description_text', 'description_html',
  'employer_name', 'end_employer_name', 'location_text', 'lat', 'lon', 'postcode', 'town', 'local_authority',
  'region', 'location_resolved', 'location_precision', 'location_area', 'local_authority_name', 'location_outside_uk', 'extra_locations', 'remote', 'employment_type', 'contract', 'hours_per_week',
  'shifts', 'salary_min', 'salary_max', 'salary_currency', 'salary_period', 'salary_annual_min',
  'salary_annual_max', 'salary_text', 'salary_ote', 'salary_extras', 'salary_scale', 'salary_flags', 'date_posted', 'valid_through', 'date_notes', 'status', 'occupation_code',
  'occupation_scheme', 'occupation_confidence', 'sector', 'sector_confidence', 'classification_evidence',
  'skills', 'requirements', 'fingerprint', 'content_hash', 'closed_at', 'is_demo',
] as const;

/** Columns an expired copy does not take from its original (insertExpiredCopy). */
const EXPIRED_COPY: Partial<Record<(typeof CONTENT_COLUMNS)[number], string>> = {
  employer_id: 'NULL',
  description_text: '@description_text',
  description_html: 'NULL',
  date_posted: '@first',
  valid_through: '@valid_through',
  status: "'expired'",
  fingerprint: 'NULL',
  closed_at: '@closed',
};

function statements(db: Db): Statements {
  let s = statementCache.get(db);
  if (s) return s;
  const c = db.$client;
  const params = CONTENT_COLUMNS.map((k) => `@${k}`);
  s = {
    find: c.prepare('SELECT id, content_hash, status FROM vacancies WHERE source = ? AND source_ref = ?'),
    insert: c.prepare(
      `INSERT INTO vacancies (source, source_ref, ${CONTENT_COLUMNS.join(', ')}, first_seen, last_seen, created_at, updated_at, missed_runs)
       VALUES (@source, @source_ref, ${params.join(', ')}, @now, @now, @now, @now, 0)`,
    ),
    // closed_at keeps the first closing time when a closed vacancy is updated again.
    update: c.prepare(
      `UPDATE vacancies SET ${CONTENT_COLUMNS.map((k) => (k === 'closed_at' ? 'closed_at = CASE WHEN @status = \'closed\' THEN COALESCE(closed_at, @now) ELSE NULL END' : `${k} = @${k}`)).join(', ')},
       last_seen = @now, updated_at = @now, missed_runs = 0 WHERE id = @id`,
    ),
    touch: c.prepare('UPDATE vacancies SET last_seen = ?, missed_runs = 0 WHERE id = ?'),
    // The only INSERT into the outbox: 'upsert' means "look at this vacancy again" (see src/search/outbox.ts).
    enqueue: c.prepare("INSERT INTO index_outbox (vacancy_id, op, enqueued_at) VALUES (?, 'upsert', ?)"),
    setStatus: c.prepare(
      `UPDATE vacancies SET status = @status, closed_at = CASE WHEN @status = 'live' THEN NULL ELSE @now END, updated_at = @now
       WHERE id = @id AND status <> @status`,
    ),
    setCluster: c.prepare('UPDATE vacancies SET cluster_id = ? WHERE id = ? AND cluster_id IS NOT ?'),
    seenDates: c.prepare('UPDATE vacancies SET first_seen = ?, last_seen = ? WHERE id = ?'),
    missedRun: c.prepare('UPDATE vacancies SET missed_runs = missed_runs + 1 WHERE id = ?'),
    copyExpired: c.prepare(
      `INSERT INTO vacancies (source, source_ref, ${CONTENT_COLUMNS.join(', ')}, cluster_id, first_seen, last_seen, created_at, updated_at, missed_runs)
       SELECT source, source_ref || @suffix, ${CONTENT_COLUMNS.map((k) => EXPIRED_COPY[k] ?? k).join(', ')}, NULL, @first, @last, @first, @closed, 0
       FROM vacancies WHERE id = @id`,
    ),
  };
  statementCache.set(db, s);
  return s;
}

const json = (v: unknown) => (v == null ? null : JSON.stringify(v));

function toParams(input: UpsertInput, hash: string, now: number) {
  const v = input.vacancy;
  const loc = v.location;
  // A closed vacancy stays closed until its owner reopens it explicitly; a
  // re-seen expired one comes back to life.
  const status = v.requestedStatus === 'closed' ? 'closed' : 'live';
  return {
    source: input.source,
    source_ref: v.sourceRef,
    employer_id: input.employerId ?? null,
    url: v.url,
    apply_url: v.applyUrl,
    title: v.title,
    title_original: v.titleOriginal,
    description_text: v.descriptionText,
    description_html: v.descriptionHtml,
    employer_name: v.employerName,
    end_employer_name: v.endEmployerName,
    location_text: loc?.text ?? null,
    lat: loc?.lat ?? null,
    lon: loc?.lon ?? null,
    postcode: loc?.postcode ?? null,
    town: loc?.town ?? null,
    local_authority: loc?.localAuthority ?? null,
    region: loc?.region ?? null,
    location_resolved: loc?.resolved ? 1 : 0,
    location_precision: loc?.precision ?? null,
    location_area: json(loc?.area),
    local_authority_name: loc?.localAuthorityName ?? null,
    location_outside_uk: json(loc?.outsideUk),
    extra_locations: v.extraLocations.length ? json(v.extraLocations) : null,
    remote: v.remote,
    employment_type: v.employmentType,
    contract: v.contract,
    hours_per_week: v.hoursPerWeek,
    shifts: v.shifts.length ? json(v.shifts) : null,
    salary_min: v.salary.min,
    salary_max: v.salary.max,
    salary_currency: v.salary.currency,
    salary_period: v.salary.period,
    salary_annual_min: v.salary.annualMin,
    salary_annual_max: v.salary.annualMax,
    salary_text: v.salary.text,
    salary_ote: json(v.salary.ote),
    salary_extras: v.salary.extras?.length ? json(v.salary.extras) : null,
    salary_scale: json(v.salary.scale),
    salary_flags: v.salary.flags?.length ? json(v.salary.flags) : null,
    date_posted: v.datePosted,
    valid_through: v.validThrough,
    date_notes: v.dateNotes?.length ? json(v.dateNotes) : null,
    status,
    occupation_code: v.occupation?.code ?? null,
    occupation_scheme: v.occupation?.scheme ?? null,
    occupation_confidence: v.occupation?.confidence ?? null,
    sector: v.sector?.code ?? null,
    sector_confidence: v.sector?.confidence ?? null,
    classification_evidence:
      v.occupation || v.sector ? json({ occupation: v.occupation?.evidence, sector: v.sector?.evidence }) : null,
    skills: json(v.skills),
    requirements: json(v.requirements),
    fingerprint: v.fingerprint,
    content_hash: hash,
    closed_at: status === 'closed' ? now : null,
    is_demo: input.isDemo ? 1 : 0,
    now,
  };
}

/**
 * Creates or updates one vacancy by (source, sourceRef) and, in the same
 * transaction, queues it for the search index. Unchanged content only
 * refreshes lastSeen and queues nothing. Call inside db.transaction() to
 * batch many; it opens its own otherwise.
 */
export function upsertVacancy(db: Db, input: UpsertInput, now: number): UpsertResult {
  const st = statements(db);
  const run = () => {
    const hash = contentHash(input.vacancy);
    const existing = st.find.get(input.source, input.vacancy.sourceRef) as
      | { id: number; content_hash: string; status: string }
      | undefined;
    const wantStatus = input.vacancy.requestedStatus === 'closed' ? 'closed' : 'live';
    if (!existing) {
      const info = st.insert.run(toParams(input, hash, now));
      const id = Number(info.lastInsertRowid);
      st.enqueue.run(id, now);
      return { id, outcome: 'created' as const, contentHash: hash };
    }
    if (existing.content_hash === hash && existing.status === wantStatus) {
      st.touch.run(now, existing.id);
      return { id: existing.id, outcome: 'unchanged' as const, contentHash: hash };
    }
    st.update.run({ ...toParams(input, hash, now), id: existing.id });
    st.enqueue.run(existing.id, now);
    return { id: existing.id, outcome: 'updated' as const, contentHash: hash };
  };
  return db.$client.inTransaction ? run() : writeTransaction(db, run);
}

/** Many upserts in one transaction: all land or none do. */
export function upsertVacancies(db: Db, inputs: UpsertInput[], now: number): UpsertResult[] {
  return writeTransaction(db, () => inputs.map((i) => upsertVacancy(db, i, now)));
}

/**
 * Marks a vacancy closed (by its employer) or expired (gone from its source),
 * keeping its history, and queues its removal from the live index; 'live'
 * reopens it. False when it already had that status.
 */
export function setVacancyStatus(db: Db, id: number, status: 'closed' | 'expired' | 'live', now: number): boolean {
  return setVacanciesStatus(db, [id], status, now) === 1;
}

/** setVacancyStatus for many vacancies in one transaction; returns how many changed. */
export function setVacanciesStatus(db: Db, ids: readonly number[], status: 'closed' | 'expired' | 'live', now: number): number {
  const st = statements(db);
  return writeTransaction(db, () => {
    let changed = 0;
    for (const id of ids) {
      if (st.setStatus.run({ status, now, id }).changes === 0) continue;
      st.enqueue.run(id, now);
      changed++;
    }
    return changed;
  });
}

/** Queues vacancies for the search index (the drainer reads their current row). Call inside the write's transaction. */
export function enqueueIndex(db: Db, ids: readonly number[], now: number): void {
  const st = statements(db);
  for (const id of ids) st.enqueue.run(id, now);
}

/** Seen again with unchanged content: refreshes lastSeen and restarts the expiry count. */
export function touchSeen(db: Db, id: number, now: number): void {
  statements(db).touch.run(now, id);
}

/**
 * Puts a vacancy in a duplicate cluster (the cluster's canonical id). Does
 * not queue it: the caller does, unless the write that made it cluster
 * (ingest) already did. False when it was already there.
 */
export function setCluster(db: Db, id: number, clusterId: number): boolean {
  return statements(db).setCluster.run(clusterId, id, clusterId).changes > 0;
}

/** One more complete scrape run of their source did not list these vacancies (see src/scrape/expiry.ts). */
export function countMissedRun(db: Db, ids: readonly number[]): void {
  const st = statements(db);
  writeTransaction(db, () => {
    for (const id of ids) st.missedRun.run(id);
  });
}

/** Sets when a vacancy was first and last seen (demo data standing for earlier arrivals). */
export function setSeenDates(db: Db, id: number, firstSeen: number, lastSeen: number): void {
  statements(db).seenDates.run(firstSeen, lastSeen, id);
}

export interface ClosedCopy {
  /** Appended to the original's source reference (a copy needs its own). */
  refSuffix: string;
  descriptionText: string;
  firstSeen: number;
  lastSeen: number;
  validThrough: number;
  closedAt: number;
}

/**
 * Inserts an expired copy of vacancy `fromId` with its own dates (demo
 * history: what was open before today). Never indexed, no employer, no
 * cluster or fingerprint (it takes no part in dedupe). Returns the new id.
 */
export function insertExpiredCopy(db: Db, fromId: number, copy: ClosedCopy): number {
  const info = statements(db).copyExpired.run({
    id: fromId,
    suffix: copy.refSuffix,
    description_text: copy.descriptionText,
    first: copy.firstSeen,
    last: copy.lastSeen,
    valid_through: copy.validThrough,
    closed: copy.closedAt,
  });
  return Number(info.lastInsertRowid);
}

const parseJson = <T>(v: unknown, fallback: T): T => {
  if (v == null) return fallback;
  if (typeof v === 'string') return JSON.parse(v) as T;
  return v as T;
};

type EvidenceJson = { occupation?: string[]; sector?: string[] };

type SalaryColumns = Pick<VacancyRow, 'salaryMin' | 'salaryMax' | 'salaryCurrency' | 'salaryPeriod' | 'salaryAnnualMin' | 'salaryAnnualMax' | 'salaryText' | 'salaryOte' | 'salaryExtras' | 'salaryScale' | 'salaryFlags'>;

function salaryOfRow(r: SalaryColumns): Vacancy['salary'] {
  const salary: Vacancy['salary'] = {
    min: r.salaryMin,
    max: r.salaryMax,
    currency: r.salaryCurrency,
    period: r.salaryPeriod,
    annualMin: r.salaryAnnualMin,
    annualMax: r.salaryAnnualMax,
    text: r.salaryText,
  };
  if (r.salaryOte != null) salary.ote = parseJson<NonNullable<Vacancy['salary']['ote']>>(r.salaryOte, null as never);
  if (r.salaryExtras != null) salary.extras = parseJson<SalaryExtra[]>(r.salaryExtras, []);
  if (r.salaryScale != null) salary.scale = parseJson<NonNullable<Vacancy['salary']['scale']>>(r.salaryScale, null as never);
  if (r.salaryFlags != null) salary.flags = parseJson<SalaryFlag[]>(r.salaryFlags, []);
  return salary;
}

function occupationOfRow(r: Pick<VacancyRow, 'occupationCode' | 'occupationScheme' | 'occupationConfidence'>, evidence: EvidenceJson): Vacancy['occupation'] {
  return r.occupationCode
    ? { code: r.occupationCode, scheme: r.occupationScheme ?? 'soc', confidence: r.occupationConfidence ?? 0, evidence: evidence.occupation ?? [] }
    : null;
}

/** The columns a RankableVacancy is read from (getRankableVacanciesByIds selects these). */
export type RankableRow = SalaryColumns &
  Pick<VacancyRow, 'id' | 'status' | 'title' | 'datePosted' | 'firstSeen' | 'remote' | 'employmentType' | 'hoursPerWeek' | 'shifts' | 'occupationCode' | 'occupationScheme' | 'occupationConfidence' | 'classificationEvidence' | 'requirements' | 'skills'>;

/** Maps the ranking columns of a row (camelCase keys, as rowToVacancy reads them) to what ranking reads. */
export function rowToRankable(r: RankableRow): RankableVacancy {
  return {
    id: r.id,
    status: r.status,
    title: r.title,
    datePosted: readableDateOrNull(r.datePosted),
    firstSeen: r.firstSeen,
    remote: r.remote,
    employmentType: r.employmentType,
    hoursPerWeek: r.hoursPerWeek,
    shifts: parseJson<string[]>(r.shifts, []),
    salary: salaryOfRow(r),
    occupation: occupationOfRow(r, parseJson<EvidenceJson>(r.classificationEvidence, {})),
    requirements: parseJson<Requirement[]>(r.requirements, []),
    skills: parseJson<VacancySkill[]>(r.skills, []),
  };
}

/** Maps a drizzle row (camelCase keys) to the model. */
export function rowToVacancy(r: VacancyRow): Vacancy {
  const evidence = parseJson<EvidenceJson>(r.classificationEvidence, {});
  const location: Place | null =
    r.locationText || r.lat != null
      ? {
          text: r.locationText ?? '',
          lat: r.lat,
          lon: r.lon,
          postcode: r.postcode,
          town: r.town,
          localAuthority: r.localAuthority,
          region: r.region,
          resolved: r.locationResolved,
          // Absent (not null) when not recorded, as the normaliser leaves them: rows from before 0013 read the same way.
          ...(r.locationPrecision ? { precision: r.locationPrecision as PlacePrecision } : {}),
          ...(r.locationArea != null ? { area: parseJson<NonNullable<Place['area']>>(r.locationArea, null as never) } : {}),
          ...(r.localAuthorityName ? { localAuthorityName: r.localAuthorityName } : {}),
          ...(r.locationOutsideUk != null ? { outsideUk: parseJson<NonNullable<Place['outsideUk']>>(r.locationOutsideUk, null as never) } : {}),
        }
      : null;
  const salary = salaryOfRow(r);
  return {
    id: r.id,
    source: r.source,
    sourceRef: r.sourceRef,
    employerId: r.employerId,
    url: r.url,
    applyUrl: r.applyUrl,
    title: r.title,
    titleOriginal: r.titleOriginal,
    descriptionText: r.descriptionText,
    descriptionHtml: r.descriptionHtml,
    employerName: r.employerName,
    endEmployerName: r.endEmployerName,
    location,
    extraLocations: parseJson<Place[]>(r.extraLocations, []),
    remote: r.remote,
    employmentType: r.employmentType,
    contract: r.contract as Vacancy['contract'],
    hoursPerWeek: r.hoursPerWeek,
    shifts: parseJson<string[]>(r.shifts, []),
    salary,
    // Rows written before dates were range-checked may hold absurd times; they read as no date.
    datePosted: readableDateOrNull(r.datePosted),
    validThrough: readableDateOrNull(r.validThrough),
    ...(r.dateNotes != null ? { dateNotes: parseJson<DateNote[]>(r.dateNotes, []) } : {}),
    status: r.status,
    occupation: occupationOfRow(r, evidence),
    sector: r.sector ? { code: r.sector, confidence: r.sectorConfidence ?? 0, evidence: evidence.sector ?? [] } : null,
    skills: parseJson<VacancySkill[]>(r.skills, []),
    requirements: parseJson<Requirement[]>(r.requirements, []),
    clusterId: r.clusterId,
    contentHash: r.contentHash,
    firstSeen: r.firstSeen,
    lastSeen: r.lastSeen,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    closedAt: r.closedAt,
    isDemo: r.isDemo,
  };
}
