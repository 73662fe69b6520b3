import type { FieldError } from '../../errors.ts';
import { fromJobPosting, isJobPosting } from '../job-posting.ts';
import { RawVacancySchema, type RawVacancy } from '../model.ts';

/**
 * One imported record → RawVacancy: a schema.org JobPosting goes through
 * fromJobPosting; anything else is read through a column mapping (our field
 * name → the source's column or dotted path), given by the operator or
 * guessed from common column names.
 */
export type Mapping = Partial<Record<keyof RawVacancy, string>>;

export type ToRawResult = { ok: true; raw: RawVacancy } | { ok: false; errors: FieldError[] };

export const RAW_FIELDS = Object.keys(RawVacancySchema.shape) as (keyof RawVacancy)[];

/** Column names seen in job-board exports and ATS feeds, per field (lower case). */
const SYNONYMS: Partial<Record<keyof RawVacancy, string[]>> = {
  reference: ['reference', 'ref', 'job_ref', 'jobref', 'job_id', 'jobid', 'external_job_id', 'id', 'vacancy_id', 'requisition_id'],
  title: ['title', 'job_title', 'jobtitle', 'job title', 'position', 'role', 'name'],
  description: ['description', 'descriptionhtml', 'description_html', 'job_description', 'body', 'snippet', 'summary', 'details', 'descriptionplain'],
  url: ['url', 'joburl', 'job_url', 'link', 'advert_url'],
  applyUrl: ['applyurl', 'apply_url', 'apply_link', 'application_url'],
  employer: ['employer', 'company', 'company_name', '_company', 'organisation', 'organization', 'hiring_organization', 'uk_university'],
  location: ['location', 'job_location', 'place', 'city', 'address', 'locations'],
  postcode: ['postcode', 'post_code', 'postal_code', 'zip'],
  town: ['town'],
  region: ['region', 'county'],
  employmentType: ['employmenttype', 'employment_type', 'hours', 'working_pattern', 'job_type', 'jobtype'],
  contract: ['contract', 'contract_type', 'contracttype', 'type'],
  salary: ['salary', 'pay', 'wage', 'compensation', 'salary_text', 'rate'],
  datePosted: ['dateposted', 'date_posted', 'posted_date', 'posted', 'placed_on', 'publishedat', 'published', 'created', 'date'],
  validThrough: ['validthrough', 'valid_through', 'closes', 'closing_date', 'closing', 'deadline', 'expires', 'expiry_date'],
  skills: ['skills', 'tags'],
};

/** Our field → the record key that holds it, by exact field name first, then synonyms. */
export function guessMapping(keys: string[]): Mapping {
  const lower = new Map(keys.map((k) => [k.toLowerCase().trim(), k]));
  const used = new Set<string>();
  const mapping: Mapping = {};
  for (const field of RAW_FIELDS) {
    const candidates = [field.toLowerCase(), ...(SYNONYMS[field] ?? [])];
    for (const c of candidates) {
      const key = lower.get(c);
      if (key && !used.has(key)) {
        mapping[field] = key;
        used.add(key);
        break;
      }
    }
  }
  return mapping;
}

/** "title=Job Title,salary=Pay" → mapping; unknown fields are an error. */
export function parseMappingSpec(spec: string): Mapping {
  const mapping: Mapping = {};
  for (const part of spec.split(',')) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    if (eq < 1) throw new Error(`bad mapping "${part}": expected field=Column`);
    const field = part.slice(0, eq).trim() as keyof RawVacancy;
    if (!RAW_FIELDS.includes(field)) throw new Error(`unknown field "${field}" in mapping (fields: ${RAW_FIELDS.join(', ')})`);
    mapping[field] = part.slice(eq + 1).trim();
  }
  return mapping;
}

function pick(record: Record<string, unknown>, path: string): unknown {
  if (path in record) return record[path];
  let v: unknown = record;
  for (const p of path.split('.')) {
    if (v == null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

const MAX: Partial<Record<keyof RawVacancy, number>> = {
  reference: 200, title: 500, description: 200_000, url: 2000, applyUrl: 2000, employer: 300, endEmployer: 300,
  location: 500, postcode: 20, town: 200, region: 200, employmentType: 100, contract: 100, datePosted: 100, validThrough: 100,
};

function asText(v: unknown): string | undefined {
  if (v == null) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(asText).filter(Boolean).join('; ') || undefined;
  if (typeof v === 'object') {
    // Nested objects from ATS feeds: take the first meaningful text in them.
    for (const x of Object.values(v as Record<string, unknown>)) {
      const t = asText(x);
      if (t) return t;
    }
  }
  return undefined;
}

/** Applies a mapping to a flat (CSV) or nested (JSON) record and coerces values to the raw shape. */
export function mapRecord(record: Record<string, unknown>, mapping: Mapping): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(mapping) as [keyof RawVacancy, string][]) {
    const v = pick(record, column);
    if (v == null || v === '') continue;
    switch (field) {
      case 'lat':
      case 'lon':
      case 'hoursPerWeek': {
        const n = typeof v === 'number' ? v : Number(String(v).trim());
        if (Number.isFinite(n)) out[field] = n;
        break;
      }
      case 'skills': {
        const list = Array.isArray(v) ? v.map(asText) : (asText(v) ?? '').split(/[;,|\n]/);
        const skills = list.map((s) => s?.trim()).filter((s): s is string => !!s && s.length <= 200).slice(0, 200);
        if (skills.length) out[field] = skills;
        break;
      }
      case 'salary': {
        if (typeof v === 'object' && !Array.isArray(v) && RawVacancySchema.shape.salary.safeParse(v).success) out[field] = v;
        else {
          const t = asText(v);
          if (t) out[field] = t.slice(0, 500);
        }
        break;
      }
      case 'remote': {
        const t = asText(v)?.toLowerCase();
        if (t === 'onsite' || t === 'hybrid' || t === 'remote') out[field] = t;
        else if (t === 'true') out[field] = 'remote';
        break;
      }
      case 'status': {
        const t = asText(v)?.toLowerCase();
        if (t === 'live' || t === 'closed') out[field] = t;
        break;
      }
      case 'sector': {
        const t = asText(v);
        if (t && /^[A-Ua-u]$/.test(t)) out[field] = t;
        break;
      }
      case 'occupation': {
        if (typeof v === 'object') out[field] = v;
        else {
          const t = asText(v);
          if (t) out[field] = { code: t.slice(0, 50) };
        }
        break;
      }
      default: {
        const t = asText(v);
        if (t) out[field] = t.slice(0, MAX[field] ?? 500);
      }
    }
  }
  return out;
}

export interface ToRawOptions {
  /** Operator-given mapping: used for every non-JobPosting record. */
  mapping?: Mapping | null;
}

export function recordToRaw(record: Record<string, unknown>, opts: ToRawOptions = {}): ToRawResult {
  // The mapper itself reads publisher quirks (NHS Jobs: "-.262406" coordinates, salary text in
  // QuantitativeValue.value), so a JobPosting needs no repair here.
  if (isJobPosting(record)) return fromJobPosting(record);
  let candidate: Record<string, unknown> = record;
  if (opts.mapping) candidate = mapRecord(record, opts.mapping);
  // Our own shape only when every key is one of ours; other objects (job-board exports) go through a mapping.
  else if (!Object.keys(record).every((k) => (RAW_FIELDS as string[]).includes(k))) candidate = mapRecord(record, guessMappingFor(record));
  const parsed = RawVacancySchema.safeParse(candidate);
  if (parsed.success) return { ok: true, raw: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(record)', message: i.message })),
  };
}

/** Guessing per distinct key set, cached: a file's records share their columns. */
const keyCache = new Map<string, Mapping>();
function guessMappingFor(record: Record<string, unknown>): Mapping {
  const keys = Object.keys(record);
  const sig = keys.join('\u0000');
  let m = keyCache.get(sig);
  if (!m) {
    m = guessMapping(keys);
    if (keyCache.size > 100) keyCache.clear();
    keyCache.set(sig, m);
  }
  return m;
}
