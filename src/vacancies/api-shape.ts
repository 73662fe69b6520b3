import { z } from 'zod';
import { readableDateOrNull } from './date-window.ts';
import { safeLinkOrNull } from './link-url.ts';
import { ANNUALISATION_NOTE } from './normalise/annualise.ts';
import { CONTRACTS, EMPLOYMENT_TYPES, REMOTE, SALARY_PERIODS, STATUSES, type Vacancy } from './model.ts';

/**
 * The public JSON representation of a stored vacancy, used by every API
 * that returns vacancies. Times are ISO 8601 strings; internal fields
 * (fingerprint, missed runs) stay inside.
 */
// Defensive: a time no Date can hold (a row from before dates were range-checked) reads as null, not a 500.
const iso = (ms: number | null) => {
  const t = readableDateOrNull(ms);
  return t == null ? null : new Date(t).toISOString();
};

const PlaceOut = z.object({
  text: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  postcode: z.string().nullable(),
  town: z.string().nullable(),
  localAuthority: z.string().nullable(),
  region: z.string().nullable(),
  resolved: z.boolean(),
  precision: z
    .enum(['postcode', 'district', 'neighbourhood', 'town', 'area', 'point'])
    .optional()
    .describe('How fine the point is; district = a postcode district\'s centroid (a full postcode with no imported table), area = a named area\'s centroid; for a source\'s own coordinates, the finest name it gives that resolves near them (a full postcode = postcode), point = nothing it names confirms them'),
  area: z
    .object({ code: z.string(), name: z.string(), kind: z.string(), radiusKm: z.number() })
    .optional()
    .describe('The named area the text gives (county, metropolitan county, unitary or local authority, region, country)'),
  localAuthorityName: z.string().nullable().optional().describe('The local authority\'s name (localAuthority is its GSS code)'),
  outsideUk: z
    .object({ country: z.string().nullable() })
    .optional()
    .describe('Present when the place is outside the UK: country is its ISO 3166-1 alpha-2 code (JE, GG, IM for the Crown Dependencies, which are located), null for a world region such as AMER; absent for UK places and vacancies stored before it was recorded'),
});

export const PublicVacancySchema = z
  .object({
    id: z.number().int(),
    reference: z.string().describe('The source\'s own reference (for employer vacancies, the one you sent)'),
    source: z.string(),
    status: z.enum(STATUSES),
    title: z.string(),
    titleOriginal: z.string(),
    description: z.string().describe('Plain text'),
    descriptionHtml: z.string().nullable().describe('Sanitised HTML, when the source sent HTML'),
    url: z.string().nullable(),
    applyUrl: z.string().nullable(),
    employer: z.string().nullable(),
    endEmployer: z.string().nullable(),
    location: PlaceOut.nullable(),
    extraLocations: z.array(PlaceOut),
    remote: z.enum(REMOTE).nullable(),
    employmentType: z.enum(EMPLOYMENT_TYPES).nullable(),
    contract: z.enum(CONTRACTS).nullable(),
    hoursPerWeek: z.number().nullable(),
    shifts: z.array(z.string()),
    salary: z.object({
      min: z.number().nullable(),
      max: z.number().nullable(),
      currency: z.string().nullable(),
      period: z.enum(SALARY_PERIODS).nullable(),
      annualMin: z.number().nullable().describe(ANNUALISATION_NOTE),
      annualMax: z.number().nullable().describe(ANNUALISATION_NOTE),
      text: z.string().nullable(),
      ote: z
        .object({ min: z.number().nullable(), max: z.number().nullable(), annualMin: z.number().nullable(), annualMax: z.number().nullable() })
        .optional()
        .describe('On-target earnings, kept apart from the basic pay'),
      extras: z
        .array(z.object({ kind: z.enum(['bonus', 'commission', 'tips', 'allowance', 'overtime']), amount: z.number().nullable() }))
        .optional()
        .describe('Pay on top of the basic that the text names (amount when stated, in the salary period)'),
      scale: z
        .object({ name: z.string(), from: z.string().nullable(), to: z.string().nullable(), table: z.string().nullable() })
        .optional()
        .describe('The named pay scale the figures come from (table: the dated table used, null when none is known)'),
      flags: z.array(z.enum(['implausible-range', 'below-legal-minimum'])).optional().describe('Why the figures are not used for filtering'),
    }),
    datePosted: z.string().nullable(),
    validThrough: z.string().nullable(),
    dateNotes: z
      .array(z.object({ field: z.enum(['datePosted', 'validThrough']), note: z.string() }))
      .describe('What was left out of a date the source gave, and why (e.g. two different closing times: the closing date is then the day alone, 00:00 UTC)'),
    occupation: z.object({ code: z.string(), scheme: z.string(), confidence: z.number() }).nullable(),
    sector: z.object({ code: z.string(), confidence: z.number() }).nullable(),
    skills: z.array(z.object({ id: z.string(), label: z.string(), evidence: z.string(), required: z.boolean(), confidence: z.number() })),
    requirements: z.array(z.object({ kind: z.string(), detail: z.string().nullable(), evidence: z.string() })),
    clusterId: z.number().nullable(),
    contentHash: z.string(),
    firstSeen: z.string(),
    lastSeen: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
    isDemo: z.boolean(),
  });
export type PublicVacancy = z.infer<typeof PublicVacancySchema>;

export function toPublicVacancy(v: Vacancy): PublicVacancy {
  return {
    id: v.id,
    reference: v.sourceRef,
    source: v.source,
    status: v.status,
    title: v.title,
    titleOriginal: v.titleOriginal,
    description: v.descriptionText,
    descriptionHtml: v.descriptionHtml,
    // Links stored before link-url.ts existed are re-checked, so an old javascript: link never reaches a client.
    url: safeLinkOrNull(v.url),
    applyUrl: safeLinkOrNull(v.applyUrl, { allowMailto: true }),
    employer: v.employerName,
    endEmployer: v.endEmployerName,
    location: v.location,
    extraLocations: v.extraLocations,
    remote: v.remote,
    employmentType: v.employmentType,
    contract: v.contract,
    hoursPerWeek: v.hoursPerWeek,
    shifts: v.shifts,
    salary: v.salary,
    datePosted: iso(v.datePosted),
    validThrough: iso(v.validThrough),
    dateNotes: v.dateNotes ?? [],
    occupation: v.occupation ? { code: v.occupation.code, scheme: v.occupation.scheme, confidence: v.occupation.confidence } : null,
    sector: v.sector ? { code: v.sector.code, confidence: v.sector.confidence } : null,
    skills: v.skills,
    requirements: v.requirements,
    clusterId: v.clusterId,
    contentHash: v.contentHash,
    firstSeen: iso(v.firstSeen) as string,
    lastSeen: iso(v.lastSeen) as string,
    createdAt: iso(v.createdAt) as string,
    updatedAt: iso(v.updatedAt) as string,
    closedAt: iso(v.closedAt),
    isDemo: v.isDemo,
  };
}
