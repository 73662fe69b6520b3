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
    expect(back).toBe(`/?q=forklift&participant=${pid}#r-${forklift}`);
    // Naming them is a read of their data: one audit row.
    const rows = s.db.$client.prepare('SELECT action, subject_id, detail FROM audit_log WHERE id > ?').all(before) as { action: string; subject_id: string; detail: string }[];
    expect(rows).toEqual([{ action: 'participant.viewed', subject_id: String(pid), detail: JSON.stringify({ shown: ['search'] }) }]);

    const added = await post(`/participants/${pid}/shortlist`, { vacancyId: String(forklift), back });
    expect(added.status).toBe(303);
    expect(added.headers.get('Location')).toBe(`/?q=forklift&participant=${pid}&shortlisted=${forklift}#r-${forklift}`);
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
    expect(html).toContain(`<a href="/?participant=${pid}">Search all vacancies for Jordan Example</a>`);
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
