/*
 * A minimal cron scheduler for SCRAPE_CRON, so the server can run the nightly
 * job itself. Five fields (minute hour day-of-month month day-of-week), with
 * `*`, lists, ranges, steps and month/day names; evaluated in UTC. Written
 * here rather than pulled in as a dependency: it is ~100 lines, and the job
 * needs only "when is the next run", which is easy to test exactly.
 */

export interface CronSchedule {
  expression: string;
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  /** Cron's rule: when both day fields are restricted, either may match. */
  dayOr: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MACROS: Record<string, string> = {
  '@hourly': '0 * * * *',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@weekly': '0 0 * * 0',
  '@monthly': '0 0 1 * *',
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
};

function parseField(field: string, min: number, max: number, names: string[] | null, what: string): Set<number> {
  const out = new Set<number>();
  const value = (s: string) => {
    const named = names?.indexOf(s.toLowerCase()) ?? -1;
    const n = named >= 0 ? named + (names === MONTHS ? 1 : 0) : /^\d+$/.test(s) ? Number(s) : NaN;
    if (Number.isNaN(n)) throw new Error(`${what}: "${s}" is not a number${names ? ' or name' : ''}`);
    return n;
  };
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`${what}: bad step "${stepText}"`);
    let lo: number;
    let hi: number;
    if (range === '*') {
      lo = min;
      hi = max;
    } else if (range!.includes('-')) {
      const [a, b] = range!.split('-');
      lo = value(a!);
      hi = value(b!);
    } else {
      lo = value(range!);
      hi = stepText === undefined ? lo : max;
    }
    if (lo < min || hi > max || lo > hi) throw new Error(`${what}: "${part}" is outside ${min}-${max}`);
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  // Sunday may be written 7.
  if (what === 'day of week' && out.delete(7)) out.add(0);
  return out;
}

/** Parses a cron expression; throws with the offending field named. */
export function parseCron(expression: string): CronSchedule {
  const expr = MACROS[expression.trim().toLowerCase()] ?? expression.trim();
  const f = expr.split(/\s+/);
  if (f.length !== 5) throw new Error(`cron "${expression}": expected 5 fields (minute hour day month weekday), got ${f.length}`);
  try {
    return {
      expression,
      minutes: parseField(f[0]!, 0, 59, null, 'minute'),
      hours: parseField(f[1]!, 0, 23, null, 'hour'),
      days: parseField(f[2]!, 1, 31, null, 'day of month'),
      months: parseField(f[3]!, 1, 12, MONTHS, 'month'),
      weekdays: parseField(f[4]!, 0, 7, DAYS, 'day of week'),
      dayOr: f[2] !== '*' && f[4] !== '*',
    };
  } catch (err) {
    throw new Error(`cron "${expression}": ${(err as Error).message}`);
  }
}

function dayMatches(s: CronSchedule, d: Date): boolean {
  const dom = s.days.has(d.getUTCDate());
  const dow = s.weekdays.has(d.getUTCDay());
  return s.dayOr ? dom || dow : dom && dow;
}

/** The first minute strictly after `after` (epoch ms) that the schedule matches, in UTC. */
export function nextCronTime(s: CronSchedule, after: number): number {
  const d = new Date(Math.floor(after / 60_000) * 60_000 + 60_000);
  const limit = after + 5 * 366 * 86_400_000;
  while (d.getTime() <= limit) {
    if (!s.months.has(d.getUTCMonth() + 1)) {
      d.setUTCMonth(d.getUTCMonth() + 1, 1);
      d.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!dayMatches(s, d)) {
      d.setUTCDate(d.getUTCDate() + 1);
      d.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!s.hours.has(d.getUTCHours())) {
      d.setUTCHours(d.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (!s.minutes.has(d.getUTCMinutes())) {
      d.setUTCMinutes(d.getUTCMinutes() + 1, 0, 0);
      continue;
    }
    return d.getTime();
  }
  throw new Error(`cron "${s.expression}" never fires`);
}

export interface ScheduleHandle {
  /** When the job runs next (epoch ms). */
  next(): number;
  stop(): void;
}

/**
 * Runs `job` at every time the expression matches. A run still going when
 * the next one is due is not doubled (the scrape lock would refuse it anyway).
 */
export function startSchedule(
  expression: string,
  job: () => Promise<unknown>,
  deps: { now: () => number; onError?: (err: unknown) => void },
): ScheduleHandle {
  const schedule = parseCron(expression);
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let nextAt = nextCronTime(schedule, deps.now());
  const arm = () => {
    nextAt = nextCronTime(schedule, deps.now());
    // setTimeout holds at most ~24.8 days; longer waits re-arm on the way.
    const wait = Math.min(Math.max(0, nextAt - deps.now()), 2 ** 31 - 1);
    timer = setTimeout(fire, wait);
    timer.unref();
  };
  const fire = () => {
    if (deps.now() < nextAt - 1000) return arm();
    if (!running) {
      running = true;
      job()
        .catch((err) => deps.onError?.(err))
        .finally(() => {
          running = false;
        });
    }
    arm();
  };
  arm();
  return {
    next: () => nextAt,
    stop: () => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
