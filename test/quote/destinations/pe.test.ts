import { BUNDLED_RATES, lines, quoteParcel } from './destination-fixtures';

// Talavera ceramics (6912.00) from Mexico by express courier, shipping USD 30; round-number tests in USD, then one in PEN.
describe('PE: express consignments', () => {
  it('when the goods are worth USD 150, then no duty and no IGV (≤ USD 200, PE-1)', () => {
    const l = lines(quoteParcel({ dest: 'PE', currency: 'USD', shippingUsd: '30', items: [{ hs: '691200', price: '150' }] }));
    expect(l.deMinimis).toEqual({ duty: 'applied', tax: 'applied' });
  });

  it('when the goods are worth USD 500, then the simplified 4% plus IGV 16% and IPM 2%', () => {
    // 4% × 500 (goods) = 20.00 (PE-2); IGV 16% × (530 + 20) = 88.00; IPM 2% × 550 = 11.00 (PE-4).
    const l = lines(quoteParcel({ dest: 'PE', currency: 'USD', shippingUsd: '30', items: [{ hs: '691200', price: '500' }] }));
    expect(l.duties).toEqual([['regime:PE-COURIER-SIMPLIFIED', '20.00']]);
    expect(l.taxes).toEqual([['IGV', '16', '550.00', '88.00', 'import'], ['IPM', '2', '550.00', '11.00', 'import']]);
    expect(l.notes).toContain('UNCONFIRMED_FIGURES'); // the IGV/IPM base is unconfirmed (PE-4)
  });

  it('when the quote is in PEN, the destination\'s currency, then it converts at the bundled market rate, worked out by hand', () => {
    // Bundled rows: ECB 2026-04-13 USD 1.1684/EUR; market table 2026-09-29 PEN 3.8808372/EUR (not official).
    // PEN per USD = 3.8808372 / 1.1684 = 3.32149709…; goods 500 × 3.32149709 = 1660.7485 → 1660.75; shipping 30 × = 99.64.
    // 4% × 1660.7485 = 66.43 (PE-2); IGV 16% × (1660.7485 + 99.64 + 66.4299 = 1826.8185) = 292.29; IPM 2% × 1826.8185 = 36.54.
    const q = quoteParcel({ dest: 'PE', currency: 'PEN', shippingUsd: '30', items: [{ hs: '691200', price: '500' }], rates: BUNDLED_RATES });
    const l = lines(q);
    expect([q.currency, q.goodsValue, q.options[0]!.shipping.amount]).toEqual(['PEN', '1660.75', '99.64']);
    expect(l.duties).toEqual([['regime:PE-COURIER-SIMPLIFIED', '66.43']]);
    expect(l.taxes).toEqual([['IGV', '16', '1826.82', '292.29', 'import'], ['IPM', '2', '1826.82', '36.54', 'import']]);
    expect(l.landedCost).toBe('2155.65');
    expect(q.exchangeRates.rates).toEqual({ USD: '0.301069058' }); // 1.1684 / 3.8808372
    expect(q.exchangeRates.details.PEN).toMatchObject({ asOf: '2026-09-29', official: false });
  });
});
