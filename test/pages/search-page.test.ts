import { beforeAll, describe, expect, it } from 'vitest';
import { seedApp, type Seeded } from './seed.ts';

/**
 * The search page in-process: searching for a chosen participant (named,
 * clearable, a Shortlist button per result that adds to their shortlist
 * and comes back), results linking to the vacancy page, and the "posted
 * within" filter narrowing by date posted.
 */

const HTML = { Accept: 'text/html,application/xhtml+xml' };
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' };

let s: Seeded;
const get = (path: string, session = s.session) => s.app.request(path, { headers: { ...HTML, Cookie: `fp_session=${session}` } });
const post = (path: string, body: Record<string, string>) =>
  s.app.request(path, { method: 'POST', headers: { ...HTML, ...FORM, Cookie: `fp_session=${s.session}` }, body: new URLSearchParams(body).toString() });
const idOfRef = (ref: string) => s.db.$client.prepare('SELECT id FROM vacancies WHERE source_ref = ?').pluck().get(ref) as number;
const resultIds = (html: string) => [...html.matchAll(/<li class="result" id="r-(\d+)"/g)].map((m) => Number(m[1]));
const decode = (href: string) => href.replace(/&amp;/g, '&');

beforeAll(async () => {
  // Only the three fixture adverts (posted 27, 25 and 26 Feb; the clock is 1 Mar 09:00), so the date filter's effect is exact.
  s = await seedApp({ demo: false });
});

describe('vacancy search for a participant', () => {
  it('names the participant, keeps them in the form, links each result to its page for them and offers a Shortlist button', async () => {
    const pid = s.participantId;
    const forklift = idOfRef('pages-forklift-1');
    const before = s.db.$client.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number;
    const res = await get(`/?q=forklift&participant=${pid}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Searching for <strong>Jordan Example</strong>');
    expect(html).toContain(`<input type="hidden" name="participant" value="${pid}"/>`);
    expect(html).toContain('href="/?q=forklift">Search without a participant</a>');
    expect(html).toContain(`href="/vacancies/${forklift}?participant=${pid}"`);
    expect(html).toContain(`action="/participants/${pid}/shortlist"`);
    expect(html).toContain(`name="vacancyId" value="${forklift}"`);
    const back = decode(/name="back" value="([^"]+)"/.exec(html)?.[1] ?? '');
    // Their search starts in their area (below): the way back keeps it.
    expect(back).toBe(`/?q=forklift&near=Leeds&radiusKm=25&participant=${pid}#r-${forklift}`);
    // Naming them is a read of their data: one audit row.
    const rows = s.db.$client.prepare('SELECT action, subject_id, detail FROM audit_log WHERE id > ?').all(before) as { action: string; subject_id: string; detail: string }[];
    expect(rows).toEqual([{ action: 'participant.viewed', subject_id: String(pid), detail: JSON.stringify({ shown: ['search'] }) }]);

    const added = await post(`/participants/${pid}/shortlist`, { vacancyId: String(forklift), back });
    expect(added.status).toBe(303);
    expect(added.headers.get('Location')).toBe(`/?q=forklift&near=Leeds&radiusKm=25&participant=${pid}&shortlisted=${forklift}#r-${forklift}`);
    expect(s.db.$client.prepare('SELECT vacancy_id, stage FROM shortlist_items WHERE participant_id = ?').all(pid)).toEqual([{ vacancy_id: forklift, stage: 'suggested' }]);

    const after = await (await get(added.headers.get('Location')!.replace(/#.*$/, ''))).text();
    expect(after).toContain('Added to Jordan Example’s shortlist.');
    expect(after).not.toContain(`name="vacancyId" value="${forklift}"`);
    expect(after).toContain(`href="/participants/${pid}/shortlist">shortlist</a>`);
  });

  it('without a participant results link to the vacancy page and offer no Shortlist button', async () => {
    const html = await (await get('/?q=forklift')).text();
    const forklift = idOfRef('pages-forklift-1');
    expect(html).toContain(`href="/vacancies/${forklift}"`);
    expect(html).not.toContain('shortlist-add');
    expect(html).not.toContain('Searching for');
  });

  it("another organisation's participant is a 404 page", async () => {
    const res = await get(`/?q=forklift&participant=${s.participantId}`, s.otherSession);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('Participant was not found');
    expect(html).not.toContain('Jordan');
  });

  it('the participant page links to a search for them, and its match cards to the vacancy page', async () => {
    const pid = s.participantId;
    const html = await (await get(`/participants/${pid}`)).text();
    expect(html).toContain(`<a href="/?participant=${pid}">Search vacancies for Jordan Example</a>`);
    expect(html).toMatch(new RegExp(`<li class="card">[\\s\\S]*?href="/vacancies/\\d+\\?participant=${pid}"`));
  });

  it('the shortlist page links each item to its vacancy page', async () => {
    const pid = s.participantId;
    const html = await (await get(`/participants/${pid}/shortlist`)).text();
    expect(html).toContain(`href="/vacancies/${idOfRef('pages-forklift-1')}?participant=${pid}"`);
  });
});

describe('the "posted within" filter', () => {
  it('offers any, 1, 3, 7, 14 and 30 days and narrows the results by date posted', async () => {
    const all = await (await get('/')).text();
    const select = all.slice(all.indexOf('<select id="postedWithinDays"'), all.indexOf('</select>', all.indexOf('<select id="postedWithinDays"')));
    expect([...select.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual(['', '1', '3', '7', '14', '30']);
    expect(all).toContain('<label for="postedWithinDays">Posted within</label>');
    expect(resultIds(all).sort()).toEqual([idOfRef('pages-forklift-1'), idOfRef('pages-warehouse-2'), idOfRef('pages-care-3')].sort());

    // 3 days before 1 Mar 09:00 is 26 Feb 09:00: only the advert posted on the 27th.
    const recent = await (await get('/?postedWithinDays=3')).text();
    expect(resultIds(recent)).toEqual([idOfRef('pages-forklift-1')]);
    expect(recent).toContain('<option value="3" selected="">the last 3 days</option>');
    expect(resultIds(await (await get('/?postedWithinDays=7')).text())).toHaveLength(3);
    expect(resultIds(await (await get('/?postedWithinDays=1')).text())).toEqual([]);
  });

  it('an out-of-range value is reported next to its field, not as validator text', async () => {
    const res = await get('/?postedWithinDays=0');
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Posted within');
    expect(html).not.toMatch(/expected number|received NaN/);
    expect(html).toContain('<a href="#postedWithinDays">Posted within: must be at least 1</a>');
  });
});

describe('searching for a participant starts where they live', () => {
  // Jordan lives in Leeds and travels up to 25 km; a fourth forklift advert is in Bristol, 270 km away.
  const BRISTOL = {
    reference: 'pages-forklift-bristol', title: 'Forklift Truck Driver', employer: 'Avonside Freight Ltd', location: 'Bristol, BS11',
    lat: 51.4936, lon: -2.6934, salary: '£12.50 per hour', datePosted: '2026-02-27',
    description: 'Avonside Freight Ltd needs a counterbalance forklift truck driver at its Avonmouth depot, loading and unloading trailers.',
  };
  let t: Seeded;
  const as = (path: string) => t.app.request(path, { headers: { ...HTML, Cookie: `fp_session=${t.session}` } });
  const refOf = (id: number) => t.db.$client.prepare('SELECT source_ref FROM vacancies WHERE id = ?').pluck().get(id) as string;
  const field = (html: string, id: string) => new RegExp(`<input[^>]*id="${id}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? new RegExp(`<input[^>]*value="([^"]*)"[^>]*id="${id}"`).exec(html)?.[1];

  beforeAll(async () => {
    t = await seedApp({ demo: false, moreVacancies: [BRISTOL] });
  });

  it('with no Near in the link: their place and travel limit fill the form, and only vacancies within it are found', async () => {
    const pid = t.participantId;
    const html = await (await as(`/?q=forklift&participant=${pid}`)).text();
    expect(field(html, 'near')).toBe('Leeds');
    expect(field(html, 'radiusKm')).toBe('25');
    expect(html).toContain('Near where they live (Leeds), within 25 km:');
    const leeds = ['pages-forklift-1', 'pages-warehouse-2'];
    expect(resultIds(html).map(refOf).sort()).toEqual(leeds);
    // Every link of the page keeps that area; "search everywhere" clears it and keeps it cleared.
    // The form's Clear link (`/?participant=N`) starts over from their area, by design.
    const searchLinks = (page: string) =>
      [...page.matchAll(/href="(\/\?[^"]*participant=[^"]*)"/g)].map((m) => decode(m[1]!)).filter((h) => h !== `/?participant=${pid}`);
    expect(searchLinks(html).length).toBeGreaterThan(2);
    for (const href of searchLinks(html).filter((h) => !h.includes('near='))) throw new Error(`a link without their area: ${href}`);
    const everywhere = decode(/<a href="([^"]+)">search everywhere<\/a>/.exec(html)?.[1] ?? '');
    expect(everywhere).toBe(`/?q=forklift&near=&participant=${pid}`);
    const wide = await (await as(everywhere)).text();
    expect(field(wide, 'near')).toBe('');
    expect(wide).not.toContain('Near where they live');
    expect(resultIds(wide).map(refOf).sort()).toEqual([...leeds, 'pages-forklift-bristol'].sort());
    expect(searchLinks(wide).length).toBeGreaterThan(2);
    for (const href of searchLinks(wide)) expect(new URLSearchParams(href.slice(2)).get('near')).toBe('');
    // Searching without the participant drops their area with them.
    expect(html).toContain('href="/?q=forklift">Search without a participant</a>');
  });

  it('a place the coach types wins over theirs, and a search without a participant is everywhere', async () => {
    const pid = t.participantId;
    const bristol = await (await as(`/?q=forklift&near=Bristol&participant=${pid}`)).text();
    expect(resultIds(bristol).map(refOf)).toEqual(['pages-forklift-bristol']);
    expect(bristol).not.toContain('Near where they live');
    expect(field(bristol, 'radiusKm')).toBe('');
    expect(resultIds(await (await as('/?q=forklift')).text()).map(refOf).sort()).toEqual(['pages-forklift-1', 'pages-forklift-bristol', 'pages-warehouse-2']);
  });
});
