import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setupEmployerApp } from './employer-app.ts';

/**
 * Bad input never produces a 500: arbitrary JSON values, JSON objects shaped
 * loosely like vacancies and JobPostings, and arbitrary raw strings, sent to
 * every body-taking employer route.
 */
const ctx = setupEmployerApp();

const vacancyish = fc.record(
  {
    reference: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    title: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string())),
    description: fc.oneof(fc.string(), fc.json()),
    lat: fc.oneof(fc.double(), fc.string()),
    lon: fc.oneof(fc.double(), fc.string()),
    salary: fc.oneof(fc.string(), fc.record({ min: fc.double(), max: fc.anything(), period: fc.string() })),
    hoursPerWeek: fc.anything(),
    status: fc.string(),
  },
  { requiredKeys: [] },
);

const jobPostingish = fc.record(
  {
    '@context': fc.constant('https://schema.org'),
    '@type': fc.oneof(fc.constant('JobPosting'), fc.constant(['JobPosting']), fc.string()),
    title: fc.oneof(fc.string(), fc.anything()),
    name: fc.anything(),
    identifier: fc.oneof(fc.string(), fc.integer(), fc.record({ value: fc.anything() }), fc.anything()),
    description: fc.oneof(fc.string(), fc.anything()),
    baseSalary: fc.oneof(fc.anything(), fc.record({ currency: fc.anything(), value: fc.oneof(fc.anything(), fc.record({ minValue: fc.anything(), maxValue: fc.anything(), unitText: fc.anything() })) })),
    jobLocation: fc.oneof(fc.anything(), fc.record({ address: fc.anything(), geo: fc.record({ latitude: fc.anything(), longitude: fc.anything() }) })),
    employmentType: fc.anything(),
    hiringOrganization: fc.anything(),
    workHours: fc.anything(),
    occupationalCategory: fc.anything(),
    skills: fc.anything(),
    '@graph': fc.anything(),
  },
  { requiredKeys: ['@context', '@type'] },
);

const body = fc.oneof(fc.jsonValue(), vacancyish, jobPostingish);

describe('arbitrary input never yields a 500', () => {
  it('POST /v1/vacancies with arbitrary JSON', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await ctx.call('POST', '/v1/vacancies', { raw: JSON.stringify(b) ?? 'null' });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
  });

  it('POST /v1/vacancies/batch with arbitrary items', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ items: fc.array(body, { maxLength: 8 }) })), async (b) => {
        const res = await ctx.call('POST', '/v1/vacancies/batch', { raw: JSON.stringify(b) ?? 'null' });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });

  it('arbitrary raw strings and content types', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom('application/json', 'application/ld+json', 'text/plain', 'application/json; charset=utf-8', ''),
        fc.constantFrom('/v1/vacancies', '/v1/vacancies/batch'),
        async (raw, contentType, path) => {
          const res = await ctx.call('POST', path, { raw, contentType });
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('PATCH with arbitrary JSON', async () => {
    const created = await ctx.call('POST', '/v1/vacancies', { body: { reference: 'P-1', title: 'Cleaner' } });
    const { id } = (await created.json()) as { id: number };
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), vacancyish), async (b) => {
        const res = await ctx.call('PATCH', `/v1/vacancies/${id}`, { raw: JSON.stringify(b) ?? 'null' });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });
});
