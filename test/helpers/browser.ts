import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; CI installs it (.ci/run). Browser tests fail, never skip, without it. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Chromium with a fresh user-data dir (no cookies or cache from anything before), removed on close.
 * `bypassCSP` lets a test inject a script (axe-core) into pages whose policy allows none.
 */
export async function launchChromium(opts: { bypassCSP?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM_PATH} and it is missing. Install it with \`apt-get install -y chromium\` ` +
        '(CI does this in .ci/run). These tests do not skip.',
    );
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'flightpath-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    bypassCSP: opts.bypassCSP ?? false,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface Served {
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves a fetch handler on 127.0.0.1 at an ephemeral port (the real @hono/node-server, as `npm start` does). */
export async function serveOnLoopback(fetch: (req: Request) => Response | Promise<Response>): Promise<Served> {
  let server: ServerType | null = null;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => resolve(info.port));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        const s = server as ServerType | null;
        if (!s) return resolve();
        if ('closeAllConnections' in s && typeof s.closeAllConnections === 'function') s.closeAllConnections();
        s.close((err?: Error) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Signs a coach in through the sign-in form, as a coach does, and waits for the search page. */
export async function signInCoach(page: Page, baseUrl: string, token: string): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel('Coach token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/`);
}
