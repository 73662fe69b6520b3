import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTaxonomy } from '../../src/taxonomy/build.ts';
import { createSkillSpotter } from '../../src/taxonomy/enricher/skill-spotter.ts';
import type { Skill } from '../../src/taxonomy/model.ts';
import { Lexicon, WordScan } from '../../src/taxonomy/lexicon.ts';
import { PhraseTrie } from '../../src/taxonomy/phrase-trie.ts';
import { scanWords, stemWord, stems } from '../../src/taxonomy/text.ts';

const skill = (id: string, label: string, altLabels: string[] = [], type: Skill['type'] = 'cross-sector'): Skill => ({
  id, label, altLabels, type, groupId: null, description: null,
});

const taxonomy = createTaxonomy({
  versionId: 1,
  occupations: [],
  relations: [],
  groups: [],
  sectors: [],
  skills: [
    skill('fp:forklift', 'Forklift operation', ['forklift', 'FLT']),
    skill('fp:forklift-licence', 'Forklift licence', ['counterbalance forklift licence', 'forklift truck licence']),
    skill('fp:manual-handling', 'Manual handling', ['moving and handling']),
    skill('fp:food-hygiene', 'Food hygiene', ['food safety', 'level 2 food hygiene certificate']),
    skill('fp:customer-service', 'Customer service', ['customer care']),
    skill('fp:driving', 'Drive vehicles', ['driving']),
    skill('fp:art', 'Art', ['artistic ability']),
    skill('fp:work', 'Work'),
    skill('esco:e1', 'manual handling', ['manage manual handling']),
    skill('esco:e2', 'Microsoft Access', ['Access']),
    skill('esco:e3', 'manage budgets', ['budget management']),
    skill('esco:e4', 'HACCP', []),
    skill('esco:e5', 'C++', []),
    skill('esco:e6', 'LESS', []),
    skill('fp:packing', 'Packing', ['packaging']),
    skill('esco:e7', 'compile manuals', ['and procedures']),
  ],
});
const spotter = createSkillSpotter(taxonomy);
const ids = (text: string) => spotter.spot(text).map((s) => s.id).sort();

describe('stemmer', () => {
  it('folds plurals, -ing and a final -e, but not -er nouns', () => {
    expect(stemWord('driving')).toBe(stemWord('drive'));
    expect(stemWord('drives')).toBe(stemWord('drive'));
    expect(stemWord('caring')).toBe(stemWord('care'));
    expect(stemWord('care')).not.toBe(stemWord('car'));
    expect(stemWord('budgets')).toBe('budget');
    expect(stemWord('managing')).toBe(stemWord('manage'));
    expect(stemWord('driver')).not.toBe(stemWord('drive'));
    expect(stemWord('organize')).toBe(stemWord('organise'));
    expect(stemWord('advisor')).toBe(stemWord('adviser'));
  });
});

describe('lexicon and phrase trie', () => {
  // The token ids a trie gives a text by the slow, obvious route: scanWords, stemWord, vocabulary lookup.
  const slowIds = (trie: PhraseTrie<number>, text: string) => scanWords(text).words.map((w) => trie.idOf(stemWord(w)));
  const scanned = (lexicon: Lexicon, trie: PhraseTrie<number>, text: string, limit?: number) => {
    const scan = lexicon.scan(text, new WordScan(), limit);
    return { ids: [...trie.idsOfScan(lexicon, scan)], starts: [...scan.starts.subarray(0, scan.n)], ends: [...scan.ends.subarray(0, scan.n)] };
  };

  it('scans text into the same words and token ids as scanWords and the stemmer, first time or cached', () => {
    const lexicon = new Lexicon();
    const trie = new PhraseTrie<number>();
    for (const [i, p] of ['drive lorries', "driver's hours", 'c++', 'café culture', 'HGV'].entries()) trie.add(stems(p), i);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Drive', 'LORRIES', "driver's", 'driver’s', 'hours', 'C++', 'c#', 'Café', 'CAFÉ', 'hgv', 'x', ' ', ', ', '\n', 'é'), { maxLength: 30 }), fc.string({ maxLength: 20 }), (parts, noise) => {
        const text = parts.join('') + noise;
        for (let round = 0; round < 2; round++) {
          const fast = scanned(lexicon, trie, text);
          const { starts, ends } = scanWords(text);
          expect(fast.starts).toEqual(starts);
          expect(fast.ends).toEqual(ends);
          expect(fast.ids).toEqual(slowIds(trie, text));
        }
      }),
      { numRuns: 300 },
    );
  });
  it('keeps word ids right while the lexicon grows past thousands of distinct words, for several tries at once', () => {
    const lexicon = new Lexicon();
    const vocab = Array.from({ length: 6000 }, (_, i) => `w${i.toString(36)}x`);
    const thirds = new PhraseTrie<number>();
    const fifths = new PhraseTrie<number>();
    for (const [i, w] of vocab.entries()) {
      if (i % 3 === 0) thirds.add(stems(w), i);
      if (i % 5 === 0) fifths.add(stems(w), i);
    }
    for (let round = 0; round < 2; round++) {
      const text = vocab.map((w, i) => (i % 2 ? w.toUpperCase() : w)).join(' ');
      const a = scanned(lexicon, thirds, text).ids;
      const b = scanned(lexicon, fifths, text).ids;
      expect(a).toEqual(slowIds(thirds, text));
      expect(b).toEqual(slowIds(fifths, text));
      expect(a.filter((id) => id >= 0)).toHaveLength(2000);
      expect(b.filter((id) => id >= 0)).toHaveLength(1200);
    }
    expect(lexicon.size).toBe(6000);
  });
  it('scanning up to a limit equals scanning the text cut at that limit (words cut at the limit, c++ and apostrophes at the edge)', () => {
    const lexicon = new Lexicon();
    const trie = new PhraseTrie<number>();
    for (const [i, p] of ['drive lorries', "driver's hours", 'c++', 'c', 'driv'].entries()) trie.add(stems(p), i);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Drive', 'lorries', "driver's", 'C++', 'c+', 'c#', '+', "'", 'x', ' ', '\n'), { maxLength: 20 }), fc.nat(200), (parts, cut) => {
        const text = parts.join('');
        expect(scanned(lexicon, trie, text, cut)).toEqual(scanned(lexicon, trie, text.slice(0, cut)));
      }),
      { numRuns: 500 },
    );
  });
  it('refuses a scan from before the lexicon started again', () => {
    const lexicon = new Lexicon();
    const trie = new PhraseTrie<number>();
    trie.add(stems('forklift'), 1);
    const old = lexicon.scan('forklift driver', new WordScan());
    lexicon.generation++;
    expect(() => trie.idsOfScan(lexicon, old)).toThrow(/older lexicon generation/);
    expect(scanned(lexicon, trie, 'forklift').ids).toEqual([0]);
  });
});

describe('skill spotter', () => {
  it('matches labels and synonyms whatever their case', () => {
    expect(ids('Good CUSTOMER CARE is key.')).toEqual(['fp:customer-service']);
    expect(ids('Moving and handling training given')).toEqual(['fp:manual-handling']);
  });

  it('matches inflections: plurals and -ing forms', () => {
    expect(ids('You will be managing budgets')).toEqual(['esco:e3']);
    expect(ids('Driving vehicles is part of the job')).toEqual(['fp:driving']);
    expect(ids('Forklifts and more forklifts')).toEqual(['fp:forklift']);
  });

  it('takes the longest match', () => {
    const found = spotter.spot('Must hold a counterbalance forklift licence.');
    expect(found.map((s) => s.id)).toEqual(['fp:forklift-licence']);
    expect(found[0]!.evidence).toBe('counterbalance forklift licence');
  });

  it('never matches inside another word', () => {
    expect(ids('We start early; the smart startup is in Artingstall.')).toEqual([]);
    expect(ids('superforklift and forklift-free')).toEqual(['fp:forklift']);
  });

  it('returns one hit per scheme when the bundled taxonomy and ESCO share a label', () => {
    expect(ids('Manual handling is required')).toEqual(['esco:e1', 'fp:manual-handling']);
  });

  it('drops generic one-word labels ("driving", "work") and one-word synonyms from imported taxonomies, keeps acronyms', () => {
    expect(ids('Work with Access to the building; driving')).toEqual([]);
    expect(ids('Knowledge of HACCP and C++')).toEqual(['esco:e4', 'esco:e5']);
  });

  it('checks one-word labels against the advert\'s own word', () => {
    expect(ids('An attractive salary package and less paperwork')).toEqual([]);
    expect(ids('Packaging and LESS stylesheets')).toEqual(['esco:e6', 'fp:packing']);
    expect(ids('Policies and procedures')).toEqual([]);
  });

  it('tells required from merely mentioned, by section and by sentence', () => {
    const advert = [
      'About the role',
      'You will provide customer service in our busy store.',
      '',
      'Essential criteria:',
      '- Food hygiene certificate',
      '- Manual handling experience',
      '',
      'Desirable:',
      '- Forklift licence',
      '',
      'Driving vehicles would be an advantage. You must have a FLT ticket.',
    ].join('\n');
    const found = new Map(spotter.spot(advert).map((s) => [s.id, s]));
    expect(found.get('fp:customer-service')!.required).toBe(false);
    expect(found.get('fp:food-hygiene')!.required).toBe(true);
    expect(found.get('fp:manual-handling')!.required).toBe(true);
    expect(found.get('fp:forklift-licence')!.required).toBe(false);
    expect(found.get('fp:driving')!.required).toBe(false);
    expect(found.get('fp:forklift')!.required).toBe(true);
    expect(found.get('fp:forklift')!.evidence).toBe('FLT');
  });

  it('reports each skill once, with evidence from the text and a confidence in (0, 1)', () => {
    const found = spotter.spot('Food safety matters. Food hygiene level 2. Food hygiene again.');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: 'fp:food-hygiene', label: 'Food hygiene', evidence: 'Food safety' });
    expect(found[0]!.confidence).toBeGreaterThan(0.5);
    expect(found[0]!.confidence).toBeLessThan(1);
  });

  it('never throws, and evidence always comes from the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom('', '\n', 'manual handling ', 'Essential:\n', 'C++ '), (s, extra) => {
        const text = extra + s + extra;
        for (const hit of spotter.spot(text)) {
          expect(text).toContain(hit.evidence);
          expect(hit.confidence).toBeGreaterThan(0);
          expect(hit.confidence).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
    expect(spotter.spot('')).toEqual([]);
  });
});
