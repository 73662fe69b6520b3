import { describe, expect, it } from 'vitest';
import { generateDemoVacancies } from '../../src/demo/generate-vacancies.ts';
import { RawVacancySchema } from '../../src/vacancies/model.ts';

const take = (count: number, seed = 1, now?: number) => [...generateDemoVacancies({ count, seed, ...(now ? { now } : {}) })];

describe('generateDemoVacancies', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(take(50, 42)).toEqual(take(50, 42));
    expect(take(5, 1).map((v) => v.description)).not.toEqual(take(5, 2).map((v) => v.description));
  });

  it('yields exactly count valid RawVacancies with unique references', () => {
    const vs = take(2000, 9);
    expect(vs).toHaveLength(2000);
    for (const v of vs) expect(RawVacancySchema.safeParse(v).success).toBe(true);
    expect(new Set(vs.map((v) => v.reference)).size).toBe(2000);
  });

  it('produces realistic UK adverts', () => {
    const vs = take(3000, 5);
    const sizes = vs.map((v) => Buffer.byteLength(v.description ?? ''));
    const avg = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(avg).toBeGreaterThan(3000);
    expect(avg).toBeLessThan(4000);
    for (const v of vs) {
      // Inside a box around the UK.
      expect(v.lat).toBeGreaterThan(49.8);
      expect(v.lat).toBeLessThan(58.8);
      expect(v.lon).toBeGreaterThan(-8.2);
      expect(v.lon).toBeLessThan(1.8);
      expect(typeof v.salary === 'object' && v.salary.text).toMatch(/£\d/);
      // No degenerate ranges such as "£24k-£24k".
      expect(typeof v.salary === 'object' && v.salary.text).not.toMatch(/(£[\d,.]+k?)\D+\1(?!\d)/);
    }
    expect(new Set(vs.map((v) => v.sector)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(vs.map((v) => v.town)).size).toBeGreaterThan(40);
    const all = vs.map((v) => v.description).join('\n');
    for (const phrase of ['full UK driving licence', 'enhanced DBS', 'CSCS card', 'SIA', 'per hour', 'per annum']) {
      expect(all).toContain(phrase);
    }
    // Marked as demo in the text itself, and never pointing at a real site.
    expect(vs.every((v) => v.description?.includes('demonstration vacancy') && v.url?.includes('.invalid/'))).toBe(true);
  });

  it('dates count back from the given now', () => {
    const now = Date.parse('2030-01-31T00:00:00Z');
    for (const v of take(200, 3, now)) {
      const posted = Date.parse(v.datePosted ?? '');
      expect(posted).toBeLessThanOrEqual(now);
      expect(posted).toBeGreaterThan(now - 31 * 86_400_000);
    }
  });
});
