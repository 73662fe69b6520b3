import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.ts';
import { drainOutbox } from '../../src/search/outbox.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { expectAccessibleAtAnyWidth } from '../helpers/axe.ts';
import { launchChromium, signInCoach, serveOnLoopback, type Browser, type Served } from '../helpers/browser.ts';
import { seedApp, type Seeded } from './seed.ts';

/**
 * The coach's whole working loop in one real Chromium session against the
 * served app (issue 16's end-to-end test): add a participant through the
 * caseload form, see their matches, open a vacancy page, shortlist two
 * vacancies, move one to "started", see the caseload and the organisation's
 * outcomes change, print the hand-over page, open the participant's link in
 * a fresh browser and see it refused once revoked; a form with several bad
 * fields reports all of them at once; an employer posts a vacancy through
 * the employer form and the coach finds it in search. Every page visited is checked with
 * axe-core (WCAG 2.2 AA) and for sideways scrolling at 320 px, and
 * screenshotted under test-results/e2e-*.png.
 */

const STEP_TIMEOUT = 180_000;
const SHOTS = new URL('../../test-results/', import.meta.url).pathname;

let seeded: Seeded;
let server: Served;
let browser: Browser;
let page: Page;
let participantPath = '';

beforeAll(async () => {
  server = await serveOnLoopback((req) => seeded.app.fetch(req));
  seeded = await seedApp({ config: { PUBLIC_URL: server.baseUrl } });
  browser = await launchChromium({ bypassCSP: true });
  page = await browser.context.newPage();
  mkdirSync(SHOTS, { recursive: true });
}, STEP_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const itemsOf = (participantId: number) =>
  seeded.db.$client.prepare('SELECT stage FROM shortlist_items WHERE participant_id = ? ORDER BY id').pluck().all(participantId) as string[];

describe('a coach works one participant from sign-in to a job start', () => {
  it(
    'signs in and reports every problem of a bad participant form in one submission, keeping what was typed',
    async () => {
      await page.goto(`${server.baseUrl}/signin`);
      await expectAccessibleAtAnyWidth(page, `${SHOTS}e2e-signin`);
      await signInCoach(page, server.baseUrl, seeded.token);

      await page.goto(`${server.baseUrl}/participants`);
      await page.locator('#new-reference').fill('CASE-E2E-7');
      await page.locator('#new-location').fill('Leeds');
      await page.locator('#new-maxTravelKm').fill('far');
      await page.locator('#new-hoursPerWeek').fill('lots');
      await page.locator('#new-salaryFloor').fill('cheap');
      await page.getByRole('button', { name: 'Add participant' }).click();
      const summary = page.getByRole('alert');
      const problems = await summary.locator('li').allTextContents();
      expect(problems).toHaveLength(3);
      expect(problems.join(' | ')).toMatch(/Furthest they will travel/);
      expect(problems.join(' | ')).toMatch(/Hours a week wanted/);
      expect(problems.join(' | ')).toMatch(/Lowest acceptable pay/);
      // Plain words, never the validator's own text.
      expect(problems.join(' ')).not.toMatch(/expected|NaN|received/i);
      // What was typed is still there, and each field names its problem beside it.
      expect(await page.locator('#new-maxTravelKm').inputValue()).toBe('far');
      expect(await page.locator('#new-location').inputValue()).toBe('Leeds');
      expect(await page.locator('#new-maxTravelKm').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#new-maxTravelKm-error').textContent()).not.toBe('');
      await expectAccessibleAtAnyWidth(page, `${SHOTS}e2e-participant-form-errors`);
    },
    STEP_TIMEOUT,
  );

  it(
    'adds the participant, sees matches explained, and opens a vacancy page with the fit for them',
    async () => {
      await page.locator('#new-maxTravelKm').fill('25');
      await page.locator('#new-hoursPerWeek').fill('37.5');
      await page.locator('#new-salaryFloor').fill('20000');
      await page.locator('#new-history').fill('Warehouse operative');
      await page.locator('#new-history-years').fill('3');
      await page.locator('#new-licences').fill('forklift');
      await page.getByRole('button', { name: 'Add participant' }).click();
      await page.waitForURL(/\/participants\/\d+\?created=1$/);
      participantPath = new URL(page.url()).pathname;
      const cards = page.locator('ol.results > li');
      expect(await cards.count()).toBeGreaterThanOrEqual(2);
      // Every card says why it fits.
      expect(await cards.first().textContent()).toMatch(/fit|✓/i);
      await expectAccessibleAtAnyWidth(page, `${SHOTS}e2e-participant`);

      const link = cards.first().locator('h3 a');
      const title = ((await link.textContent()) ?? '').trim();
      await link.click();
      await page.waitForURL(/\/vacancies\/\d+/);
      expect(await page.locator('h1').textContent()).toContain(title);
      expect(await page.getByRole('button', { name: /Shortlist/ }).count()).toBeGreaterThanOrEqual(1);
      await expectAccessibleAtAnyWidth(page, `${SHOTS}e2e-vacancy`);
    },
    STEP_TIMEOUT,
  );

  it(
    'shortlists two vacancies, moves one to started, and the caseload and outcomes show it',
    async () => {
      const pid = Number(participantPath.split('/').pop());
      await page.goto(`${server.baseUrl}/outcomes`);
      const before = (await page.locator('main').textContent()) ?? '';
      expect(before).toContain('0 starts so far');

      await page.goto(`${server.baseUrl}${participantPath}`);
      await page.locator('form.shortlist-add button').first().click();
      await page.waitForURL(/shortlist\?added=1/);
      await page.goto(`${server.baseUrl}${participantPath}`);
      await page.locator('form.shortlist-add button').first().click();
      await page.waitForURL(/shortlist\?added=1/);
      expect(itemsOf(pid)).toEqual(['suggested', 'suggested']);

      const first = page.locator('article.handover-item').first();
      await first.getByText('Change stage or note').click();
      await first.getByLabel('Stage').selectOption('started');
      await first.getByLabel('Note for the participant').fill('Starts Monday at 7am: bring your forklift licence');
      await first.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/shortlist\?saved=1/);
      expect(itemsOf(pid)).toEqual(['started', 'suggested']);
      await expectAccessibleAtAnyWidth(page, `${SHOTS}e2e-shortlist`);

      await page.goto(`${server.baseUrl}/participants?stage=started`);
      const rows = page.locator('table.caseload tbody tr');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).toContain('CASE-E2E-7');
      expect(await rows.first().locator('td[data-label="Shortlist"]').textContent()).toMatch(/1 suggested.*1 started|1 started.*1 suggested/);
      await expectAccessibleAtAnyWidth(page, `${SHOTS}e2e-caseload-started`);

      await page.goto(`${server.baseUrl}/outcomes`);
      expect(await page.locator('main').textContent()).toContain('1 start so far');
      await expectAccessibleAtAnyWidth(page, `${SHOTS}e2e-outcomes`);
    },
    STEP_TIMEOUT,
  );

  it(
    'prints the hand-over page and shares a link a fresh browser opens, refused once revoked',
    async () => {
      await page.goto(`${server.baseUrl}${participantPath}/shortlist`);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('header.site').isVisible()).toBe(false);
      expect(await page.locator('article.handover-item').count()).toBe(2);
      expect(await page.locator('article.handover-item').first().textContent()).toContain('Starts Monday at 7am');
      await page.pdf({ path: `${SHOTS}e2e-handover.pdf` });
      await page.emulateMedia({ media: 'screen' });

      await page.getByRole('button', { name: 'Make a link' }).click();
      const shareUrl = ((await page.locator('code.break').textContent()) ?? '').trim();
      expect(shareUrl).toMatch(new RegExp(`^${server.baseUrl}/shared/[A-Za-z0-9_-]{43}$`));

      const other = await launchChromium({ bypassCSP: true });
      try {
        const anon = await other.context.newPage();
        expect((await anon.goto(shareUrl))?.status()).toBe(200);
        expect(await anon.locator('article.handover-item').count()).toBe(2);
        expect(await anon.locator('main').textContent()).not.toContain('CASE-E2E-7');
        await expectAccessibleAtAnyWidth(anon, `${SHOTS}e2e-shared`);
        await page.getByRole('button', { name: 'Revoke' }).click();
        await page.waitForURL(/revoked=1/);
        expect((await anon.goto(shareUrl))?.status()).toBe(404);
      } finally {
        await other.close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'an employer without an ATS posts a vacancy through the form, and the coach finds it in search',
    async () => {
      const key = createApiKey(seeded.db, { employerName: 'Fictional Forklift Hire' }, Date.parse('2026-03-01T09:00:00Z')).key;
      const employer = await launchChromium({ bypassCSP: true });
      try {
        const ep = await employer.context.newPage();
        await ep.goto(`${server.baseUrl}/employer/signin`);
        await ep.getByLabel('Employer API key').fill(key);
        await ep.getByRole('button', { name: /Sign in/ }).click();
        await ep.waitForURL(`${server.baseUrl}/employer`);
        await ep.getByRole('link', { name: 'Post a vacancy' }).first().click();
        await ep.waitForURL(/\/employer\/vacancies\/new$/);
        await ep.getByLabel('Job title').fill('Reach Truck Driver (E2E)');
        await ep.getByLabel('Where the job is').fill('Leeds');
        await ep.getByLabel('Lowest pay (£)').fill('13.20');
        await ep.getByLabel('Pay is per', { exact: true }).selectOption('hour');
        await ep.getByLabel('Description').fill('Reach truck and counterbalance forklift work in a busy Leeds warehouse. Forklift licence needed.');
        await ep.getByRole('button', { name: 'Post vacancy' }).click();
        await ep.waitForURL(/\/employer\?posted=\d+/);
        expect(await ep.locator('main').textContent()).toContain('Reach Truck Driver (E2E)');
        await expectAccessibleAtAnyWidth(ep, `${SHOTS}e2e-employer-posted`);
      } finally {
        await employer.close();
      }
      // The server applies the search outbox on its schedule; the test applies it now.
      await drainOutbox(seeded.db, new SqliteEngine(seeded.db));
      await page.goto(`${server.baseUrl}/?q=${encodeURIComponent('reach truck')}&near=Leeds`);
      expect(await page.locator('main').textContent()).toContain('Reach Truck Driver (E2E)');
      await expectAccessibleAtAnyWidth(page, `${SHOTS}e2e-search`);
    },
    STEP_TIMEOUT,
  );
});
