import { z } from 'zod';
import type { Checked } from '../../errors.ts';
import type { Geocoder } from '../../geo/geocoder-port.ts';
import { resolvePlace } from '../../geo/resolve-place.ts';
import type { MatchOptions } from '../../matching/participant-matches.ts';
import { prepareParticipant, type ParticipantDeps, type PreparedParticipant } from '../../participants/service.ts';
import { ParticipantBodySchema } from '../../participants/validation.ts';
import type { ParticipantTransitionOptions } from '../../matching/participant-transitions.ts';
import type { PivotOptions } from '../../pivots/pivots.ts';
import { CONTRACTS, REMOTE } from '../../vacancies/model.ts';
import { andThen, checkWith } from '../checked.ts';
import { ATTENTION_FLAGS, type AttentionFlag } from '../../participants/attention.ts';
import { CASELOAD_SORTS } from '../../participants/caseload.ts';
import { STAGES } from '../../shortlist/stages.ts';

/**
 * The query strings of /v1/participants and its reads, and their readers:
 * each turns raw parameters into the typed options of one use case, or
 * into field errors. The participant page reads its forms through the same
 * readers, so the page and the API accept exactly the same input.
 */

export const ListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/**
 * The caseload page's query (sort, stage and flag filters, name search,
 * page). Not strict: the page's own notices (`erased=1`) ride on the same URL.
 */
export const CaseloadQuerySchema = z.object({
  sort: z.enum(CASELOAD_SORTS).default('activity'),
  stage: z.enum(STAGES).optional(),
  flag: z.enum(ATTENTION_FLAGS as [AttentionFlag, ...AttentionFlag[]]).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/** A path id; anything that is not a positive integer reads as "no such participant". */
export const idOf = (raw: string): number => (/^\d{1,15}$/.test(raw) ? Number(raw) : -1);

const list = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values as [T, ...T[]])));

/** The query of GET /v1/participants/:id/matches: /v1/search's filters, with the participant's defaults. */
export const MatchesQuerySchema = z.strictObject({
  q: z.string().trim().max(500).optional(),
  /** "lat,lon", a place name or a postcode; default the participant's location. */
  near: z.string().trim().min(1).max(200).optional(),
  /** Default the participant's maximum travel distance. */
  radiusKm: z.coerce.number().positive().max(1000).optional(),
  sector: z
    .string()
    .max(100)
    .transform((s) => s.split(',').map((v) => v.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-U]$/, 'a SIC 2007 section letter A–U')))
    .optional(),
  contract: list(CONTRACTS).optional(),
  remote: list(REMOTE).optional(),
  /** Annual GBP; default the participant's salary floor. */
  salaryMin: z.coerce.number().nonnegative().max(1_000_000).optional(),
  postedWithinDays: z.coerce.number().int().min(1).max(3650).optional(),
  /** `true`: also show vacancies whose fit is below the fit floor (weak fits are hidden by default). */
  wider: z
    .enum(['true', 'false', '1', '0', 'on', ''])
    .transform((v) => v === 'true' || v === '1' || v === 'on')
    .optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const TransitionsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** viable (default), desirable, or all ranked by similarity. */
  filter: z.enum(['viable', 'desirable', 'all']).default('viable'),
  minSimilarity: z.coerce.number().min(0).max(1).optional(),
  maxLevelUp: z.coerce.number().int().min(0).max(4).optional(),
  minPayRatio: z.coerce.number().min(0).max(5).optional(),
  /** Viability: destination pay at most this multiple of theirs (default 1.75). */
  maxPayRatio: z.coerce.number().min(1).max(10).optional(),
});

export const PivotsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Growth window in days (default 91: 13 weeks). */
  windowDays: z.coerce.number().int().min(7).max(365).optional(),
  /** Travel range override in km (default their maximum travel). */
  radiusKm: z.coerce.number().positive().max(500).optional(),
});

/** Matches query → options, with `near` located (a place nobody can find is a field error). */
export function readMatchesQuery(deps: { geocoder: Geocoder | null }, raw: unknown): Checked<MatchOptions> {
  return andThen(checkWith(MatchesQuerySchema, raw), ({ near: nearText, ...rest }) => {
    if (!nearText) return { ok: true, value: rest };
    const near = resolvePlace(deps.geocoder, nearText);
    if (!near) return { ok: false, errors: [{ path: 'near', message: 'not a place, postcode or "lat,lon" we can locate' }] };
    return { ok: true, value: { ...rest, near } };
  });
}

export const readTransitionsQuery = (raw: unknown): Checked<ParticipantTransitionOptions> => checkWith(TransitionsQuerySchema, raw);

export const readPivotsQuery = (raw: unknown): Checked<PivotOptions> => checkWith(PivotsQuerySchema, raw);

/** A participant body (JSON or a form's) → a participant ready to store: the schema's errors, then what did not resolve. */
export function readParticipantBody(deps: ParticipantDeps, body: unknown): Checked<PreparedParticipant> {
  const checked = checkWith(ParticipantBodySchema, body);
  if (checked.ok || !body || typeof body !== 'object' || Array.isArray(body)) return andThen(checked, (b) => prepareParticipant(deps, b));
  // Every problem at once: the fields the schema accepted are still resolved (skills, licences,
  // places), so an unknown skill is reported beside a number out of range, not one submission later.
  const failed = new Set(checked.errors.map((e) => e.path.split('.')[0]));
  const rest = Object.fromEntries(Object.entries(body).filter(([k]) => !failed.has(k)));
  const partial = checkWith(ParticipantBodySchema, rest);
  const resolved = partial.ok ? prepareParticipant(deps, partial.value) : partial;
  return { ok: false, errors: [...checked.errors, ...(resolved.ok ? [] : resolved.errors)] };
}
