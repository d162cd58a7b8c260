import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { browserMode, browserSession, openForm } from './browser-harness';

/**
 * The form shows how sure each option is (issue 11.3: `options[].confidence.level`
 * as a badge with a few words, and a badge on estimated lines) and asks who
 * receives the goods (issue 12: `buyer`), so a carrier's refusal of restricted
 * goods is read among the warnings with the carrier's name. Bundled data:
 * the DHL Express table refuses alcoholic drinks to US consumers (rule
 * dhl-us-alcohol-consumers, source dhl-us-import-alcohol).
 */
jest.setTimeout(90_000);

const describeInBrowser = browserMode() === 'run' ? describe : describe.skip;
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate('axe.run(document).then((r) => r.violations.map((v) => v.id + ": " + v.nodes.map((n) => n.target.join(" ")).join(", ")))');
}

/** A shared link for 1 bottle of tequila (750 ml, 38 %) from Monterrey to Austin; the page quotes it on load. */
function tequilaLink(lang: 'es' | 'en', buyer: 'consumer' | 'business'): string {
  return `/?${new URLSearchParams({
    lang, 'origin.country': 'MX', 'origin.postalCode': '64000', 'destination.country': 'US', 'destination.postalCode': '78701', incoterm: 'DDP', buyer,
    'items.0.description': 'Tequila añejo', 'items.0.hsCode': '2208.90', 'items.0.originCountry': 'MX', 'items.0.quantity': '1',
    'items.0.unitPrice.amount': '900.00', 'items.0.unitPrice.currency': 'MXN', 'items.0.unitWeight.value': '1.4', 'items.0.unitWeight.unit': 'kg',
    'items.0.unitVolume.value': '750', 'items.0.unitVolume.unit': 'ml', 'items.0.alcoholByVolume': '38',
  })}`;
}

interface Answer {
  options: { carrier: string; confidence: { level: string } }[];
}

describeInBrowser('confidence badges and the buyer (issues 11.3 and 12)', () => {
  const web = browserSession();
  const inPage = web.inPage;

  /** Open a link that quotes on load; the answer's JSON. */
  async function openQuoted(page: Page, path: string): Promise<Answer> {
    const answered = page.waitForResponse((r) => r.url().endsWith('/quote'));
    await openForm(page, `${web.url}${path}`);
    const answer = (await (await answered).json()) as Answer;
    await page.locator('#results-body > tr.option').first().waitFor();
    return answer;
  }

  describe.each([1280, 390])('on a screen %i px wide', (width) => {
    it('when tequila goes to a US consumer, then DHL\'s refusal is among the warnings with its name and rule, and every option shows its confidence badge', async () => {
      await inPage(`tequila-consumer-${width}`, { width }, async (page) => {
        const answer = await openQuoted(page, tequilaLink('es', 'consumer'));
        expect(answer.options.map((o) => o.carrier)).not.toContain('dhl-express');
        expect(await page.locator('#buyer-consumer').isChecked()).toBe(true);
        const refusal = page.locator('#notes > ul.warnings > li[data-code="CARRIER_UNAVAILABLE:dhl-express/express-worldwide"]');
        expect(await refusal.isVisible()).toBe(true);
        const text = await refusal.innerText();
        expect(text).toContain('DHL Express');
        expect(text).toContain('bebidas alcohólicas');
        expect(text).toContain('[regla dhl-us-alcohol-consumers]');

        // One badge per option, as the answer says, with its explanation; Spanish words.
        const WORDS: Record<string, string> = { confirmed: 'Confirmado', secondary: 'Fuente secundaria', estimated: 'Estimado' };
        const badges = page.locator('#results-body > tr.option .confidence-level');
        expect(await badges.count()).toBe(answer.options.length);
        const rows = await page.locator('#results-body > tr.option').evaluateAll((trs) => trs.map((tr) => tr.querySelector('.confidence-level')!.getAttribute('data-confidence')));
        expect(rows.sort()).toEqual(answer.options.map((o) => o.confidence.level).sort());
        const first = badges.first();
        expect(await first.isVisible()).toBe(true);
        expect(await first.locator('.badge').innerText()).toBe(WORDS[rows[0]!]);
        expect(await first.locator('.confidence-why').innerText()).not.toBe('');
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
        expect(await axeViolations(page)).toEqual([]);
      });
    });

    it('when the buyer is a business, then the request says so and DHL quotes', async () => {
      await inPage(`tequila-business-${width}`, { width }, async (page) => {
        const sent = page.waitForRequest((r) => r.url().endsWith('/quote') && r.method() === 'POST');
        const answer = await openQuoted(page, tequilaLink('es', 'business'));
        expect(((await sent).postDataJSON() as { buyer: string }).buyer).toBe('business');
        expect(answer.options.map((o) => o.carrier)).toContain('dhl-express');
        expect(await page.locator('#notes li[data-code="CARRIER_UNAVAILABLE:dhl-express/express-worldwide"]').count()).toBe(0);
      });
    });
  });

  it('when an option has an estimated line, then the line carries the "estimated" badge in its details (en)', async () => {
    await inPage('estimated-line-en', { locale: 'en-US' }, async (page) => {
      await openQuoted(page, tequilaLink('en', 'consumer'));
      expect(await page.locator('#buyer-consumer + label').innerText()).toMatch(/^A consumer/);
      const estimatedRow = page.locator('#results-body > tr.option').filter({ has: page.locator('[data-confidence="estimated"]') }).first();
      expect(await estimatedRow.count()).toBe(1);
      expect(await estimatedRow.locator('.badge.conf-estimated').innerText()).toBe('Estimated');
      await estimatedRow.getByRole('button').click();
      const details = page.locator('#results-body > tr.details:not([hidden])');
      expect(await details.locator('.lines .badge.conf-estimated').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
