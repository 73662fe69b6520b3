import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findParticipant } from '../../src/participants/store.ts';
import { addToShortlist, changeShortlistEntry } from '../../src/shortlist/shortlist.ts';
import { axeViolations, horizontalOverflow } from '../helpers/axe.ts';
import { launchChromium, signInCoach, serveOnLoopback, type Browser, type Served } from '../helpers/browser.ts';
import { seedApp, type Seeded } from './seed.ts';

/**
 * The chart pages in a real Chromium: /sectors (a chart per sector) and
 * /outcomes (starts per month) fit a 320 px phone without sideways scroll
 * and pass axe-core's WCAG 2.2 AA rules at desk and phone widths.
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
  // One start for the organisation, through the same use cases the shortlist page calls.
  const deps = { db: seeded.db, now: seeded.clock };
  const p = findParticipant(seeded.db, seeded.coach.org, seeded.participantId)!;
  const vacancyId = seeded.db.$client.prepare("SELECT id FROM vacancies WHERE sector IS NOT NULL ORDER BY id LIMIT 1").pluck().get() as number;
  const { entry } = addToShortlist(deps, seeded.coach, p, { vacancyId });
  changeShortlistEntry(deps, seeded.coach, p, entry.id, { stage: 'started' });

  browser = await launchChromium({ bypassCSP: true });
  page = await browser.context.newPage();
  mkdirSync(SHOTS, { recursive: true });
  await signInCoach(page, server.baseUrl, seeded.token);
}, STEP_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const scrollWidth = () => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

describe('chart pages in Chromium', () => {
  for (const path of ['/sectors', '/outcomes']) {
    it(
      `${path}: charts drawn, no sideways scroll at 320 px, no axe violations`,
      async () => {
        await page.setViewportSize({ width: 1280, height: 900 });
        const res = await page.goto(`${server.baseUrl}${path}`);
        expect(res?.status()).toBe(200);
        const charts = page.locator('figure.chart svg[role=img]');
        expect(await charts.count()).toBeGreaterThan(0);
        // Drawn at a readable size, not collapsed by the CSS.
        const box = (await charts.first().boundingBox())!;
        expect(box.width).toBeGreaterThan(300);
        expect(box.height).toBeGreaterThan(150);
        expect(await axeViolations(page)).toEqual([]);
        const name = path.slice(1);
        await page.screenshot({ path: `${SHOTS}${name}-1280.png`, fullPage: true });
        await page.locator('figure.chart').last().screenshot({ path: `${SHOTS}${name}-chart.png` });

        await page.setViewportSize({ width: 320, height: 800 });
        await page.reload();
        expect(await scrollWidth()).toBeLessThanOrEqual(320);
        expect(await horizontalOverflow(page)).toBe(0);
        // The chart shrinks to the phone's width and keeps its shape.
        const small = (await charts.first().boundingBox())!;
        expect(small.width).toBeLessThanOrEqual(300);
        expect(small.height / small.width).toBeCloseTo(box.height / box.width, 1);
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: `${SHOTS}${name}-320.png`, fullPage: true });
      },
      STEP_TIMEOUT,
    );
  }

  it(
    '/outcomes counts the start and offers the CSV download',
    async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.baseUrl}/outcomes`);
      expect(await page.locator('.lead').textContent()).toContain('1 start so far');
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Download these tables (CSV)' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^outcomes-north-works-\d{4}-\d{2}-\d{2}\.csv$/);
    },
    STEP_TIMEOUT,
  );
});
