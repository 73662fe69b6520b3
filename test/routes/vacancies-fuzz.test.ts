import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyVacancy, fuzzRequest } from '../../scripts/soak/lib/fuzz-bodies.ts';
import { parseVacancyInput } from '../../src/employers/employer-vacancies.ts';
import { normaliseVacancy } from '../../src/vacancies/normalise.ts';
import { NOW, setupEmployerApp } from './employer-app.ts';

/**
 * The soak's fuzz bodies (scripts/soak/lib/fuzz-bodies.ts: our shape,
 * JobPosting, batches of both, junk and malformed JSON, odd content types),
 * in-process. The soak sends 10,000 over HTTP to a full store
 * (soak_fuzz_*); here, to keep npm test short, 2,000 vacancy bodies go
 * through the employer API's validation and the normaliser, and 500 whole
 * requests through the app, storage included. Generating the bodies is most
 * of the cost (fc.anything() values), not the code under test.
 */
describe('employer input under fuzzed bodies', () => {
  it('2,000 bodies: validation answers ok or names fields, and the normaliser never throws on what it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyVacancy, (body) => {
        const parsed = parseVacancyInput(body, NOW, 'items.0');
        if (!parsed.ok) {
          expect(parsed.errors.length).toBeGreaterThan(0);
          for (const e of parsed.errors) {
            expect(e.path.startsWith('items.0')).toBe(true);
            expect(e.message.trim()).not.toBe('');
          }
          return;
        }
        accepted++;
        const v = normaliseVacancy({ now: NOW }, parsed.raw);
        expect(v.title.trim()).not.toBe('');
        if (v.datePosted != null) expect(Number.isFinite(v.datePosted)).toBe(true);
      }),
      { numRuns: 2_000, seed: 11 },
    );
    // Most generated bodies carry at least one junk field and are refused; some get through to the normaliser.
    expect(accepted).toBeGreaterThan(0);
  }, 60_000);

  it('500 requests: never a 5xx or an item that "could not be stored", every refusal problem+json with the matching status', async () => {
    const ctx = setupEmployerApp();
    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (req) => {
        const res = await ctx.call('POST', req.path, { raw: req.body, contentType: req.contentType });
        const text = await res.text();
        expect(res.status, text).toBeLessThan(500);
        // A batch answers 200 with a receipt per item; an item that failed while being stored would say so there.
        expect(text).not.toMatch(/could not be stored/);
        if (res.status < 400) return;
        expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
        expect((JSON.parse(text) as { status: unknown }).status).toBe(res.status);
      }),
      { numRuns: 500, seed: 11 },
    );
  }, 60_000);
});
