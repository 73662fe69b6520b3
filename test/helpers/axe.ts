import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE_PATH = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/** The WCAG 2.2 AA rule set (the quality bar), with the A and earlier AA levels it includes. */
const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core's WCAG 2.2 AA violations on the page as it is now. The pages'
 * CSP allows no scripts, so the browser must be launched with `bypassCSP`.
 * Violations come back as plain data so a failing test prints what and where.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Strings, not functions: the project compiles without the DOM library, and these run in the page.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.addScriptTag({ path: AXE_PATH });
  return (await page.evaluate(`(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_AA_TAGS)} } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  })()`)) as AxeViolation[];
}

/** How far the page scrolls sideways (0 when it fits the viewport's width). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
}

/**
 * The issue 16 bar for the page as it is now: axe finds nothing at the
 * current width and at 320 px, where the page must not scroll sideways
 * either; a full-page screenshot of each at `${shot}.png` and
 * `${shot}-320.png`. The viewport is restored afterwards.
 */
export async function expectAccessibleAtAnyWidth(page: Page, shot: string): Promise<void> {
  const name = shot.split('/').pop();
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  await page.screenshot({ path: `${shot}.png`, fullPage: true });
  const wide = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    expect(await horizontalOverflow(page), `sideways scroll on ${name} at 320 px`).toBe(0);
    expect(await axeViolations(page), `axe on ${name} at 320 px`).toEqual([]);
    await page.screenshot({ path: `${shot}-320.png`, fullPage: true });
  } finally {
    await page.setViewportSize(wide);
  }
}
