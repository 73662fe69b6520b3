import { fillUrlTemplate, parseApiPage } from '../parsers/json-api.ts';
import { resolveUrl } from '../parsers/text.ts';
import type { JsonApiSourceConfig } from '../sources.ts';
import type { Adapter } from './types.ts';

/** ATS job-board APIs: a URL template, a pagination scheme and a field mapping. */
export const crawlJsonApi: Adapter<JsonApiSourceConfig> = async (source, io) => {
  const p = source.pagination;
  const first = fillUrlTemplate(source.url, {
    page: p.type === 'page' ? p.start : undefined,
    offset: 0,
    limit: p.type === 'offset' ? p.limit : undefined,
    cursor: null,
  });
  const seen = new Set<string>();
  let url: string | null = first;
  let n = 0;
  while (url && !seen.has(url)) {
    if (n >= source.maxPages) {
      io.error(url, `stopped after maxPages (${source.maxPages}) pages`, { partial: true });
      return;
    }
    seen.add(url);
    n++;
    const got = await io.get(url, 'json', { required: n === 1, headers: source.headers });
    if (!got) return;
    if (got.kind === 'not-modified') {
      url = got.memo.next ?? null;
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(got.page.body);
    } catch (err) {
      if (n === 1) throw new Error(`${url}: not valid JSON: ${(err as Error).message}`);
      io.error(url, `not valid JSON: ${(err as Error).message}`, { partial: true });
      return;
    }
    const page = parseApiPage(json, got.page.finalUrl, source);
    if (n === 1 && page.errors.length && !page.count) throw new Error(`${url}: ${page.errors.join('; ')}`);
    for (const e of page.errors) io.error(url, e);
    const next = page.count === 0 ? null : nextUrl(source, n, page, got.page.headers, got.page.finalUrl);
    const items = io.take(page.items);
    io.discovered(items.length);
    io.store(got.page, { vacancies: items, next });
    if (items.length < page.items.length) return;
    url = next;
  }
};

function nextUrl(
  source: JsonApiSourceConfig,
  pagesDone: number,
  page: { count: number; cursor: string | null; next: string | null },
  headers: Headers,
  base: string,
): string | null {
  const p = source.pagination;
  switch (p.type) {
    case 'none':
      return null;
    case 'page':
      return fillUrlTemplate(source.url, { page: p.start + pagesDone });
    case 'offset':
      return page.count < p.limit ? null : fillUrlTemplate(source.url, { offset: pagesDone * p.limit, limit: p.limit });
    case 'cursor':
      return page.cursor ? fillUrlTemplate(source.url, { cursor: page.cursor }) : null;
    case 'next-link': {
      if (p.next) return page.next;
      const link = headers.get('link') ?? '';
      const m = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link);
      return m ? resolveUrl(m[1], base) : null;
    }
  }
}
