import { BUNDLED_RATES, lines, quoteParcel } from './destination-fixtures';

// T-shirts from Mexico by express courier, shipping USD 20; round-number tests in USD, then one in COP.
describe('CO: postal and express regime', () => {
  it.each([
    // FOB 2 × 40 = 80 ≤ 200: no duty (CO-1); IVA exempt only for US goods, so 19% × (80 + 20) = 19.00 (CO-2).
    ['40', [['regime:CO-POSTAL-EXPRESS', '0.00']], ['IVA', '19', '100.00', '19.00', 'import']],
    // FOB 2 × 150 = 300 > 200: flat 10% × 300 = 30.00 (CO-1); IVA 19% × (320 + 30) = 66.50.
    ['150', [['regime:CO-POSTAL-EXPRESS', '30.00']], ['IVA', '19', '350.00', '66.50', 'import']],
  ])('when two T-shirts cost USD %s each, then duty %j and %j', (price, duties, iva) => {
    const l = lines(quoteParcel({ dest: 'CO', currency: 'USD', shippingUsd: '20', items: [{ hs: '610910', qty: 2, price }] }));
    expect(l.duties).toEqual(duties);
    expect(l.taxes).toEqual([iva]);
  });

  it('when the quote is in COP, the destination\'s currency, then it converts at Banco de la República\'s official rate, worked out by hand', () => {
    // Bundled rows: ECB 2026-04-13 USD 1.1684/EUR; Banco de la República 2026-10-08 COP 3630.1367/EUR (official).
    // COP per USD = 3630.1367 / 1.1684 = 3106.92973…; goods 80 × 3106.92973 = 248554.379 → 248554.38;
    // shipping 20 × 3106.92973 = 62138.59; FOB 80 USD ≤ 200: regime exempt (CO-1); IVA 19% × (248554.379 + 62138.59) = 59031.664 → 59031.66.
    const q = quoteParcel({ dest: 'CO', currency: 'COP', shippingUsd: '20', items: [{ hs: '610910', qty: 2, price: '40' }], rates: BUNDLED_RATES });
    const l = lines(q);
    expect([q.currency, q.goodsValue, q.options[0]!.shipping.amount]).toEqual(['COP', '248554.38', '62138.59']);
    expect(l.duties).toEqual([['regime:CO-POSTAL-EXPRESS', '0.00']]);
    expect(l.taxes).toEqual([['IVA', '19', '310692.97', '59031.66', 'import']]);
    expect(l.landedCost).toBe('369724.63');
    expect(q.exchangeRates.rates).toEqual({ USD: '0.0003218611575' }); // 1.1684 / 3630.1367
    expect(q.exchangeRates.details.COP).toMatchObject({ asOf: '2026-10-08', official: true });
  });
});
