import { readFileSync } from 'node:fs';
import Decimal from 'decimal.js';
import type { Page } from 'playwright-core';
import { parseCsvRecords } from '../../src/schema/csv';
import { browserMode, browserSession, openForm } from './browser-harness';

/**
 * "¿Dónde vender? / Where to sell" in headless Chromium against the real app
 * and the bundled data, at a 1280 px desktop and a 390 px phone: the form's
 * example cart (a T-shirt from MX) ranked across every destination. Prices
 * follow the bundled tables, so the tests assert structure and order against
 * the API's own answer, never amounts typed in.
 */
jest.setTimeout(120_000);

const describeInBrowser = browserMode() === 'run' ? describe : describe.skip;
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Compared {
  currency: string;
  destinations: { country: string; continent?: string; cheapest: { landedCost: string } }[];
  refused: { country: string }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate('axe.run(document).then((r) => r.violations.map((v) => v.id + ": " + v.nodes.map((n) => n.target.join(" ")).join(", ")))');
}

/** Press "¿Dónde vender?" / "Where to sell" and return the API's answer once the view has drawn it. */
async function compare(page: Page, name: RegExp): Promise<Compared> {
  const answered = page.waitForResponse((r) => r.url().endsWith('/compare') && r.request().method() === 'POST', { timeout: 90_000 });
  await page.getByRole('button', { name }).click();
  const answer = (await (await answered).json()) as Compared;
  await page.locator('#where-to-sell:not([hidden]) .wts-row').first().waitFor();
  return answer;
}

describeInBrowser('"¿Dónde vender?" in Chromium', () => {
  // The first comparison of a process builds every destination's holiday calendar and tariff index (seconds): done here, not inside a test's timeout.
  const web = browserSession({
    timeoutMs: 240_000,
    warm: async (url) => {
      const warm = await fetch(`${url}/compare`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ origin: { country: 'MX' }, items: [{ hsCode: '6109.10', quantity: 1, unitPrice: { amount: '100', currency: 'MXN' }, unitWeight: { value: 0.2, unit: 'kg' } }] }) });
      expect(warm.status).toBe(200);
    },
  });
  const inPage = web.inPage;

  describe.each([1280, 390])('on a screen %i px wide', (width) => {
    it('when the example cart is compared, then at least 60 destinations are drawn cheapest first, each with an SVG bar, its split named, and delivery days beside it; nothing overflows; axe finds no violation', async () => {
      await inPage(`wts-ranking-${width}`, { width }, async (page, consoleErrors) => {
        await openForm(page, web.url);
        const answer = await compare(page, /^¿Dónde vender\?$/);
        const rows = page.locator('#wts-list > li.wts-row');
        expect(await rows.count()).toBe(answer.destinations.length);
        expect(answer.destinations.length).toBeGreaterThanOrEqual(60);
        const shown = await rows.evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-country'), li.getAttribute('data-landed-cost')]));
        expect(shown).toEqual(answer.destinations.map((d) => [d.country, d.cheapest.landedCost]));
        const costs = shown.map(([, c]) => new Decimal(c!));
        for (let i = 1; i < costs.length; i++) expect(costs[i - 1]!.lte(costs[i]!)).toBe(true);

        const first = rows.first();
        const bar = first.locator('svg.wts-bar');
        expect(await bar.getAttribute('role')).toBe('img');
        expect(await bar.getAttribute('aria-label')).toMatch(/^Mercancía .+, envío .+, seguro .+, aranceles .+, impuestos .+, cargos .+$/);
        expect(await first.locator('svg.wts-bar rect').count()).toBeGreaterThanOrEqual(2);
        expect(await first.locator('.wts-delivery').innerText()).toMatch(/^\d+–\d+ días hábiles · /);
        expect(await page.locator('#wts-legend li').allInnerTexts()).toEqual(['Mercancía', 'Envío (y seguro)', 'Aranceles', 'Impuestos y cargos']);
        expect(await page.locator('#wts-refused-summary').innerText()).toBe(`${answer.refused.length} destinos sin cotización, y por qué`);
        expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('wts-heading');

        // Desktop: the delivery days sit beside the bar; phone: under it, and the bar spans the row.
        const barBox = (await bar.boundingBox())!;
        const dayBox = (await first.locator('.wts-delivery').boundingBox())!;
        if (width === 1280) expect(dayBox.x).toBeGreaterThanOrEqual(barBox.x + barBox.width);
        else expect([dayBox.y >= barBox.y + barBox.height, barBox.width > 300]).toEqual([true, true]);
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
        expect(await axeViolations(page)).toEqual([]);
        expect(consoleErrors).toEqual([]);
      });
    });

    it('when a region is chosen, then only its destinations stay, still in order, and the summary counts them', async () => {
      await inPage(`wts-region-${width}`, { width }, async (page) => {
        await openForm(page, web.url);
        const answer = await compare(page, /^¿Dónde vender\?$/);
        await page.getByLabel('Región').selectOption('EU');
        const europe = answer.destinations.filter((d) => d.continent === 'EU').map((d) => d.country);
        expect(europe.length).toBeGreaterThan(10);
        expect(await page.locator('#wts-list > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-country')))).toEqual(europe);
        expect(await page.locator('#wts-summary').innerText()).toMatch(new RegExp(`^${europe.length} de ${answer.destinations.length} destinos`));
      });
    });

    it('when the price list is downloaded, then the CSV has a header and one row per destination; with "each country\'s currency" the file is the local-currency list', async () => {
      await inPage(`wts-csv-${width}`, { width }, async (page) => {
        await openForm(page, web.url);
        const answer = await compare(page, /^¿Dónde vender\?$/);
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Descargar lista de precios (CSV)' }).click();
        const file = await download;
        expect(file.suggestedFilename()).toMatch(new RegExp(`^frontera-where-to-sell-MX-\\d{4}-\\d{2}-\\d{2}-${answer.currency}\\.csv$`));
        const records = parseCsvRecords(readFileSync((await file.path())!, 'utf8'));
        expect(records.map((r) => r['country'])).toEqual(answer.destinations.map((d) => d.country));

        await page.getByLabel('Lista de precios en la moneda de cada país').check();
        const local = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Descargar lista de precios (CSV)' }).click();
        const localFile = await local;
        expect(localFile.suggestedFilename()).toMatch(/-local\.csv$/);
        const localRecords = parseCsvRecords(readFileSync((await localFile.path())!, 'utf8'));
        expect(localRecords.length).toBeGreaterThanOrEqual(60);
        expect(new Set(localRecords.map((r) => r['currency'])).size).toBeGreaterThan(5);
      });
    });
  });

  it('when the language is switched to English, then the view is asked again and reads in English', async () => {
    await inPage('wts-english', { locale: 'es-MX' }, async (page) => {
      await openForm(page, web.url);
      await compare(page, /^¿Dónde vender\?$/);
      const again = page.waitForResponse((r) => r.url().endsWith('/compare'));
      await page.getByLabel('Idioma').selectOption('en');
      await again;
      await page.locator('#wts-heading', { hasText: 'Where to sell' }).waitFor();
      expect(await page.locator('#wts-legend li').allInnerTexts()).toEqual(['Goods', 'Shipping (and insurance)', 'Duties', 'Taxes and fees']);
      await page.locator('#wts-list .wts-delivery', { hasText: 'business days' }).first().waitFor();
    });
  });
});
