import type { Source } from '../sources.ts';
import { crawlCss } from './css.ts';
import { crawlFeed } from './feed.ts';
import { crawlJsonApi } from './json-api.ts';
import { crawlJsonLd } from './jsonld.ts';
import type { CrawlIo } from './types.ts';

/** Runs the adapter for a source's type. */
export function crawlSource(source: Source, io: CrawlIo): Promise<void> {
  switch (source.type) {
    case 'jsonld':
      return crawlJsonLd(source, io);
    case 'feed':
      return crawlFeed(source, io);
    case 'css':
      return crawlCss(source, io);
    case 'json-api':
      return crawlJsonApi(source, io);
  }
}
