/**
 * A small structural JSON Schema (2020-12) checker for the subset zod emits:
 * type, properties, required, additionalProperties, items, anyOf/oneOf/allOf,
 * enum, const, min/maxLength, minimum/maximum, exclusive bounds, pattern,
 * min/maxItems. Unknown keywords are ignored. Enough to tell whether a
 * document fits what /openapi.json promises, without a validator dependency.
 */
export type Schema = Record<string, unknown>;

export function checkJsonSchema(schema: Schema, value: unknown, path = ''): string[] {
  const here = path || '(root)';
  const errs: string[] = [];
  if (Array.isArray(schema['anyOf']) || Array.isArray(schema['oneOf'])) {
    const alts = (schema['anyOf'] ?? schema['oneOf']) as Schema[];
    const results = alts.map((a) => checkJsonSchema(a, value, path));
    const passing = results.filter((r) => r.length === 0).length;
    if (passing === 0) errs.push(`${here}: matches none of ${alts.length} alternatives (${results.map((r) => r[0]).join(' | ')})`);
    if (schema['oneOf'] && passing > 1) errs.push(`${here}: matches ${passing} oneOf alternatives`);
  }
  if (Array.isArray(schema['allOf'])) for (const a of schema['allOf'] as Schema[]) errs.push(...checkJsonSchema(a, value, path));
  if ('const' in schema && JSON.stringify(schema['const']) !== JSON.stringify(value)) errs.push(`${here}: must be ${JSON.stringify(schema['const'])}`);
  if (Array.isArray(schema['enum']) && !(schema['enum'] as unknown[]).some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    errs.push(`${here}: not in enum`);
  }
  const type = schema['type'];
  if (type !== undefined) {
    const types = Array.isArray(type) ? (type as string[]) : [type as string];
    if (!types.some((t) => typeMatches(t, value))) return [...errs, `${here}: expected ${types.join('|')}, got ${kindOf(value)}`];
  }
  if (typeof value === 'string') {
    if (typeof schema['minLength'] === 'number' && value.length < schema['minLength']) errs.push(`${here}: shorter than ${schema['minLength']}`);
    if (typeof schema['maxLength'] === 'number' && value.length > schema['maxLength']) errs.push(`${here}: longer than ${schema['maxLength']}`);
    if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(value)) errs.push(`${here}: does not match ${schema['pattern']}`);
  }
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum']) errs.push(`${here}: below ${schema['minimum']}`);
    if (typeof schema['maximum'] === 'number' && value > schema['maximum']) errs.push(`${here}: above ${schema['maximum']}`);
    if (typeof schema['exclusiveMinimum'] === 'number' && value <= schema['exclusiveMinimum']) errs.push(`${here}: not above ${schema['exclusiveMinimum']}`);
    if (typeof schema['exclusiveMaximum'] === 'number' && value >= schema['exclusiveMaximum']) errs.push(`${here}: not below ${schema['exclusiveMaximum']}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema['minItems'] === 'number' && value.length < schema['minItems']) errs.push(`${here}: fewer than ${schema['minItems']} items`);
    if (typeof schema['maxItems'] === 'number' && value.length > schema['maxItems']) errs.push(`${here}: more than ${schema['maxItems']} items`);
    const items = schema['items'];
    if (items && typeof items === 'object') value.forEach((v, i) => errs.push(...checkJsonSchema(items as Schema, v, join(path, String(i)))));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (schema['properties'] ?? {}) as Record<string, Schema>;
    for (const r of (schema['required'] as string[] | undefined) ?? []) if (!(r in obj)) errs.push(`${join(path, r)}: required`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errs.push(...checkJsonSchema(props[k], v, join(path, k)));
      else if (schema['additionalProperties'] === false) errs.push(`${join(path, k)}: not allowed (additionalProperties: false)`);
      else if (schema['additionalProperties'] && typeof schema['additionalProperties'] === 'object') {
        errs.push(...checkJsonSchema(schema['additionalProperties'] as Schema, v, join(path, k)));
      }
    }
  }
  return errs;
}

const join = (a: string, b: string) => (a ? `${a}.${b}` : b);

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function typeMatches(t: string, v: unknown): boolean {
  switch (t) {
    case 'null':
      return v === null;
    case 'array':
      return Array.isArray(v);
    case 'object':
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    default:
      return typeof v === t;
  }
}
