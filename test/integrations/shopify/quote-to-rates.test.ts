import { D } from '../../../src/domain/money';
import { quoteToRates, rateAmount, shopifyDate, toShopifySubunits } from '../../../src/integrations/shopify/quote-to-rates';
import type { QuoteOption, QuoteResult } from '../../../src/quote/quote-result';
import { sampleQuote } from '../../store/quote-store.contract';

function option(over: Partial<QuoteOption> = {}): QuoteOption {
  return {
    carrier: 'dhl-express', carrierName: 'DHL Express', service: 'express-worldwide', serviceName: 'DHL Express Worldwide', rateStatus: 'illustrative',
    shipping: { amount: '30.00', chargeableWeightKg: '1', zone: '5', lines: [] },
    insurance: { amount: '0.00' },
    duties: { amount: '0.00', lines: [] },
    taxes: { amount: '0.00', lines: [] },
    fees: { amount: '0.00', lines: [] },
    landedCost: '130.00', payableAtCheckout: '130.00', payableOnDelivery: '0.00',
    deliveryDays: { min: 2, max: 4 },
    estimatedDelivery: { earliest: '2026-07-02', latest: '2026-07-06', pickup: '2026-06-30' },
    deMinimis: { duty: 'none', tax: 'none' },
    confidence: { level: 'confirmed', figures: [{ kind: 'valuation', confidence: 'confirmed' }] },
    noteIds: [],
    ...over,
  };
}

const tax = (code: string, amount: string, collectedAt: 'checkout' | 'import') => ({ code, name: code, rate: '20', base: '100.00', amount, rule: 'standard', working: 'w', collectedAt, confidence: 'confirmed' as const });

describe('Shopify rates from a quote', () => {
  it.each([
    ['12.95 CAD', '12.95', '1295'],
    ['1000 JPY, a currency without minor units, still × 100', '1000', '100000'],
    ['0.005 rounds half-up', '0.005', '1'],
    ['a KWD amount with 3 decimals', '1.234', '123'],
  ])('when the amount is %s, then total_price is the integer string', (_when, amount, subunits) => {
    expect(toShopifySubunits(new D(amount))).toBe(subunits);
  });

  it('when a UK VAT line is collected at checkout, then the rate leaves it out and says so; import VAT stays in', () => {
    const q: QuoteResult = {
      ...sampleQuote('q_gb', '2026-06-30T15:00:00Z', '2026-07-01T15:00:00Z'),
      currency: 'GBP', incoterm: 'DDP', locale: 'en', goodsValue: '100.00',
    };
    const withCheckoutVat = option({ taxes: { amount: '20.00', lines: [tax('VAT', '20.00', 'checkout')] }, payableAtCheckout: '150.00' });
    const withImportVat = option({ taxes: { amount: '20.00', lines: [tax('VAT', '20.00', 'import')] }, payableAtCheckout: '150.00' });
    // 150.00 payable − 100.00 goods − 20.00 VAT charged by the shop's tax settings = 30.00 shipping
    expect(rateAmount(q, withCheckoutVat).toFixed(2)).toBe('30.00');
    // 150.00 − 100.00 = 50.00: shipping 30.00 + import VAT 20.00
    expect(rateAmount(q, withImportVat).toFixed(2)).toBe('50.00');
    const [r] = quoteToRates({ ...q, options: [withCheckoutVat] }, 'Europe/London');
    expect(r?.description).toBe('Shipping 30.00 + duties 0.00 + taxes 0.00 GBP: duties and taxes paid, nothing to pay on delivery. VAT 20.00 GBP is charged with the order\'s taxes.');
    expect(r?.service_name).toBe('DHL Express Worldwide (duties included)');
    // The same rate in Spanish: one language, the tax named as the answer names it (issue 14 item 6).
    const iva = { ...tax('VAT', '20.00', 'checkout'), name: 'IVA del Reino Unido' };
    const [rEs] = quoteToRates({ ...q, locale: 'es', options: [option({ taxes: { amount: '20.00', lines: [iva] }, payableAtCheckout: '150.00' })] }, 'Europe/London');
    expect(rEs?.description).toBe('Envío 30.00 + aranceles 0.00 + impuestos 0.00 GBP: aranceles e impuestos pagados, nada que pagar al recibir. IVA del Reino Unido 20.00 GBP se cobra con los impuestos del pedido.');
  });

  it.each([
    ['Toronto in winter', '2026-11-26', 'America/Toronto', '2026-11-26 12:00:00 -0500'],
    ['Toronto in summer', '2026-07-02', 'America/Toronto', '2026-07-02 12:00:00 -0400'],
    ['Berlin in summer', '2026-07-02', 'Europe/Berlin', '2026-07-02 12:00:00 +0200'],
    ['Kolkata, a half-hour offset', '2026-07-02', 'Asia/Kolkata', '2026-07-02 12:00:00 +0530'],
    ['UTC', '2026-07-02', 'UTC', '2026-07-02 12:00:00 +0000'],
  ])('when the destination is %s, then the date is noon local in Shopify\'s format', (_when, date, tz, expected) => {
    expect(shopifyDate(date, tz)).toBe(expected);
  });
});
