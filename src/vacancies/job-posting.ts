import type { FieldError } from '../errors.ts';
import { RawVacancySchema, type RawVacancy } from './model.ts';

/**
 * schema.org JobPosting JSON-LD → RawVacancy, for the employer API and for
 * JSON-LD found by scrapers. Pure: a function of the object only. It accepts
 * what employers, job boards and ATSs actually publish (string-typed numbers,
 * HTML or HTML-escaped HTML in `description`, `@graph` wrappers, arrays where
 * single values are expected and the reverse) and keeps free text as text:
 * the normalisation pipeline parses salaries, hours and places.
 */

export type JobPostingResult = { ok: true; raw: RawVacancy } | { ok: false; errors: FieldError[] };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

/** True when a type value names JobPosting (`JobPosting`, `schema:JobPosting`, `https://schema.org/JobPosting`). */
function namesJobPosting(type: unknown): boolean {
  return asArray(type).some((t) => typeof t === 'string' && /(^|[/:#])JobPosting$/.test(t.trim()));
}

/** True when `body` is (or wraps, via `@graph` or a top-level array) a JobPosting. */
export function isJobPosting(body: unknown): boolean {
  return findJobPosting(body) !== null;
}

/** The first JobPosting node in a JSON-LD document: the object itself, an `@graph`, array or `mainEntity` member. */
export function findJobPosting(body: unknown): Obj | null {
  return findJobPostings(body)[0] ?? null;
}

/** Every JobPosting node in a JSON-LD document (a careers page may hold several). */
export function findJobPostings(body: unknown, depth = 0): Obj[] {
  if (depth > 4) return [];
  if (Array.isArray(body)) return body.flatMap((b) => findJobPostings(b, depth + 1));
  if (!isObj(body)) return [];
  if (namesJobPosting(body['@type'])) return [body];
  if (body['@graph'] !== undefined) return findJobPostings(body['@graph'], depth + 1);
  // A WebPage/ItemPage whose main entity is the posting.
  if (body['mainEntity'] !== undefined) return findJobPostings(body['mainEntity'], depth + 1);
  return [];
}

// ---------------------------------------------------------------- text helpers

// A Map, not an object literal: `&constructor;` must not find Object.prototype.constructor.
const NAMED_ENTITIES = new Map<string, string>(
  Object.entries({
    amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', pound: '£', euro: '€', ndash: '–', mdash: '—',
    rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', hellip: '…', bull: '•', middot: '·', copy: '©', reg: '®',
    trade: '™', eacute: 'é', egrave: 'è', aacute: 'á', oacute: 'ó', uacute: 'ú', iacute: 'í', ccedil: 'ç',
    uuml: 'ü', ouml: 'ö', auml: 'ä', laquo: '«', raquo: '»', deg: '°', frac12: '½', times: '×',
  }),
);
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,10}));/g;

/** Decodes HTML character references (named, decimal, hex). Unknown names stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED_ENTITIES.get(name) ?? NAMED_ENTITIES.get(name.toLowerCase()) ?? m;
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
  });
}

const HTML_TAG = /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i;
const ESCAPED_TAG = /&lt;\/?[a-z][a-z0-9]*(\s[\s\S]*?)?\/?&gt;/i;

/**
 * A description as HTML or plain text. Some publishers escape their HTML
 * once more than they should (`&lt;p&gt;`); that is unwrapped so the
 * pipeline sees real markup.
 */
function cleanDescription(s: string): string {
  let out = s;
  // Double-escaped (&amp;lt;p&amp;gt;) happens too: unwrap at most twice.
  for (let i = 0; i < 2 && !HTML_TAG.test(out) && ESCAPED_TAG.test(out); i++) out = decodeEntities(out);
  return out.trim();
}

/** A short text value (title, names): tags dropped, entities decoded, whitespace collapsed. */
function cleanLine(s: string): string {
  return decodeEntities(s.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** A string out of a value that may be a string, a number, a {name}/{value}/{@value} object or an array of those. */
function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (Array.isArray(v)) {
    const parts = v.map(textOf).filter((x): x is string => !!x);
    return parts.length ? parts.join(', ') : undefined;
  }
  if (isObj(v)) return textOf(v['name'] ?? v['@value'] ?? v['value'] ?? v['description']);
  return undefined;
}

/** A number from a number or a string as publishers write it: "25000", "25,000.00", "£11.44", " 11.44 ". */
export function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.replace(/[£$€\s,]/g, '').replace(/^GBP/i, '');
  // "-.262406" (no leading zero) is common in published geo.
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

// ---------------------------------------------------------------- field mappers

const UNIT_PERIODS: Record<string, NonNullable<Extract<RawVacancy['salary'], object>['period']>> = {
  HOUR: 'hour', HOURLY: 'hour', PER_HOUR: 'hour', HR: 'hour',
  DAY: 'day', DAILY: 'day', PER_DAY: 'day',
  WEEK: 'week', WEEKLY: 'week', PER_WEEK: 'week',
  MONTH: 'month', MONTHLY: 'month', PER_MONTH: 'month',
  YEAR: 'year', YEARLY: 'year', ANNUAL: 'year', ANNUALLY: 'year', PER_YEAR: 'year', ANNUM: 'year', PA: 'year',
};

interface Mapped {
  raw: Partial<RawVacancy>;
  /** Where in the JobPosting each RawVacancy field came from, so validation errors name the sender's path. */
  paths: Record<string, string>;
  errors: FieldError[];
}

function mapSalary(v: unknown, path: string, m: Mapped): RawVacancy['salary'] | undefined {
  if (v == null) return undefined;
  if (typeof v === 'number' || typeof v === 'string') {
    const n = numberOf(v);
    if (n !== undefined) return { min: n, max: n };
    return typeof v === 'string' && v.trim() ? v.trim().slice(0, 500) : undefined;
  }
  const amount = Array.isArray(v) ? v.find(isObj) : v;
  if (!isObj(amount)) return undefined;
  const currency = typeof amount['currency'] === 'string' ? amount['currency'].trim().toUpperCase() : undefined;
  // MonetaryAmount.value is a QuantitativeValue, or (often) a bare number/string with
  // minValue/maxValue/unitText placed on the MonetaryAmount itself.
  const qv = amount['value'];
  const q: Obj = isObj(qv) ? qv : amount;
  const unit = typeof q['unitText'] === 'string' ? q['unitText'].trim().toUpperCase().replace(/[\s-]+/g, '_') : undefined;
  const period = unit ? UNIT_PERIODS[unit] : undefined;
  const valuePath = isObj(qv) ? `${path}.value` : path;
  const read = (key: string, p: string) => {
    const x = q[key];
    if (x == null || x === '') return undefined;
    const n = numberOf(x);
    if (n === undefined || n < 0) {
      m.errors.push({ path: p, message: 'must be a non-negative number (a number or a numeric string)' });
    }
    return n !== undefined && n >= 0 ? n : undefined;
  };
  // A non-numeric value ("negotiable", "£24,214 / £26,220 DOE") is salary text, not an
  // error: NHS Jobs puts its salary wording in QuantitativeValue.value beside min/maxValue.
  const rawValue = q['value'];
  const text = typeof rawValue === 'string' && numberOf(rawValue) === undefined ? cleanLine(rawValue) || undefined : undefined;
  const value = text === undefined ? read('value', `${valuePath}.value`) : undefined;
  let min = read('minValue', `${valuePath}.minValue`) ?? value;
  let max = read('maxValue', `${valuePath}.maxValue`) ?? value;
  if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min];
  if (min === undefined && max === undefined && !text) return undefined;
  m.paths['salary.currency'] = `${path}.currency`;
  return {
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    ...(currency ? { currency } : {}),
    ...(period ? { period } : {}),
    ...(text ? { text: text.slice(0, 500) } : {}),
  };
}

interface PlaceParts {
  text: string;
  town?: string;
  region?: string;
  postcode?: string;
  lat?: number;
  lon?: number;
}

const HOME_COUNTRIES = /^(gb|gbr|uk|united kingdom|great britain|england|scotland|wales|northern ireland)$/i;

function mapPlace(place: unknown, path: string, m: Mapped): PlaceParts | null {
  if (typeof place === 'string') return place.trim() ? { text: cleanLine(place) } : null;
  if (!isObj(place)) return null;
  const parts: PlaceParts = { text: '' };
  const addr = place['address'];
  const texts: string[] = [];
  if (typeof addr === 'string') texts.push(cleanLine(addr));
  const a = Array.isArray(addr) ? addr.find(isObj) : addr;
  if (isObj(a)) {
    const street = textOf(a['streetAddress']);
    const locality = textOf(a['addressLocality']);
    const region = textOf(a['addressRegion']);
    const postcode = textOf(a['postalCode']);
    const country = textOf(a['addressCountry']);
    if (locality) parts.town = cleanLine(locality);
    if (region) parts.region = cleanLine(region);
    if (postcode) parts.postcode = cleanLine(postcode).toUpperCase();
    for (const t of [street, locality, region, postcode]) if (t) texts.push(cleanLine(t));
    if (country && (texts.length === 0 || !HOME_COUNTRIES.test(country.trim()))) texts.push(cleanLine(country));
  }
  if (!texts.length) {
    const name = textOf(place['name']);
    if (name) texts.push(cleanLine(name));
  }
  parts.text = [...new Set(texts.filter(Boolean))].join(', ');
  const geo = isObj(place['geo']) ? place['geo'] : place;
  const geoPath = isObj(place['geo']) ? `${path}.geo` : path;
  const latRaw = geo['latitude'];
  const lonRaw = geo['longitude'];
  if (latRaw != null && latRaw !== '' && lonRaw != null && lonRaw !== '') {
    const lat = numberOf(latRaw);
    const lon = numberOf(lonRaw);
    if (lat === undefined || lat < -90 || lat > 90) m.errors.push({ path: `${geoPath}.latitude`, message: 'must be a latitude between -90 and 90' });
    if (lon === undefined || lon < -180 || lon > 180) m.errors.push({ path: `${geoPath}.longitude`, message: 'must be a longitude between -180 and 180' });
    // 0,0 is a common placeholder for "unknown", not the Gulf of Guinea.
    if (lat !== undefined && lon !== undefined && !(lat === 0 && lon === 0)) {
      parts.lat = lat;
      parts.lon = lon;
    }
  }
  return parts.text || parts.lat !== undefined ? parts : null;
}

const EMPLOYMENT: Record<string, { employmentType?: string; contract?: string }> = {
  FULL_TIME: { employmentType: 'full_time' },
  FULLTIME: { employmentType: 'full_time' },
  PART_TIME: { employmentType: 'part_time' },
  PARTTIME: { employmentType: 'part_time' },
  CONTRACTOR: { contract: 'contract' },
  CONTRACT: { contract: 'contract' },
  TEMPORARY: { contract: 'temporary' },
  TEMP: { contract: 'temporary' },
  PER_DIEM: { contract: 'temporary' },
  INTERN: { contract: 'internship' },
  INTERNSHIP: { contract: 'internship' },
  VOLUNTEER: { contract: 'volunteer' },
  PERMANENT: { contract: 'permanent' },
  APPRENTICESHIP: { contract: 'apprenticeship' },
  SEASONAL: { contract: 'seasonal' },
  ZERO_HOURS: { contract: 'zero_hours' },
};

function mapEmployment(v: unknown): { employmentType?: string; contract?: string } {
  const types: string[] = [];
  const contracts: string[] = [];
  const free: string[] = [];
  for (const item of asArray(v)) {
    const s = textOf(item);
    if (!s) continue;
    for (const piece of s.split(/\s*,\s*/)) {
      const hit = EMPLOYMENT[piece.trim().toUpperCase().replace(/[\s-]+/g, '_')];
      if (hit?.employmentType) types.push(hit.employmentType);
      else if (hit?.contract) contracts.push(hit.contract);
      else if (piece.trim() && piece.trim().toUpperCase() !== 'OTHER') free.push(piece.trim());
    }
  }
  const out: { employmentType?: string; contract?: string } = {};
  const uniq = (xs: string[]) => [...new Set(xs)];
  if (types.length) out.employmentType = uniq(types).join(', ');
  if (contracts.length) out.contract = uniq(contracts).join(', ');
  // Free text ("Full time, Permanent") goes to both: the pipeline reads what it understands from each.
  if (free.length) {
    const text = free.join(', ').slice(0, 100);
    out.employmentType ??= text;
    out.contract ??= text;
  }
  return out;
}

/** Hours per week out of workHours, when it clearly says so ("37.5", "37.5 hours per week", "37.5 hrs/wk"). */
function hoursPerWeekOf(workHours: string): number | undefined {
  const m = /^\s*(\d{1,3}(?:\.\d+)?)\s*(?:hours?|hrs?|h)?\s*(?:(?:per|a|each|\/)\s*(?:week|wk)|pw|weekly)?\s*$/i.exec(workHours);
  const n = m?.[1] ? Number(m[1]) : undefined;
  return n !== undefined && n > 0 && n <= 168 ? n : undefined;
}

function mapOccupation(v: unknown): RawVacancy['occupation'] | undefined {
  const items = asArray(v);
  for (const item of items) {
    if (isObj(item) && (item['codeValue'] != null)) {
      const code = textOf(item['codeValue']);
      const set = textOf(item['inCodeSet'])?.toLowerCase() ?? '';
      if (code) {
        const scheme = set.includes('onet') || set.includes('o*net') ? 'onet' : set.includes('isco') ? 'isco' : 'soc';
        return { code: code.slice(0, 50), scheme };
      }
    }
    const s = textOf(item);
    if (!s) continue;
    const onet = /^\s*(\d{2}-\d{4}(?:\.\d{2})?)\b/.exec(s);
    if (onet?.[1]) return { code: onet[1], scheme: 'onet' };
    const soc = /^\s*(?:SOC\s*(?:2020|2010)?\s*:?\s*)?(\d{4})\b/i.exec(s);
    if (soc?.[1]) return { code: soc[1], scheme: 'soc' };
  }
  return undefined;
}

function listOf(v: unknown): string[] {
  return asArray(v)
    .map((x) => textOf(x))
    .filter((x): x is string => !!x)
    .map((x) => cleanDescription(x));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Appends labelled sections (responsibilities, qualifications, …) after the
 * description, in its own format: HTML gets a heading and paragraph, plain
 * text gets a labelled paragraph. Skill spotting then sees them in context.
 */
function appendSections(description: string, sections: [label: string, items: string[]][]): string {
  const filled = sections.filter(([, items]) => items.length > 0);
  if (!filled.length) return description;
  const isHtml = HTML_TAG.test(description);
  const parts = [description];
  for (const [label, items] of filled) {
    if (isHtml) {
      const body = items.map((i) => (HTML_TAG.test(i) ? i : `<p>${escapeHtml(i)}</p>`)).join('\n');
      parts.push(`<h3>${label}</h3>\n${body}`);
    } else {
      parts.push(`${label}:\n${items.map((i) => (HTML_TAG.test(i) ? cleanLine(i) : i)).join('\n')}`);
    }
  }
  return parts.filter(Boolean).join('\n\n');
}

/**
 * A JobPosting date as text for the pipeline. A number is read as epoch
 * milliseconds; one no Date can hold (beyond ±8.64e15) is passed on as its
 * digits, which parseDate reads back as that number, so the date window names
 * the field instead of the conversion throwing and failing a whole batch.
 */
export function jobPostingDateText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return Number.isFinite(v) && Math.abs(v) <= 8.64e15 ? new Date(v).toISOString() : String(v);
  return textOf(v);
}

// ---------------------------------------------------------------- entry point

/**
 * Maps one JobPosting (or a document wrapping one) to a RawVacancy. The
 * reference is `identifier` (string, number or PropertyValue), else `url`.
 * Errors name the JobPosting's own JSON paths (`baseSalary.value.minValue`).
 */
export function fromJobPosting(body: unknown): JobPostingResult {
  const jp = findJobPosting(body);
  if (!jp) return { ok: false, errors: [{ path: '@type', message: 'expected a schema.org JobPosting (@type "JobPosting")' }] };
  const m: Mapped = { raw: {}, paths: {}, errors: [] };
  const raw = m.raw;
  const put = <K extends keyof RawVacancy>(key: K, value: RawVacancy[K] | undefined, path: string) => {
    if (value === undefined) return;
    raw[key] = value;
    m.paths[key] = path;
  };

  const titleKey = jp['title'] != null ? 'title' : 'name';
  const title = textOf(jp[titleKey]);
  if (title && cleanLine(title)) put('title', cleanLine(title), titleKey);
  else m.errors.push({ path: 'title', message: 'a JobPosting needs a title (or name)' });

  // identifier: "REF-1", 1234, {"@type":"PropertyValue","name":"Acme","value":"REF-1"} or an array of those.
  const idItem = asArray(jp['identifier'])[0];
  const reference = isObj(idItem) ? textOf(idItem['value'] ?? idItem['@value'] ?? idItem['propertyID']) : textOf(idItem);
  const url = typeof jp['url'] === 'string' && jp['url'].trim() ? jp['url'].trim() : undefined;
  put('reference', reference ? reference.slice(0, 200) : url?.slice(0, 200), reference ? 'identifier' : 'url');
  put('url', url, 'url');

  const contact = asArray(jp['applicationContact']).find(isObj);
  const contactUrl = contact ? textOf(contact['url']) : undefined;
  const contactEmail = contact ? textOf(contact['email']) : undefined;
  const applyUrl = contactUrl ?? (contactEmail ? `mailto:${contactEmail.replace(/^mailto:/i, '')}` : undefined) ??
    (jp['directApply'] === true || jp['directApply'] === 'true' ? url : undefined);
  const contactPath = Array.isArray(jp['applicationContact']) ? 'applicationContact.0' : 'applicationContact';
  put('applyUrl', applyUrl, contactUrl ? `${contactPath}.url` : contactEmail ? `${contactPath}.email` : 'url');

  const org = asArray(jp['hiringOrganization'])[0];
  const employer = textOf(isObj(org) ? (org['name'] ?? org['legalName']) : org);
  put('employer', employer ? cleanLine(employer).slice(0, 300) : undefined, 'hiringOrganization');

  // Locations: the first place fills the structured fields; every place's text goes in `location`.
  const places = asArray(jp['jobLocation'])
    .map((p, i) => mapPlace(p, Array.isArray(jp['jobLocation']) ? `jobLocation.${i}` : 'jobLocation', m))
    .filter((p): p is PlaceParts => p !== null);
  const first = places[0];
  const locPath = Array.isArray(jp['jobLocation']) ? 'jobLocation.0' : 'jobLocation';
  const remote = asArray(jp['jobLocationType']).some((t) => typeof t === 'string' && /TELECOMMUTE|REMOTE/i.test(t));
  const applicantAreas = listOf(jp['applicantLocationRequirements']).map(cleanLine);
  const locationText = places.map((p) => p.text).filter(Boolean).join('; ') ||
    (remote && applicantAreas.length ? `Remote (${applicantAreas.join(', ')})` : undefined);
  put('location', locationText?.slice(0, 500), 'jobLocation');
  if (first) {
    put('town', first.town?.slice(0, 200), `${locPath}.address.addressLocality`);
    put('region', first.region?.slice(0, 200), `${locPath}.address.addressRegion`);
    put('postcode', first.postcode && first.postcode.length <= 20 ? first.postcode : undefined, `${locPath}.address.postalCode`);
    put('lat', first.lat, `${locPath}.geo.latitude`);
    put('lon', first.lon, `${locPath}.geo.longitude`);
  }
  if (remote) put('remote', 'remote', 'jobLocationType');

  const emp = mapEmployment(jp['employmentType']);
  put('employmentType', emp.employmentType, 'employmentType');
  put('contract', emp.contract, 'employmentType');

  const salary = mapSalary(jp['baseSalary'], 'baseSalary', m) ??
    mapSalary(asArray(jp['estimatedSalary'])[0], Array.isArray(jp['estimatedSalary']) ? 'estimatedSalary.0' : 'estimatedSalary', m);
  put('salary', salary, jp['baseSalary'] != null ? 'baseSalary' : 'estimatedSalary');

  put('datePosted', jobPostingDateText(jp['datePosted'])?.slice(0, 100), 'datePosted');
  put('validThrough', jobPostingDateText(jp['validThrough'])?.slice(0, 100), 'validThrough');

  const workHours = textOf(jp['workHours']);
  const hours = workHours ? hoursPerWeekOf(workHours) : undefined;
  put('hoursPerWeek', hours, 'workHours');

  put('occupation', mapOccupation(jp['occupationalCategory']), 'occupationalCategory');
  const industry = textOf(jp['industry']);
  if (industry && /^[A-Ua-u]$/.test(industry)) put('sector', industry.toUpperCase(), 'industry');

  const skills = listOf(jp['skills']).flatMap((s) => (HTML_TAG.test(s) ? [] : s.split(/\s*[,;\n]\s*/))).map((s) => s.trim()).filter((s) => s && s.length <= 200);
  if (skills.length) put('skills', [...new Set(skills)].slice(0, 200), 'skills');

  const rawDescription = typeof jp['description'] === 'string' ? cleanDescription(jp['description']) : textOf(jp['description']) ?? '';
  const occupationText = textOf(jp['occupationalCategory']);
  const description = appendSections(rawDescription, [
    ['Responsibilities', listOf(jp['responsibilities'])],
    ['Qualifications', listOf(jp['qualifications'])],
    ['Education', listOf(jp['educationRequirements'])],
    ['Experience', listOf(jp['experienceRequirements'])],
    ['Skills', listOf(jp['skills'])],
    ['Working hours', workHours && hours === undefined ? [workHours] : []],
    ['Industry', industry && !raw.sector ? [industry] : []],
    ['Occupational category', occupationText && !raw.occupation ? [occupationText] : []],
    ['Benefits', listOf(jp['jobBenefits'])],
  ]);
  put('description', description || undefined, 'description');

  const parsed = RawVacancySchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.');
      const top = String(issue.path[0] ?? '');
      const path = m.paths[key] ?? m.paths[top] ?? (key || '');
      if (!m.errors.some((e) => e.path === path)) m.errors.push({ path, message: issue.message });
    }
  }
  if (m.errors.length || !parsed.success) return { ok: false, errors: m.errors };
  return { ok: true, raw: parsed.data };
}
