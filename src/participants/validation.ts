import { z } from 'zod';
import type { FieldError } from '../errors.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import { findSkillInOtherWords, nearestSkillLabels } from '../taxonomy/skill-labels.ts';
import type { VacancyEnricher } from '../vacancies/enricher.ts';
import type { Geocoder } from '../geo/geocoder-port.ts';
import { resolvePlace } from '../geo/resolve-place.ts';
import { LICENCE_EXAMPLES, parseLicence } from './licences.ts';
import { HOURS_PATTERNS, MUST_PREFERENCES, SHIFT_PATTERNS } from './preferences.ts';
import { findGivenOccupation, resolveTitle } from './resolve-occupation.ts';
import { MAX_TARGETS, resolveTarget, type TargetOccupation } from './targets.ts';

/**
 * The participant API body. Minimal personal data: a reference and a name
 * (both optional), a location precise enough for travel distance, and what
 * matters for matching. Nothing else is accepted (unknown keys are errors,
 * so personal data cannot slip in through an extra field).
 */
const HistoryEntrySchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    /** Occupation id or code: `soc:6135`, `6135`, `esco:<uuid>`, `onet:53-3032.00`. */
    occupation: z.string().trim().min(1).max(200).optional(),
    years: z.number().min(0).max(60),
    /** Years since it ended (0 = current); by default the list is read as most recent first, back to back. */
    endedYearsAgo: z.number().min(0).max(70).optional(),
  })
  .refine((h) => h.title !== undefined || h.occupation !== undefined, {
    message: 'give a title or an occupation',
    path: ['title'],
  });

const SkillListSchema = z.array(z.string().trim().min(1).max(300)).max(200);

export const ParticipantBodySchema = z.strictObject({
  reference: z.string().trim().min(1).max(100).nullable().optional(),
  name: z.string().trim().min(1).max(200).nullable().optional(),
  /** A place name, a postcode or "lat,lon". */
  location: z.string().trim().min(1).max(200).nullable().optional(),
  maxTravelKm: z.number().positive().max(1000).nullable().optional(),
  history: z.array(HistoryEntrySchema).max(50).optional(),
  skills: z.strictObject({ add: SkillListSchema.optional(), remove: SkillListSchema.optional() }).optional(),
  licences: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  qualifications: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  /** Target occupations: job titles or occupation codes (`HGV driver`, `soc:8211`). */
  targets: z.array(z.string().trim().min(1).max(200)).max(MAX_TARGETS).optional(),
  hoursPerWeek: z.number().positive().max(100).nullable().optional(),
  /** Lowest acceptable annual pay, GBP. */
  salaryFloor: z.number().nonnegative().max(1_000_000).nullable().optional(),
  remote: z.enum(['onsite', 'hybrid', 'remote', 'any']).nullable().optional(),
  /** Hours pattern wanted (preferences.ts). */
  hoursPattern: z.enum(HOURS_PATTERNS).nullable().optional(),
  /** Shift patterns they cannot or will not work. */
  avoidShifts: z.array(z.enum(SHIFT_PATTERNS)).max(SHIFT_PATTERNS.length).optional(),
  /** Preferences that are hard limits: vacancies known to break them are left out. */
  must: z.array(z.enum(MUST_PREFERENCES)).max(MUST_PREFERENCES.length).optional(),
});
export type ParticipantBody = z.infer<typeof ParticipantBodySchema>;

export interface ResolvedLocation {
  text: string;
  lat: number | null;
  lon: number | null;
  resolved: boolean;
}

/** "lat,lon" or a place (src/geo/resolve-place.ts); unresolvable text is kept and flagged. */
export function resolveLocation(geocoder: Geocoder | null, text: string): ResolvedLocation {
  const at = resolvePlace(geocoder, text);
  return at ? { text, lat: at.lat, lon: at.lon, resolved: true } : { text, lat: null, lon: null, resolved: false };
}

export interface ResolvedHistoryEntry {
  title: string | null;
  occupationInput: string | null;
  occupationId: string | null;
  resolvedBy: 'given' | 'classifier' | 'title' | null;
  confidence: number | null;
  years: number;
  endedYearsAgo: number | null;
}

export interface ResolveDeps {
  taxonomy: Taxonomy;
  enricher: VacancyEnricher | null;
  geocoder: Geocoder | null;
}

/** The parts of a body that need the taxonomy or the geocoder, resolved; errors name the field. */
export interface ResolvedBody {
  location?: ResolvedLocation | null;
  history?: ResolvedHistoryEntry[];
  skillsAdd?: string[];
  skillsRemove?: string[];
  licences?: string[];
  targets?: TargetOccupation[];
}

export function resolveBody(deps: ResolveDeps, body: ParticipantBody): { value: ResolvedBody; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const value: ResolvedBody = {};
  if (body.location !== undefined) value.location = body.location === null ? null : resolveLocation(deps.geocoder, body.location);
  if (body.history) {
    value.history = body.history.map((h, i) => {
      const base = { title: h.title ?? null, occupationInput: h.occupation ?? null, years: h.years, endedYearsAgo: h.endedYearsAgo ?? null };
      if (h.occupation !== undefined) {
        const o = findGivenOccupation(deps.taxonomy, h.occupation);
        if (!o) errors.push({ path: `history.${i}.occupation`, message: `unknown occupation "${h.occupation}"` });
        return { ...base, occupationId: o?.id ?? null, resolvedBy: o ? ('given' as const) : null, confidence: o ? 1 : null };
      }
      return { ...base, ...resolveTitle(deps.taxonomy, deps.enricher, h.title ?? '') };
    });
  }
  if (body.skills?.add !== undefined) value.skillsAdd = resolveSkills(deps.taxonomy, body.skills.add, 'skills.add', errors);
  if (body.skills?.remove !== undefined) value.skillsRemove = resolveSkills(deps.taxonomy, body.skills.remove, 'skills.remove', errors);
  if (body.licences) {
    value.licences = [];
    body.licences.forEach((l, i) => {
      const code = parseLicence(l);
      if (code) value.licences?.push(code);
      else errors.push({ path: `licences.${i}`, message: `not a licence we understand (${LICENCE_EXAMPLES})` });
    });
    value.licences = [...new Set(value.licences)];
  }
  if (body.targets) {
    value.targets = [];
    const seen = new Set<string>();
    body.targets.forEach((input, i) => {
      const occupationId = resolveTarget(deps.taxonomy, deps.enricher, input);
      if (!occupationId) errors.push({ path: `targets.${i}`, message: `we do not know the occupation “${input}”. Try a job title from the suggestions, or a SOC code` });
      else if (!seen.has(occupationId)) {
        seen.add(occupationId);
        value.targets?.push({ input, occupationId });
      }
    });
  }
  return { value, errors };
}

/**
 * A skill named by id, by its label or an alternative label (any case or
 * inflection), or in other words with the same content ("Operate a
 * forklift" → Forklift driving; src/taxonomy/skill-labels.ts).
 */
export function findSkill(taxonomy: Taxonomy, text: string): string | undefined {
  return taxonomy.skills.has(text) ? text : findSkillInOtherWords(taxonomy, text);
}

function resolveSkills(taxonomy: Taxonomy, list: string[], path: string, errors: FieldError[]): string[] {
  const out: string[] = [];
  list.forEach((s, i) => {
    const id = findSkill(taxonomy, s);
    if (id) out.push(id);
    else {
      const near = nearestSkillLabels(taxonomy, s);
      const quoted = near.map((l) => `“${l}”`);
      errors.push({
        path: `${path}.${i}`,
        message: near.length
          ? `we do not know the skill “${s}”. Did you mean ${quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}` : quoted[0]}?`
          : `we do not know the skill “${s}”. Try a shorter name from the suggestions`,
      });
    }
  });
  return [...new Set(out)];
}
