import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInCoach, serveOnLoopback, type Browser, type Served } from '../helpers/browser.ts';
import { contrastRatio, flatten, parseCssColour } from '../helpers/contrast.ts';
import { seedApp, type Seeded } from './seed.ts';
import { seedLongParticipant } from './seed-long.ts';

/**
 * The focus ring has at least 3:1 contrast against every background it
 * appears on (WCAG 2.2 1.4.11, non-text contrast), on every page: each
 * focusable control of the page (links, buttons, inputs, selects,
 * textareas, summaries; the folded <details> opened so their forms count
 * too) is focused in a real Chromium, the computed outline is read, and
 * what is painted behind the ring is found with elementsFromPoint at the
 * middle of the ring's band on each side of the control, with every
 * translucent layer composited. The halo between control and ring must
 * also differ from the ring by 3:1, so the ring stands apart from the
 * control itself.
 */

const STEP_TIMEOUT = 120_000;
const MIN_CONTRAST = 3;

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
  browser = await launchChromium();
  page = await browser.context.newPage();
}, STEP_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface RingReading {
  what: string;
  focusVisible: boolean;
  outlineStyle: string;
  outlineWidth: number;
  outlineColor: string;
  boxShadow: string;
  /** Background colours behind the ring at each sampled point, topmost first. */
  behind: string[][];
}

/**
 * Runs in the page (a string: the project compiles without the DOM
 * library). Focuses every visible focusable element in turn and reads its
 * ring and what is behind the ring. A Tab press first puts Chromium in
 * keyboard mode, so focus() shows the ring as a keyboard user sees it.
 */
const READ_RINGS = `(() => {
  for (const d of document.querySelectorAll('details')) d.open = true;
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const out = [];
  for (const el of document.querySelectorAll(sel)) {
    if (el.disabled) continue;
    const before = el.getBoundingClientRect();
    if (before.width === 0 || before.height === 0) continue;
    el.scrollIntoView({ block: 'center', inline: 'center' });
    el.focus();
    if (document.activeElement !== el) continue;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const w = parseFloat(s.outlineWidth) || 0;
    const d = (parseFloat(s.outlineOffset) || 0) + w / 2;
    const points = [[r.left + r.width / 2, r.top - d], [r.left + r.width / 2, r.bottom + d], [r.left - d, r.top + r.height / 2], [r.right + d, r.top + r.height / 2]]
      .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
    const behind = points.map(([x, y]) => document.elementsFromPoint(x, y)
      .filter((e) => e !== el && !el.contains(e))
      .map((e) => getComputedStyle(e).backgroundColor));
    const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    out.push({
      what: el.tagName.toLowerCase() + (el.type ? '[' + el.type + ']' : '') + (el.id ? '#' + el.id : '') + ' "' + text + '"',
      focusVisible: el.matches(':focus-visible'),
      outlineStyle: s.outlineStyle, outlineWidth: w, outlineColor: s.outlineColor, boxShadow: s.boxShadow,
      behind,
    });
  }
  return out;
})()`;

/** The first colour of a computed box-shadow ("rgb(…) 0px 0px 0px 2px"), or null when there is none. */
function haloColour(boxShadow: string): string | null {
  return /^(rgba?\([^)]*\))/.exec(boxShadow)?.[1] ?? null;
}

/** Every way the page's focus rings fall short, in words (empty when all pass); `count` is how many controls were checked. */
async function ringProblems(): Promise<{ count: number; kinds: Set<string>; problems: string[] }> {
  await page.keyboard.press('Tab');
  const readings = (await page.evaluate(READ_RINGS)) as RingReading[];
  const problems: string[] = [];
  const kinds = new Set<string>();
  for (const r of readings) {
    kinds.add(r.what.replace(/[#"].*$/, '').trim());
    if (!r.focusVisible) problems.push(`${r.what}: focus() did not show :focus-visible`);
    if (r.outlineStyle === 'none' || r.outlineWidth < 2) {
      problems.push(`${r.what}: no ring of at least 2px (${r.outlineStyle} ${r.outlineWidth}px)`);
      continue;
    }
    const ring = parseCssColour(r.outlineColor);
    const halo = haloColour(r.boxShadow);
    if (!halo) problems.push(`${r.what}: no halo between control and ring`);
    else if (contrastRatio(ring, parseCssColour(halo)) < MIN_CONTRAST) problems.push(`${r.what}: ring ${r.outlineColor} on halo ${halo} is ${contrastRatio(ring, parseCssColour(halo)).toFixed(2)}:1`);
    if (!r.behind.length) problems.push(`${r.what}: no point of the ring in view to sample`);
    for (const stack of r.behind) {
      const bg = flatten(stack.map(parseCssColour));
      const ratio = contrastRatio(ring, bg);
      if (ratio < MIN_CONTRAST) problems.push(`${r.what}: ring ${r.outlineColor} on rgb(${bg.r}, ${bg.g}, ${bg.b}) is ${ratio.toFixed(2)}:1`);
    }
  }
  return { count: readings.length, kinds, problems };
}

async function open(path: string, status = 200): Promise<void> {
  const res = await page.goto(`${server.baseUrl}${path}`);
  expect(res?.status(), path).toBe(status);
}

describe('focus ring contrast in Chromium', () => {
  it('the check does catch a weak ring (so the passes below mean something)', async () => {
    await page.goto('about:blank');
    await page.setContent(
      '<html lang="en"><body style="background:#fff"><a href="#x" style="outline:3px solid #f5a623;outline-offset:2px">amber on white</a>' +
        '<p style="background:#10253f;padding:1rem"><a href="#y" style="outline:3px solid #1b1f24;outline-offset:2px;box-shadow:0 0 0 2px #1b1f24">dark on navy</a></p></body></html>',
    );
    const { count, problems } = await ringProblems();
    expect(count).toBe(2);
    expect(problems.some((p) => /"amber on white": ring rgb\(245, 166, 35\) on rgb\(255, 255, 255\) is 2\.\d\d:1/.test(p))).toBe(true);
    expect(problems.some((p) => /"dark on navy": ring .* on rgb\(16, 37, 63\) is 1\.\d\d:1/.test(p))).toBe(true);
    expect(problems.some((p) => /"amber on white": no halo/.test(p))).toBe(true);
    expect(problems.some((p) => /"dark on navy": ring .* on halo .* is 1\.00:1/.test(p))).toBe(true);
  }, STEP_TIMEOUT);

  it('signed out: sign-in page, shared shortlist, 404, API docs', async () => {
    for (const [path, status] of [['/signin', 200], [`/shared/${shareToken}`, 200], ['/no-such-page', 404], ['/docs', 200]] as const) {
      await open(path, status);
      const { count, problems } = await ringProblems();
      expect(count, path).toBeGreaterThan(0);
      expect(problems, path).toEqual([]);
    }
  }, STEP_TIMEOUT);

  it('signed in: every coach page, every kind of control (links, buttons, inputs, selects, checkboxes, textareas, summaries)', async () => {
    await signInCoach(page, server.baseUrl, seeded.token);
    const all = new Set<string>();
    const paths = [
      '/?q=forklift&near=Leeds',
      `/?participant=${longId}&q=warehouse`,
      `/vacancies/${vacancyId}?participant=${longId}`,
      '/participants',
      '/participants?stage=interview&sort=name',
      `/participants/${longId}`,
      `/participants/${longId}/edit`,
      `/participants/${longId}/erase`,
      `/participants/${longId}/shortlist`,
      '/sectors',
      '/outcomes',
    ];
    for (const path of paths) {
      await open(path);
      const { count, kinds, problems } = await ringProblems();
      for (const k of kinds) all.add(k);
      expect(count, path).toBeGreaterThan(0);
      expect(problems, path).toEqual([]);
    }
    // The sweep really met each kind of control the brief names.
    for (const kind of ['a', 'button[submit]', 'input[text]', 'input[number]', 'input[search]', 'input[checkbox]', 'select[select-one]', 'textarea[textarea]', 'summary']) {
      expect([...all], kind).toContain(kind);
    }
  }, STEP_TIMEOUT);
});
