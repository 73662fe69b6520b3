import { z } from 'zod';
import { PublicVacancySchema } from '../vacancies/api-shape.ts';
import { DATE_WINDOWS, type DateField } from '../vacancies/date-window.ts';
import { RawVacancySchema, STATUSES } from '../vacancies/model.ts';
import { isUnquantifiedSalary, parseSalaryText } from '../vacancies/normalise/salary.ts';

/**
 * Request and response shapes of the employer API. The same schemas
 * validate requests and generate /openapi.json.
 */

/**
 * Salary text from an employer must say something about pay: an amount
 * ("£12.50 per hour", "AfC Band 3") or a recognised no-figure phrase
 * ("Competitive", "DOE", "National Minimum Wage"). Anything else ("loads", a
 * stray field value) would replace a readable salary with nothing: refused.
 */
const NO_FIGURE_PAY = /\b(?:national\s+(?:minimum|living)\s+wage|minimum\s+wage|living\s+wage|nmw|nlw|commission|pro\s*rata)\b/i;
export function isReadableSalaryText(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  const parsed = parseSalaryText(t);
  return parsed.min != null || parsed.max != null || isUnquantifiedSalary(t) || NO_FIGURE_PAY.test(t);
}

const SalaryInputSchema = z
  .union([
    z
      .string()
      .max(500)
      .refine(isReadableSalaryText, 'is not a salary we can read: give an amount such as "£12.50 per hour" or "£24,000 - £27,000 a year", a phrase such as "Competitive", or an object {min, max, currency, period}'),
    (RawVacancySchema.shape.salary.unwrap().options[1]),
  ])
  .describe('Text ("£12.50 per hour", "£24,000 - £27,000 a year", "Competitive") or {min, max, currency, period, text}');

const DateInputSchema = (field: DateField, example: string) =>
  z
    .string()
    .max(100)
    .describe(`ISO 8601 date (e.g. ${example}) or plain English ("3 days ago", "12th March 2025"); must be ${DATE_WINDOWS[field].text}. Text that is not a date is refused.`);

/** Our own JSON shape: RawVacancy with a required reference (the employer's id for the vacancy). */
export const EmployerVacancySchema = z.strictObject({
  ...RawVacancySchema.shape,
  url: RawVacancySchema.shape.url.describe('The advert: an absolute http:// or https:// address'),
  applyUrl: RawVacancySchema.shape.applyUrl.describe('Where to apply: an absolute http:// or https:// address, or mailto:'),
  salary: SalaryInputSchema.optional(),
  datePosted: DateInputSchema('datePosted', '2025-06-01').optional(),
  validThrough: DateInputSchema('validThrough', '2025-07-31')
    .describe(`Closing date: ISO 8601 or plain English; must be ${DATE_WINDOWS.validThrough.text}. A closing date already past stores the vacancy as closed.`)
    .optional(),
  reference: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('Your own reference for the vacancy; sending the same reference again updates it'),
});
export type EmployerVacancy = z.infer<typeof EmployerVacancySchema>;

/**
 * PATCH: any field but the reference; `null` removes a field (JSON merge
 * patch). The merged result must still be a valid vacancy.
 */
const { reference: _reference, ...patchable } = EmployerVacancySchema.shape;
export const VacancyPatchSchema = z.strictObject(
  Object.fromEntries(Object.entries(patchable).map(([k, s]) => [k, (s as z.ZodType).nullable().optional()])) as {
    [K in keyof typeof patchable]: z.ZodOptional<z.ZodNullable<(typeof patchable)[K]>>;
  },
);

export const MAX_BATCH_ITEMS = 500;

export const BatchRequestSchema = z.object({
  items: z
    .array(z.unknown())
    .min(1)
    .max(MAX_BATCH_ITEMS)
    .describe(`1 to ${MAX_BATCH_ITEMS} vacancies, each in our JSON shape or a schema.org JobPosting`),
});

export const IdParamSchema = z.object({ id: z.string().describe('Vacancy id') });

export const ListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(STATUSES).optional().describe('Only vacancies with this status'),
});

export const OUTCOMES = ['created', 'updated', 'unchanged'] as const;

export const UpsertResponseSchema = z.object({
  id: z.number().int(),
  outcome: z.enum(OUTCOMES),
  contentHash: z.string(),
  status: z.enum(STATUSES),
  vacancy: PublicVacancySchema,
});

export const ReceiptSchema = z.object({
  index: z.number().int(),
  reference: z.string().nullable(),
  outcome: z.enum([...OUTCOMES, 'rejected']),
  id: z.number().int().optional(),
  contentHash: z.string().optional(),
  status: z.enum(STATUSES).optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

export const BatchResponseSchema = z.object({
  summary: z.object({ created: z.number(), updated: z.number(), unchanged: z.number(), rejected: z.number() }),
  items: z.array(ReceiptSchema),
});

export const ListResponseSchema = z.object({
  items: z.array(PublicVacancySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

/** Shown in the docs and OpenAPI examples. */
export const EXAMPLE_VACANCY = {
  reference: 'WH-2025-117',
  title: 'Warehouse Operative - Nights',
  description: 'Picking and packing customer orders on our night shift. Full training given; forklift licence desirable.',
  url: 'https://careers.example.com/jobs/WH-2025-117',
  location: 'Daventry, NN11 8QL',
  employmentType: 'Full-time',
  contract: 'Permanent',
  hoursPerWeek: 40,
  salary: '£12.60 per hour',
  validThrough: '2025-07-31',
};

export const EXAMPLE_JOB_POSTING = {
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title: 'Care Assistant',
  description: '<p>Supporting residents with personal care. Enhanced DBS required.</p>',
  identifier: { '@type': 'PropertyValue', name: 'Example Care', value: 'CA-881' },
  datePosted: '2025-06-01',
  validThrough: '2025-06-30',
  employmentType: 'PART_TIME',
  hiringOrganization: { '@type': 'Organization', name: 'Example Care Homes' },
  jobLocation: {
    '@type': 'Place',
    address: { '@type': 'PostalAddress', addressLocality: 'Leeds', postalCode: 'LS6 2AB', addressCountry: 'GB' },
    geo: { '@type': 'GeoCoordinates', latitude: '53.819', longitude: '-1.576' },
  },
  baseSalary: { '@type': 'MonetaryAmount', currency: 'GBP', value: { '@type': 'QuantitativeValue', value: '12.21', unitText: 'HOUR' } },
};
