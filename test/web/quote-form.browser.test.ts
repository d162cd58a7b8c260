import { createHash } from 'node:crypto';
import Decimal from 'decimal.js';
import { browserMode, browserSession, openForm, startApp, submitAndWait } from './browser-harness';

/**
 * The bundled form in headless Chromium, against the real app and the
 * bundled data. Prices change as the carrier and tariff tables change, so
 * these tests assert structure (rows, order, labels, where messages go),
 * never amounts.
 */
jest.setTimeout(60_000);

const describeInBrowser = browserMode() === 'run' ? describe : describe.skip;

describeInBrowser('the quote form in Chromium', () => {
  const web = browserSession();
  const inPage = web.inPage;

  it('when the starting example is submitted, then the results table has a header row and one row per option, sorted by total', async () => {
    await inPage('example-quote', {}, async (page, consoleErrors) => {
      await openForm(page, web.url);
      await submitAndWait(page);

      const table = page.locator('#results-table');
      await table.waitFor();
      const headers = await page.locator('#results-head th').allInnerTexts();
      expect(headers).toEqual(expect.arrayContaining(['Transportista y servicio', 'Envío', 'Aranceles', 'Impuestos', 'Cargos', 'Total', 'Se paga al comprar', 'Se paga al recibir', 'Entrega']));
      const rows = page.locator('#results-body > tr.option');
      expect(await rows.count()).toBeGreaterThanOrEqual(1);
      const totals = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-landed-cost') ?? ''));
      const sorted = [...totals].sort((a, b) => new Decimal(a).cmp(new Decimal(b)));
      expect(totals).toEqual(sorted);
      // Every option row has one cell per column header.
      expect(await rows.first().locator('th, td').count()).toBe(headers.length);

      // The first option expands, by keyboard, to its lines with rate, base, rule and working.
      const toggle = rows.first().getByRole('button');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const details = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
      expect(await details.isVisible()).toBe(true);
      expect(await details.locator('thead th').allInnerTexts()).toEqual(['Concepto', 'Tasa', 'Base', 'Importe', 'Regla', 'Cálculo']);
      expect(await details.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
      expect(await details.locator('tbody').innerText()).toMatch(/Arancel · artículo 1 · HS 610910/);

      expect(await page.locator('#notes li').count()).toBeGreaterThan(0);
      expect(await page.locator('#data-dates dt').allInnerTexts()).toEqual(expect.arrayContaining(['Aranceles revisados', 'Tipos de cambio']));
      // The link to the quote carries the form's state.
      expect(new URL(page.url()).searchParams.get('items.0.hsCode')).toBe('6109.10');
      expect(consoleErrors).toEqual([]);
    });
  });

  it('when the language is switched to English, then the labels, the lists and the results change language', async () => {
    await inPage('switch-language', { locale: 'es-MX' }, async (page) => {
      await openForm(page, web.url);
      expect(await page.getAttribute('html', 'lang')).toBe('es');
      expect(await page.locator('label[for="origin-country"]').innerText()).toBe('País');
      expect(await page.locator('#submit').innerText()).toBe('Cotizar');
      expect(await page.locator('#origin-country option:checked').innerText()).toBe('México');
      await submitAndWait(page);

      const requoted = page.waitForResponse((r) => r.url().endsWith('/quote'));
      await page.getByLabel('Idioma').selectOption('en');
      await requoted;
      await page.locator('#results-head th', { hasText: 'Carrier and service' }).waitFor();

      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.locator('label[for="origin-country"]').innerText()).toBe('Country');
      expect(await page.locator('label[for="items-0-hsCode"]').innerText()).toBe('HS code');
      expect(await page.locator('#submit').innerText()).toBe('Get quote');
      expect(await page.locator('#origin-country option:checked').innerText()).toBe('Mexico');
      expect(await page.title()).toBe('Frontera: landed-cost quote');
      expect(await page.getByLabel('Language').inputValue()).toBe('en');
      expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    });
  });

  it('when the browser asks for English, then the page starts in English', async () => {
    await inPage('english-first', { locale: 'en-US' }, async (page) => {
      await openForm(page, web.url);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.locator('#submit').innerText()).toBe('Get quote');
      expect(await page.locator('#items-0-description').inputValue()).toBe('Cotton T-shirt');
    });
  });

  it('when an item is added, then a second row appears with its own labelled fields, and removing it leaves one', async () => {
    await inPage('add-item', {}, async (page) => {
      await openForm(page, web.url);
      expect(await page.locator('#item-rows > fieldset').count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Quitar artículo 1' }).isDisabled()).toBe(true);

      await page.getByRole('button', { name: 'Agregar artículo' }).click();
      expect(await page.locator('#item-rows > fieldset').count()).toBe(2);
      expect(await page.locator('#item-rows > fieldset').nth(1).locator('legend').first().innerText()).toBe('Artículo 2');
      const hs = page.getByLabel('Código SA (arancelario)').nth(1);
      expect(await hs.getAttribute('id')).toBe('items-1-hsCode');
      expect(await hs.getAttribute('name')).toBe('items.1.hsCode');
      expect(await page.locator('#items-1-description').evaluate((el) => el.ownerDocument.activeElement === el)).toBe(true);
      expect(await page.locator('#items-1-originCountry').inputValue()).toBe('MX');
      expect(await page.getByRole('button', { name: 'Quitar artículo 1' }).isDisabled()).toBe(false);

      await page.getByRole('button', { name: 'Quitar artículo 2' }).click();
      expect(await page.locator('#item-rows > fieldset').count()).toBe(1);
    });
  });

  it('when the HS code field holds text that is no code and names no single product, then the form says so next to the field and sends nothing', async () => {
    await inPage('bad-hs-code', {}, async (page) => {
      await openForm(page, web.url);
      let posted = 0;
      page.on('request', (r) => {
        if (r.url().endsWith('/quote')) posted += 1;
      });
      const input = page.locator('#items-0-hsCode');
      await input.fill('12AB');
      await page.getByRole('button', { name: 'Cotizar' }).click();

      const message = page.locator('#items-0-hsCode-error');
      await message.waitFor();
      expect(await message.innerText()).toContain('«12AB» no es un código SA: elija una de las sugerencias');
      expect(posted).toBe(0);
      // Next to the field: in the same field wrapper, tied to the input for screen readers.
      expect(await message.evaluate((el) => el.parentElement?.querySelector('#items-0-hsCode') !== null)).toBe(true);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect((await input.getAttribute('aria-describedby'))?.split(' ')).toContain('items-0-hsCode-error');
      expect(await page.locator('#error-summary').isVisible()).toBe(true);
      expect(await page.locator('#error-list a').first().getAttribute('href')).toBe('#items-0-hsCode');
      expect(await page.locator('#error-list a').first().innerText()).toMatch(/^Artículo 1 · Código SA \(arancelario\): «12AB»/);
      expect(await page.locator('#results').isHidden()).toBe(true);

      // Fixing the code and sending again clears the message.
      await input.fill('6109.10');
      await submitAndWait(page);
      expect(await page.locator('#items-0-hsCode-error').count()).toBe(0);
      expect(await input.getAttribute('aria-invalid')).toBeNull();
    });
  });

  it('when the destination is Canada without a province, then the province list appears and the API error is shown by it', async () => {
    await inPage('canada-province', {}, async (page) => {
      await openForm(page, web.url);
      await page.locator('#destination-country').selectOption('CA');
      const province = page.getByLabel('Estado o provincia', { exact: true });
      expect(await province.isVisible()).toBe(true);
      expect(await province.locator('option[value="ON"]').innerText()).toBe('Ontario (ON)');
      await page.locator('#currency').selectOption('');
      await submitAndWait(page);
      const message = page.locator('#destination-region-select-error');
      await message.waitFor();
      expect(await message.innerText()).toMatch(/región/);

      await province.selectOption('ON');
      await submitAndWait(page);
      expect(await page.locator('#results-table tbody tr.option').count()).toBeGreaterThanOrEqual(1);
    });
  });

  it('when a product name is typed in the HS code field, then suggestions appear and the keyboard picks one', async () => {
    await inPage('hs-suggestions', {}, async (page) => {
      await openForm(page, web.url);
      const input = page.locator('#items-0-hsCode');
      await input.fill('');
      await input.pressSequentially('tequila', { delay: 20 });
      const listbox = page.locator('#items-0-hsCode-listbox');
      await listbox.waitFor();
      expect(await input.getAttribute('aria-expanded')).toBe('true');
      const first = listbox.getByRole('option').first();
      expect(await first.innerText()).toMatch(/^2208\.90\s+Tequila/);

      await page.keyboard.press('ArrowDown');
      expect(await input.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
      await page.keyboard.press('Enter');
      expect(await input.inputValue()).toBe('2208.90');
      expect(await input.getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('#results').isHidden()).toBe(true);

      // In English the whole nomenclature is searched.
      await page.getByLabel('Idioma').selectOption('en');
      await input.fill('');
      await input.pressSequentially('cotton t-shirt', { delay: 10 });
      await listbox.waitFor();
      expect(await listbox.getByRole('option').first().innerText()).toMatch(/^6109\.10\s+Cotton T-shirt/);
      await page.keyboard.press('Escape');
      expect(await listbox.isHidden()).toBe(true);
    });
  });

  it('when the page is opened from a shared link, then the form is restored from it and quoted', async () => {
    await inPage('shared-link', {}, async (page) => {
      const params = new URLSearchParams({
        lang: 'en', 'origin.country': 'MX', 'origin.postalCode': '44100', 'destination.country': 'US', 'destination.postalCode': '10001',
        currency: 'USD', incoterm: 'DAP', 'items.0.description': 'Leather handbag', 'items.0.hsCode': '4202.21', 'items.0.originCountry': 'MX',
        'items.0.quantity': '1', 'items.0.unitPrice.amount': '1200.00', 'items.0.unitPrice.currency': 'MXN', 'items.0.unitWeight.value': '0.8',
        'items.0.unitWeight.unit': 'kg', 'items.0.noPreference': 'true',
      });
      const answered = page.waitForResponse((r) => r.url().endsWith('/quote'));
      await openForm(page, `${web.url}/?${params}`);
      await answered;
      expect(await page.locator('#items-0-hsCode').inputValue()).toBe('4202.21');
      expect(await page.locator('#items-0-noPreference').isChecked()).toBe(true);
      expect(await page.locator('#incoterm-DAP').isChecked()).toBe(true);
      expect(await page.locator('#parcel-rows > fieldset').count()).toBe(0);
      await page.locator('#results-table tbody tr.option').first().waitFor();
      expect(await page.locator('#share-link').inputValue()).toContain('items.0.hsCode=4202.21');
    });
  });

  it('when "Download JSON" is pressed, then the answer is saved as a JSON file', async () => {
    await inPage('download-json', {}, async (page) => {
      await openForm(page, web.url);
      await submitAndWait(page);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Descargar JSON' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^frontera-q_browser_\d+\.json$/);
      const chunks: Buffer[] = [];
      for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
      const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { options: unknown[]; currency: string };
      expect(answer.currency).toBe('USD');
      expect(answer.options.length).toBeGreaterThanOrEqual(1);
    });
  });

  it('when the page is printed, then the form and buttons are hidden and every option shows its lines', async () => {
    await inPage('print-view', {}, async (page) => {
      await openForm(page, web.url);
      await submitAndWait(page);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#quote-form').isHidden()).toBe(true);
      expect(await page.locator('.result-actions').isHidden()).toBe(true);
      const details = page.locator('tr.details');
      const shown = await details.evaluateAll((trs) => trs.filter((tr) => tr.getBoundingClientRect().height > 0).length);
      expect(shown).toBe(await details.count());
    });
  });

  it('when the screen is 390 px wide, then nothing overflows sideways and every control has a label', async () => {
    await inPage('phone-width', { width: 390 }, async (page) => {
      await openForm(page, web.url);
      await submitAndWait(page);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      const unlabelled = await page.evaluate(`[...document.querySelectorAll('input, select')]
        .filter((el) => el.type !== 'hidden' && el.labels.length === 0 && !el.getAttribute('aria-label'))
        .map((el) => el.id || el.name)`);
      expect(unlabelled).toEqual([]);
    });
  });

  it('when the service asks for an API key, then the form shows the key field, and with the key the quote comes', async () => {
    const key = 'form-test-key';
    const locked = await startApp({
      access: { keys: [{ name: 'form', sha256: createHash('sha256').update(key).digest('hex') }], ratePerMinute: 60, corsOrigins: [] },
    });
    try {
      await inPage('api-key', {}, async (page) => {
        await openForm(page, locked.url);
        expect(await page.locator('#api-key-field').isHidden()).toBe(true);
        await submitAndWait(page);
        expect(await page.locator('#error-summary').innerText()).toMatch(/clave/i);
        const field = page.getByLabel('Clave de API');
        expect(await field.isVisible()).toBe(true);
        await field.fill(key);
        await submitAndWait(page);
        expect(await page.locator('#results-body > tr.option').count()).toBeGreaterThanOrEqual(1);
        // The key never goes into the shareable link.
        expect(page.url()).not.toContain(key);
      });
    } finally {
      await locked.close();
    }
  });
});
