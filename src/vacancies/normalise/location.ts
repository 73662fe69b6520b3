import type { Place, RawVacancy, Remote } from '../model.ts';
import type { Geocoder } from '../../geo/geocoder-port.ts';
import { stripPlaceNoise } from '../../geo/place-noise.ts';
import { sourcePointPrecision } from '../../geo/source-point-precision.ts';

/**
 * Location text → places and a remote flag. Handles "Remote", "Hybrid -
 * London", "Leeds or Bradford", "Multiple locations", postcodes, and the
 * structured fields a source may give (town, postcode, lat/lon). A place that
 * cannot be geocoded keeps its text, has no coordinates and `resolved: false`.
 */
export interface ParsedLocation {
  location: Place | null;
  extraLocations: Place[];
  remote: Remote | null;
}

const REMOTE_RE = /\b(?:fully\s+remote|remote(?:ly)?|work(?:ing)?\s+from\s+home|wfh|home[- ]based|home[- ]working|anywhere|telecommute|distributed|virtual)\b/i;
const HYBRID_RE = /\b(?:hybrid|flexible\s+working\s+location|split\s+between\s+home\s+and\s+office|\d\s+days?\s+(?:a|per)\s+week\s+in\s+(?:the\s+)?office)\b/i;
const ONSITE_RE = /\b(?:on[- ]?site|office[- ]based|in[- ]office|site[- ]based|field[- ]based)\b/i;
const NOWHERE_RE = /^(?:multiple|various|several|many|different)\s+(?:locations?|sites?|areas?|places?)$|^(?:nationwide|national|uk[- ]?wide|across\s+the\s+uk|united\s+kingdom|uk|gb|great\s+britain|england|countrywide|n\/?a|tbc|not\s+specified|unspecified|flexible|anywhere|worldwide|global|international|europe|emea)$/i;
const SPLIT_RE = /\s*(?:;|\||\s\/\s|\bor\b|\band\b|&|\s+-\s+|·|\n)\s*/i;

/** "UK", "Nationwide", "Multiple locations": a real answer that names no single place. */
export function isNoSpecificPlace(text: string): boolean {
  return NOWHERE_RE.test(text.trim());
}

export function parseRemote(text: string): Remote | null {
  if (HYBRID_RE.test(text)) return 'hybrid';
  if (REMOTE_RE.test(text)) return ONSITE_RE.test(text) || /\bor\b/i.test(text) ? 'hybrid' : 'remote';
  if (ONSITE_RE.test(text)) return 'onsite';
  return null;
}

export function parseLocation(geocoder: Geocoder | null | undefined, raw: RawVacancy): ParsedLocation {
  const text = (raw.location ?? '').replace(/\s+/g, ' ').trim();
  let remote: Remote | null = raw.remote ?? (text ? parseRemote(text) : null);
  const places: Place[] = [];

  // Structured fields first: a source that gave coordinates or a postcode knows best.
  const structuredText = [raw.town, raw.postcode].filter(Boolean).join(', ');
  if (raw.lat != null && raw.lon != null) {
    // What the source names beside its point: its fields, else a location text that names one place.
    const named = structuredText || singlePlaceText(text);
    let g = named ? safeGeocode(geocoder, named) : null;
    // Names far from the point (an old address with its postcode in the town field, the point at the postcode field's):
    // the postcode field alone wins when it agrees with the point.
    if (raw.postcode && named !== raw.postcode && g?.resolved && sourcePointPrecision(raw.lat, raw.lon, g) === 'point') {
      const byPostcode = safeGeocode(geocoder, raw.postcode);
      if (byPostcode && sourcePointPrecision(raw.lat, raw.lon, byPostcode) !== 'point') g = byPostcode;
    }
    const postcode = g?.postcode ?? raw.postcode ?? null;
    // A postcode table gives the authority; only a postcode whose district it lacks (M50), or a point that nothing
    // named resolves, takes the source's point's ("London" resolves: its point names no borough).
    const atPoint = (postcode || !g?.resolved) && !g?.localAuthority && !g?.outsideUk ? safeAuthorityAt(geocoder, raw.lat, raw.lon) : null;
    const localAuthorityName = g?.localAuthorityName ?? atPoint?.name;
    const precision = sourcePointPrecision(raw.lat, raw.lon, g);
    places.push({
      text: text || structuredText || `${raw.lat},${raw.lon}`,
      lat: raw.lat,
      lon: raw.lon,
      postcode,
      town: raw.town ?? g?.town ?? null,
      localAuthority: g?.localAuthority ?? atPoint?.code ?? null,
      ...(localAuthorityName ? { localAuthorityName } : {}),
      region: g?.region ?? atPoint?.region ?? raw.region ?? null,
      resolved: true,
      precision,
      ...(precision === 'area' && g?.area ? { area: g.area } : {}),
      // A Crown Dependency (Jersey, JE1 3QS) is located but outside the UK.
      ...(g?.outsideUk ? { outsideUk: g.outsideUk } : {}),
    });
  } else if (structuredText) {
    const g = safeGeocode(geocoder, structuredText) ?? (raw.postcode ? safeGeocode(geocoder, raw.postcode) : null);
    if (g) places.push({ ...g, text: text || structuredText, region: g.region ?? raw.region ?? null });
  }

  if (text) {
    const stripped = stripPlaceNoise(text);
    if (stripped && !NOWHERE_RE.test(stripped)) {
      const whole = places.length ? null : safeGeocode(geocoder, stripped);
      const parts = stripped.split(SPLIT_RE).map((p) => p.replace(/^[\s,()]+|[\s,()]+$/g, '')).filter((p) => p.length > 1);
      if (parts.length > 1) {
        for (const p of parts.slice(0, 10)) {
          if (NOWHERE_RE.test(p)) continue;
          const g = safeGeocode(geocoder, p);
          const dup = places.some((x) => x.resolved && g?.resolved && x.lat === g.lat && x.lon === g.lon);
          if (!dup) places.push(g ?? unresolved(p));
        }
      } else if (!places.length) {
        places.push(whole ?? unresolved(stripped));
      }
    } else if (!places.length && stripped && !remote) {
      // "Nationwide", "UK": kept as text, no point. With remote work ("Remote UK") it names no place at all.
      places.push(unresolved(text));
    } else if (!places.length && !stripped && !remote) {
      places.push(unresolved(text));
    }
  }

  if (remote == null && places.length === 0 && text && REMOTE_RE.test(text)) remote = 'remote';
  const [location, ...extraLocations] = places;
  if (location && text && location.text !== text && extraLocations.length === 0) location.text = text;
  // "Remote" alone names no place: the vacancy has no location, only remote = 'remote'.
  return { location: location ?? null, extraLocations, remote };
}

/** The location text when it names one place (not "Leeds or Bradford", "Nationwide"), with work-mode noise taken off. */
function singlePlaceText(text: string): string | null {
  const stripped = text ? stripPlaceNoise(text) : '';
  if (!stripped || NOWHERE_RE.test(stripped) || stripped.split(SPLIT_RE).filter((p) => p.trim().length > 1).length > 1) return null;
  return stripped;
}

function unresolved(text: string): Place {
  return { text, lat: null, lon: null, postcode: null, town: null, localAuthority: null, region: null, resolved: false };
}

function safeAuthorityAt(geocoder: Geocoder | null | undefined, lat: number, lon: number) {
  try {
    return geocoder?.authorityAt?.(lat, lon) ?? null;
  } catch {
    return null;
  }
}

function safeGeocode(geocoder: Geocoder | null | undefined, text: string): Place | null {
  if (!geocoder) return null;
  try {
    return geocoder.geocode(text);
  } catch {
    return null;
  }
}
