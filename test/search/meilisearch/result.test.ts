import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../../src/search/geo.ts';
import { escapeHtml, renderHighlight } from '../../../src/search/meilisearch/highlight.ts';
import { toSearchResult, type MeiliSearchResponse } from '../../../src/search/meilisearch/result.ts';

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/search-meilisearch/search-response.json', import.meta.url), 'utf8'),
) as MeiliSearchResponse;

const leeds = { lat: 53.7974, lon: -1.5438, radiusKm: 10 };

describe('toSearchResult', () => {
  const result = toSearchResult(fixture, { q: 'forklift', near: leeds, facets: ['sector', 'contract', 'remote'] });

  it('maps hits to vacancy ids with scores, in Meilisearch order', () => {
    expect(result.total).toBe(7);
    expect(result.hits.map((h) => [h.id, h.score])).toEqual([
      [101, 0.9712],
      [205, 0.6533],
    ]);
  });

  it('gives the exact distance to the nearest of all the vacancy places, in km', () => {
    const [first, second] = result.hits;
    // By hand: 0.0023° north (255.7 m) and 0.0054° west at 53.8° N (354.6 m) → 437 m, to 10 m.
    expect(haversineKm(leeds, { lat: 53.7997, lon: -1.5492 })).toBeCloseTo(0.437, 3);
    expect(first!.distanceKm).toBe(0.44);
    expect(second!.distanceKm).toBe(Math.round(haversineKm(leeds, { lat: 53.8321, lon: -1.6 }) * 100) / 100);
  });

  it('falls back to _geoDistance in km when a hit has no places', () => {
    const r = toSearchResult({ hits: [{ vacancyId: 1, _geoDistance: 4720 }], totalHits: 1 }, { near: leeds });
    expect(r.hits[0]!.distanceKm).toBe(4.72);
  });

  it('has no distance without near', () => {
    expect(toSearchResult(fixture, {}).hits.every((h) => h.distanceKm === null)).toBe(true);
  });

  it('renders highlights with <mark> and escapes everything else', () => {
    expect(result.hits[0]!.highlights).toEqual({
      title: '<mark>Forklift</mark> Driver &lt;Nights&gt; &amp; Weekends',
      description: '…must hold a counterbalance <mark>forklift</mark> licence; &quot;R&amp;D&quot; site &lt;b&gt;not&lt;/b&gt; a problem…',
    });
  });

  it('returns the escaped title even when it marks nothing', () => {
    expect(result.hits[1]!.highlights).toEqual({
      title: 'Warehouse Operative',
      description: 'Reach truck and <mark>forklift</mark> experience welcome…',
    });
  });

  it('returns the requested facets only, empty when Meilisearch had no counts', () => {
    expect(result.facets).toEqual({ sector: { H: 5, C: 2 }, contract: { permanent: 4, temporary: 3 }, remote: {} });
  });

  it('uses the estimate when there is no exhaustive total', () => {
    expect(toSearchResult({ hits: [], estimatedTotalHits: 3 }, {}).total).toBe(3);
  });
});

describe('haversineKm', () => {
  it('measures one degree of latitude as about 111.2 km and is symmetric', () => {
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111.195, 3);
    const a = { lat: 53.7997, lon: -1.5492 };
    const b = { lat: 53.4808, lon: -2.2426 };
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 12);
    expect(haversineKm(a, a)).toBe(0);
  });
});

describe('renderHighlight', () => {
  it('drops unbalanced and empty markers so the HTML is well-formed', () => {
    expect(renderHighlight('\uE001a\uE000b')).toBe('a<mark>b</mark>');
    expect(renderHighlight('\uE000\uE001x')).toBe('x');
    expect(renderHighlight('\uE000a\uE000b\uE001')).toBe('<mark>ab</mark>');
  });

  it('always yields balanced marks and no other markup (property)', () => {
    const alphabet = fc.constantFrom('a', ' ', '<', '>', '&', '"', "'", '\uE000', '\uE001', '/', 'm');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join('')), (raw) => {
        const html = renderHighlight(raw);
        const stripped = html.replace(/<\/?mark>/g, '');
        expect(stripped).not.toMatch(/[<>"']/);
        const tags = html.match(/<\/?mark>/g) ?? [];
        tags.forEach((tag, i) => expect(tag).toBe(i % 2 === 0 ? '<mark>' : '</mark>'));
        expect(tags.length % 2).toBe(0);
        // Unescaping gives back the text without the markers.
        const text = stripped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
        expect(text).toBe(raw.replace(/[\uE000\uE001]/g, ''));
      }),
      { numRuns: 500 },
    );
  });

  it('escapes markup that looks like a mark tag', () => {
    expect(renderHighlight('<mark>x</mark> <script>')).toBe('&lt;mark&gt;x&lt;/mark&gt; &lt;script&gt;');
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
  });
});
