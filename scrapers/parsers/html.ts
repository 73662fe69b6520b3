import { load, type CheerioAPI } from 'cheerio';

/**
 * Loads HTML with htmlparser2 rather than parse5: several times faster on
 * job-board pages (DESIGN.md) and forgiving of the malformed markup they carry.
 */
export function loadHtml(html: string): CheerioAPI {
  return load(html, { xml: { xmlMode: false, decodeEntities: true, encodeEntities: 'utf8' } });
}
