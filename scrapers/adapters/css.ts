import type { RawVacancy } from '../../src/vacancies/model.ts';
import { parseDetail, parseListingCards } from '../parsers/css.ts';
import type { CssSourceConfig } from '../sources.ts';
import { collectListingLinks } from './listing.ts';
import type { Adapter, CrawlIo, Fetched } from './types.ts';

/**
 * A job board described by selectors only. Detail boards: listing pages →
 * detail pages → fields. Listing-only boards (`listing.fields`): each card on
 * a listing page is a vacancy; with `detail` too, a card fills in what its
 * detail page lacks and stands in when that page fails or refuses bots.
 */
export const crawlCss: Adapter<CssSourceConfig> = async (source, io) => {
  if (source.listing.fields) return crawlCards(source, io);
  const detail = source.detail!;
  const links = io.take(await collectListingLinks(io, source.start, source.listing));
  io.discovered(links.length);
  await Promise.all(links.map((url) => fetchDetail(io, url, detail, null)));
};

/** One detail page; returns false when it gave no vacancy (the card, if any, is then used). */
async function fetchDetail(io: CrawlIo, url: string, detail: NonNullable<CssSourceConfig['detail']>, card: RawVacancy | null): Promise<boolean> {
  const got = await io.get(url, 'html');
  if (!got) return false;
  if (got.kind !== 'ok') return true;
  const v = parseDetail(got.page.body, got.page.finalUrl, detail);
  if (typeof v === 'string') {
    if (!card) io.error(url, v);
    io.store(got.page, { vacancies: [] });
    return false;
  }
  const merged: RawVacancy = { ...(card ?? {}), ...v, url: got.page.finalUrl === url ? url : got.page.finalUrl };
  if (card?.reference) merged.reference = card.reference;
  io.store(got.page, { vacancies: [merged] });
  return true;
}

async function crawlCards(source: CssSourceConfig, io: CrawlIo): Promise<void> {
  const seenPages = new Set<string>();
  let page: string | null = source.start;
  const max = source.listing.maxPages;
  while (page && !seenPages.has(page) && seenPages.size < max) {
    seenPages.add(page);
    const got = await io.get(page, 'html', { required: seenPages.size === 1 });
    if (!got) break;
    if (got.kind !== 'ok') {
      // A 304 listing page replayed its cards' vacancies already; walk on.
      page = got.memo.next ?? null;
      continue;
    }
    const found = parseListingCards(got.page.body, got.page.finalUrl, source.listing);
    if (seenPages.size === 1 && !found.vacancies.length) io.error(page, 'the listing page has no cards with a title (listing.item / listing.fields.title)');
    const cards = io.take(found.vacancies);
    io.discovered(cards.length);
    await storeCards(source, io, got.page, cards, found);
    page = found.next;
  }
  if (page && !seenPages.has(page) && seenPages.size >= max) io.error(page, `stopped after listing.maxPages (${max}) pages`, { partial: true });
}

async function storeCards(source: CssSourceConfig, io: CrawlIo, listing: Fetched, cards: RawVacancy[], found: { links: string[]; next: string | null }): Promise<void> {
  const detail = source.detail;
  if (!detail) {
    io.store(listing, { vacancies: cards, links: found.links, next: found.next });
    return;
  }
  const fallbacks: RawVacancy[] = [];
  await Promise.all(
    cards.map(async (card) => {
      if (!card.url || !(await fetchDetail(io, card.url, detail, card))) fallbacks.push(card);
    }),
  );
  io.store(listing, { vacancies: fallbacks, links: found.links, next: found.next });
}
