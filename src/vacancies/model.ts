import { z } from 'zod';
import { ApplyUrlSchema, WebUrlSchema } from './link-url.ts';

/**
 * The canonical vacancy model (DESIGN.md, "Vacancy model"). Every source
 * produces a RawVacancy; normaliseVacancy() turns it into a NormalisedVacancy;
 * the store adds identity and lifecycle to make a Vacancy.
 */

export const REMOTE = ['onsite', 'hybrid', 'remote'] as const;
export const EMPLOYMENT_TYPES = ['full_time', 'part_time'] as const;
export const CONTRACTS = [
  'permanent',
  'temporary',
  'contract',
  'apprenticeship',
  'zero_hours',
  'seasonal',
  'volunteer',
  'internship',
] as const;
export const SALARY_PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const;
export const STATUSES = ['live', 'expired', 'closed'] as const;

export type Remote = (typeof REMOTE)[number];
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export type Contract = (typeof CONTRACTS)[number];
export type SalaryPeriod = (typeof SALARY_PERIODS)[number];
export type VacancyStatus = (typeof STATUSES)[number];

/**
 * What a source hands over, before normalisation: our own API shape, and the
 * shape that fromJobPosting() maps schema.org JobPosting into. Free text is
 * welcome anywhere; the pipeline parses it.
 */
export const RawVacancySchema = z.object({
  reference: z.string().trim().min(1).max(200).optional(),
  title: z.string().trim().min(1).max(500),
  description: z.string().max(200_000).optional(),
  /** Absolute http(s) only (link-url.ts): clients put it straight into an href. */
  url: WebUrlSchema.optional(),
  applyUrl: ApplyUrlSchema.optional(),
  employer: z.string().max(300).optional(),
  endEmployer: z.string().max(300).optional(),
  /** Free text: "Leeds", "LS1 4AP", "Hybrid - London", "Remote", "Bristol or Bath". */
  location: z.string().max(500).optional(),
  postcode: z.string().max(20).optional(),
  town: z.string().max(200).optional(),
  region: z.string().max(200).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  remote: z.enum(REMOTE).optional(),
  /** Free text or an enum value: "Full-time", "part_time", "FULL_TIME". */
  employmentType: z.string().max(100).optional(),
  /** Free text or an enum value: "Permanent", "Temporary", "CONTRACTOR". */
  contract: z.string().max(100).optional(),
  hoursPerWeek: z.number().positive().max(168).optional(),
  salary: z
    .union([
      z.string().max(500),
      z.object({
        min: z.number().nonnegative().optional(),
        max: z.number().nonnegative().optional(),
        currency: z.string().length(3).optional(),
        period: z.enum(SALARY_PERIODS).optional(),
        text: z.string().max(500).optional(),
      }),
    ])
    .optional(),
  /** ISO date or free text ("3 days ago"). */
  datePosted: z.string().max(100).optional(),
  /** ISO date or free text ("Closing date: 12th March 2025"). */
  validThrough: z.string().max(100).optional(),
  occupation: z.object({ code: z.string().min(1).max(50), scheme: z.string().max(20).optional() }).optional(),
  /** SIC 2007 section letter, if the source knows it. */
  sector: z.string().regex(/^[A-Ua-u]$/, 'a SIC 2007 section letter A–U').optional(),
  skills: z.array(z.string().min(1).max(200)).max(200).optional(),
  status: z.enum(['live', 'closed']).optional(),
});
export type RawVacancy = z.infer<typeof RawVacancySchema>;

export interface Place {
  text: string;
  lat: number | null;
  lon: number | null;
  postcode: string | null;
  town: string | null;
  localAuthority: string | null;
  region: string | null;
  resolved: boolean;
  /**
   * How fine the point is: a full postcode, a postcode district's centroid
   * (a full postcode with no imported table says 'district'), a London
   * neighbourhood or other named locality, a town, or a named area's centroid
   * (see `area`); 'point' for a source's own coordinates that nothing it
   * names confirms (see src/geo/source-point-precision.ts). Absent on places
   * stored before it was recorded.
   */
  precision?: PlacePrecision;
  /** When the text names an area rather than a point ("Surrey", "North Tyneside"): which one, and how big. */
  area?: { code: string; name: string; kind: string; radiusKm: number };
  /** The local authority's name (`localAuthority` holds its GSS code). */
  localAuthorityName?: string | null;
  /**
   * Set when the text names somewhere outside the UK: `country` is its ISO
   * 3166-1 alpha-2 code ('US', 'DE'; the Crown Dependencies 'JE', 'GG', 'IM',
   * which are located but have no UK local authority or region), or null for
   * a world region that leaves out the UK ("AMER", "APAC"). Stored (the
   * main place's in `location_outside_uk`, extra places in their JSON);
   * absent on places stored before 0023.
   */
  outsideUk?: { country: string | null };
}

export type SalaryFlag = 'implausible-range' | 'below-legal-minimum';
export interface SalaryExtra {
  kind: 'bonus' | 'commission' | 'tips' | 'allowance' | 'overtime';
  /** In the salary's own period when stated; null when the text only names it ("+ bonus"). */
  amount: number | null;
}

export type PlacePrecision = 'postcode' | 'district' | 'neighbourhood' | 'town' | 'area' | 'point';

export interface VacancySkill {
  /** Taxonomy skill id, e.g. `fp:manual-handling`, `esco:<uuid>`. */
  id: string;
  label: string;
  /** The words in the advert that evidence it. */
  evidence: string;
  /** True when the employer requires it ("essential", "must have", a requirements section). */
  required: boolean;
  confidence: number;
}

export const REQUIREMENT_KINDS = [
  'driving_licence',
  'own_vehicle',
  'dbs',
  'cscs',
  'sia',
  'forklift',
  'right_to_work',
  'visa_sponsorship',
  'welsh_language',
] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

export interface Requirement {
  kind: RequirementKind;
  /** Licence category (B, C1, C, C+E, D), DBS level (basic, enhanced), … */
  detail: string | null;
  evidence: string;
}

/** The output of the normalise/enrich pipeline: everything but identity and lifecycle. */
export interface NormalisedVacancy {
  sourceRef: string;
  url: string | null;
  applyUrl: string | null;
  title: string;
  titleOriginal: string;
  descriptionText: string;
  descriptionHtml: string | null;
  employerName: string | null;
  endEmployerName: string | null;
  location: Place | null;
  extraLocations: Place[];
  remote: Remote | null;
  employmentType: EmploymentType | null;
  contract: Contract | null;
  hoursPerWeek: number | null;
  shifts: string[];
  salary: {
    min: number | null;
    max: number | null;
    currency: string | null;
    period: SalaryPeriod | null;
    annualMin: number | null;
    annualMax: number | null;
    text: string | null;
    /** On-target earnings, kept apart from the basic pay above ("£25k basic, OTE £40k"). */
    ote?: { min: number | null; max: number | null; annualMin: number | null; annualMax: number | null };
    /** Pay on top of the basic that the text names: bonus, commission, tips, allowances, overtime (amount when stated). */
    extras?: SalaryExtra[];
    /** The named pay scale the figures come from (or that the text gives without figures). */
    scale?: { name: string; from: string | null; to: string | null; table: string | null };
    /**
     * Why the figures are not trusted for filtering: `implausible-range` (minimum under 10% of the
     * maximum), `below-legal-minimum` (an hourly rate under the lowest UK statutory rate). When set,
     * annualMin/annualMax are null so that search filters and pay guards ignore them.
     */
    flags?: SalaryFlag[];
  };
  datePosted: number | null;
  validThrough: number | null;
  /**
   * What the date reader left out and why, per field (e.g. "12 noon on midnight 5 January 2027":
   * two different times, so the closing date is the day alone). Absent or empty when nothing was left out.
   */
  dateNotes?: DateNote[];
  requestedStatus: 'live' | 'closed';
  occupation: { code: string; scheme: string; confidence: number; evidence: string[] } | null;
  sector: { code: string; confidence: number; evidence: string[] } | null;
  skills: VacancySkill[];
  requirements: Requirement[];
  /** Near-duplicate fingerprint, if the dedupe step computed one. */
  fingerprint: string | null;
}

export interface DateNote {
  field: 'datePosted' | 'validThrough';
  note: string;
}

/** A stored vacancy, as the rest of the code sees it. */
export interface Vacancy extends Omit<NormalisedVacancy, 'requestedStatus' | 'fingerprint'> {
  id: number;
  source: string;
  employerId: number | null;
  status: VacancyStatus;
  clusterId: number | null;
  contentHash: string;
  firstSeen: number;
  lastSeen: number;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  isDemo: boolean;
}

/**
 * The parts of a stored vacancy that ranking reads (its fit, its terms
 * against a participant's preferences, its title's seniority, its age): what the ~1,000 candidates
 * of a participant's matches are loaded as (getRankableVacanciesByIds), the
 * adverts' text and places left on disk until a vacancy is shown.
 */
export type RankableVacancy = Pick<
  Vacancy,
  'id' | 'status' | 'title' | 'datePosted' | 'firstSeen' | 'remote' | 'employmentType' | 'hoursPerWeek' | 'shifts' | 'salary' | 'occupation' | 'requirements' | 'skills'
>;
