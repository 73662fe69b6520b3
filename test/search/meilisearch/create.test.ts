import { describe, expect, it } from 'vitest';
import { createMeilisearchEngine } from '../../../src/search/meilisearch/create.ts';
import { createSearchEngine } from '../../../src/search/create-engine.ts';
import { openDb } from '../../../src/db.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Occupation, Skill } from '../../../src/taxonomy/model.ts';

const occupation: Occupation = {
  id: 'soc:6135', scheme: 'soc', code: '6135', title: 'Care worker', altTitles: ['Carer'],
  description: null, skillLevel: 1, typicalPayAnnual: null, sector: 'Q',
};
const skill: Skill = { id: 'fp:manual-handling', label: 'Manual handling', altLabels: [], type: 'transversal', groupId: null, description: null };

describe('createMeilisearchEngine', () => {
  it('loads the taxonomy once, lazily, for synonyms', () => {
    let calls = 0;
    const engine = createMeilisearchEngine(
      { MEILI_HOST: 'http://127.0.0.1:7700', MEILI_INDEX_PREFIX: 'fp_' },
      {
        taxonomy: () => {
          calls++;
          return { occupations: new Map([[occupation.id, occupation]]), skills: new Map([[skill.id, skill]]) };
        },
      },
    );
    expect(calls).toBe(0);
    expect(engine.liveIndexUid).toBe('fp_vacancies');
    expect(engine.settings.synonyms).toEqual({ 'care worker': ['carer'], carer: ['care worker'] });
    expect(engine.settings.distinctAttribute).toBe('groupKey');
    expect(calls).toBe(1);
  });

  it('defaults the index prefix and has no synonyms without a taxonomy', () => {
    const engine = createMeilisearchEngine({ MEILI_HOST: 'http://127.0.0.1:7700' });
    expect(engine.liveIndexUid).toBe('flightpath_vacancies');
    expect(engine.settings.synonyms).toEqual({});
  });
});

describe('createSearchEngine', () => {
  it('builds the Meilisearch engine when MEILI_HOST is set', () => {
    const config = loadConfig({ MEILI_HOST: 'http://127.0.0.1:7700', MEILI_API_KEY: 'w', MEILI_SEARCH_KEY: 's', MEILI_INDEX_PREFIX: 'x_' });
    expect(config.searchEngine).toBe('meilisearch');
    const engine = createSearchEngine(config, openDb(':memory:'));
    expect(engine.name).toBe('meilisearch');
  });

  it('keeps the embedded engine when SEARCH_ENGINE=sqlite overrides MEILI_HOST', () => {
    const config = loadConfig({ MEILI_HOST: 'http://127.0.0.1:7700', SEARCH_ENGINE: 'sqlite' });
    expect(createSearchEngine(config, openDb(':memory:')).name).toBe('sqlite');
  });

  it('refuses SEARCH_ENGINE=meilisearch without MEILI_HOST', () => {
    const config = loadConfig({ SEARCH_ENGINE: 'meilisearch' });
    expect(() => createSearchEngine(config, openDb(':memory:'))).toThrow(/MEILI_HOST/);
  });
});
