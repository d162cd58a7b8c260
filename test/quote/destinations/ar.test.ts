import { BUNDLED_RATES, lines, quoteParcel } from './destination-fixtures';

// A cotton T-shirt order from Mexico by courier, shipping USD 40; round-number tests in USD, then one in ARS.
describe('AR: courier franchise', () => {
  it('when the goods are USD 300 FOB, then no duty (USD 400 franchise) but IVA 21% on CIF', () => {
    // franchise: 300 ≤ 400 (AR-3); IVA 21% × (300 + 40) = 71.40 (VAT-1)
    const l = lines(quoteParcel({ dest: 'AR', currency: 'USD', shippingUsd: '40', items: [{ hs: '610910', qty: 3, price: '100' }] }));
    expect(l.deMinimis.duty).toBe('applied');
    expect(l.taxes).toEqual([['IVA', '21', '340.00', '71.40', 'import']]);
  });

  it('when the goods are USD 600 FOB, then the Mercosur apparel estimate and IVA', () => {
    // 35% chapter estimate × (600 + 40) = 224.00 (EST); IVA 21% × (640 + 224) = 181.44
    const l = lines(quoteParcel({ dest: 'AR', currency: 'USD', shippingUsd: '40', items: [{ hs: '610910', qty: 6, price: '100' }] }));
    expect(l.duties).toEqual([['estimated:chapter', '224.00']]);
    expect(l.taxes.map((t) => t[3])).toEqual(['181.44']);
  });

  it('when the quote is in ARS, the destination\'s currency, then it converts at the BCRA official rate, worked out by hand', () => {
    // Bundled rows: ECB 2026-04-13 USD 1.1684/EUR; BCRA 2026-10-08 ARS 1699.02705/EUR (official).
    // ARS per USD = 1699.02705 / 1.1684 = 1454.14845…; goods 300 × 1454.14845 = 436244.535 → 436244.54; shipping 40 × = 58165.94.
    // Franchise: 300 USD ≤ 400 (AR-3); IVA 21% × (436244.535 + 58165.94 = 494410.475) = 103826.20.
    const q = quoteParcel({ dest: 'AR', currency: 'ARS', shippingUsd: '40', items: [{ hs: '610910', qty: 3, price: '100' }], rates: BUNDLED_RATES });
    const l = lines(q);
    expect([q.currency, q.goodsValue, q.options[0]!.shipping.amount]).toEqual(['ARS', '436244.54', '58165.94']);
    expect(l.taxes).toEqual([['IVA', '21', '494410.48', '103826.20', 'import']]);
    expect(l.landedCost).toBe('598236.68');
    expect(q.exchangeRates.rates).toEqual({ USD: '0.0006876876975' }); // 1.1684 / 1699.02705
    expect(q.exchangeRates.details.ARS).toEqual({ asOf: '2026-10-08', source: 'BCRA official API, tipoCotizacion EUR (bundled)', official: true });
  });
});
