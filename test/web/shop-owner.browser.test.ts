import { readFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { browserMode, browserSession, openForm, submitAndWait } from './browser-harness';

/**
 * The form as a shop owner who knows no HS codes uses it, in Spanish, on a
 * 1280 px desktop and a 390 px phone: picking products by name, drinks that
 * pay duty per litre, amounts typed with a comma, the results and the notes
 * read on both screens, and axe-core finding no accessibility violation.
 */
jest.setTimeout(90_000);

const describeInBrowser = browserMode() === 'run' ? describe : describe.skip;
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface QuoteBody {
  currency?: string;
  parcels?: unknown[];
  items: { description: string; hsCode: string; unitPrice: { amount: string }; unitVolume?: { value: number; unit: string }; alcoholByVolume?: number }[];
}
interface Answer {
  currency: string;
  notes: { severity: 'info' | 'warning' }[];
}

/** The axe-core rules the page breaks, as "rule: selectors" (empty when none). */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate('axe.run(document).then((r) => r.violations.map((v) => v.id + ": " + v.nodes.map((n) => n.target.join(" ")).join(", ")))');
}

/** Type a product name in item 1's HS field and wait for the suggestions. */
async function typeProduct(page: Page, name: string): Promise<void> {
  const input = page.locator('#items-0-hsCode');
  await input.fill('');
  const answered = page.waitForResponse((r) => r.url().includes('/hs/search'));
  await input.pressSequentially(name, { delay: 5 });
  await answered;
  await page.locator('#items-0-hsCode-listbox:not([hidden])').waitFor();
}

/** Submit and return the request body and the answer. */
async function quote(page: Page): Promise<{ body: QuoteBody; answer: Answer }> {
  const sent = page.waitForRequest((r: Request) => r.url().endsWith('/quote') && r.method() === 'POST');
  const answered = page.waitForResponse((r) => r.url().endsWith('/quote'));
  await submitAndWait(page);
  return { body: (await sent).postDataJSON() as QuoteBody, answer: (await (await answered).json()) as Answer };
}

/** Count the POST /quote requests the page makes from now on. */
function countQuotes(page: Page): () => number {
  let n = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/quote') && r.method() === 'POST') n += 1;
  });
  return () => n;
}

describeInBrowser('the form for a shop owner who knows no HS codes', () => {
  const web = browserSession();
  const inPage = web.inPage;

  describe.each([1280, 390])('on a screen %i px wide', (width) => {
    it('when a product is picked from the example, then its name replaces the example description, no example parcel is sent and the answer currency follows the destination', async () => {
      await inPage(`example-leak-${width}`, { width }, async (page) => {
        await openForm(page, web.url);
        expect(await page.locator('#example-note').isVisible()).toBe(true);
        expect(await page.locator('#parcel-rows > fieldset').count()).toBe(0);
        expect(await page.locator('#currency option:checked').innerText()).toBe('La del destino (USD)');

        await typeProduct(page, 'taza de cerámica');
        await page.keyboard.press('Enter');
        expect(await page.locator('#items-0-hsCode').inputValue()).toBe('6912.00');
        expect(await page.locator('#items-0-description').inputValue()).toBe('Taza de cerámica');
        expect(await page.locator('#example-note').isHidden()).toBe(true);

        await page.locator('#destination-country').selectOption('CA');
        expect(await page.locator('#currency option:checked').innerText()).toBe('La del destino (CAD)');
        await page.getByLabel('Estado o provincia', { exact: true }).selectOption('ON');
        const { body, answer } = await quote(page);
        expect(body.currency).toBeUndefined();
        expect(body.parcels).toBeUndefined();
        expect(body.items[0]).toMatchObject({ description: 'Taza de cerámica', hsCode: '6912.00' });
        expect(answer.currency).toBe('CAD');
      });
    });

    it('when Enter is pressed in the HS field, then it takes the highlighted or the only suggestion and never submits the text', async () => {
      await inPage(`enter-key-${width}`, { width }, async (page) => {
        await openForm(page, web.url);
        const quotes = countQuotes(page);
        const input = page.locator('#items-0-hsCode');

        // Several suggestions, none highlighted: Enter highlights the first; Enter again takes it.
        await typeProduct(page, 'tazas');
        expect(await page.locator('#items-0-hsCode-listbox [role="option"]').count()).toBeGreaterThan(1);
        await page.keyboard.press('Enter');
        expect(await input.getAttribute('aria-activedescendant')).toBe('items-0-hsCode-listbox-0');
        expect(await input.inputValue()).toBe('tazas');
        await page.keyboard.press('Enter');
        expect(await input.inputValue()).toBe('6912.00');

        // One suggestion: Enter takes it at once.
        await typeProduct(page, 'huaraches de piel');
        expect(await page.locator('#items-0-hsCode-listbox [role="option"]').count()).toBe(1);
        await page.keyboard.press('Enter');
        expect(await input.inputValue()).toBe('6403.20');
        expect(await page.locator('#items-0-description').inputValue()).toBe('Huaraches de piel');
        expect(quotes()).toBe(0);
      });
    });

    it('when a drink that pays duty per litre is picked, then the volume and strength fields appear, the API asks for the volume by its field, and with it the quote comes', async () => {
      await inPage(`per-litre-${width}`, { width }, async (page) => {
        await openForm(page, web.url);
        const volume = page.locator('#items-0-unitVolume-value');
        const strength = page.locator('#items-0-alcoholByVolume');
        expect(await volume.isHidden()).toBe(true);

        await typeProduct(page, 'mezcal');
        expect(await page.locator('#items-0-hsCode-listbox [role="option"]').first().innerText()).toMatch(/^2208\.90\s+Mezcal/);
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        expect(await page.locator('#items-0-hsCode').inputValue()).toBe('2208.90');
        expect(await volume.isVisible()).toBe(true);
        expect(await strength.isVisible()).toBe(true);
        expect(await page.getByLabel('Contenido de cada unidad').getAttribute('id')).toBe('items-0-unitVolume-value');

        // US duty on 2208.90 is per litre (tariffs/US.json): without the volume the API says which field it needs.
        await submitAndWait(page);
        const message = page.locator('#items-0-unitVolume-value-error');
        await message.waitFor();
        expect(await message.innerText()).toMatch(/se cobra por litro/);

        await volume.fill('750');
        await strength.fill('40');
        const { body } = await quote(page);
        expect(body.items[0]).toMatchObject({ hsCode: '2208.90', unitVolume: { value: 750, unit: 'ml' }, alcoholByVolume: 40 });
        expect(await page.locator('#results-body > tr.option').count()).toBeGreaterThanOrEqual(1);

        // Another product: the fields go, and nothing of them is sent.
        await page.locator('#items-0-hsCode').fill('6109.10');
        expect(await volume.isHidden()).toBe(true);
        const again = await quote(page);
        expect(again.body.items[0]!.unitVolume).toBeUndefined();
        expect(again.body.items[0]!.alcoholByVolume).toBeUndefined();
      });
    });

    it('when amounts are typed with a decimal comma or thousands marks, then the field shows them in the page locale and the request carries a decimal string', async () => {
      await inPage(`amounts-${width}`, { width }, async (page) => {
        await openForm(page, web.url);
        const price = page.locator('#items-0-unitPrice-amount');
        await price.fill('350,5');
        await price.blur();
        expect(await price.inputValue()).toBe('350.50');
        await price.fill('1.234,50');
        await price.blur();
        expect(await price.inputValue()).toBe('1,234.50');
        const { body } = await quote(page);
        expect(body.items[0]!.unitPrice.amount).toBe('1234.50');

        // An empty price is "required", said by the form next to the field; nothing is sent.
        const quotes = countQuotes(page);
        await price.fill('');
        await page.getByRole('button', { name: 'Cotizar' }).click();
        await page.locator('#items-0-unitPrice-amount-error').waitFor();
        expect(await page.locator('#items-0-unitPrice-amount-error').innerText()).toContain('Obligatorio: escriba el precio unitario');
        expect(quotes()).toBe(0);
      });
    });

    it('when the quote comes, then every column reads in full: a table that fits at 1280 px, one card per option at 390 px', async () => {
      await inPage(`layout-${width}`, { width }, async (page) => {
        await openForm(page, web.url);
        await submitAndWait(page);
        await page.locator('#results-body > tr.option').first().waitFor();
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
        const first = page.locator('#results-body > tr.option').first();
        const cells = await first.locator('td').evaluateAll((tds) => tds.map((td) => {
          const box = td.getBoundingClientRect();
          return { label: td.getAttribute('data-label'), right: box.right, width: box.width, shown: td.ownerDocument.defaultView!.getComputedStyle(td, '::before').content };
        }));
        const headers = await page.locator('#results-head th').allInnerTexts();
        // Every column of the option is on screen, named as its header.
        expect(cells.map((c) => c.label)).toEqual(headers.slice(1));
        for (const c of cells) expect([c.label, c.width > 0, c.right <= width]).toEqual([c.label, true, true]);
        if (width >= 1280) {
          const fit = await page.evaluate(`(() => { const w = document.querySelector('.table-wrap'); return document.getElementById('results-table').scrollWidth <= w.clientWidth; })()`);
          expect(fit).toBe(true);
        } else {
          // Stacked: each cell shows its column's name before the value.
          expect(cells.map((c) => c.shown)).toEqual(headers.slice(1).map((h) => JSON.stringify(h)));
        }
      });
    });

    it('when the quote comes with many notes, then the warnings are shown first and the other notes are folded by topic', async () => {
      await inPage(`notes-${width}`, { width }, async (page) => {
        await openForm(page, web.url);
        const { answer } = await quote(page);
        const warnings = answer.notes.filter((n) => n.severity === 'warning').length;
        const others = answer.notes.length - warnings;
        expect(warnings).toBeGreaterThan(0);
        expect(others).toBeGreaterThan(0);

        const shown = page.locator('#notes > ul.warnings > li');
        expect(await shown.count()).toBe(warnings);
        expect(await shown.first().isVisible()).toBe(true);
        expect(await shown.first().locator('.topic').innerText()).not.toBe('');
        const folded = page.locator('#notes > details.more-notes');
        expect(await folded.getAttribute('open')).toBeNull();
        expect(await folded.locator('summary').innerText()).toMatch(new RegExp(`^Más notas \\(${others}\\): `));
        expect(await folded.locator('li').count()).toBe(others);
        expect(await folded.locator('li').first().isVisible()).toBe(false);
        // The warnings come before the folded notes.
        expect(await page.locator('#notes > *').first().innerText()).toMatch(/^Avisos importantes/);

        await folded.locator('summary').click();
        expect(await folded.locator('li').first().isVisible()).toBe(true);
        expect(await folded.locator('h4').count()).toBeGreaterThanOrEqual(2);
      });
    });

    it('when the form, the suggestions, the results and an error are on screen, then axe-core finds no violation', async () => {
      await inPage(`axe-${width}`, { width }, async (page) => {
        await openForm(page, web.url);
        expect(await axeViolations(page)).toEqual([]);
        await typeProduct(page, 'tazas');
        expect(await axeViolations(page)).toEqual([]);
        await page.keyboard.press('Escape');
        await page.locator('#items-0-hsCode').fill('6912.00');
        await submitAndWait(page);
        await page.locator('#results-body > tr.option').first().getByRole('button').click();
        await page.locator('#notes > details.more-notes > summary').click();
        expect(await axeViolations(page)).toEqual([]);
        await page.locator('#items-0-unitPrice-amount').fill('');
        await page.getByRole('button', { name: 'Cotizar' }).click();
        await page.locator('#error-summary').waitFor();
        expect(await axeViolations(page)).toEqual([]);
      });
    });
  });

  it('when a country is wrong, then the summary says whether it is the origin or the destination', async () => {
    await inPage('country-wording', {}, async (page) => {
      const params = new URLSearchParams({
        lang: 'es', 'origin.country': 'ZZ', 'destination.country': 'US', 'items.0.description': 'Taza', 'items.0.hsCode': '6912.00',
        'items.0.quantity': '1', 'items.0.unitPrice.amount': '100', 'items.0.unitPrice.currency': 'MXN',
      });
      const answered = page.waitForResponse((r) => r.url().endsWith('/quote'));
      await openForm(page, `${web.url}/?${params}`);
      await answered;
      await page.locator('#origin-country-error').waitFor();
      expect(await page.locator('#origin-country-error').innerText()).toContain('Elija de la lista el país de origen.');
      expect(await page.locator('#error-list a').first().innerText()).toMatch(/^Origen · País: Elija de la lista el país de origen\./);
    });
  });
});
