import { parseJobPage } from '../parsers/job-page.ts';
import { parseSitemap } from '../parsers/sitemap.ts';
import type { JsonLdSourceConfig } from '../sources.ts';
import { collectListingLinks } from './listing.ts';
import type { Adapter, CrawlIo } from './types.ts';

/** Career pages and ATS boards: listing or sitemap → detail pages → JSON-LD / microdata JobPostings. */
export const crawlJsonLd: Adapter<JsonLdSourceConfig> = async (source, io) => {
  let links = source.sitemap
    ? await collectSitemapLinks(io, source.sitemap)
    : await collectListingLinks(io, source.start!, source.listing!);
  if (source.include) {
    const re = new RegExp(source.include);
    links = links.filter((l) => re.test(l));
  }
  links = io.take(links);
  io.discovered(links.length);
  await Promise.all(links.map((l) => crawlDetail(io, l)));
};

async function crawlDetail(io: CrawlIo, url: string): Promise<void> {
  const got = await io.get(url, 'html');
  if (!got || got.kind !== 'ok') return;
  const r = parseJobPage(got.page.body, got.page.finalUrl);
  for (const e of r.errors) io.error(url, e);
  io.store(got.page, { vacancies: r.vacancies });
}

async function collectSitemapLinks(io: CrawlIo, sitemap: string): Promise<string[]> {
  const out: string[] = [];
  const queue: { url: string; depth: number }[] = [{ url: sitemap, depth: 0 }];
  const seen = new Set<string>();
  while (queue.length) {
    const { url, depth } = queue.shift()!;
    if (seen.has(url) || depth > 2) continue;
    seen.add(url);
    const got = await io.get(url, 'xml', { required: depth === 0 });
    if (!got) continue;
    let links: string[];
    let children: string[];
    if (got.kind === 'ok') {
      const sm = parseSitemap(got.page.body);
      if (depth === 0 && !sm.urls.length && !sm.sitemaps.length) throw new Error(`${url}: not a sitemap (no <url> or <sitemap> entries)`);
      links = sm.urls;
      children = sm.sitemaps;
      // Child sitemaps are remembered as "next" pages of the memo.
      io.store(got.page, { links: [...links], next: children.length ? JSON.stringify(children) : null });
    } else {
      links = got.memo.links ?? [];
      children = got.memo.next ? (JSON.parse(got.memo.next) as string[]) : [];
    }
    for (const l of links) if (!out.includes(l)) out.push(l);
    for (const c of children) queue.push({ url: c, depth: depth + 1 });
  }
  return out;
}
