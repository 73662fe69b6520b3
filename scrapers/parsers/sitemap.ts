import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (n) => n === 'url' || n === 'sitemap' });

export interface Sitemap {
  /** Page URLs (`<urlset>`). */
  urls: string[];
  /** Child sitemaps (`<sitemapindex>`). */
  sitemaps: string[];
}

/** A sitemap or sitemap index → its locations. Malformed input yields empty lists. */
export function parseSitemap(xml: string): Sitemap {
  let doc: Record<string, any>;
  try {
    doc = parser.parse(xml) as Record<string, any>;
  } catch {
    return { urls: [], sitemaps: [] };
  }
  const locs = (list: unknown): string[] =>
    (Array.isArray(list) ? list : [])
      .map((e) => (e && typeof e === 'object' ? String((e as Record<string, unknown>)['loc'] ?? '').trim() : ''))
      .filter(Boolean);
  return { urls: locs(doc['urlset']?.['url']), sitemaps: locs(doc['sitemapindex']?.['sitemap']) };
}
