import type { SearchQuery } from '../engine.ts';

/**
 * Filter expressions built only from typed query values. Strings always go
 * inside one double-quoted literal with `\` and `"` escaped (Meilisearch's
 * filter grammar, since v1.4, unescapes exactly those two inside quotes), so
 * no value — quotes, backslashes, ` OR `, `_geoRadius(`, newlines — can leave
 * its literal and change the expression. Numbers must be finite and are
 * written by us, never copied from text.
 */

export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function formatFilterNumber(value: number, what: string): string {
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite number, got ${value}`);
  // String(n) never yields exponent form for the magnitudes we use (epoch ms,
  // salaries, ids); guard anyway because "1e+21" is not a filter number.
  const s = String(value);
  if (/e/i.test(s)) throw new RangeError(`${what} is out of range: ${value}`);
  return s;
}

function inList(attribute: string, values: readonly string[]): string {
  return `${attribute} IN [${values.map(quoteFilterValue).join(', ')}]`;
}

export function geoRadiusFilter(near: { lat: number; lon: number; radiusKm: number }): string {
  const metres = Math.round(near.radiusKm * 1000);
  return `_geoRadius(${formatFilterNumber(near.lat, 'near.lat')}, ${formatFilterNumber(near.lon, 'near.lon')}, ${formatFilterNumber(metres, 'near.radiusKm')})`;
}

export function vacancyIdsFilter(ids: readonly number[]): string {
  return `vacancyId IN [${ids.map((id) => formatFilterNumber(id, 'id')).join(', ')}]`;
}

/**
 * True when an empty list makes the query match nothing ("none of these
 * allowed", as in the embedded engine). The engine answers such a query
 * itself; buildFilter leaves empty lists out.
 */
export function matchesNothing(query: SearchQuery): boolean {
  const f = query.filters ?? {};
  return [f.sector, f.contract, f.employmentType, f.remote, f.occupationCode, f.ids].some((v) => v !== undefined && v.length === 0);
}

/**
 * The whole filter as one string of AND-ed conditions (undefined when there
 * is none). The order is fixed so tests can assert the exact string.
 */
export function buildFilter(query: SearchQuery): string | undefined {
  const f = query.filters ?? {};
  const parts: string[] = [];
  const lists: [string, string[] | undefined][] = [
    ['sector', f.sector],
    ['contract', f.contract],
    ['employmentType', f.employmentType],
    ['remote', f.remote],
    ['occupationCode', f.occupationCode],
  ];
  for (const [attribute, values] of lists) if (values && values.length > 0) parts.push(inList(attribute, values));
  if (f.salaryMin != null) parts.push(`salaryReach >= ${formatFilterNumber(f.salaryMin, 'salaryMin')}`);
  if (f.postedAfter != null) parts.push(`datePosted >= ${formatFilterNumber(f.postedAfter, 'postedAfter')}`);
  if (f.ids) parts.push(vacancyIdsFilter(f.ids));
  if (query.near) parts.push(geoRadiusFilter(query.near));
  return parts.length > 0 ? parts.join(' AND ') : undefined;
}

/**
 * Documents of these vacancies whose location index is at or past the
 * vacancy's current number of places: the stale ones left when a vacancy
 * loses a location. Grouped by place count to keep the expression short.
 */
export function staleLocationsFilter(placeCounts: ReadonlyMap<number, number>): string | undefined {
  const byCount = new Map<number, number[]>();
  for (const [id, count] of placeCounts) {
    let ids = byCount.get(count);
    if (!ids) byCount.set(count, (ids = []));
    ids.push(id);
  }
  const groups = [...byCount.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([count, ids]) => `(${vacancyIdsFilter(ids)} AND locationIndex >= ${formatFilterNumber(count, 'count')})`);
  return groups.length > 0 ? groups.join(' OR ') : undefined;
}
