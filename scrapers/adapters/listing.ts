import { parseListing } from '../parsers/css.ts';
import type { CrawlIo } from './types.ts';

/**
 * Follows a paginated listing from `start`, collecting detail links. The
 * first page must load (else the source fails); later pages failing make the
 * run partial. Next-page loops end the walk.
 */
export async function collectListingLinks(
  io: CrawlIo,
  start: string,
  listing: { item?: string | undefined; link: string; next?: string | undefined; maxPages: number },
): Promise<string[]> {
  const links: string[] = [];
  const seenPages = new Set<string>();
  let page: string | null = start;
  while (page && !seenPages.has(page) && seenPages.size < listing.maxPages) {
    seenPages.add(page);
    const got = await io.get(page, 'html', { required: seenPages.size === 1 });
    if (!got) break;
    let found: { links: string[]; next: string | null };
    if (got.kind === 'ok') {
      found = parseListing(got.page.body, got.page.finalUrl, listing);
      if (seenPages.size === 1 && !found.links.length) io.error(page, 'the listing page has no links matching listing.link');
      io.store(got.page, found);
    } else {
      found = { links: got.memo.links ?? [], next: got.memo.next ?? null };
    }
    for (const l of found.links) if (!links.includes(l)) links.push(l);
    page = found.next;
  }
  if (page && !seenPages.has(page) && seenPages.size >= listing.maxPages) {
    io.error(page, `stopped after listing.maxPages (${listing.maxPages}) pages`, { partial: true });
  }
  return links;
}
