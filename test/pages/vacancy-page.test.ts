import { beforeAll, describe, expect, it } from 'vitest';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { ingestVacancy } from '../../src/vacancies/ingest.ts';
import { PAGE_VACANCIES, seedApp, type Seeded } from './seed.ts';

/**
 * GET /vacancies/:id in-process: the whole advert with every source of its
 * duplicate cluster, the fit for a chosen participant with the Shortlist
 * button, org scoping, 404 pages, closed vacancies and the audit row.
 */

const HTML = { Accept: 'text/html,application/xhtml+xml' };
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' };

let s: Seeded;
let forklift: number;
let duplicate: number;
let closed: number;
let hostile: number;
let abroad: number;

const get = (path: string, session = s.session) => s.app.request(path, { headers: { ...HTML, Cookie: `fp_session=${session}` } });
const post = (path: string, body: Record<string, string>) =>
  s.app.request(path, { method: 'POST', headers: { ...HTML, ...FORM, Cookie: `fp_session=${s.session}` }, body: new URLSearchParams(body).toString() });
const idOfRef = (ref: string) => (s.db.$client.prepare('SELECT id FROM vacancies WHERE source_ref = ?').pluck().get(ref) as number);
const auditRows = (after: number) =>
  s.db.$client.prepare('SELECT actor, action, subject_id, detail FROM audit_log WHERE id > ? ORDER BY id').all(after) as { actor: string; action: string; subject_id: string; detail: string | null }[];
const lastAuditId = () => (s.db.$client.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number);

beforeAll(async () => {
  s = await seedApp({ demo: false });
  const deps = { db: s.db, now: s.clock };
  forklift = idOfRef('pages-forklift-1');
  // The same job again from an agency's board: a duplicate in the forklift advert's cluster.
  duplicate = ingestVacancy(deps, {
    source: 'scrape:agency',
    raw: { ...PAGE_VACANCIES[0]!, reference: 'agency-77', url: 'https://agency.example/jobs/77', applyUrl: 'https://agency.example/apply/77' },
  }).id;
  const care = PAGE_VACANCIES[2]!;
  closed = ingestVacancy(deps, { source: 'import:closed', raw: { ...care, reference: 'closed-1', title: 'Night Care Assistant' } }).id;
  ingestVacancy(deps, { source: 'import:closed', raw: { ...care, reference: 'closed-1', title: 'Night Care Assistant', status: 'closed' } });
  hostile = ingestVacancy(deps, {
    source: 'import:hostile',
    raw: {
      reference: 'hostile-1',
      title: 'Cleaner',
      employer: 'Tidy Ltd',
      location: 'Leeds',
      description:
        '<p>Keep our <b>offices</b> clean.</p><script>alert("x")</script><img src=x onerror="alert(1)"><a href="javascript:alert(2)">click</a><p onclick="alert(3)">Evenings</p>',
    },
  }).id;
  abroad = ingestVacancy({ ...deps, geocoder: createGeocoder(null) }, {
    source: 'import:abroad',
    raw: { reference: 'abroad-1', title: 'Support Engineer', employer: 'Maple Ltd', location: 'Leeds or Toronto, Canada' },
  }).id;
});

describe('GET /vacancies/:id', () => {
  it('shows the whole advert, its terms, requirements and every source of its cluster with their apply links', async () => {
    expect(duplicate).not.toBe(forklift);
    const res = await get(`/vacancies/${forklift}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Forklift Truck Driver');
    expect(html).toContain('Aireside Logistics Ltd');
    expect(html).toContain('Leeds, LS11');
    expect(html).toContain('£12.80 per hour');
    expect(html).toContain('40 hours a week');
    expect(html).toContain('Permanent');
    // The full description, not a snippet: its last sentence is there.
    expect(html).toContain('Shifts are 6am to 2pm or 2pm to 10pm, Monday to Friday.');
    // Requirements in the words matching uses, with the advert's evidence.
    expect(html).toMatch(/forklift licence/i);
    // Both adverts of the job, each with its own links.
    expect(html).toContain('advertised in 2 places');
    expect(html).toContain('href="https://jobs.example.org/pages-forklift-1"');
    expect(html).toContain('href="https://agency.example/apply/77"');
    expect(html).toContain('href="https://agency.example/jobs/77"');
    expect(html).toContain('import:pages-fixture, this advert');
    expect(html).toContain('scrape:agency');
    // No participant chosen: no fit, no button, and no participant read.
    expect(html).not.toContain('Shortlist');
    expect(html).not.toContain('Why this fits');
  });

  it('the duplicate page lists the same cluster, itself marked as this advert', async () => {
    const html = await (await get(`/vacancies/${duplicate}`)).text();
    expect(html).toContain('scrape:agency, this advert');
    expect(html).toContain('href="https://jobs.example.org/pages-forklift-1"');
  });

  it('renders a stored HTML description sanitised: markup kept, scripts, handlers and javascript: links gone', async () => {
    const res = await get(`/vacancies/${hostile}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const description = html.slice(html.indexOf('id="description-heading"'));
    expect(description).toContain('<b>offices</b>');
    expect(description).toContain('Evenings');
    expect(description).not.toMatch(/<script|onerror|onclick|javascript:/i);
  });

  it('with ?participant= explains the fit as the match cards do and offers the Shortlist button; one audit row', async () => {
    const before = lastAuditId();
    const res = await get(`/vacancies/${forklift}?participant=${s.participantId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('For Jordan Example');
    expect(html).toContain('Why this fits');
    expect(html).toContain('Skills they have');
    // Jordan's forklift licence is recorded without its type: the counterbalance requirement is "not recorded", in the card's words.
    expect(html).toContain('Counterbalance forklift licence: not recorded');
    expect(html).toMatch(/\d+% fit/);
    // The evidence quotes the advert's skill span, not only the label the spotter found (issue 15).
    expect(html).toMatch(/advert: “[^”]*picking and packing orders[^”]*”/);
    expect(html).toContain(`action="/participants/${s.participantId}/shortlist"`);
    expect(html).toContain(`name="vacancyId" value="${forklift}"`);
    expect(html).toContain(`href="/participants/${s.participantId}#matches"`);
    const rows = auditRows(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: `coach:${s.coach.id}`, action: 'participant.viewed', subject_id: String(s.participantId) });
    expect(JSON.parse(rows[0]!.detail!)).toEqual({ shown: ['vacancy-fit'] });
  });

  it('the Shortlist button adds the vacancy and comes back to the page, which then links to the shortlist', async () => {
    const res = await post(`/participants/${s.participantId}/shortlist`, { vacancyId: String(forklift), back: `/vacancies/${forklift}?participant=${s.participantId}` });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/vacancies/${forklift}?participant=${s.participantId}&shortlisted=${forklift}`);
    const items = s.db.$client.prepare('SELECT vacancy_id FROM shortlist_items WHERE participant_id = ?').pluck().all(s.participantId);
    expect(items).toEqual([forklift]);
    const html = await (await get(res.headers.get('Location')!)).text();
    expect(html).toContain('Added to Jordan Example’s shortlist.');
    expect(html).toContain('On the <a href="/participants/');
    expect(html).not.toContain(`name="vacancyId" value="${forklift}"`);
  });

  it('a back path to another site is not followed', async () => {
    const res = await post(`/participants/${s.participantId}/shortlist`, { vacancyId: String(forklift), back: '//evil.example/x' });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/?shortlisted=${forklift}`);
  });

  it('a participant of another organisation is a 404 page, and the attempt is recorded', async () => {
    const created = await s.app.request('/v1/participants', {
      method: 'POST',
      headers: { Authorization: `Bearer ${s.otherToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Other Person' }),
    });
    expect(created.status).toBe(201);
    const theirs = (await created.json()) as { id: number };
    const before = lastAuditId();
    const res = await get(`/vacancies/${forklift}?participant=${theirs.id}`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('Participant was not found');
    expect(html).not.toContain('Other Person');
    expect(html).not.toContain('Forklift Truck Driver');
    expect(auditRows(before).map((r) => r.action)).toEqual(['participant.denied']);
    expect((await get(`/vacancies/${forklift}?participant=abc`)).status).toBe(404);
  });

  it('says which of its places are outside the UK, and in which country', async () => {
    const html = await (await get(`/vacancies/${abroad}`)).text();
    expect(html).toContain('Leeds; Toronto, Canada, outside the UK (Canada)');
    expect(html).not.toContain('Leeds, outside the UK');
  });

  it('an unknown vacancy is a 404 error page', async () => {
    for (const path of ['/vacancies/999999', '/vacancies/0', '/vacancies/x']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('Content-Type')).toContain('text/html');
      const html = await res.text();
      expect(html).toContain('Vacancy was not found');
      expect(html).toContain('Go to vacancy search');
    }
  });

  it('a closed vacancy still renders, marked closed, with no Shortlist button', async () => {
    const res = await get(`/vacancies/${closed}?participant=${s.participantId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Night Care Assistant');
    expect(html).toContain('<span class="tag closed"> Closed</span>');
    expect(html).toContain('This vacancy has closed');
    expect(html).toContain('Closed vacancies cannot be shortlisted.');
    expect(html).not.toContain(`name="vacancyId" value="${closed}"`);
    // Its own links are its last known address, even though the cluster reader lists live adverts only.
    expect(html).toContain('href="https://jobs.example.org/pages-care-3"');
  });

  it('needs a session like every coach page', async () => {
    const res = await s.app.request(`/vacancies/${forklift}`, { headers: HTML });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/signin?next=${encodeURIComponent(`/vacancies/${forklift}`)}`);
  });
});
