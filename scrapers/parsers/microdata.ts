import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { JsonObject } from './jsonld.ts';

/**
 * schema.org microdata (itemscope/itemtype/itemprop) → JSON-LD-shaped
 * objects, so one mapper serves both. Only JobPosting items are returned.
 */
export function extractMicrodata($: CheerioAPI): JsonObject[] {
  const out: JsonObject[] = [];
  $('[itemscope][itemtype]').each((_, el) => {
    const type = $(el).attr('itemtype') ?? '';
    if (!/JobPosting\b/.test(type)) return;
    // A JobPosting nested in another JobPosting's scope is read with its parent.
    if ($(el).parent().closest('[itemscope][itemtype*="JobPosting"]').length) return;
    out.push(readItem($, el));
  });
  return out;
}

function readItem($: CheerioAPI, el: Element, depth = 0): JsonObject {
  const item: JsonObject = {};
  const type = ($(el).attr('itemtype') ?? '').trim().split(/\s+/)[0];
  if (type) item['@type'] = type.replace(/^https?:\/\/schema\.org\//, '');
  if (depth > 6) return item;
  $(el)
    .find('[itemprop]')
    .each((_, p) => {
      // Only properties whose nearest enclosing scope is this item.
      const owner = $(p).parent().closest('[itemscope]');
      if (owner[0] !== el) return;
      const names = ($(p).attr('itemprop') ?? '').trim().split(/\s+/).filter(Boolean);
      const value = $(p).is('[itemscope]') ? readItem($, p, depth + 1) : propertyValue($(p), names);
      for (const name of names) {
        const prev = item[name];
        item[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
      }
    });
  return item;
}

function propertyValue(p: Cheerio<AnyNode>, names: string[]): string {
  const tag = (p[0] as Element).tagName?.toLowerCase();
  const content = p.attr('content');
  if (content != null) return content.trim();
  if (tag === 'a' || tag === 'link' || tag === 'area') return (p.attr('href') ?? '').trim();
  if (tag && ['img', 'audio', 'video', 'source', 'iframe', 'embed'].includes(tag)) return (p.attr('src') ?? '').trim();
  if (tag === 'time' && p.attr('datetime')) return p.attr('datetime')!.trim();
  if ((tag === 'data' || tag === 'meter') && p.attr('value') != null) return p.attr('value')!.trim();
  // Descriptions keep their markup: paragraphs and lists matter downstream.
  if (names.includes('description')) return (p.html() ?? '').trim();
  return p.text().replace(/\s+/g, ' ').trim();
}
