import { createRandom, type Random } from '../../../src/random.ts';
import { BENCH_QUERIES, UK_PLACES } from '../../bench/lib/generate.ts';
import { getOk, type Outcome } from './load.ts';
import { assertLoopback } from './http.ts';

/**
 * What coaches ask for, as load-loop requests: vacancy searches, a
 * participant's matches, and the participant page. The mix of queries is
 * fixed by the seed: mostly two-word queries near a town, some with a
 * sector or a date sort, some prefix queries and some empty browses.
 */

export type CoachKind = 'search' | 'matches' | 'page';

const SECTORS = ['Q', 'H', 'G', 'I', 'N', 'C', 'F'];
const pick = <T>(rng: Random, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

export function searchPath(rng: Random): string {
  const p = new URLSearchParams();
  const r = rng();
  if (r < 0.1) {
    // empty browse
  } else if (r < 0.2) {
    p.set('q', `${pick(rng, BENCH_QUERIES).split(' ')[0]!.slice(0, 4)}*`);
  } else {
    p.set('q', pick(rng, BENCH_QUERIES));
  }
  if (rng() < 0.6) {
    const place = pick(rng, UK_PLACES);
    p.set('near', `${place[2]},${place[3]}`);
    p.set('radiusKm', String(pick(rng, [10, 15, 25, 50])));
  }
  if (rng() < 0.2) p.set('sector', pick(rng, SECTORS));
  if (rng() < 0.1) p.set('sort', 'date');
  if (rng() < 0.2) p.set('page', String(2 + Math.floor(rng() * 2)));
  return `/v1/search?${p}`;
}

export function matchesPath(rng: Random, participantIds: readonly number[]): string {
  const p = new URLSearchParams();
  if (rng() < 0.3) p.set('q', pick(rng, BENCH_QUERIES));
  if (rng() < 0.2) p.set('page', '2');
  const qs = p.toString();
  return `/v1/participants/${pick(rng, participantIds)}/matches${qs ? `?${qs}` : ''}`;
}

export const pagePath = (rng: Random, participantIds: readonly number[]) => `/participants/${pick(rng, participantIds)}`;

export interface CoachAuth {
  token: string;
  /** Cookie header for the pages (from signing in). */
  cookie: string;
  participantIds: readonly number[];
}

/** A load-loop request for `kind`; request `i` always asks the same thing for a given seed. */
export function coachRequest(baseUrl: string, kind: CoachKind, auth: CoachAuth, seed: number) {
  assertLoopback(baseUrl);
  const bearer = { Authorization: `Bearer ${auth.token}` };
  const cookie = { Cookie: auth.cookie };
  return (_client: number, i: number, signal: AbortSignal): Promise<Outcome> => {
    const rng = createRandom(seed * 7919 + i);
    if (kind === 'search') return getOk(baseUrl + searchPath(rng), bearer, signal);
    if (kind === 'matches') return getOk(baseUrl + matchesPath(rng, auth.participantIds), bearer, signal);
    return getOk(baseUrl + pagePath(rng, auth.participantIds), cookie, signal);
  };
}
