/**
 * The plausible window around "now" for every date that enters the store,
 * defined once and applied at every way in (employer API, bulk import,
 * scrapers, and the normalise pipeline itself).
 *
 * Why these bounds:
 * - datePosted: at most 5 years back, so a bulk import of an organisation's
 *   recent history (which feeds the growth signals) still lands, while a
 *   crafted "1000000000 days ago" does not; at most 1 day ahead, because a
 *   source's clock or time zone may be a few hours ahead of ours, but an
 *   advert cannot have been posted next week.
 * - validThrough: the same 5 years back (historic imports carry their
 *   closing dates), and at most 2 years ahead: the longest real application
 *   windows (graduate schemes, apprenticeships opening a year early) stay
 *   well inside it, while "closes in 9999" is a placeholder, not a date.
 *
 * A date outside its window is refused with the field named (422 on the API,
 * a rejection reason in an import or scrape run); it is never stored.
 */
const DAY = 86_400_000;
const YEAR = 365 * DAY;

export const DATE_WINDOWS = {
  datePosted: { pastMs: 5 * YEAR, futureMs: DAY, text: 'within the last 5 years and no later than tomorrow' },
  validThrough: { pastMs: 5 * YEAR, futureMs: 2 * YEAR, text: 'between 5 years ago and 2 years from now' },
} as const;

export type DateField = keyof typeof DATE_WINDOWS;

/** True when `ms` is a finite time inside the field's window around `now`. */
export function isInDateWindow(field: DateField, ms: number, now: number): boolean {
  const w = DATE_WINDOWS[field];
  return Number.isFinite(ms) && ms >= now - w.pastMs && ms <= now + w.futureMs;
}

// Years 1900 to 9999: every such time has a plain four-digit ISO 8601 form that
// any client parses (beyond ±8.64e15 ms a JS Date throws; beyond year 9999 ISO
// needs the extended "+275760-…" form that few clients read).
const READABLE_MIN = Date.UTC(1900, 0, 1);
const READABLE_MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * A stored date as read back: null when it is not a sane time. Rows written
 * before the window existed may hold absurd values; reads must not fail on them.
 */
export function readableDateOrNull(ms: number | null | undefined): number | null {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= READABLE_MIN && ms <= READABLE_MAX ? ms : null;
}
