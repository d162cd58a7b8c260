import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { defaultDataPaths, loadDataSnapshot } from '../../src/data/load-data';
import { countryTimeZone, createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { createApp } from '../../src/http/app';
import type { AppDeps } from '../../src/http/app-deps';
import { warmBundledHsSearch } from '../../src/http/web-routes';
import type { DataSnapshot } from '../../src/quote/quote-deps';

/**
 * Browser tests run the real app (bundled tariffs, carriers and rates) on
 * 127.0.0.1, port 0, and drive Debian's Chromium with playwright-core. No
 * browser is ever downloaded: CI installs `chromium` with apt-get.
 */
export const REPO_ROOT = resolve(__dirname, '..', '..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = join(REPO_ROOT, 'test-artifacts');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Whether the browser tests can run. Under CI=true a missing browser is a
 * failure (the tests run and their setup throws); elsewhere they are
 * skipped with a message saying how to enable them.
 */
export function browserMode(): 'run' | 'skip' {
  if (existsSync(CHROMIUM_PATH) || process.env.CI === 'true') return 'run';
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM_PATH}. Install it (apt-get install chromium) or set CHROMIUM_PATH; under CI=true they fail instead.`);
  return 'skip';
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: the browser tests must run under CI=true. Install it with apt-get install chromium or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface RunningApp {
  url: string;
  close: () => Promise<void>;
}

let bundled: DataSnapshot | undefined;

function bundledData(): DataSnapshot {
  if (!bundled) {
    const { snapshot, problems } = loadDataSnapshot(defaultDataPaths(REPO_ROOT));
    if (problems.length > 0) throw new Error(`bundled data rejected: ${problems.map((p) => `${p.file} ${p.path}`).join('; ')}`);
    bundled = snapshot;
  }
  return bundled;
}

/** The app with the bundled data on 127.0.0.1, port 0; `over` changes a dependency (API keys…). */
export async function startApp(over: Partial<AppDeps> = {}): Promise<RunningApp> {
  const snapshot = bundledData();
  // As the server does at start: the first suggestion does not wait for the index.
  warmBundledHsSearch(pino({ level: 'silent' }));
  let n = 0;
  const app = createApp({
    data: () => snapshot,
    holidays: createHolidayCalendar(),
    timeZoneOf: countryTimeZone,
    clock: () => new Date(),
    newId: () => `q_browser_${++n}`,
    logger: pino({ level: 'silent' }),
    ...over,
  });
  const server: Server = await new Promise((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.closeAllConnections();
        server.close((err) => (err ? fail(err) : ok()));
      }),
  };
}

export interface PageOptions {
  locale?: 'es-MX' | 'en-US';
  width?: number;
}

/** A fresh browser context per test: its own language, viewport, storage and downloads. */
export async function openContext(browser: Browser, options: PageOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    locale: options.locale ?? 'es-MX',
    viewport: { width: options.width ?? 1280, height: 900 },
    acceptDownloads: true,
  });
}

/** Load the form and wait until its script has filled it. */
export async function openForm(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]');
}

/**
 * Run a browser test body; when it fails, save a full-page screenshot to
 * test-artifacts/<name>.png before passing the failure on.
 */
export async function withScreenshotOnFailure(page: Page, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const file = join(ARTIFACTS_DIR, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    throw err;
  }
}

export type PageBody = (page: Page, consoleErrors: string[]) => Promise<void>;

/**
 * One page per language and screen width, reused: every test starts with a
 * fresh navigation, which resets the document, so only the browser context
 * (the slow part to create) is shared. Console errors are collected per
 * test; a failure leaves a screenshot.
 */
export function pagePool(browser: () => Browser): (name: string, options: PageOptions, body: PageBody) => Promise<void> {
  const pages = new Map<string, Page>();
  return async (name, options, body) => {
    const key = `${options.locale ?? 'es-MX'}|${options.width ?? 1280}`;
    let page = pages.get(key);
    if (!page) {
      page = await (await openContext(browser(), options)).newPage();
      pages.set(key, page);
    }
    const consoleErrors: string[] = [];
    const onConsole = (m: ConsoleMessage) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    };
    const onError = (e: Error) => consoleErrors.push(e.message);
    page.on('console', onConsole);
    page.on('pageerror', onError);
    try {
      await withScreenshotOnFailure(page, name, () => body(page, consoleErrors));
    } finally {
      page.off('console', onConsole);
      page.off('pageerror', onError);
      await page.emulateMedia({ media: null });
    }
  };
}

/** Press the form's submit button and wait for the answer to `POST /quote` and for the button to come back. */
export async function submitAndWait(page: Page): Promise<void> {
  const answered = page.waitForResponse((r) => r.url().endsWith('/quote') && r.request().method() === 'POST');
  await page.getByRole('button', { name: /^(Cotizar|Get quote)$/ }).click();
  await answered;
  // The button is disabled while the request runs. (No waitForFunction: the page's CSP forbids the eval it uses.)
  await page.locator('#submit:not([disabled])').waitFor();
}

/** What a browser test file shares: the real app's address and a page pool over one Chromium. */
export interface BrowserSession {
  readonly url: string;
  inPage: ReturnType<typeof pagePool>;
}

/**
 * The app and Chromium for the enclosing describe block: started together before its tests
 * (then `warm`, e.g. a first request that builds caches, inside the same deadline), closed after.
 */
export function browserSession(options: { warm?: (url: string) => Promise<void>; timeoutMs?: number } = {}): BrowserSession {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    await options.warm?.(app.url);
  }, options.timeoutMs ?? 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return {
    get url() {
      return (app as RunningApp).url;
    },
    inPage: pagePool(() => browser as Browser),
  };
}
