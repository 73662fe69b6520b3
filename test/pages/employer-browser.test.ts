import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.ts';
import { fixedClock } from '../../src/clock.ts';
import type { Db } from '../../src/db.ts';
import { expectAccessibleAtAnyWidth } from '../helpers/axe.ts';
import { launchChromium, serveOnLoopback, type Browser, type Served } from '../helpers/browser.ts';
import { createTestApp } from '../helpers/test-app.ts';

/**
 * The employer pages in a real Chromium, by keyboard where a person would
 * type: sign in with the API key, post a vacancy (first with mistakes, then
 * corrected), see it listed, close it, sign out. axe-core (WCAG 2.2 AA)
 * finds nothing on the sign-in page, the list or the form (including its
 * error state) at 1280 and 320 px, and nothing scrolls sideways at 320 px.
 */

const STEP_TIMEOUT = 120_000;
const SHOTS = new URL('../../test-results/', import.meta.url).pathname;
const NOW = Date.parse('2026-03-01T09:00:00Z');

let app: ReturnType<typeof createTestApp>['app'];
let db: Db;
let key: string;
let server: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serveOnLoopback((req) => app.fetch(req));
  const made = createTestApp({ now: fixedClock(NOW), config: { PUBLIC_URL: server.baseUrl } });
  app = made.app;
  db = made.deps.db;
  key = createApiKey(db, { employerName: 'Acme Fictional Bakery' }, NOW).key;
  browser = await launchChromium({ bypassCSP: true });
  page = await browser.context.newPage();
  mkdirSync(SHOTS, { recursive: true });
}, STEP_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Moves the keyboard focus to the control labelled `label` with Tab alone, failing if it is never reached. */
async function tabTo(label: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = (await page.evaluate(`(() => {
      const el = document.activeElement;
      if (!el) return '';
      const byFor = el.id ? document.querySelector('label[for="' + el.id + '"]') : null;
      return (byFor ? byFor.textContent : el.getAttribute('aria-label') || el.textContent || '').trim();
    })()`)) as string;
    if (focused === label) return;
  }
  throw new Error(`Tab never reached "${label}"`);
}

const statusOf = (ref: string) => db.$client.prepare('SELECT status FROM vacancies WHERE source_ref = ?').pluck().get(ref);

describe('employer pages in Chromium', () => {
  it(
    'signs in with the key by keyboard; a wrong key is reported, and both states pass axe at any width',
    async () => {
      await page.goto(`${server.baseUrl}/employer`);
      await page.waitForURL(`${server.baseUrl}/employer/signin`);
      await expectAccessibleAtAnyWidth(page, `${SHOTS}employer-signin`);

      await page.getByLabel('Employer API key').fill('fp_emp_000000000000_not-a-key');
      await page.keyboard.press('Enter');
      await page.waitForLoadState();
      expect(await page.getByRole('alert').textContent()).toContain('That key was not recognised');
      await expectAccessibleAtAnyWidth(page, `${SHOTS}employer-signin-error`);

      await page.getByLabel('Employer API key').fill(key);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${server.baseUrl}/employer`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your vacancies');
      await expectAccessibleAtAnyWidth(page, `${SHOTS}employer-list-empty`);
    },
    STEP_TIMEOUT,
  );

  it(
    'posts a vacancy: mistakes are all reported next to their fields, corrected, and the vacancy is listed',
    async () => {
      await page.getByRole('link', { name: 'Post a vacancy' }).first().click();
      await page.waitForURL(`${server.baseUrl}/employer/vacancies/new`);
      await expectAccessibleAtAnyWidth(page, `${SHOTS}employer-form`);
      // Phone keypads for numbers.
      for (const label of ['Lowest pay (£)', 'Highest pay (£, optional)', 'Hours a week']) {
        expect(await page.getByLabel(label).getAttribute('inputmode'), label).toBe('decimal');
      }

      // By keyboard: title left empty, pay in words, no pay period, a past closing date.
      await tabTo('Where the job is');
      await page.keyboard.type('Leeds LS11 5QN');
      await tabTo('Lowest pay (£)');
      await page.keyboard.type('twelve pounds');
      await page.getByLabel('Closing date').fill('2026-02-01');
      await page.getByLabel('Description').fill('Early shifts baking bread and serving customers.');
      await page.getByRole('button', { name: 'Post vacancy' }).click();
      await page.waitForURL(`${server.baseUrl}/employer/vacancies`);
      const alert = (await page.getByRole('alert').textContent()) ?? '';
      expect(alert).toContain('There are 4 problems:');
      for (const [label, message] of [
        ['Job title', 'Enter the job title'],
        ['Lowest pay (£)', 'Enter the lowest pay as an amount, for example 12.50 or 24000'],
        ['Pay is per', 'Choose whether the pay is per hour, day, week, month or year'],
        ['Closing date', 'The closing date has passed: choose today or a later date'],
      ] as const) {
        expect(alert).toContain(message);
        const control = page.getByLabel(label, { exact: true });
        expect(await control.getAttribute('aria-invalid'), label).toBe('true');
        const described = (await control.getAttribute('aria-describedby')) ?? '';
        const errorId = described.split(' ').find((id) => id.endsWith('-error'));
        expect(errorId, label).toBeTruthy();
        expect(await page.locator(`#${errorId}`).textContent(), label).toBe(message);
      }
      // What was typed is kept.
      expect(await page.getByLabel('Where the job is').inputValue()).toBe('Leeds LS11 5QN');
      expect(await page.getByLabel('Description').inputValue()).toBe('Early shifts baking bread and serving customers.');
      await expectAccessibleAtAnyWidth(page, `${SHOTS}employer-form-errors`);

      // The summary's link takes the keyboard to the field.
      await page.getByRole('link', { name: 'Enter the job title' }).click();
      expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('vf-title');
      await page.keyboard.type('Bakery Assistant');
      await page.getByLabel('Lowest pay (£)').fill('12.60');
      await page.getByLabel('Pay is per').selectOption('hour');
      await page.getByLabel('Hours a week').fill('30');
      await page.getByLabel('Full or part time').selectOption('part_time');
      await page.getByLabel('Closing date').fill('2026-03-20');
      await page.getByLabel('How to apply').fill('jobs@bakery.example');
      await page.getByLabel('Your reference (optional)').fill('BAK-7');
      await page.getByLabel('How to apply').press('Enter');
      await page.waitForURL(/\/employer\?posted=\d+#v-\d+$/);
      expect(await page.getByRole('status').textContent()).toContain('Posted: Bakery Assistant (BAK-7).');
      const row = page.locator('tr', { hasText: 'BAK-7' });
      expect(await row.textContent()).toMatch(/Bakery Assistant.*BAK-7.*Open.*1 Mar 2026.*20 Mar 2026/);
      expect(statusOf('BAK-7')).toBe('live');
      await expectAccessibleAtAnyWidth(page, `${SHOTS}employer-list`);
    },
    STEP_TIMEOUT,
  );

  it(
    'closes the vacancy by keyboard, sees it closed, and signs out',
    async () => {
      await tabTo('Close Bakery Assistant (BAK-7)');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/employer\?closed=\d+#v-\d+$/);
      expect(await page.getByRole('status').textContent()).toContain('Closed: Bakery Assistant (BAK-7).');
      expect(await page.locator('tr', { hasText: 'BAK-7' }).textContent()).toContain('Closed 1 Mar 2026');
      expect(await page.getByRole('button', { name: 'Close Bakery Assistant (BAK-7)' }).count()).toBe(0);
      expect(statusOf('BAK-7')).toBe('closed');
      await expectAccessibleAtAnyWidth(page, `${SHOTS}employer-list-closed`);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${server.baseUrl}/employer/signin?signedout=1`);
      expect(await page.getByRole('status').textContent()).toContain('You have signed out.');
      await page.goto(`${server.baseUrl}/employer`);
      await page.waitForURL(`${server.baseUrl}/employer/signin`);
    },
    STEP_TIMEOUT,
  );
});
