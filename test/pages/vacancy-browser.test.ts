import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, expectAccessibleAtAnyWidth } from '../helpers/axe.ts';
import { launchChromium, signInCoach, serveOnLoopback, type Browser, type Served } from '../helpers/browser.ts';
import { seedApp, type Seeded } from './seed.ts';

/**
 * The vacancy page and the search for a participant in a real Chromium:
 * open a vacancy from a match card, shortlist it there, search for the
 * participant and shortlist a result; axe-core (WCAG 2.2 AA) finds nothing
 * on either page, and neither scrolls sideways at 320 px.
 */

const STEP_TIMEOUT = 120_000;
const SHOTS = new URL('../../test-results/', import.meta.url).pathname;

let seeded: Seeded;
let server: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serveOnLoopback((req) => seeded.app.fetch(req));
  seeded = await seedApp({ config: { PUBLIC_URL: server.baseUrl } });
  browser = await launchChromium({ bypassCSP: true });
  page = await browser.context.newPage();
  mkdirSync(SHOTS, { recursive: true });
  await signInCoach(page, server.baseUrl, seeded.token);
}, STEP_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shortlisted = () => seeded.db.$client.prepare('SELECT vacancy_id FROM shortlist_items WHERE participant_id = ? ORDER BY id').pluck().all(seeded.participantId) as number[];

describe('vacancy page in Chromium', () => {
  it('the axe check does find violations where there are some (so the zero counts below mean something)', async () => {
    await page.goto(`${server.baseUrl}/signin`);
    await page.setContent('<html><body><main><img src="data:,"><input type="text"></main></body></html>');
    const ids = (await axeViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'label']));
  });

  it(
    'opens from a match card with the fit explained, shortlists from there, and passes axe at any width',
    async () => {
      const pid = seeded.participantId;
      await page.goto(`${server.baseUrl}/participants/${pid}`);
      const card = page.locator('li.card').first();
      const title = ((await card.locator('h3 a').textContent()) ?? '').trim();
      await card.locator('h3 a').click();
      await page.waitForURL(new RegExp(`/vacancies/(\\d+)\\?participant=${pid}$`));
      const vacancyId = Number(/\/vacancies\/(\d+)/.exec(page.url())![1]);

      expect(((await page.locator('h1').textContent()) ?? '').trim()).toContain(title);
      expect(await page.getByRole('heading', { name: 'For Jordan Example' }).isVisible()).toBe(true);
      expect(await page.getByText('Why this fits').isVisible()).toBe(true);
      expect(await page.getByRole('heading', { name: 'How to apply' }).isVisible()).toBe(true);
      expect(await page.locator('ul.sources a').count()).toBeGreaterThanOrEqual(1);
      expect(await page.getByRole('heading', { name: 'Description' }).isVisible()).toBe(true);
      await expectAccessibleAtAnyWidth(page, `${SHOTS}vacancy-page`);

      await page.getByRole('button', { name: `Shortlist ${title}` }).click();
      await page.waitForURL(new RegExp(`/vacancies/${vacancyId}\\?participant=${pid}&shortlisted=${vacancyId}$`));
      expect(await page.getByRole('status').textContent()).toContain('Added to Jordan Example’s shortlist.');
      expect(shortlisted()).toEqual([vacancyId]);
      expect(await page.locator('form.shortlist-add').count()).toBe(0);
      await page.getByRole('link', { name: 'shortlist', exact: true }).click();
      await page.waitForURL(new RegExp(`/participants/${pid}/shortlist$`));
      expect(await page.locator('article.handover-item h2 a').first().getAttribute('href')).toBe(`/vacancies/${vacancyId}?participant=${pid}`);
    },
    STEP_TIMEOUT,
  );

  it(
    'searches for the participant from their page, narrows by date posted, shortlists a result and passes axe at any width',
    async () => {
      const pid = seeded.participantId;
      await page.goto(`${server.baseUrl}/participants/${pid}`);
      await page.getByRole('link', { name: 'Search vacancies for Jordan Example' }).click();
      await page.waitForURL(new RegExp(`/\\?participant=${pid}$`));
      expect(await page.locator('.for-participant').textContent()).toContain('Searching for Jordan Example');

      await page.getByLabel('What').fill('warehouse');
      await page.getByLabel('Posted within').selectOption('30');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL(/postedWithinDays=30/);
      expect(page.url()).toContain(`participant=${pid}`);
      const results = page.locator('li.result');
      expect(await results.count()).toBeGreaterThanOrEqual(1);
      await expectAccessibleAtAnyWidth(page, `${SHOTS}search-for-participant`);

      const result = results.filter({ has: page.locator('form.shortlist-add') }).first();
      const id = Number(((await result.getAttribute('id')) ?? '').replace('r-', ''));
      await result.locator('form.shortlist-add button').click();
      await page.waitForURL(new RegExp(`shortlisted=${id}#r-${id}$`));
      expect(page.url()).toContain('q=warehouse');
      expect(await page.getByRole('status').textContent()).toContain('Added to Jordan Example’s shortlist.');
      expect(shortlisted()).toContain(id);
      expect(await page.locator(`#r-${id}`).textContent()).toContain('On the shortlist');

      // Without the participant, the plain search page passes too.
      await page.getByRole('link', { name: 'Search without a participant' }).click();
      await page.waitForURL((u) => !u.search.includes('participant='));
      expect(await page.locator('form.shortlist-add').count()).toBe(0);
      await expectAccessibleAtAnyWidth(page, `${SHOTS}search`);
    },
    STEP_TIMEOUT,
  );
});
