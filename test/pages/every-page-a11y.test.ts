import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, horizontalOverflow } from '../helpers/axe.ts';
import { launchChromium, signInCoach, serveOnLoopback, type Browser, type Served } from '../helpers/browser.ts';
import { addParticipant } from '../helpers/participants.ts';
import { seedApp, type Seeded } from './seed.ts';
import { seedLongParticipant } from './seed-long.ts';

/**
 * Issue 16's quality bar on every page the app serves as HTML, signed in
 * and out: axe-core (WCAG 2.2 AA) finds nothing at desk width (1280 px) nor
 * at phone width (320 px), and at 320 px no page scrolls sideways. The
 * pages are the real app's, served on 127.0.0.1, in a real Chromium. The
 * data is long on purpose (a participant with targets, a long history,
 * matches, transitions, pivots, and a shortlist holding a closed vacancy
 * and notes), so the widest things a page can hold are on it. Form error
 * states are reached by submitting bad input, as a coach would. Screenshots
 * of each page at both widths go to test-results/ (git-ignored).
 */

const STEP_TIMEOUT = 120_000;
const SHOTS = new URL('../../test-results/', import.meta.url).pathname;

let seeded: Seeded;
let server: Served;
let browser: Browser;
let page: Page;
let longId = 0;
let vacancyId = 0;
let shareToken = '';

beforeAll(async () => {
  server = await serveOnLoopback((req) => seeded.app.fetch(req));
  seeded = await seedApp({ config: { PUBLIC_URL: server.baseUrl } });
  ({ longId, vacancyId, shareToken } = seedLongParticipant(seeded));
  // Enough people for the caseload to page (50 a page), so its pager is on the page too.
  for (let i = 1; i <= 55; i++) {
    addParticipant(seeded.deps, seeded.coach, { reference: `CASE-${1000 + i}`, name: `Person Number ${i}`, location: 'Leeds', history: [{ title: 'Cleaner', years: i % 7 }] });
  }
  browser = await launchChromium({ bypassCSP: true });
  page = await browser.context.newPage();
  mkdirSync(SHOTS, { recursive: true });
}, STEP_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Failure {
  width: number;
  overflowPx: number;
  violations: Awaited<ReturnType<typeof axeViolations>>;
}

/**
 * The page as it is now, at 1280 then 320 px: axe's violations at each
 * width and the sideways scroll at 320 (reloading would lose a POST's
 * answer, so the viewport is resized in place; the layout follows). Returns
 * what failed, so a test prints every problem of a page at once.
 */
async function checkCurrentPage(name: string): Promise<Failure[]> {
  const failures: Failure[] = [];
  try {
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: width === 320 ? 800 : 900 });
      const overflowPx = width === 320 ? await horizontalOverflow(page) : 0;
      const violations = await axeViolations(page);
      await page.screenshot({ path: `${SHOTS}every-${name}-${width}.png`, fullPage: true });
      if (overflowPx > 0 || violations.length) failures.push({ width, overflowPx, violations });
    }
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  return failures;
}

async function open(path: string, status: number): Promise<void> {
  const res = await page.goto(`${server.baseUrl}${path}`);
  expect(res?.status(), path).toBe(status);
}

describe('every page, signed out', () => {
  it('the sign-in page', async () => {
    await open('/signin', 200);
    expect(await checkCurrentPage('signin')).toEqual([]);
  }, STEP_TIMEOUT);

  it('the sign-in page after a wrong token (its error state)', async () => {
    await open('/signin', 200);
    await page.getByLabel('Coach token').fill('fp_coach_000000000000_not-a-real-token-at-all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    expect(await checkCurrentPage('signin-error')).toEqual([]);
  }, STEP_TIMEOUT);

  it('the shared shortlist (hand-over link), with a closed vacancy and a long note', async () => {
    await open(`/shared/${shareToken}`, 200);
    expect(await page.locator('article.handover-item').count()).toBe(3);
    expect(await checkCurrentPage('shared')).toEqual([]);
  }, STEP_TIMEOUT);

  it('a shared link that does not work (404)', async () => {
    await open('/shared/not-a-token', 404);
    expect(await checkCurrentPage('shared-404')).toEqual([]);
  }, STEP_TIMEOUT);

  it('the API docs page', async () => {
    await open('/docs', 200);
    expect(await checkCurrentPage('docs')).toEqual([]);
  }, STEP_TIMEOUT);

  it('an address with no page (404)', async () => {
    await open('/no-such-page', 404);
    expect(await checkCurrentPage('404')).toEqual([]);
  }, STEP_TIMEOUT);
});

describe('every page, signed in', () => {
  beforeAll(async () => {
    await signInCoach(page, server.baseUrl, seeded.token);
  }, STEP_TIMEOUT);

  const PAGES: { name: string; path: () => string; status?: number }[] = [
    { name: 'search', path: () => '/' },
    { name: 'search-results', path: () => '/?q=forklift&near=Leeds' },
    { name: 'search-for-participant', path: () => `/?participant=${longId}&q=warehouse` },
    { name: 'search-error', path: () => '/?near=Nowhereville%20on%20Sea', status: 422 },
    { name: 'vacancy', path: () => `/vacancies/${vacancyId}?participant=${longId}` },
    { name: 'caseload', path: () => '/participants' },
    { name: 'caseload-page-2', path: () => '/participants?page=2' },
    { name: 'caseload-filtered', path: () => '/participants?stage=interview&sort=name' },
    { name: 'caseload-sorted-added', path: () => '/participants?sort=added&flag=newly-added' },
    { name: 'caseload-bad-filter', path: () => '/participants?sort=bogus', status: 422 },
    { name: 'participant', path: () => `/participants/${longId}` },
    { name: 'participant-jordan', path: () => `/participants/${seeded.participantId}` },
    { name: 'participant-wider', path: () => `/participants/${longId}?wider=true&q=driver` },
    { name: 'participant-edit', path: () => `/participants/${longId}/edit` },
    { name: 'participant-erase', path: () => `/participants/${longId}/erase` },
    { name: 'shortlist', path: () => `/participants/${longId}/shortlist` },
    { name: 'sectors', path: () => '/sectors' },
    { name: 'outcomes', path: () => '/outcomes' },
    { name: 'participant-404', path: () => '/participants/999999', status: 404 },
    { name: 'signed-in-404', path: () => '/no-such-page', status: 404 },
  ];

  for (const p of PAGES) {
    it(p.name, async () => {
      await open(p.path(), p.status ?? 200);
      expect(await checkCurrentPage(p.name)).toEqual([]);
    }, STEP_TIMEOUT);
  }

  it('the new-participant form in its error state', async () => {
    await open('/participants', 200);
    const form = page.locator('form[action="/participants"]');
    await form.getByLabel('Name', { exact: true }).fill('Sam Sample');
    await form.getByLabel('Furthest they will travel (km)').fill('twenty');
    await form.getByLabel('Job 1: title').fill('Care assistant');
    await form.getByRole('button', { name: 'Add participant' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThan(0);
    expect(await checkCurrentPage('caseload-form-error')).toEqual([]);
  }, STEP_TIMEOUT);

  it('the edit form in its error state', async () => {
    await open(`/participants/${longId}/edit`, 200);
    await page.getByLabel('Furthest they will travel (km)').fill('far');
    await page.getByRole('button', { name: /Save/ }).first().click();
    await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThan(0);
    expect(await checkCurrentPage('participant-edit-error')).toEqual([]);
  }, STEP_TIMEOUT);

  it('the shortlist with a stage form in its error state', async () => {
    await open(`/participants/${longId}/shortlist`, 200);
    const second = page.locator('article.handover-item').nth(1);
    await second.getByText('Change stage or note').click();
    await second.getByLabel('Stage').selectOption('declined');
    await second.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThan(0);
    expect(await checkCurrentPage('shortlist-error')).toEqual([]);
  }, STEP_TIMEOUT);

  it('the shortlist as printed (print media)', async () => {
    await open(`/participants/${longId}/shortlist`, 200);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await checkCurrentPage('shortlist-print')).toEqual([]);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  }, STEP_TIMEOUT);
});
