import { beforeAll, describe, expect, it } from 'vitest';
import { LICENCE_SUGGESTIONS, parseLicence } from '../../src/participants/licences.ts';
import { seedApp, type Seeded } from './seed.ts';

/**
 * The participant form a coach can use quickly: an edit page beside the
 * create form, suggestions from the server's own taxonomy, skills in other
 * words matched or answered with the nearest labels, the form's own
 * examples accepted, every problem at once in plain words beside its field,
 * what was typed kept, number keypads, and another organisation's
 * participant a 404 for the edit page as for everything else.
 */

const HTML = { Accept: 'text/html' };
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' };

let s: Seeded;
beforeAll(async () => {
  s = await seedApp({ demo: false });
});

const get = (path: string, session = s.session) => s.app.request(path, { headers: { ...HTML, Cookie: `fp_session=${session}` } });
const post = (path: string, fields: [string, string][], session = s.session) =>
  s.app.request(path, { method: 'POST', headers: { ...HTML, ...FORM, Cookie: `fp_session=${session}` }, body: new URLSearchParams(fields).toString() });
const api = (method: string, path: string, body?: unknown) =>
  s.app.request(path, { method, headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });

const participantRow = (id: number) =>
  s.db.$client.prepare('SELECT name, max_travel_km, skills_add, licences FROM participants WHERE id = ?').get(id) as {
    name: string;
    max_travel_km: number | null;
    skills_add: string;
    licences: string;
  };

describe('the participant form', () => {
  it('edits on its own page: prefilled, one box per entry, suggestions from the taxonomy, number keypads', async () => {
    const res = await get(`/participants/${s.participantId}/edit`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Edit Jordan Example</h1>');
    expect(html).toContain('action="/participants/' + s.participantId + '/edit"');
    expect(html).toMatch(/name="historyTitle" value="Warehouse operative"[^>]*list="edit-occupations-suggestions"/);
    expect(html).toMatch(/name="historyYears" value="3"/);
    expect(html).toMatch(/<datalist id="edit-occupations-suggestions">(<option value="[^"]+"><\/option>){20,}/);
    expect(html).toMatch(/<datalist id="edit-skills-suggestions">[\s\S]*<option value="Forklift driving"><\/option>/);
    expect(html).toMatch(/inputmode="numeric" value="25" id="edit-maxTravelKm"/);
    expect(html).toMatch(/inputmode="numeric" value="20000" id="edit-salaryFloor"/);
  });

  it('accepts the form’s own examples and a skill in other words, through the page and the API alike', async () => {
    const res = await post('/participants', [
      ['reference', 'CASE-0042'],
      ['name', 'Sam Example'],
      ['location', 'Leeds'],
      ['historyTitle', 'Warehouse operative'],
      ['historyYears', '3'],
      ['historyEnded', ''],
      ...(['B', 'C+E', 'forklift', 'SIA', 'CSCS', 'enhanced DBS', 'own car'].map((l) => ['licences', l]) as [string, string][]),
      ['skillsAdd', 'Operate a forklift'],
      ['skillsAdd', ''],
    ]);
    expect(res.status).toBe(303);
    const id = Number(/\/participants\/(\d+)/.exec(res.headers.get('Location') ?? '')?.[1]);
    const row = participantRow(id);
    expect(JSON.parse(row.skills_add)).toEqual(['fp:forklift-operation']);
    expect(JSON.parse(row.licences)).toEqual(expect.arrayContaining(['driving:B', 'driving:C+E', 'forklift', 'sia', 'cscs', 'dbs:enhanced', 'own-vehicle']));
    const viaApi = await api('POST', '/v1/participants', { skills: { add: ['Using spreadsheets', 'Drive a van'] } });
    expect(viaApi.status).toBe(201);
    expect(((await viaApi.json()) as { skills: { add: { id: string }[] } }).skills.add.map((x) => x.id)).toEqual(['fp:microsoft-excel', 'fp:van-driving']);
  });

  it('offers the nearest labels for a skill it cannot place', async () => {
    const res = await api('POST', '/v1/participants', { skills: { add: ['forklift counterbalance reach'] } });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(body.errors[0]!.path).toBe('skills.add.0');
    expect(body.errors[0]!.message).toMatch(/^we do not know the skill “forklift counterbalance reach”\. Did you mean “[^”]+”(, “[^”]+”)* or “[^”]+”\?$/);
    expect(body.errors[0]!.message).toContain('Counterbalance forklift licence');
  });

  it('reports every bad field of one submission in plain words beside each field, keeping all that was typed', async () => {
    const before = participantRow(s.participantId);
    const res = await post(`/participants/${s.participantId}/edit`, [
      ['name', 'Jordan Renamed'],
      ['maxTravelKm', 'twenty'],
      ['hoursPerWeek', '500'],
      ['historyTitle', 'Warehouse operative'],
      ['historyYears', '3'],
      ['historyEnded', ''],
      ['historyTitle', 'Cleaner'],
      ['historyYears', ''],
      ['historyEnded', ''],
      ['historyTitle', 'Porter'],
      ['historyYears', '90'],
      ['historyEnded', ''],
      ['licences', 'pilot licence'],
      ['skillsAdd', 'zzqx unknown'],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    const summary = /<div class="errors" role="alert">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(summary).toContain('Please correct these 6');
    expect(summary).toContain('Furthest they will travel (km): enter a number');
    expect(summary).toContain('Hours a week wanted: must be at most 100');
    expect(summary).toContain('Work history, line 2: give the years in this job');
    expect(summary).toContain('Work history, line 3: must be at most 60');
    expect(summary).toContain('Licences, cards and checks, line 1: not a licence we understand');
    expect(summary).toContain('Skills to add, line 1: we do not know the skill “zzqx unknown”');
    expect(html.replace(/<datalist[\s\S]*?<\/datalist>|<style>[\s\S]*?<\/style>/g, '')).not.toMatch(/expected|received|\bNaN\b|Invalid input/i);
    // Beside each field: its own error line, tied to it by aria-describedby.
    expect(html).toMatch(/<span class="error-text" id="edit-history-1-error">give the years in this job/);
    expect(html).toMatch(/<span class="error-text" id="edit-history-2-error">Years in it: must be at most 60/);
    expect(html).toMatch(/id="edit-maxTravelKm" name="maxTravelKm" aria-invalid="true" aria-describedby="edit-maxTravelKm-hint edit-maxTravelKm-error"/);
    // Kept as typed.
    expect(html).toContain('value="Jordan Renamed"');
    expect(html).toContain('value="twenty"');
    expect(html).toMatch(/name="historyTitle" value="Cleaner"/);
    expect(html).toMatch(/name="historyTitle" value="Porter"/);
    expect(html).toContain('value="pilot licence"');
    expect(html).toContain('value="zzqx unknown"');
    expect(participantRow(s.participantId)).toEqual(before);
  });

  it('saves an edit through the same validation, and removes an entry whose box was cleared', async () => {
    const res = await post(`/participants/${s.participantId}/edit`, [
      ['name', 'Jordan Example'],
      ['reference', 'CASE-0042'],
      ['location', 'Leeds'],
      ['maxTravelKm', '30'],
      ['salaryFloor', '20,000'],
      ['historyTitle', 'Warehouse operative'],
      ['historyYears', '3'],
      ['historyEnded', ''],
      ['licences', 'B'],
      ['licences', ''],
    ]);
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/participants/${s.participantId}?saved=1`);
    const row = participantRow(s.participantId);
    expect(row.max_travel_km).toBe(30);
    expect(JSON.parse(row.licences)).toEqual(['driving:B']);
  });

  it('every licence it suggests is one it understands', () => {
    for (const l of LICENCE_SUGGESTIONS) expect(parseLicence(l), l).not.toBeNull();
  });

  it('answers 404 for another organisation’s participant on the edit page, by GET and POST, and changes nothing', async () => {
    const before = participantRow(s.participantId);
    expect((await get(`/participants/${s.participantId}/edit`, s.otherSession)).status).toBe(404);
    expect((await post(`/participants/${s.participantId}/edit`, [['name', 'Stolen']], s.otherSession)).status).toBe(404);
    expect(participantRow(s.participantId)).toEqual(before);
  });

  it('sets hours pattern, shifts ruled out and hard limits, shows them ticked on the edit page, and clears them when unticked', async () => {
    const res = await post('/participants', [
      ['reference', 'CASE-0077'],
      ['historyTitle', 'Retail assistant'],
      ['historyYears', '4'],
      ['hoursPattern', 'school_hours'],
      ['avoidShifts', 'nights'],
      ['avoidShifts', 'weekends'],
      ['must', 'hours'],
      ['must', 'travel'],
    ]);
    expect(res.status).toBe(303);
    const id = Number(/\/participants\/(\d+)/.exec(res.headers.get('Location') ?? '')?.[1]);
    const shown = (await (await api('GET', `/v1/participants/${id}`)).json()) as { hoursPattern: string | null; avoidShifts: string[]; must: string[] };
    expect(shown).toMatchObject({ hoursPattern: 'school_hours', avoidShifts: ['nights', 'weekends'], must: ['hours', 'travel'] });

    const page = await (await get(`/participants/${id}`)).text();
    expect(page).toMatch(/<dt>Hours pattern<\/dt><dd>School hours/);
    expect(page).toMatch(/<dt>Cannot work<\/dt><dd>Nights, Weekends<\/dd>/);
    expect(page).toMatch(/<dt>Hard limits<\/dt><dd>Hours \(pattern and hours a week\), Furthest they will travel<\/dd>/);

    const html = await (await get(`/participants/${id}/edit`)).text();
    expect(html).toMatch(/<option value="school_hours" selected="">School hours/);
    expect(html).toMatch(/name="avoidShifts" value="nights" checked=""/);
    expect(html).toMatch(/name="avoidShifts" value="days"(?! checked)/);
    expect(html).toMatch(/name="must" value="travel" checked=""/);
    expect(html).toMatch(/name="must" value="salary"(?! checked)/);

    // Saved with only the reference and history: unticked boxes are not posted, which on an edit means none.
    const saved = await post(`/participants/${id}/edit`, [
      ['reference', 'CASE-0077'],
      ['historyTitle', 'Retail assistant'],
      ['historyYears', '4'],
      ['hoursPattern', ''],
    ]);
    expect(saved.status).toBe(303);
    const after = (await (await api('GET', `/v1/participants/${id}`)).json()) as { hoursPattern: string | null; avoidShifts: string[]; must: string[] };
    expect(after).toMatchObject({ hoursPattern: null, avoidShifts: [], must: [] });
  });

  it('names a tampered shift or limit beside its group instead of storing it', async () => {
    const res = await post('/participants', [
      ['reference', 'CASE-0078'],
      ['avoidShifts', 'mornings'],
      ['must', 'happiness'],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="new-avoidShifts-error"/);
    expect(html).toMatch(/id="new-must-error"/);
  });
});
