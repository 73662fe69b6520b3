/**
 * Times of day as UK adverts write them ("5pm", "17:00", "17.00", "12 noon",
 * "midnight"), read as UK wall-clock time (GMT in winter, BST in summer) and
 * turned into UTC. Adverts never say which; a UK board always means local.
 */

export interface TimeOfDay {
  hour: number;
  minute: number;
}

export interface TakenTime {
  /** The input with every time-of-day removed, for the date reader. */
  rest: string;
  /** The one time the text gives; absent when it gives none or more than one. */
  time?: TimeOfDay;
  /** Why a time the text gives was not used. */
  note?: string;
}

// "Midnight on 4 January" on a UK advert means the end of 4 January, not its first minute.
const END_OF_DAY: TimeOfDay = { hour: 23, minute: 59 };
const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => TimeOfDay | null }[] = [
  { re: /\b(?:12(?:[:.]00)?\s*(?:p\.?m\.?\s*)?)?(?:noon|midday)\b/gi, read: () => ({ hour: 12, minute: 0 }) },
  { re: /\b(?:12(?:[:.]00)?\s*(?:a\.?m\.?\s*)?)?midnight\b/gi, read: () => END_OF_DAY },
  {
    re: /\b(\d{1,2})(?:[:.]([0-5]\d))?\s*([ap])\.?\s?m\b\.?/gi,
    read: (m) => {
      const h = Number(m[1]);
      if (h < 1 || h > 12) return null;
      return { hour: (h % 12) + (m[3]!.toLowerCase() === 'p' ? 12 : 0), minute: Number(m[2] ?? 0) };
    },
  },
  // 24-hour "17:00" / "17.00(hrs)": a dot only when it is not part of a dotted date ("12.01.27").
  { re: /(?<![\d.:])([01]?\d|2[0-3])(?::([0-5]\d)(?::[0-5]\d)?|\.([0-5]\d)(?![.\d]))\s*(?:hrs|hours|h)?\b/gi, read: (m) => ({ hour: Number(m[1]), minute: Number(m[2] ?? m[3]) }) },
];

/** Finds the time of day in a date string and removes it; two different times are ambiguous ("12 noon on midnight"). */
export function takeTimeOfDay(text: string): TakenTime {
  let rest = text;
  const found: TimeOfDay[] = [];
  for (const { re, read } of PATTERNS) {
    rest = rest.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const t = read(m);
      if (!t) return args[0] as string;
      found.push(t);
      return ' ';
    });
  }
  const distinct = new Set(found.map((t) => t.hour * 60 + t.minute));
  if (distinct.size > 1) return { rest, note: `ambiguous time of day ("${text.trim().slice(0, 60)}"): the date alone is used` };
  return found.length ? { rest, time: found[0] } : { rest };
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Minutes London is ahead of UTC at instant `t` (0 in GMT, 60 in BST). */
function londonOffsetMinutes(t: number): number {
  const p = Object.fromEntries(londonParts.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
  const wall = Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']!, p['minute']!, p['second']!);
  return Math.round((wall - Math.floor(t / 1000) * 1000) / 60_000);
}

/** The UTC instant of a UK wall-clock time (month 0-based); inside the hour the clocks skip or repeat, one of its readings. */
export function londonToUtc(year: number, month: number, day: number, time: TimeOfDay): number {
  const wall = Date.UTC(year, month, day, time.hour, time.minute);
  const first = wall - londonOffsetMinutes(wall) * 60_000;
  const offset = londonOffsetMinutes(first);
  return wall - offset * 60_000;
}
