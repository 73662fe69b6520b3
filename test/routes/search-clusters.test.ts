import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';
import { createCoach } from '../../src/auth/coaches.ts';
import { fixedClock } from '../../src/clock.ts';
import { openDb } from '../../src/db.ts';
import { createSearchEngine } from '../../src/search/create-engine.ts';
import { drainOutbox } from '../../src/search/outbox.ts';
import { ingestVacancy } from '../../src/vacancies/ingest.ts';
import type { RawVacancy } from '../../src/vacancies/model.ts';

const NOW = Date.parse('2026-03-01T09:00:00Z');

const advert: RawVacancy = {
  title: 'Warehouse Operative',
  employer: 'Fictional Fulfilment Ltd',
  location: 'Leeds',
  lat: 53.7997,
  lon: -1.5492,
  salary: '£12.20 per hour',
  // Both sources carry the advert's own posting date, so neither copy is newer and the first-created one represents the job.
  datePosted: '2026-02-27',
  description:
    'We are looking for a Warehouse Operative to join our busy distribution centre in south Leeds. ' +
    'You will pick and pack customer orders, load and unload delivery vehicles, keep the warehouse tidy and safe, ' +
    'and check stock against delivery notes. Shifts are four on four off, days and nights, with overtime available. ' +
    'Full training is given, including manual handling and the use of hand-held scanners.',
};

describe('GET /v1/search with duplicate adverts', () => {
  it('shows a job posted by two sources once, listing both sources and their apply links', async () => {
    const db = openDb(':memory:');
    const search = createSearchEngine({ searchEngine: 'sqlite' }, db);
    const now = fixedClock(NOW);
    const board = ingestVacancy({ db, now }, { source: 'scrape:board', raw: { ...advert, reference: 'b-1', url: 'https://board.example/jobs/1' } });
    now.advance(60_000);
    const agency = ingestVacancy(
      { db, now },
      { source: 'scrape:agency', raw: { ...advert, employer: 'Fictional Recruitment (for Fictional Fulfilment)', reference: 'a-9', url: 'https://agency.example/a-9' } },
    );
    const other = ingestVacancy({ db, now }, { source: 'scrape:board', raw: { ...advert, reference: 'b-2', url: 'https://board.example/jobs/2', location: 'York', lat: 53.959, lon: -1.0815 } });
    await drainOutbox(db, search, { now });

    const { app } = createTestApp({ db, search, now });
    const { token } = createCoach(db, { name: 'Coach', org: 'Org' }, NOW);
    const res = await app.request('/v1/search?q=warehouse%20operative', { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; results: { id: number; sources: { id: number; url: string | null }[] }[] };

    // The York advert is a different job (another place): it stays apart.
    expect(body.results.map((r) => r.id).sort()).toEqual([board.id, other.id].sort());
    const leeds = body.results.find((r) => r.id === board.id);
    expect(leeds?.sources.map((s) => s.id)).toEqual([board.id, agency.id]);
    expect(leeds?.sources.map((s) => s.url)).toEqual(['https://board.example/jobs/1', 'https://agency.example/a-9']);
    expect(body.results.find((r) => r.id === other.id)?.sources.map((s) => s.id)).toEqual([other.id]);
  });
});
