import { parseDetail } from '../parsers/css.ts';
import type { CssSourceConfig } from '../sources.ts';
import { collectListingLinks } from './listing.ts';
import type { Adapter } from './types.ts';

/** A job board described by selectors only: listing pages → detail pages → fields. */
export const crawlCss: Adapter<CssSourceConfig> = async (source, io) => {
  const links = io.take(await collectListingLinks(io, source.start, source.listing));
  io.discovered(links.length);
  await Promise.all(
    links.map(async (url) => {
      const got = await io.get(url, 'html');
      if (!got || got.kind !== 'ok') return;
      const v = parseDetail(got.page.body, got.page.finalUrl, source.detail);
      if (typeof v === 'string') {
        io.error(url, v);
        io.store(got.page, { vacancies: [] });
      } else {
        io.store(got.page, { vacancies: [{ ...v, url: got.page.finalUrl === url ? url : got.page.finalUrl }] });
      }
    }),
  );
};
