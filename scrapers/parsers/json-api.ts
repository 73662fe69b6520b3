import type { RawVacancy, SalaryPeriod } from '../../src/vacancies/model.ts';
import { RawVacancySchema, SALARY_PERIODS } from '../../src/vacancies/model.ts';
import type { ApiField, JsonApiSourceConfig } from '../sources.ts';
import { cleanText, hoursFromText, resolveUrl, toIsoDate } from './text.ts';

/**
 * Reads a dotted path: "a.b.0.c". A "*" segment maps over an array and the
 * results are joined (", ") when they are text — "locations.*.name".
 */
export function getPath(obj: unknown, path: string): unknown {
  if (!path) return obj;
  const parts = path.split('.');
  let cur: unknown = obj;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (cur == null) return undefined;
    if (p === '*') {
      if (!Array.isArray(cur)) return undefined;
      const rest = parts.slice(i + 1).join('.');
      const vals = cur.map((x) => getPath(x, rest)).filter((x) => x != null && x !== '');
      return vals.every((x) => typeof x === 'string' || typeof x === 'number') ? vals.join(', ') : vals;
    }
    if (Array.isArray(cur) && /^\d+$/.test(p)) cur = cur[Number(p)];
    else if (typeof cur === 'object') cur = (cur as Record<string, unknown>)[p];
    else return undefined;
  }
  return cur;
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? cleanText(v) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/[,£$€\s]/g, '')) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

export interface ApiPage {
  items: RawVacancy[];
  errors: string[];
  /** Number of raw items in the response (pagination stops on 0). */
  count: number;
  cursor: string | null;
  next: string | null;
}

/** One JSON API response → vacancies by the source's field mapping, plus what pagination needs. Pure. */
export function parseApiPage(json: unknown, pageUrl: string, cfg: Pick<JsonApiSourceConfig, 'items' | 'fields' | 'urlTemplate' | 'pagination'>): ApiPage {
  const list = getPath(json, cfg.items);
  if (!Array.isArray(list)) {
    return { items: [], errors: [`"${cfg.items || '(root)'}" is not an array in the response`], count: 0, cursor: null, next: null };
  }
  const items: RawVacancy[] = [];
  const errors: string[] = [];
  list.forEach((item, i) => {
    const v = mapApiItem(item, pageUrl, cfg);
    if (typeof v === 'string') errors.push(`item ${i}: ${v}`);
    else items.push(v);
  });
  const p = cfg.pagination;
  const cursor = p.type === 'cursor' ? (str(getPath(json, p.cursor)) ?? null) : null;
  const next = p.type === 'next-link' && p.next ? resolveUrl(str(getPath(json, p.next)), pageUrl) : null;
  return { items, errors, count: list.length, cursor, next };
}

function mapApiItem(item: unknown, pageUrl: string, cfg: Pick<JsonApiSourceConfig, 'fields' | 'urlTemplate'>): RawVacancy | string {
  const f = (k: ApiField) => {
    const path = cfg.fields[k];
    return path ? getPath(item, path) : undefined;
  };
  const title = str(f('title'));
  if (!title) return `no title at "${cfg.fields.title}"`;
  const reference = str(f('reference'));
  let url = resolveUrl(str(f('url')), pageUrl) ?? undefined;
  if (!url && cfg.urlTemplate) {
    url = resolveUrl(cfg.urlTemplate.replace(/\{([\w.]+)\}/g, (_, path: string) => encodeURIComponent(str(getPath(item, path)) ?? '')), pageUrl) ?? undefined;
  }
  const min = num(f('salaryMin'));
  const max = num(f('salaryMax'));
  const period = str(f('salaryPeriod'))?.toLowerCase();
  const salaryText = str(f('salary'));
  const currency = str(f('salaryCurrency'))?.toUpperCase();
  const salary =
    min != null || max != null
      ? {
          min,
          max,
          currency: currency && currency.length === 3 ? currency : undefined,
          period: (SALARY_PERIODS as readonly string[]).includes(period ?? '') ? (period as SalaryPeriod) : undefined,
          text: salaryText,
        }
      : salaryText;
  const description = f('description');
  const candidate: Record<string, unknown> = {
    title,
    reference: (reference ?? url)?.slice(0, 200),
    url,
    applyUrl: resolveUrl(str(f('applyUrl')), pageUrl) ?? undefined,
    description: typeof description === 'string' ? description : undefined,
    employer: str(f('employer')),
    location: str(f('location')),
    postcode: str(f('postcode')),
    town: str(f('town')),
    region: str(f('region')),
    hoursPerWeek: hoursFromText(str(f('hoursPerWeek'))),
    salary,
    datePosted: toIsoDate(str(f('datePosted'))),
    validThrough: toIsoDate(str(f('validThrough'))),
    contract: str(f('contract')),
    employmentType: str(f('employmentType')),
  };
  for (const k of Object.keys(candidate)) if (candidate[k] === undefined) delete candidate[k];
  if (candidate['salary'] && typeof candidate['salary'] === 'object') {
    const s = candidate['salary'] as Record<string, unknown>;
    for (const k of Object.keys(s)) if (s[k] === undefined) delete s[k];
  }
  const r = RawVacancySchema.safeParse(candidate);
  if (!r.success) return r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return r.data;
}

/** Fills a URL template for one page of a paginated API. */
export function fillUrlTemplate(template: string, vars: { page?: number; offset?: number; limit?: number; cursor?: string | null }): string {
  return template.replace(/\{(page|offset|limit|cursor)\}/g, (_, k: keyof typeof vars) => {
    const v = vars[k];
    return v == null ? '' : encodeURIComponent(String(v));
  });
}
