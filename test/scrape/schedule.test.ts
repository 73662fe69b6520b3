import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../src/db.ts';
import { silentLogger } from '../../src/logger.ts';
import { startScrapeCron } from '../../src/scrape/cron-job.ts';
import { nextCronTime, parseCron, startSchedule } from '../../src/scrape/schedule.ts';

const next = (expr: string, after: string) => new Date(nextCronTime(parseCron(expr), Date.parse(after))).toISOString();

describe('cron schedule', () => {
  it('finds the next matching minute (UTC)', () => {
    expect(next('30 2 * * *', '2026-11-23T01:00:00Z')).toBe('2026-11-23T02:30:00.000Z');
    expect(next('30 2 * * *', '2026-11-23T02:30:00Z')).toBe('2026-11-24T02:30:00.000Z');
    expect(next('*/15 * * * *', '2026-11-23T02:31:10Z')).toBe('2026-11-23T02:45:00.000Z');
    expect(next('0 9-17/4 * * mon-fri', '2026-11-21T10:00:00Z')).toBe('2026-11-23T09:00:00.000Z'); // Sat → Mon
    expect(next('0 0 1 jan,jul *', '2026-11-23T00:00:00Z')).toBe('2027-01-01T00:00:00.000Z');
    expect(next('@daily', '2026-12-31T23:59:00Z')).toBe('2027-01-01T00:00:00.000Z');
    expect(next('0 12 29 2 *', '2026-03-01T00:00:00Z')).toBe('2028-02-29T12:00:00.000Z');
    expect(next('0 0 * * 7', '2026-11-23T00:00:00Z')).toBe('2026-11-29T00:00:00.000Z'); // 7 = Sunday
  });

  it('matches either day field when both are restricted, as cron does', () => {
    // 13th of the month or any Friday.
    expect(next('0 0 13 * 5', '2026-11-23T00:00:00Z')).toBe('2026-11-27T00:00:00.000Z');
    expect(next('0 0 13 * 5', '2026-12-11T01:00:00Z')).toBe('2026-12-13T00:00:00.000Z');
  });

  it('rejects bad expressions naming the field', () => {
    expect(() => parseCron('61 * * * *')).toThrow('cron "61 * * * *": minute: "61" is outside 0-59');
    expect(() => parseCron('0 2 * *')).toThrow(/expected 5 fields/);
    expect(() => parseCron('0 2 * foo *')).toThrow(/month: "foo" is not a number or name/);
    expect(() => parseCron('*/0 * * * *')).toThrow(/bad step/);
    expect(() => nextCronTime(parseCron('0 0 31 2 *'), 0)).toThrow(/never fires/);
  });

  it('arms a timer for the next run and stops cleanly', () => {
    const now = Date.parse('2026-11-23T01:00:00Z');
    const h = startSchedule('30 2 * * *', async () => {}, { now: () => now });
    expect(new Date(h.next()).toISOString()).toBe('2026-11-23T02:30:00.000Z');
    h.stop();
  });
});

describe('scheduled runs', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires the job at each matching minute and never doubles a run still going', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-23T01:58:30Z') });
    let started = 0;
    let release: () => void = () => {};
    const h = startSchedule('*/1 * * * *', () => {
      started++;
      return new Promise<void>((r) => (release = r));
    }, { now: () => Date.now() });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(started).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000); // still running: skipped
    expect(started).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(started).toBe(2);
    h.stop();
  });

  it('starts the server schedule only when SCRAPE_CRON is set, and rejects a bad one at start-up', () => {
    const db = openDb(':memory:');
    const base = { db, now: () => Date.parse('2026-11-23T01:00:00Z'), logger: silentLogger };
    const config = { SOURCES_FILE: 'sources.json', SCRAPER_USER_AGENT: 'x' };
    expect(startScrapeCron({ ...base, config: { ...config, SCRAPE_CRON: undefined } })).toBeNull();
    expect(() => startScrapeCron({ ...base, config: { ...config, SCRAPE_CRON: '0 25 * * *' } })).toThrow(/hour: "25"/);
    const h = startScrapeCron({ ...base, config: { ...config, SCRAPE_CRON: '15 3 * * *' } })!;
    expect(new Date(h.next()).toISOString()).toBe('2026-11-23T03:15:00.000Z');
    h.stop();
  });
});
