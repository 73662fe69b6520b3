import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { originSettingsOf, requestOrigin } from '../http/public-origin.ts';

/**
 * The API description, built from the same zod schemas that validate
 * requests, so /openapi.json and /docs cannot drift from the code.
 *
 * How a router adds its operations: call registerOperation() once per
 * route at the top level of the router's module (re-registering the same
 * method + path replaces the entry, so calling it from a factory is also
 * safe). Pass the zod schemas the handler parses with:
 *
 *   registerOperation({
 *     method: 'get', path: '/v1/search', summary: 'Search live vacancies',
 *     tags: ['Search'], auth: 'coach',
 *     query: SearchQuerySchema,                 // a z.object: one parameter per key
 *     responses: { 200: { description: 'Ranked results', schema: SearchResponseSchema } },
 *   });
 *
 * Paths use OpenAPI's `{id}` style. 401/429 (for authenticated routes), the
 * standard error answers (400/413/415 for bodies, 422, 404 for `{id}`, 500;
 * see standardErrors) and the problem+json shape of 4xx/5xx answers are
 * added automatically; a router's own entry for a status wins. Import
 * this module's registry from your router; never from views.
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** none: public; employer: API key; coach: coach or operator token; operator: operator token. */
export type AuthKind = 'none' | 'employer' | 'coach' | 'operator';

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Default application/json (application/problem+json for 4xx/5xx). */
  contentType?: string;
}

export interface OperationSpec {
  method: HttpMethod;
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  auth: AuthKind;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: {
    schema: z.ZodType;
    description?: string;
    /** Default ['application/json']. */
    contentTypes?: string[];
    /** Shown in the docs' curl example and as the OpenAPI example. */
    example?: unknown;
    /** Further named examples (OpenAPI `examples`), e.g. one per accepted body shape; shown in the docs too. */
    examples?: Record<string, unknown>;
  };
  responses: Record<number, ResponseSpec>;
}

const registry = new Map<string, OperationSpec>();

export function registerOperation(op: OperationSpec): void {
  registry.set(`${op.method.toUpperCase()} ${op.path}`, op);
}

/** The responses an operation documents: its own plus the standard error answers (see standardErrors). */
export function responsesFor(op: OperationSpec): Record<number, ResponseSpec> {
  const all: Record<number, ResponseSpec> = { ...standardErrors(op), ...op.responses };
  if (op.auth !== 'none') {
    all[401] ??= { description: 'Missing, malformed, unknown or revoked credentials' };
    if (op.auth === 'operator') all[403] ??= { description: 'Not an operator token' };
  }
  if (op.auth === 'employer') all[429] ??= { description: 'Rate limit exceeded; see the Retry-After header' };
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => Number(a) - Number(b)));
}

/** Registered operations, ordered by tag, then path, then method. */
export function listOperations(): OperationSpec[] {
  const order: HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];
  return [...registry.values()].sort(
    (a, b) =>
      (a.tags[0] ?? '').localeCompare(b.tags[0] ?? '') ||
      a.path.localeCompare(b.path) ||
      order.indexOf(a.method) - order.indexOf(b.method),
  );
}

/** RFC 9457 problem details, with our field-level errors. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z
    .array(z.object({ path: z.string().describe('JSON path of the field, e.g. items.3.title'), message: z.string() }))
    .optional(),
});

export type JsonSchema = Record<string, unknown>;

/** JSON Schema (draft 2020-12, which OpenAPI 3.1 uses) for a zod schema; never throws. */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  try {
    const js = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
    delete js['$schema'];
    return js;
  } catch {
    return {};
  }
}

export const AUTH_TEXT: Record<AuthKind, string> = {
  none: 'No authentication.',
  employer: 'Employer API key: `Authorization: Bearer fp_emp_…` (issued with `npm run cli -- keys create --employer "Name"`).',
  coach: 'Coach token: `Authorization: Bearer fp_coach_…` (issued with `npm run cli -- coaches create --name … --org …`).',
  operator: 'Operator token: a coach token created with `--operator`.',
};

function parametersOf(op: OperationSpec): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, obj] of [['path', op.params], ['query', op.query]] as const) {
    if (!obj) continue;
    const js = toJsonSchema(obj, 'input');
    const props = (js['properties'] ?? {}) as Record<string, JsonSchema>;
    const required = new Set((js['required'] as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries(props)) {
      const { description, ...rest } = schema;
      out.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  return out;
}

/**
 * The error answers every route can give, whatever its router registered:
 * a body is read by readJsonBody (400, 413, 415, and 422 for a body nested
 * too deep or failing validation), query and path parameters are validated
 * (422), an `{id}` may name nothing (404), and anything can fail (500).
 */
function standardErrors(op: OperationSpec): Record<number, ResponseSpec> {
  const out: Record<number, ResponseSpec> = {};
  if (op.body) {
    out[400] = { description: 'The body is empty or not valid JSON' };
    out[413] = { description: 'The body is larger than BODY_LIMIT_BYTES' };
    out[415] = { description: 'Content-Type is not JSON' };
  }
  if (op.body || op.query || op.params) {
    out[422] = { description: 'Validation failed: `errors` lists every invalid field at once, each by its JSON path (`salary.min`, `items.3.title`)' };
  }
  if (/\{\w+\}/.test(op.path)) out[404] = { description: 'Not found' };
  out[500] = { description: 'Internal error (logged with the request id; no details are exposed)' };
  return out;
}

function responsesOf(op: OperationSpec): Record<string, JsonSchema> {
  const all = responsesFor(op);
  const out: Record<string, JsonSchema> = {};
  for (const [status, r] of Object.entries(all)) {
    const isProblem = Number(status) >= 400;
    const schema = r.schema ?? (isProblem ? ProblemSchema : undefined);
    out[status] = {
      description: r.description,
      ...(schema ? { content: { [r.contentType ?? (isProblem ? 'application/problem+json' : 'application/json')]: { schema: toJsonSchema(schema) } } } : {}),
      ...(Number(status) === 429 ? { headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } } } : {}),
    };
  }
  return out;
}

/** The OpenAPI 3.1 document for everything registered so far. */
export function buildOpenApiDocument(info: { version?: string; serverUrl?: string } = {}): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of listOperations()) {
    const security =
      op.auth === 'none' ? [] : op.auth === 'employer' ? [{ employerKey: [] }] : [{ coachToken: [] }];
    const entry: JsonSchema = {
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: op.tags,
      operationId: `${op.method}${op.path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : ''))}`,
      security,
      parameters: parametersOf(op),
      responses: responsesOf(op),
    };
    if (op.body) {
      const schema = toJsonSchema(op.body.schema, 'input');
      entry['requestBody'] = {
        required: true,
        ...(op.body.description ? { description: op.body.description } : {}),
        content: Object.fromEntries(
          (op.body.contentTypes ?? ['application/json']).map((t) => [
            t,
            {
              schema,
              // OpenAPI allows `example` or `examples`, not both.
              ...(op.body?.examples
                ? { examples: Object.fromEntries(Object.entries(op.body.examples).map(([name, value]) => [name, { value }])) }
                : op.body?.example !== undefined
                  ? { example: op.body.example }
                  : {}),
            },
          ]),
        ),
      };
    }
    (paths[op.path] ??= {})[op.method] = entry;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'flightpath API',
      version: info.version ?? '0.1.0',
      description:
        'Vacancy matching for employment coaches. Employers post vacancies with API keys (our JSON or schema.org JobPosting); coaches search and match with coach tokens. Errors are RFC 9457 problem+json naming every invalid field by JSON path.',
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    components: {
      securitySchemes: {
        employerKey: { type: 'http', scheme: 'bearer', description: AUTH_TEXT.employer },
        coachToken: { type: 'http', scheme: 'bearer', description: `${AUTH_TEXT.coach} ${AUTH_TEXT.operator}` },
      },
    },
    paths,
  };
}

/** GET /openapi.json */
export function openApiRoutes(deps: Pick<AppDeps, 'config'>): Hono {
  const origin = originSettingsOf(deps.config);
  const app = new Hono();
  app.get('/openapi.json', (c) => c.json(buildOpenApiDocument({ serverUrl: requestOrigin(c, origin) })));
  return app;
}
