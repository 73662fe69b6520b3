import { createHash } from 'node:crypto';
import { computeFingerprint } from './dedupe/fingerprint.ts';
import type { VacancyEnricher } from './enricher.ts';
import type { Geocoder } from '../geo/geocoder-port.ts';
import type { DateNote, NormalisedVacancy, Place, RawVacancy, VacancySkill } from './model.ts';
import { readClosingDate, readDateInWindow } from './normalise/dates.ts';
import { isInDateWindow } from './date-window.ts';
import { parseLocation, parseRemote } from './normalise/location.ts';
import { findRequirements } from './normalise/requirements.ts';
import { findSalaryInText, parseSalary, parseSalaryText } from './normalise/salary.ts';
import { parseTerms } from './normalise/terms.ts';
import { cleanDescription } from './normalise/text.ts';
import { cleanTitle } from './normalise/title.ts';

/** What the pipeline may use. All optional but the clock: without an enricher nothing is classified. */
export interface NormaliseDeps {
  /** Epoch ms, for relative dates ("posted 3 days ago"). */
  now: number;
  enricher?: VacancyEnricher | null;
  geocoder?: Geocoder | null;
  /** Skip the near-duplicate fingerprint (a pipe tool that only inspects fields). Default false. */
  skipFingerprint?: boolean;
}

const REMOTE_IN_TEXT = /\b(?:fully\s+remote|remote[- ]first|100%\s+remote|remote\s+(?:role|position|working|job)|work(?:ing)?\s+from\s+home\s+(?:role|position|full[- ]time)|home[- ]based\s+(?:role|position)|hybrid\s+(?:working|role|position|model))\b/i;
// Every REMOTE_IN_TEXT phrase contains one of these words: a literal test is ~4x cheaper than the
// phrase regex on the adverts (most) that mention none of them.
const REMOTE_WORDS = /remote|home|hybrid/i;
const remoteIn = (s: string): string | null => (REMOTE_WORDS.test(s) ? (REMOTE_IN_TEXT.exec(s)?.[0] ?? null) : null);

/**
 * The one pipeline every vacancy goes through, from any source: raw text in,
 * canonical model out. Pure apart from its deps; never throws on odd input.
 * Steps live in ./normalise/ (one file each); classification and skills come
 * from the optional enricher (src/taxonomy).
 *
 * Source-given values and the pipeline: a structured value the source gives
 * (lat/lon, remote, hours, occupation, sector) wins over what text suggests.
 * Skills merge: the source's own skill list is spotted against the taxonomy
 * and marked required (an employer listed it as a skill), then the
 * description's skills are added; the first evidence of a skill id wins.
 * A source skill the taxonomy does not know is kept with id `src:<slug>`.
 */
export function normaliseVacancy(deps: NormaliseDeps, raw: RawVacancy): NormalisedVacancy {
  const clean = cleanDescription(raw.description);
  const text = clean.text;
  const loc = parseLocation(deps.geocoder, raw);
  const title = cleanTitle(raw.title, {
    places: [raw.location, raw.town, loc.location?.town, loc.location?.text].filter((p): p is string => !!p),
  });

  let salary = parseSalary(raw.salary);
  if (salary.min == null && salary.max == null) {
    const line = findSalaryInText(text);
    if (line) {
      const fromText = parseSalaryText(line);
      if (fromText.min != null || fromText.max != null) salary = { ...fromText, text: salary.text ?? fromText.text };
    }
  }

  const terms = parseTerms({
    employmentType: raw.employmentType,
    contract: raw.contract,
    hoursPerWeek: raw.hoursPerWeek,
    title: raw.title,
    text,
  });
  let remote = loc.remote;
  if (!remote) {
    const head = text.slice(0, 5000);
    const m = remoteIn(raw.title) ?? remoteIn(head);
    if (m) remote = parseRemote(m);
  }

  // The advert as one string, built once: requirements and the enricher both read title and text together.
  const advertText = [title, text].join('\n');
  // Dates outside the plausible window (date-window.ts) are dropped here too: every way in
  // refuses them first, and this keeps any other caller from storing one.
  const posted = readDateInWindow('datePosted', raw.datePosted, deps.now);
  const datePosted = posted?.at ?? null;
  let closes = readDateInWindow('validThrough', raw.validThrough, deps.now);
  if (closes == null) {
    const found = readClosingDate(text, datePosted ?? deps.now);
    closes = found != null && isInDateWindow('validThrough', found.at, deps.now) ? found : null;
  }
  const validThrough = closes?.at ?? null;
  // Kept with the vacancy and shown in the API, so a coach sees that a closing time was not read, and why.
  const dateNotes: DateNote[] = [];
  if (posted?.note) dateNotes.push({ field: 'datePosted', note: posted.note });
  if (closes?.note) dateNotes.push({ field: 'validThrough', note: closes.note });
  const requirements = findRequirements(advertText);

  let occupation: NormalisedVacancy['occupation'] = raw.occupation
    ? { code: raw.occupation.code, scheme: raw.occupation.scheme ?? 'soc', confidence: 1, evidence: ['given by source'] }
    : null;
  let sector: NormalisedVacancy['sector'] = raw.sector ? { code: raw.sector.toUpperCase(), confidence: 1, evidence: ['given by source'] } : null;
  let skills: VacancySkill[] = [];
  const enricher = deps.enricher;
  if (enricher) {
    try {
      const found = enricher.enrichAdvert({ title, description: text, employer: raw.employer ?? null, text: advertText });
      occupation = occupation ?? found.occupation;
      sector = sector ?? found.sector;
      skills = found.skills;
    } catch {
      // An enricher failure must not lose the vacancy; it stays unclassified, with no skills.
    }
    try {
      // The source's own skill list: spotted against the taxonomy, and required (the employer listed it).
      if (raw.skills?.length) skills = mergeSkills(enricher.spotSkills(raw.skills.join('\n')).map((s) => ({ ...s, required: true })), skills);
    } catch {
      // As above: the description's skills stand.
    }
  }
  if (raw.skills?.length) {
    const known = new Set(skills.map((s) => s.evidence.toLowerCase()));
    const extra = raw.skills
      .filter((s) => !known.has(s.toLowerCase()) && !skills.some((k) => k.label.toLowerCase() === s.toLowerCase()))
      .map((s) => ({ id: `src:${slug(s)}`, label: s, evidence: s, required: true, confidence: 0.5 }));
    skills = mergeSkills(skills, extra);
  }

  const place = loc.location?.town ?? loc.location?.postcode ?? loc.location?.text ?? null;
  return {
    sourceRef: raw.reference ?? defaultReference(raw),
    url: raw.url ?? null,
    applyUrl: raw.applyUrl ?? raw.url ?? null,
    title,
    titleOriginal: raw.title,
    descriptionText: text,
    descriptionHtml: clean.html,
    employerName: raw.employer?.trim() || null,
    endEmployerName: raw.endEmployer?.trim() || null,
    location: loc.location,
    extraLocations: loc.extraLocations,
    remote,
    employmentType: terms.employmentType,
    contract: terms.contract,
    hoursPerWeek: terms.hoursPerWeek,
    shifts: terms.shifts,
    salary,
    datePosted,
    validThrough,
    dateNotes,
    requestedStatus: raw.status ?? 'live',
    occupation,
    sector,
    skills,
    requirements,
    fingerprint: deps.skipFingerprint
      ? null
      : computeFingerprint({ title, employerName: raw.employer ?? null, place, descriptionText: text }),
  };
}

function mergeSkills(first: VacancySkill[], second: VacancySkill[]): VacancySkill[] {
  const byId = new Map<string, VacancySkill>();
  for (const s of [...first, ...second]) {
    const prev = byId.get(s.id);
    if (!prev) byId.set(s.id, s);
    else if (s.required && !prev.required) byId.set(s.id, { ...prev, required: true });
  }
  return [...byId.values()];
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'skill';

/** A source with no reference of its own gets one from what identifies the job. */
export function defaultReference(raw: RawVacancy): string {
  if (raw.url) return raw.url;
  const key = [raw.title, raw.employer ?? '', raw.location ?? raw.postcode ?? ''].join('\u0000').toLowerCase();
  return 'h:' + createHash('sha256').update(key).digest('base64url').slice(0, 16);
}
