import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { employerAuth, type EmployerEnv } from '../http/employer-auth.ts';
import {
  closeVacancy,
  getOwnVacancy,
  listOwnVacancies,
  parseVacancyInput,
  patchVacancy,
  submitBatch,
  submitVacancy,
  type EmployerApiDeps,
} from '../employers/employer-vacancies.ts';
import {
  BatchRequestSchema,
  BatchResponseSchema,
  EmployerVacancySchema,
  EXAMPLE_JOB_POSTING,
  EXAMPLE_VACANCY,
  IdParamSchema,
  ListQuerySchema,
  ListResponseSchema,
  MAX_BATCH_ITEMS,
  UpsertResponseSchema,
  VacancyPatchSchema,
} from '../employers/schemas.ts';
import { notFound, validationFailed } from '../errors.ts';
import { readJsonBody } from '../http/json-body.ts';
import { createRateLimiter } from '../http/rate-limit.ts';
import type { RequestContextEnv } from '../http/request-context.ts';
import { parseOr422 } from './checked.ts';
import { PublicVacancySchema, toPublicVacancy } from '../vacancies/api-shape.ts';
import { JobPostingBodySchema, JsonLdGraphBodySchema } from '../vacancies/job-posting-schema.ts';
import { getVacancy } from '../vacancies/queries.ts';
import { registerOperation } from './openapi.ts';

type Env = { Variables: EmployerEnv['Variables'] & RequestContextEnv['Variables'] };

/** Employer API, mounted at /v1/vacancies (API key auth, per-key rate limit). */
export function vacancyRoutes(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>();
  const limiter = createRateLimiter({ perMinute: deps.config.RATE_LIMIT_PER_MINUTE, now: deps.now });
  const ingestDeps = (logger = deps.logger): EmployerApiDeps => ({
    db: deps.db,
    now: deps.now,
    enricher: deps.enricher(),
    geocoder: deps.geocoder,
    logger,
  });
  const stored = (id: number) => {
    const v = getVacancy(deps.db, id);
    if (!v) throw notFound(`Vacancy ${id}`);
    return toPublicVacancy(v);
  };

  // Mounted at /v1/vacancies: '*' covers the collection and every item, one token check per request.
  app.use('*', employerAuth({ db: deps.db, now: deps.now, limiter }));

  app.post('/', async (c) => {
    const parsed = parseVacancyInput(await readJsonBody(c), deps.now());
    if (!parsed.ok) throw validationFailed(parsed.errors);
    const r = await submitVacancy(ingestDeps(c.var.logger), c.var.employer, parsed.raw);
    return c.json({ id: r.id, outcome: r.outcome, contentHash: r.contentHash, status: r.status, vacancy: stored(r.id) }, r.outcome === 'created' ? 201 : 200);
  });

  app.post('/batch', async (c) => {
    const body = parseOr422(BatchRequestSchema, await readJsonBody(c));
    return c.json(await submitBatch(ingestDeps(c.var.logger), c.var.employer, body.items));
  });

  app.get('/', (c) => {
    const q = parseOr422(ListQuerySchema, c.req.query());
    const { items, total } = listOwnVacancies(deps.db, c.var.employer, q);
    return c.json({ items: items.map(toPublicVacancy), page: q.page, pageSize: q.pageSize, total });
  });

  app.get('/:id', (c) => c.json(toPublicVacancy(getOwnVacancy(deps.db, c.var.employer, c.req.param('id')))));

  app.patch('/:id', async (c) => {
    const id = c.req.param('id');
    getOwnVacancy(deps.db, c.var.employer, id); // 404 before reading a body for someone else's vacancy
    const r = await patchVacancy(ingestDeps(c.var.logger), c.var.employer, id, await readJsonBody(c));
    return c.json({ id: r.id, outcome: r.outcome, contentHash: r.contentHash, status: r.status, vacancy: stored(r.id) });
  });

  app.delete('/:id', (c) => c.json(toPublicVacancy(closeVacancy(ingestDeps(c.var.logger), c.var.employer, c.req.param('id')))));

  return app;
}

// ---------------------------------------------------------------- API description

const tags = ['Employer vacancies'];
const invalid = {
  description:
    'Validation failed: `errors` lists every invalid field at once by its JSON path (`salary.min`, `baseSalary.value.minValue`), including a `datePosted`/`validThrough` that is not a date or lies outside its window, and a `url`/`applyUrl` that is not http(s)',
};

/** Our JSON shape, or a JobPosting as published, or a JSON-LD @graph wrapping one. */
const VacancyBodySchema = z.union([EmployerVacancySchema.meta({ title: 'Our JSON shape' }), JobPostingBodySchema, JsonLdGraphBodySchema]);

/**
 * The batch body as documented: each item is checked against VacancyBodySchema
 * on its own (parseVacancyInput), so one bad item gets a rejected receipt
 * instead of failing the request as BatchRequestSchema's `unknown` items allow.
 */
const BatchBodyDocSchema = z.object({
  items: z.array(VacancyBodySchema).min(1).max(MAX_BATCH_ITEMS).describe(BatchRequestSchema.shape.items.description ?? ''),
});

registerOperation({
  method: 'post',
  path: '/v1/vacancies',
  summary: 'Create or update a vacancy',
  description:
    'Send our JSON shape (below; `reference` is required) or a schema.org JobPosting JSON-LD object exactly as you publish it (string numbers, HTML description, nested jobLocation.address/geo, baseSalary MonetaryAmount, identifier). Upserts by your reference (JobPosting: `identifier`, else `url`): 201 when created, 200 when it already existed (outcome `updated` or `unchanged`). Re-sending a closed vacancy reopens it.',
  tags,
  auth: 'employer',
  body: { schema: VacancyBodySchema, contentTypes: ['application/json', 'application/ld+json'], example: EXAMPLE_VACANCY, examples: { ours: EXAMPLE_VACANCY, jobPosting: EXAMPLE_JOB_POSTING } },
  responses: {
    201: { description: 'Created', schema: UpsertResponseSchema },
    200: { description: 'Already existed: updated or unchanged', schema: UpsertResponseSchema },
    422: invalid,
  },
});

registerOperation({
  method: 'post',
  path: '/v1/vacancies/batch',
  summary: `Create or update up to ${MAX_BATCH_ITEMS} vacancies`,
  description:
    'Each item is our JSON shape or a JobPosting (as for `POST /v1/vacancies`). One receipt per item, in order: created, updated, unchanged or rejected (with field errors such as `items.3.title`). Valid items are stored even when others are rejected.',
  tags,
  auth: 'employer',
  body: { schema: BatchBodyDocSchema, example: { items: [EXAMPLE_VACANCY, EXAMPLE_JOB_POSTING] } },
  responses: {
    200: { description: 'One receipt per item', schema: BatchResponseSchema },
    422: { description: `No items, more than ${MAX_BATCH_ITEMS}, or the body nested too deep. An invalid item is not a 422: it gets a rejected receipt` },
  },
});

registerOperation({
  method: 'get',
  path: '/v1/vacancies',
  summary: 'List your vacancies',
  description: 'Your own vacancies, most recently updated first, including closed ones.',
  tags,
  auth: 'employer',
  query: ListQuerySchema,
  responses: { 200: { description: 'A page of vacancies', schema: ListResponseSchema }, 422: invalid },
});

registerOperation({
  method: 'get',
  path: '/v1/vacancies/{id}',
  summary: 'Read one of your vacancies',
  description: 'Closed vacancies stay readable. Another employer\'s vacancy is 404.',
  tags,
  auth: 'employer',
  params: IdParamSchema,
  responses: { 200: { description: 'The vacancy', schema: PublicVacancySchema }, 404: { description: 'Not found (or not yours)' } },
});

registerOperation({
  method: 'patch',
  path: '/v1/vacancies/{id}',
  summary: 'Change some fields of a vacancy',
  description:
    'JSON merge patch over what you last sent: fields given replace, `null` removes, the rest stay. The reference cannot change. A closed vacancy stays closed unless you send `"status": "live"`.',
  tags,
  auth: 'employer',
  params: IdParamSchema,
  body: { schema: VacancyPatchSchema, example: { salary: '£13.00 per hour', hoursPerWeek: 37.5 } },
  responses: {
    200: { description: 'Updated (or unchanged)', schema: UpsertResponseSchema },
    404: { description: 'Not found (or not yours)' },
    422: invalid,
  },
});

registerOperation({
  method: 'delete',
  path: '/v1/vacancies/{id}',
  summary: 'Close a vacancy',
  description: 'Closes it: it leaves search at once but is kept with its history and stays readable here.',
  tags,
  auth: 'employer',
  params: IdParamSchema,
  responses: { 200: { description: 'The closed vacancy', schema: PublicVacancySchema }, 404: { description: 'Not found (or not yours)' } },
});
