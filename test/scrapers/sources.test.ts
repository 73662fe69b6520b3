import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSources, parseSources, SourcesFileError } from '../../scrapers/sources.ts';

function problems(json: unknown): string[] {
  try {
    parseSources(json, 'test.json');
  } catch (err) {
    if (err instanceof SourcesFileError) return err.problems;
    throw err;
  }
  return [];
}

describe('sources file', () => {
  it('accepts the committed example, with defaults filled in', () => {
    const sources = loadSources(fileURLToPath(new URL('../../scrapers/sources.example.json', import.meta.url)));
    expect(sources.map((s) => [s.name, s.type, s.enabled])).toEqual([
      ['acme-careers', 'jsonld', true],
      ['northgate-ats', 'jsonld', false],
      ['pennine-council', 'feed', true],
      ['borough-ats', 'feed', false],
      ['kirklees-community-jobs', 'css', true],
      ['metro-ats', 'json-api', true],
    ]);
    const css = sources[4]!;
    expect(css.type === 'css' && css.listing.maxPages).toBe(30);
  });

  it('names the source and the field in every error', () => {
    expect(
      problems([
        { name: 'ok-feed', type: 'feed', url: 'https://x.example/feed' },
        { name: 'acme', type: 'jsonld', start: 'https://acme.example/jobs' },
        { name: 'Bad Name', type: 'feed', url: 'ftp://x' },
        { name: 'board', type: 'css', start: 'https://b.example', listing: { link: 'a', maxPage: 3 }, detail: {} },
        { name: 'api', type: 'json-api', url: 'https://api.example', fields: { title: 'name' }, pagination: { type: 'pages' } },
        { name: 'ok-feed', type: 'feed', url: 'https://y.example/feed' },
        { name: 'what', type: 'ftp' },
      ]),
    ).toEqual([
      'sources[1] "acme": listing: a "start" page needs "listing": { "link": … }',
      'sources[2] "Bad Name": name: lowercase letters, digits, "-" or "_" (used in scrape:<name>)',
      'sources[2] "Bad Name": url: an http(s) URL',
      expect.stringMatching(/^sources\[3\] "board": listing: Unrecognized key: "maxPage"/),
      expect.stringMatching(/^sources\[3\] "board": detail\.title: /),
      expect.stringMatching(/^sources\[4\] "api": pagination\.type: /),
      'sources[5] "ok-feed": name: duplicate source name',
      expect.stringMatching(/^sources\[6\] "what": type: /),
    ]);
  });

  it('rejects a file that is not a list of sources, and unreadable files', () => {
    expect(problems({ nope: 1 })).toEqual(['expected an array of sources, or { "sources": [...] }']);
    const dir = mkdtempSync(join(tmpdir(), 'fp-sources-'));
    writeFileSync(join(dir, 'bad.json'), '[{"name": ');
    expect(() => loadSources(join(dir, 'bad.json'))).toThrow(/bad\.json: invalid sources file\n {2}not valid JSON/);
    expect(() => loadSources(join(dir, 'missing.json'))).toThrow(/cannot read/);
  });
});
