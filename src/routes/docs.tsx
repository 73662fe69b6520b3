import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { AppDeps } from '../app-deps.ts';
import { MAX_JSON_DEPTH } from '../http/json-body.ts';
import { originSettingsOf, requestOrigin } from '../http/public-origin.ts';
import { DATE_WINDOWS } from '../vacancies/date-window.ts';
import { AUTH_TEXT, listOperations, responsesFor, toJsonSchema, type JsonSchema, type OperationSpec } from './openapi.ts';

/**
 * /docs: a readable page over the same registry as /openapi.json, so the
 * two always agree. Operations grouped by tag, with parameters, body
 * fields, responses and a curl example.
 */

interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

function typeOf(s: JsonSchema): string {
  if (Array.isArray(s['enum'])) return (s['enum'] as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if (s['const'] !== undefined) return JSON.stringify(s['const']);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const alts = s[key];
    if (Array.isArray(alts)) return [...new Set((alts as JsonSchema[]).map(typeOf))].join(' | ');
  }
  const t = s['type'];
  if (t === 'array') return `${typeOf((s['items'] as JsonSchema | undefined) ?? {})}[]`;
  if (Array.isArray(t)) return t.join(' | ');
  if (typeof t === 'string') {
    const bits: string[] = [];
    if (typeof s['maxLength'] === 'number') bits.push(`≤ ${s['maxLength']} chars`);
    if (typeof s['minimum'] === 'number') bits.push(`≥ ${s['minimum']}`);
    if (typeof s['maximum'] === 'number' && s['maximum'] < 1e15) bits.push(`≤ ${s['maximum']}`);
    return bits.length ? `${t} (${bits.join(', ')})` : t;
  }
  return 'any';
}

function fieldsOf(schema: JsonSchema): FieldRow[] {
  const props = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => ({
    name,
    type: typeOf(s),
    required: required.has(name),
    description: typeof s['description'] === 'string' ? s['description'] : '',
  }));
}

const curlAuth: Record<OperationSpec['auth'], string | null> = {
  none: null,
  employer: '$FLIGHTPATH_API_KEY',
  coach: '$FLIGHTPATH_COACH_TOKEN',
  operator: '$FLIGHTPATH_OPERATOR_TOKEN',
};

function curlFor(op: OperationSpec, base: string): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, p: string) => (p === 'id' ? '123' : `<${p}>`));
  const lines = [`curl -sS -X ${op.method.toUpperCase()} '${base}${path}'`];
  const auth = curlAuth[op.auth];
  if (auth) lines.push(`  -H "Authorization: Bearer ${auth}"`);
  if (op.body) {
    lines.push(`  -H 'Content-Type: ${op.body.contentTypes?.[0] ?? 'application/json'}'`);
    const example = JSON.stringify(op.body.example ?? {}, null, 2).replace(/'/g, "'\\''");
    lines.push(`  -d '${example}'`);
  }
  return lines.join(' \\\n');
}

/** Text with `backtick` spans shown as code (descriptions are written that way, as in OpenAPI markdown). */
const Md: FC<{ text: string }> = ({ text }) => (
  <>{text.split('`').map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}</>
);

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

const Fields: FC<{ rows: FieldRow[]; caption: string }> = ({ rows, caption }) =>
  rows.length ? (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr><th>name</th><th>type</th><th>required</th><th>description</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td><code>{r.name}</code></td>
            <td><code>{r.type}</code></td>
            <td>{r.required ? 'yes' : ''}</td>
            <td><Md text={r.description} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  ) : null;

const Operation: FC<{ op: OperationSpec; base: string }> = ({ op, base }) => {
  const params = [...(op.params ? fieldsOf(toJsonSchema(op.params, 'input')).map((r) => ({ ...r, required: true, name: `${r.name} (path)` })) : []),
    ...(op.query ? fieldsOf(toJsonSchema(op.query, 'input')).map((r) => ({ ...r, name: `${r.name} (query)` })) : [])];
  // A body that accepts several shapes (our JSON or a JobPosting) gets one table per shape.
  const bodySchema = op.body ? toJsonSchema(op.body.schema, 'input') : null;
  const bodies: { caption: string; rows: FieldRow[] }[] = !bodySchema
    ? []
    : Array.isArray(bodySchema['anyOf'])
      ? (bodySchema['anyOf'] as JsonSchema[]).map((alt, i) => ({
          caption: `Body fields, ${i === 0 ? '' : 'or '}${typeof alt['title'] === 'string' ? alt['title'] : `shape ${i + 1}`}${alt['additionalProperties'] === false ? '' : ' (other properties are ignored)'}`,
          rows: fieldsOf(alt),
        }))
      : [{ caption: 'Body fields', rows: fieldsOf(bodySchema) }];
  return (
    <section class="op" id={slug(`${op.method} ${op.path}`)}>
      <h3><span class={`m ${op.method}`}>{op.method.toUpperCase()}</span> <code>{op.path}</code></h3>
      <p><strong>{op.summary}</strong></p>
      {op.description ? <p><Md text={op.description} /></p> : null}
      <p class="auth">Auth: <Md text={AUTH_TEXT[op.auth]} /></p>
      <Fields rows={params} caption="Parameters" />
      {bodies.map((b) => <Fields rows={b.rows} caption={b.caption} />)}
      <p>Responses:</p>
      <ul>
        {Object.entries(responsesFor(op)).map(([status, r]) => (
          <li><code>{status}</code> <Md text={r.description} /></li>
        ))}
      </ul>
      <p>Example:</p>
      {/* Focusable, so a keyboard can scroll a long example sideways (WCAG 2.1.1). */}
      <pre tabindex={0}>{curlFor(op, base)}</pre>
      {op.body?.examples
        ? Object.entries(op.body.examples)
            .filter(([, value]) => value !== op.body?.example)
            .map(([name, value]) => (
              <>
                <p>Also accepted ({name}):</p>
                <pre tabindex={0}>{JSON.stringify(value, null, 2)}</pre>
              </>
            ))
        : null}
    </section>
  );
};

const DocsPage: FC<{ ops: OperationSpec[]; base: string }> = ({ ops, base }) => {
  const groups = new Map<string, OperationSpec[]>();
  for (const op of ops) for (const tag of op.tags.length ? op.tags : ['Other']) (groups.get(tag) ?? groups.set(tag, []).get(tag))?.push(op);
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>flightpath API</title>
        <style>{`
          body{font:16px/1.5 system-ui,sans-serif;max-width:62rem;margin:0 auto;padding:1rem 1.5rem;color:#1b1b1b}
          code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
          pre{background:#f4f4f6;padding:.8rem;overflow:auto;border-radius:4px}
          code{overflow-wrap:anywhere}td,th,h3,nav li{overflow-wrap:anywhere}
          a:focus-visible,pre:focus-visible{outline:3px solid #1b1f24;outline-offset:2px;box-shadow:0 0 0 2px #fff}
          table{border-collapse:collapse;width:100%;margin:.5rem 0}caption{text-align:left;font-weight:600}
          th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
          .op{border-top:1px solid #ccc;padding-top:.5rem;margin-top:1.5rem}
          .m{display:inline-block;min-width:4.5rem;padding:0 .4rem;border-radius:3px;color:#fff;font-size:.85em;text-align:center}
          .get{background:#1d70b8}.post{background:#00703c}.patch{background:#8a5a00}.put{background:#8a5a00}.delete{background:#d4351c}
          .auth{color:#505a5f}nav ul{columns:2}
          @media (max-width:40rem){body{padding:1rem}nav ul{columns:1}}
        `}</style>
      </head>
      <body>
        <h1>flightpath API</h1>
        <p>
          JSON over HTTPS. The machine-readable description is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1),
          generated from the same schemas that validate requests.
        </p>
        <h2>Authentication</h2>
        <ul>
          <li><Md text={AUTH_TEXT.employer} /></li>
          <li><Md text={AUTH_TEXT.coach} /></li>
          <li><Md text={AUTH_TEXT.operator} /></li>
        </ul>
        <p>
          A missing, malformed, unknown or revoked credential is <code>401</code>. Employer keys are rate limited
          per key; over the limit you get <code>429</code> with a <code>Retry-After</code> header (seconds).
        </p>
        <h2>Errors</h2>
        <p>
          Every error is <code>application/problem+json</code> (RFC 9457). Validation failures are <code>422</code> and
          list every invalid field at once by its nested JSON path, e.g. <code>{'{"path": "salary.min", "message": "must be at least 0"}'}</code>.
          Malformed JSON is <code>400</code>, a body over the size limit <code>413</code>, a non-JSON Content-Type
          <code> 415</code>, a body nested more than {MAX_JSON_DEPTH} levels deep <code>422</code>. Dates must be
          plausible: <code>datePosted</code> {DATE_WINDOWS.datePosted.text}, <code>validThrough</code>{' '}
          {DATE_WINDOWS.validThrough.text} (a past one stores the vacancy as closed). Links (<code>url</code>,{' '}
          <code>applyUrl</code>) must be absolute <code>http://</code> or <code>https://</code> addresses
          (<code>applyUrl</code> may be <code>mailto:</code>). Every response carries an <code>X-Request-Id</code>
          header (send your own to correlate).
        </p>
        <nav>
          <h2>Operations</h2>
          <ul>
            {ops.map((op) => (
              <li><a href={`#${slug(`${op.method} ${op.path}`)}`}>{op.method.toUpperCase()} {op.path}</a> — {op.summary}</li>
            ))}
          </ul>
        </nav>
        {[...groups.entries()].map(([tag, list]) => (
          <>
            <h2 id={slug(tag)}>{tag}</h2>
            {list.map((op) => <Operation op={op} base={base} />)}
          </>
        ))}
      </body>
    </html>
  );
};

/** GET /docs */
export function docsRoutes(deps: Pick<AppDeps, 'config'>): Hono {
  const origin = originSettingsOf(deps.config);
  const app = new Hono();
  app.get('/docs', (c) => c.html(`<!doctype html>${(<DocsPage ops={listOperations()} base={requestOrigin(c, origin)} />).toString()}`));
  return app;
}
