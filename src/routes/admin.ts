import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { coachAuth, requireOperator, type CoachEnv } from '../http/coach-auth.ts';
import { parseOr422 } from './checked.ts';
import { describeRuns, describeSources } from '../scrape/admin-view.ts';
import { registerOperation } from './openapi.ts';

const RunsQuerySchema = z.strictObject({
  source: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

const RunSchema = z.object({
  id: z.number(),
  source: z.string(),
  status: z.enum(['running', 'ok', 'partial', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  pages: z.object({ fetched: z.number(), notModified: z.number(), skipped: z.number() }),
  vacancies: z.object({ new: z.number(), updated: z.number(), unchanged: z.number(), expired: z.number(), skippedClosed: z.number().describe('Adverts read but not stored: their closing date had passed') }),
  errorCount: z.number(),
  errors: z.array(z.object({ url: z.string().nullable(), message: z.string() })),
  fatal: z.string().nullable(),
});

registerOperation({
  method: 'get',
  path: '/v1/admin/sources',
  summary: 'Configured scrape sources and the last run of each',
  description: 'Reads the sources file the server was started with. Problems with the file are listed in `problems`, not raised.',
  tags: ['Admin'],
  auth: 'operator',
  responses: {
    200: {
      description: 'Sources',
      schema: z.object({
        file: z.string().nullable(),
        problems: z.array(z.string()),
        sources: z.array(
          z.object({ name: z.string(), type: z.string(), enabled: z.boolean(), url: z.string().nullable(), lastRun: RunSchema.nullable() }),
        ),
      }),
    },
  },
});

registerOperation({
  method: 'get',
  path: '/v1/admin/scrape-runs',
  summary: 'Scrape run records, newest first, with per-run stats and errors',
  tags: ['Admin'],
  auth: 'operator',
  query: RunsQuerySchema,
  responses: { 200: { description: 'Runs', schema: z.object({ runs: z.array(RunSchema) }) } },
});

/** Operator-only views of the scraper, mounted at /v1/admin. */
export function adminRoutes(deps: AppDeps): Hono<CoachEnv> {
  const r = new Hono<CoachEnv>();
  r.use('*', coachAuth(deps.db), requireOperator());
  r.get('/sources', (c) => c.json(describeSources(deps.db, deps.sourcesFile ?? null)));
  r.get('/scrape-runs', (c) => c.json(describeRuns(deps.db, parseOr422(RunsQuerySchema, c.req.query()))));
  return r;
}
