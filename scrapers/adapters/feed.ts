import { parseFeed } from '../parsers/feed.ts';
import type { FeedSourceConfig } from '../sources.ts';
import type { Adapter } from './types.ts';

/** RSS 2.0 / Atom job feeds: one request, every item a vacancy. */
export const crawlFeed: Adapter<FeedSourceConfig> = async (source, io) => {
  const got = await io.get(source.url, 'xml', { required: true });
  if (!got || got.kind !== 'ok') return;
  const r = parseFeed(got.page.body, got.page.finalUrl, {
    titleEmployerSeparator: source.titleEmployerSeparator,
    titleEmployerPosition: source.titleEmployerPosition,
    labels: source.labels,
    fields: source.fields,
  });
  if (r.format === 'unknown') throw new Error(`${source.url}: ${r.errors.join('; ')}`);
  for (const e of r.errors) io.error(source.url, e);
  const items = io.take(r.items);
  io.discovered(items.length);
  io.store(got.page, { vacancies: items });
};
