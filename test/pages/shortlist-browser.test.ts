import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInCoach, serveOnLoopback, type Browser, type Served } from '../helpers/browser.ts';
import { seedApp, type Seeded } from './seed.ts';

/**
 * The shortlist in a real Chromium against the served app: shortlist two
 * matches with the card buttons, move one to "started", the printable page
 * under print media, and the share link opened in a fresh browser (no
 * cookies) before and after revoking it.
 */

const STEP_TIMEOUT = 120_000;
const SHOTS = new URL('../../test-results/', import.meta.url).pathname;

let seeded: Seeded;
let server: Served;
let browser: Browser;
let page: Page;
let shareUrl = '';

beforeAll(async () => {
  server = await serveOnLoopback((req) => seeded.app.fetch(req));
  seeded = await seedApp({ config: { PUBLIC_URL: server.baseUrl } });
  browser = await launchChromium();
  page = await browser.context.newPage();
  mkdirSync(SHOTS, { recursive: true });
  await signInCoach(page, server.baseUrl, seeded.token);
}, STEP_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const items = () => seeded.db.$client.prepare('SELECT id, vacancy_id, stage FROM shortlist_items ORDER BY id').all() as { id: number; vacancy_id: number; stage: string }[];

describe('shortlist pages in Chromium', () => {
  it(
    'shortlists two matches from their cards and moves one to started',
    async () => {
      const pid = seeded.participantId;
      await page.goto(`${server.baseUrl}/participants/${pid}`);
      const buttons = page.locator('form.shortlist-add button');
      expect(await buttons.count()).toBeGreaterThanOrEqual(2);
      const firstTitle = (await page.locator('ol.results > li h3 a, ol.results > li h3').first().textContent()) ?? '';

      await buttons.first().click();
      await page.waitForURL(new RegExp(`/participants/${pid}/shortlist\\?added=1`));
      expect(await page.getByRole('status').first().textContent()).toContain('Added to the shortlist');

      // Back on the participant page the first card now links to the shortlist instead.
      await page.goto(`${server.baseUrl}/participants/${pid}`);
      expect(await page.locator('ol.results > li').first().textContent()).toContain('On the shortlist');
      await page.locator('form.shortlist-add button').first().click();
      await page.waitForURL(/shortlist\?added=1/);
      expect(items()).toHaveLength(2);
      expect(await page.locator('article.handover-item').count()).toBe(2);
      expect(firstTitle).toContain((await page.locator('article.handover-item h2').first().textContent())!.replace(' Closed', '').trim());

      // Move the first to "started" with the stage form.
      const first = page.locator('article.handover-item').first();
      await first.getByText('Change stage or note').click();
      await first.getByLabel('Stage').selectOption('started');
      await first.getByLabel('Note for the participant').fill('Starts Monday, 7am');
      await first.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/shortlist\?saved=1/);
      expect(items().map((i) => i.stage)).toEqual(['started', 'suggested']);
      expect(await page.locator('article.handover-item').first().textContent()).toContain('Stage: Started');

      // Declining without a reason is refused on the form, naming the field.
      const second = page.locator('article.handover-item').nth(1);
      await second.getByText('Change stage or note').click();
      await second.getByLabel('Stage').selectOption('declined');
      await second.getByRole('button', { name: 'Save' }).click();
      expect(await page.getByRole('alert').textContent()).toContain('Reason: is required when the stage is declined');
      expect(items().map((i) => i.stage)).toEqual(['started', 'suggested']);
    },
    STEP_TIMEOUT,
  );

  it(
    'prints only the hand-over blocks: title, employer, where, pay, hours, closing date, how to apply, the note',
    async () => {
      await page.goto(`${server.baseUrl}/participants/${seeded.participantId}/shortlist`);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('header.site').isVisible()).toBe(false);
      expect(await page.locator('form').first().isVisible()).toBe(false);
      expect(await page.getByRole('heading', { name: 'Share with the participant' }).isVisible()).toBe(false);
      const block = page.locator('article.handover-item').first();
      expect(await block.isVisible()).toBe(true);
      const terms = await block.locator('dt').allTextContents();
      expect(terms).toEqual(['Employer', 'Where', 'Pay', 'Hours', 'Closing date', 'How to apply', 'Note from your coach']);
      expect(await block.textContent()).toContain('Starts Monday, 7am');
      expect(await block.textContent()).toMatch(/km away/);
      await page.screenshot({ path: `${SHOTS}shortlist-print.png`, fullPage: true });
      await page.pdf({ path: `${SHOTS}shortlist-print.pdf` });
      await page.emulateMedia({ media: 'screen' });
    },
    STEP_TIMEOUT,
  );

  it(
    'makes a share link that a fresh browser opens without signing in, showing only the shortlist, and refuses once revoked',
    async () => {
      await page.goto(`${server.baseUrl}/participants/${seeded.participantId}/shortlist`);
      await page.getByRole('button', { name: 'Make a link' }).click();
      shareUrl = ((await page.locator('code.break').textContent()) ?? '').trim();
      expect(shareUrl).toMatch(new RegExp(`^${server.baseUrl}/shared/[A-Za-z0-9_-]{43}$`));
      await page.screenshot({ path: `${SHOTS}shortlist-coach.png`, fullPage: true });

      const other = await launchChromium();
      try {
        const anon = await other.context.newPage();
        const res = await anon.goto(shareUrl);
        expect(res?.status()).toBe(200);
        expect(await anon.locator('h1').textContent()).toContain('Vacancies your coach picked for you');
        expect(await anon.locator('article.handover-item').count()).toBe(2);
        const text = (await anon.locator('main').textContent()) ?? '';
        expect(text).toContain('Starts Monday, 7am');
        expect(text).not.toContain('Jordan Example');
        expect(text).not.toContain('CASE-0042');
        expect(text).not.toContain('Stage');
        expect(await anon.locator('header.site nav').count()).toBe(0);
        await anon.screenshot({ path: `${SHOTS}shortlist-shared.png`, fullPage: true });

        await page.getByRole('button', { name: 'Revoke' }).click();
        await page.waitForURL(/revoked=1/);
        const after = await anon.goto(shareUrl);
        expect(after?.status()).toBe(404);
        expect(await anon.locator('main').textContent()).toContain('This link does not work');
      } finally {
        await other.close();
      }
    },
    STEP_TIMEOUT,
  );
});
