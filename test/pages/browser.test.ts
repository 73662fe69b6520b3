import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveOnLoopback, type Browser, type Served } from '../helpers/browser.ts';
import { seedApp, type Seeded } from './seed.ts';

/**
 * The coach pages in a real Chromium against the real app served by
 * @hono/node-server on 127.0.0.1: sign in, search, a participant's matches
 * and pivots, create and erase through the forms, CSRF, sign out.
 */

const STEP_TIMEOUT = 120_000;

let seeded: Seeded;
let server: Served;
let evil: Served;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

const participantCount = () => (seeded.db.$client.prepare('SELECT count(*) FROM participants').pluck().get() as number) ?? 0;

async function signIn(p: Page, token: string) {
  await p.goto(`${server.baseUrl}/signin`);
  await p.getByLabel('Coach token').fill(token);
  await p.getByRole('button', { name: 'Sign in' }).click();
  await p.waitForURL(`${server.baseUrl}/`);
}

beforeAll(async () => {
  // Bound first: the app's public origin (PUBLIC_URL) is this server's address, as under `npm start`.
  server = await serveOnLoopback((req) => seeded.app.fetch(req));
  seeded = await seedApp({ config: { PUBLIC_URL: server.baseUrl } });
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('console', (m) => {
    // Chromium logs every 4xx document as "Failed to load resource"; 401 and 422 pages are expected here.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource: the server responded with a status of 4')) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
}, STEP_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await evil?.close();
});

describe('coach pages in Chromium', () => {
  it(
    'sends a signed-out coach to /signin, refuses a wrong token, then signs in with an HttpOnly SameSite=Strict cookie',
    async () => {
      await page.goto(`${server.baseUrl}/participants/${seeded.participantId}`);
      expect(new URL(page.url()).pathname).toBe('/signin');
      expect(new URL(page.url()).searchParams.get('next')).toBe(`/participants/${seeded.participantId}`);

      await page.getByLabel('Coach token').fill('fp_coach_000000000000_not-a-real-token-at-all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('not recognised');

      await page.getByLabel('Coach token').fill(seeded.token);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${server.baseUrl}/participants/${seeded.participantId}`);
      expect(await page.locator('h1').textContent()).toBe('Jordan Example');

      const cookies = await browser.context.cookies(server.baseUrl);
      const session = cookies.find((c) => c.name === 'fp_session');
      expect(session).toBeDefined();
      expect(session?.httpOnly).toBe(true);
      expect(session?.sameSite).toBe('Strict');
      // HttpOnly: the page cannot read it (the pages run no scripts; this proves the flag holds).
      expect(await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie)).not.toContain('fp_session');
      // The inline stylesheet is the one the CSP hash allows: it applied.
      const styleOf = (el: unknown) =>
        (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor;
      expect(await page.locator('header.site').evaluate(styleOf)).toBe('rgb(16, 37, 63)');
    },
    STEP_TIMEOUT,
  );

  it(
    'searches vacancies near a place and shows highlighted results, facet links and the search form kept',
    async () => {
      await page.goto(`${server.baseUrl}/`);
      await page.getByLabel('What', { exact: true }).fill('forklift');
      await page.getByLabel('Near').fill('Leeds');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/\?q=forklift/);

      const results = page.locator('ol.results > li');
      expect(await results.count()).toBeGreaterThanOrEqual(2);
      const titles = await page.locator('ol.results h3').allTextContents();
      expect(titles.some((t) => t.includes('Forklift Truck Driver'))).toBe(true);
      // Highlights: the engine's <mark> became real elements, nothing else from the snippet did.
      const marks = await page.locator('ol.results mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      expect(marks.every((m) => /forklift/i.test(m))).toBe(true);
      const first = page.locator('ol.results > li', { hasText: 'Forklift Truck Driver' });
      expect(await first.textContent()).toContain('Aireside Logistics Ltd');
      expect(await first.textContent()).toMatch(/\d(\.\d)? km away/);
      expect(await first.textContent()).toContain('£12.80 per hour');
      expect(await page.getByLabel('What', { exact: true }).inputValue()).toBe('forklift');

      await page.screenshot({ path: join(tmpdir(), 'flightpath-pages-search.png'), fullPage: true });

      // A facet is a plain link that adds the filter.
      await page.locator('nav.facets a', { hasText: 'Temporary' }).click();
      await page.waitForURL(/contract=temporary/);
      const filtered = await page.locator('ol.results h3').allTextContents();
      expect(filtered.length).toBeGreaterThanOrEqual(1);
      expect(filtered.some((t) => t.includes('Warehouse Operative (Nights)'))).toBe(true);
      expect(filtered.some((t) => t.includes('Forklift Truck Driver'))).toBe(false);

      // Bad input is shown on the form, not as a crash.
      await page.goto(`${server.baseUrl}/?near=Nowhereville%20on%20Sea`);
      expect(await page.getByRole('alert').textContent()).toContain('Near: not a "lat,lon", place or postcode we can locate');
    },
    STEP_TIMEOUT,
  );

  it(
    'shows a participant with matches and their explanations, pivots grouped by sector, and transitions',
    async () => {
      await page.goto(`${server.baseUrl}/participants`);
      await page.getByRole('link', { name: 'Jordan Example' }).click();
      await page.waitForURL(`${server.baseUrl}/participants/${seeded.participantId}`);

      expect(await page.locator('dl.summary').textContent()).toContain('Warehouse operatives');
      const cards = page.locator('section[aria-labelledby=matches] li.card');
      expect(await cards.count()).toBeGreaterThan(0);
      const top = cards.first();
      // Issue 14: the card names its number (fit) and the list order it is sorted by.
      expect(await top.locator('.score').first().textContent()).toMatch(/^\d+% fit$/);
      expect(await top.textContent()).toMatch(/List order \d\.\d{3}: fit first/);
      // The explanation: matched skills quoting the advert and why we think they have it, missing skills, requirements.
      const why = top.locator('.why');
      expect(await why.isVisible()).toBe(true);
      expect(await why.textContent()).toContain('Skills they have');
      expect(await why.textContent()).toMatch(/advert: “[^”]+” · they have it: /);
      expect(await why.textContent()).toContain('Skills missing');
      expect(await why.textContent()).toContain('Requirements');
      const allCards = (await cards.allTextContents()).join('\n');
      expect(allCards).toContain('Forklift Truck Driver');

      const pivots = page.locator('section[aria-labelledby=pivots-heading]');
      const sectors = pivots.locator('.sector');
      expect(await sectors.count()).toBeGreaterThan(0);
      const firstSector = await sectors.first().textContent();
      // Growth with its numbers (the seed gives the history two windows).
      expect(firstSector).toMatch(/(growing|stable|shrinking) [+−]?\d+%/);
      expect(firstSector).toMatch(/avg [\d.]+ live a day/);
      expect(await pivots.textContent()).toContain('To learn:');
      const local = pivots.getByRole('link', { name: /See local .* vacancies/ }).first();
      const href = await local.getAttribute('href');
      expect(href).toMatch(new RegExp(`^/participants/${seeded.participantId}\\?q=[^#]+#matches$`));

      expect(await page.locator('section[aria-labelledby=transitions-heading] tbody tr').count()).toBeGreaterThan(0);

      await page.screenshot({ path: join(tmpdir(), 'flightpath-pages-participant.png'), fullPage: true });

      // The pivot's link narrows the matches to that occupation, on this page.
      await local.click();
      await page.waitForURL(/\?q=/);
      expect(await page.getByLabel('Words').inputValue()).not.toBe('');
    },
    STEP_TIMEOUT,
  );

  it(
    'creates a participant through the form: errors keep what was typed, then it saves and opens their page',
    async () => {
      const before = participantCount();
      await page.goto(`${server.baseUrl}/participants`);
      const form = page.locator('form[action="/participants"]');
      await form.getByLabel('Case reference').fill('CASE-0099');
      await form.getByLabel('Name', { exact: true }).fill('Sam Sample');
      await form.getByLabel('Where they live').fill('Leeds');
      await form.getByLabel('Furthest they will travel (km)').fill('twenty');
      await form.getByLabel('Job 1: title').fill('Care assistant');
      await form.getByLabel('Job 1: Years in it').fill('2');
      await form.getByLabel('Job 2: title').fill('Cleaner');
      await form.getByLabel('Licences, cards and checks, entry 1', { exact: true }).fill('enhanced DBS');
      await form.getByRole('button', { name: 'Add participant' }).click();

      const alert = page.getByRole('alert');
      expect(await alert.textContent()).toContain('Furthest they will travel (km): enter a number');
      expect(await alert.textContent()).toContain('Work history, line 2: give the years in this job');
      expect(await form.locator('#new-history-1-error').textContent()).toContain('give the years in this job');
      expect(participantCount()).toBe(before);
      expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('Sam Sample');
      expect(await form.getByLabel('Job 2: title').inputValue()).toBe('Cleaner');
      expect(await form.getByLabel('Job 1: Years in it').inputValue()).toBe('2');
      expect(await form.getByLabel('Licences, cards and checks, entry 1', { exact: true }).inputValue()).toBe('enhanced DBS');
      expect(await form.getByLabel('Furthest they will travel (km)').getAttribute('aria-invalid')).toBe('true');

      await form.getByLabel('Furthest they will travel (km)').fill('20');
      await form.getByLabel('Job 2: Years in it').fill('1');
      await form.getByLabel('Job 2: Ended (years ago)').fill('2');
      await form.getByRole('button', { name: 'Add participant' }).click();
      await page.waitForURL(/\/participants\/\d+\?created=1$/);
      expect(await page.locator('h1').textContent()).toBe('Sam Sample');
      expect(await page.getByRole('status').textContent()).toContain('Participant added');
      expect(await page.locator('dl.summary').textContent()).toContain('DBS check (enhanced)');
      expect(participantCount()).toBe(before + 1);

      // Editing through the form saves through the same update function.
      await page.locator('#edit summary').click();
      await page.locator('#edit').getByLabel('Lowest acceptable pay (£ a year)').fill('21,500');
      await page.locator('#edit').getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(/\?saved=1$/);
      expect(await page.locator('dl.summary').textContent()).toContain('£21,500 a year');
    },
    STEP_TIMEOUT,
  );

  it(
    'refuses a form posted from another origin, even with the session cookie sent',
    async () => {
      const id = seeded.participantId;
      // Another port on the same host is the same site (cookies ignore ports) but another origin: only the Origin check stops it.
      evil = await serveOnLoopback(
        () =>
          new Response(
            `<!doctype html><title>Win a prize</title><form method="post" action="${server.baseUrl}/participants/${id}/erase"><button>Claim</button></form>`,
            { headers: { 'Content-Type': 'text/html' } },
          ),
      );
      const before = participantCount();
      const other = await browser.context.newPage();
      await other.goto(evil.baseUrl);
      await other.getByRole('button', { name: 'Claim' }).click();
      await other.waitForURL(`${server.baseUrl}/participants/${id}/erase`);
      expect(await other.locator('h1').textContent()).toBe('Forbidden');
      expect(await other.locator('main').textContent()).not.toMatch(/at .*\.ts:\d+/);
      expect(participantCount()).toBe(before);
      await other.close();
    },
    STEP_TIMEOUT,
  );

  it(
    'erases a participant after a confirmation step',
    async () => {
      const before = participantCount();
      await page.goto(`${server.baseUrl}/participants`);
      await page.getByRole('link', { name: 'Sam Sample' }).click();
      await page.getByRole('link', { name: 'Erase this participant…' }).click();
      await page.waitForURL(/\/erase$/);
      expect(await page.locator('h1').textContent()).toBe('Erase Sam Sample?');
      expect(participantCount()).toBe(before);
      await page.getByRole('button', { name: 'Erase permanently' }).click();
      await page.waitForURL(`${server.baseUrl}/participants?erased=1`);
      expect(await page.getByRole('status').textContent()).toContain('erased');
      expect(await page.locator('table').textContent()).not.toContain('Sam Sample');
      expect(participantCount()).toBe(before - 1);
    },
    STEP_TIMEOUT,
  );

  it(
    'shows sector trends with a line chart and numbers per sector',
    async () => {
      await page.goto(`${server.baseUrl}/sectors`);
      const rows = page.locator('table.stack tbody tr');
      expect(await rows.count()).toBeGreaterThan(1);
      expect(await rows.first().locator('td.num').first().textContent()).toMatch(/^\d+$/);
      const chart = page.locator('section[id^=sector-] figure.chart').first();
      expect(await chart.locator('svg polyline').count()).toBe(1);
      expect(await chart.getByRole('img').getAttribute('aria-labelledby')).toMatch(/-title .+-desc$/);
      expect(await chart.locator('table tbody tr').count()).toBeGreaterThan(0);
      await page.goto(`${server.baseUrl}/sectors?area=Atlantis`);
      expect(await page.getByRole('alert').textContent()).toContain('no such area');
    },
    STEP_TIMEOUT,
  );

  it(
    'signs out: the cookie is gone and pages send the coach back to /signin',
    async () => {
      await page.goto(`${server.baseUrl}/`);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${server.baseUrl}/signin?signedout=1`);
      expect((await browser.context.cookies(server.baseUrl)).some((c) => c.name === 'fp_session')).toBe(false);
      await page.goto(`${server.baseUrl}/participants`);
      expect(new URL(page.url()).pathname).toBe('/signin');
      await signIn(page, seeded.token);
      expect(await page.locator('h1').textContent()).toBe('Vacancy search');
    },
    STEP_TIMEOUT,
  );

  it('logged no script or CSP errors on any page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
