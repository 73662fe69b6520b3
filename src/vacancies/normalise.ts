import { createHash } from 'node:crypto';
import type { VacancyEnricher } from './enricher.ts';
import type { NormalisedVacancy, Place, RawVacancy } from './model.ts';

/** Offline geocoding of place names and postcodes (src/geo). */
export interface Geocoder {
  /** A place name, full postcode or outward code → a resolved place, or null. */
  geocode(text: string): Place | null;
}

/** What the pipeline may use. All optional but the clock: without an enricher nothing is classified. */
export interface NormaliseDeps {
  /** Epoch ms, for relative dates ("posted 3 days ago"). */
  now: number;
  enricher?: VacancyEnricher | null;
  geocoder?: Geocoder | null;
}

/**
 * The one pipeline every vacancy goes through, from any source: raw text in,
 * canonical model out. Pure apart from its deps; never throws on odd input.
 * (First cut: passes fields through; the normalisation issue fills in each step.)
 */
export function normaliseVacancy(deps: NormaliseDeps, raw: RawVacancy): NormalisedVacancy {
  const description = raw.description ?? '';
  const isHtml = /<[a-z][\s\S]*>/i.test(description);
  const text = isHtml ? description.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() : description.trim();
  const salary = typeof raw.salary === 'object' ? raw.salary : undefined;
  const hasPlace = raw.location || raw.town || raw.postcode || raw.lat != null;
  return {
    sourceRef: raw.reference ?? defaultReference(raw),
    url: raw.url ?? null,
    applyUrl: raw.applyUrl ?? raw.url ?? null,
    title: raw.title.trim(),
    titleOriginal: raw.title,
    descriptionText: text,
    descriptionHtml: isHtml ? description : null,
    employerName: raw.employer ?? null,
    endEmployerName: raw.endEmployer ?? null,
    location: hasPlace
      ? {
          text: raw.location ?? [raw.town, raw.postcode].filter(Boolean).join(' '),
          lat: raw.lat ?? null,
          lon: raw.lon ?? null,
          postcode: raw.postcode ?? null,
          town: raw.town ?? null,
          localAuthority: null,
          region: raw.region ?? null,
          resolved: raw.lat != null && raw.lon != null,
        }
      : null,
    extraLocations: [],
    remote: raw.remote ?? null,
    employmentType: null,
    contract: null,
    hoursPerWeek: raw.hoursPerWeek ?? null,
    shifts: [],
    salary: {
      min: salary?.min ?? null,
      max: salary?.max ?? null,
      currency: salary?.currency ?? (salary ? 'GBP' : null),
      period: salary?.period ?? null,
      annualMin: null,
      annualMax: null,
      text: typeof raw.salary === 'string' ? raw.salary : (salary?.text ?? null),
    },
    datePosted: raw.datePosted && !Number.isNaN(Date.parse(raw.datePosted)) ? Date.parse(raw.datePosted) : null,
    validThrough:
      raw.validThrough && !Number.isNaN(Date.parse(raw.validThrough)) ? Date.parse(raw.validThrough) : null,
    requestedStatus: raw.status ?? 'live',
    occupation: raw.occupation
      ? { code: raw.occupation.code, scheme: raw.occupation.scheme ?? 'soc', confidence: 1, evidence: ['given by source'] }
      : null,
    sector: raw.sector ? { code: raw.sector.toUpperCase(), confidence: 1, evidence: ['given by source'] } : null,
    skills: [],
    requirements: [],
    fingerprint: null,
  };
}

/** A source with no reference of its own gets one from what identifies the job. */
export function defaultReference(raw: RawVacancy): string {
  if (raw.url) return raw.url;
  const key = [raw.title, raw.employer ?? '', raw.location ?? raw.postcode ?? ''].join('\u0000').toLowerCase();
  return 'h:' + createHash('sha256').update(key).digest('base64url').slice(0, 16);
}
