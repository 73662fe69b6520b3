import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveOnLoopback, type Browser, type Served } from '../helpers/browser.ts';
import { seedApp, type Seeded } from './seed.ts';

/**
 * Every flow works by keyboard alone (issue 16): in a real Chromium, with
 * nothing but Tab, Enter, Space and typing, a coach signs in, adds a
 * participant through the form (first with a mistake, which the error
 * summary leads them back to), shortlists a match from the participant's
 * page and moves shortlisted vacancies on through the stage form. No
 * clicks, no fill(), no element handles: each step presses Tab until focus
 * reaches the control a sighted keyboard user would be aiming for, so a
 * control that cannot be reached by Tab fails the test.
 */

const STEP_TIMEOUT = 120_000;
/** More Tab presses than any page here needs to reach any control; past it the control is taken as unreachable. */
const MAX_TABS = 400;

let seeded: Seeded;
let server: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serveOnLoopback((req) => seeded.app.fetch(req));
  seeded = await seedApp({ config: { PUBLIC_URL: server.baseUrl } });
  browser = await launchChromium();
  page = await browser.context.newPage();
}, STEP_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The focused element as a keyboard user meets it: its tag, id and accessible name (label, aria-label or text). */
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const label = el.getAttribute('aria-label') || (el.labels && el.labels[0] ? el.labels[0].textContent : '') || el.textContent || '';
  const item = el.closest('article');
  return { tag: el.tagName.toLowerCase(), id: el.id, name: label.trim().replace(/\\s+/g, ' '), item: item ? item.getAttribute('aria-labelledby') : null };
})()`;

interface Focused {
  tag: string;
  id: string;
  name: string;
  /** The shortlist block it sits in (`item-<id>`), if any. */
  item: string | null;
}

const focused = () => page.evaluate(FOCUSED) as Promise<Focused | null>;

/** Presses Tab until the focused control's accessible name matches (and its tag and shortlist block, if given); fails if it never comes. */
async function tabTo(name: RegExp, tag?: string, item?: string): Promise<Focused> {
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press('Tab');
    const f = await focused();
    if (f && name.test(f.name) && (!tag || f.tag === tag) && (!item || f.item === item)) return f;
  }
  throw new Error(`Tab never reached a ${tag ?? 'control'} named ${name}${item ? ` in ${item}` : ''}`);
}

/** Tab to a field and type into it (its box is empty or its text selected: Tab selects a text field's contents). */
async function typeInto(name: RegExp, text: string): Promise<void> {
  await tabTo(name);
  await page.keyboard.type(text);
}

/** Presses a key that submits or follows a link, and waits for the page it leads to. */
async function pressAndLoad(key: 'Enter' | 'Space'): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.keyboard.press(key)]);
}

const participants = () => seeded.db.$client.prepare('SELECT id, reference, name, max_travel_km FROM participants ORDER BY id').all() as { id: number; reference: string | null; name: string | null; max_travel_km: number | null }[];
const stages = (pid: number) => seeded.db.$client.prepare('SELECT stage, reason FROM shortlist_items WHERE participant_id = ? ORDER BY id').all(pid) as { stage: string; reason: string | null }[];
const itemIds = (pid: number) => seeded.db.$client.prepare('SELECT id FROM shortlist_items WHERE participant_id = ? ORDER BY id').pluck().all(pid) as number[];

describe('keyboard only', () => {
  it('signs in: Tab to the token box, type it, Enter', async () => {
    await page.goto(`${server.baseUrl}/signin`);
    await typeInto(/^Coach token/, seeded.token);
    await pressAndLoad('Enter');
    expect(new URL(page.url()).pathname).toBe('/');
  }, STEP_TIMEOUT);

  it('adds a participant through the form, correcting a mistake the error summary points to', async () => {
    const before = participants().length;
    await page.goto(`${server.baseUrl}/participants`);
    // The page's own "Add a participant" link jumps to the form; Tab carries on from there.
    await tabTo(/^Add a participant$/, 'a');
    await page.keyboard.press('Enter');
    await typeInto(/^Case reference/, 'CASE-KEY-1');
    await typeInto(/^Name/, 'Kay Board');
    await typeInto(/^Where they live/, 'Leeds');
    await typeInto(/^Furthest they will travel/, 'twenty');
    await typeInto(/^Job 1: title/, 'Warehouse operative');
    await typeInto(/^Job 1: Years in it/, '3');
    // A checkbox is ticked with Space, a select chosen by typing its option's first letters.
    await tabTo(/^Nights$/, 'input');
    await page.keyboard.press('Space');
    await tabTo(/^Hours pattern wanted/, 'select');
    await page.keyboard.type('Full');
    await tabTo(/^Add participant$/, 'button');
    await pressAndLoad('Enter');
    expect(participants()).toHaveLength(before);

    // The error summary's link for the field puts focus in that very box.
    await tabTo(/Furthest they will travel \(km\)/, 'a');
    await page.keyboard.press('Enter');
    expect((await focused())?.id).toBe('new-maxTravelKm');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('20');
    await tabTo(/^Add participant$/, 'button');
    await pressAndLoad('Space');

    expect(new URL(page.url()).searchParams.get('created')).toBe('1');
    const added = participants().at(-1)!;
    expect(participants()).toHaveLength(before + 1);
    expect(added).toMatchObject({ reference: 'CASE-KEY-1', name: 'Kay Board', max_travel_km: 20 });
    expect(await page.locator('h1').textContent()).toBe('Kay Board');
    const summary = (await page.locator('dl.summary').textContent()) ?? '';
    expect(summary).toContain('Nights');
    expect(summary).toContain('Full time');
  }, STEP_TIMEOUT);

  it('shortlists two matches from the participant page and moves them on with the stage form', async () => {
    const pid = seeded.participantId;
    await page.goto(`${server.baseUrl}/participants/${pid}`);
    await tabTo(/^Shortlist /, 'button');
    await pressAndLoad('Enter');
    expect(new URL(page.url()).pathname).toBe(`/participants/${pid}/shortlist`);
    await page.goto(`${server.baseUrl}/participants/${pid}`);
    await tabTo(/^Shortlist /, 'button');
    await pressAndLoad('Space');
    expect(stages(pid)).toEqual([
      { stage: 'suggested', reason: null },
      { stage: 'suggested', reason: null },
    ]);

    const [first, second] = itemIds(pid);
    // First vacancy: open its stage form (a <summary>, Enter), pick Offer, add a note, save with Enter.
    await tabTo(/^Change stage or note$/, 'summary', `item-${first}`);
    await page.keyboard.press('Enter');
    await tabTo(/^Stage$/, 'select');
    await page.keyboard.type('Offer');
    await typeInto(/^Note for the participant$/, 'Offer made: start date to agree.');
    await tabTo(/^Save$/, 'button');
    await pressAndLoad('Enter');
    expect(stages(pid)[0]).toEqual({ stage: 'offer', reason: null });

    // Second: declined needs a reason; choose one by typing, save with Space.
    await tabTo(/^Change stage or note$/, 'summary', `item-${second}`);
    await page.keyboard.press('Space');
    await tabTo(/^Stage$/, 'select');
    await page.keyboard.type('Declined');
    await tabTo(/^Reason/, 'select');
    await page.keyboard.type('Too far');
    await tabTo(/^Save$/, 'button');
    await pressAndLoad('Space');
    expect(stages(pid)).toEqual([
      { stage: 'offer', reason: null },
      { stage: 'declined', reason: 'travel' },
    ]);
    expect(await page.getByRole('status').first().textContent()).toContain('Saved');
  }, STEP_TIMEOUT);
});
