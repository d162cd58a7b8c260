import { BUNDLED_RATES, lines, quoteParcel } from './destination-fixtures';

// Silver jewellery (7113.11) from Mexico; Chile values CIF (CL-4); round-number tests in USD, then one in CLP.
describe('CL: low-value imports and the end of the USD 41 IVA exemption (2025-10-25)', () => {
  it.each([
    // CIF 30 + 8 = 38 ≤ 41 on 2025-10-24: no IVA (CL-4); from 2025-10-25 IVA 19% × 38.00 = 7.22 (CL-1).
    ['2025-10-24', 'applied', '0.00'],
    ['2025-10-25', 'none', '7.22'],
  ])('when a USD 30 piece is shipped on %s, then the tax de minimis is %s and IVA %s', (date, tax, iva) => {
    const l = lines(quoteParcel({ dest: 'CL', currency: 'USD', shipDate: date, shippingUsd: '8', items: [{ hs: '711311', price: '30' }] }));
    expect(l.deMinimis).toEqual({ duty: 'applied', tax }); // 38 ≤ USD 500 duty threshold (CL-1)
    expect(l.taxes.map((t) => t[3])).toEqual([iva]);
  });

  it('when the consignment is over USD 500 and the preference is refused, then the 6% general duty', () => {
    // CIF 600 + 30 = 630 > 500: 6% × 630 = 37.80 (CL-1); IVA 19% × 667.80 = 126.882 → 126.88.
    const l = lines(quoteParcel({ dest: 'CL', currency: 'USD', shippingUsd: '30', items: [{ hs: '711311', price: '600', claimPreference: false }] }));
    expect(l.duties).toEqual([['estimated:country-default', '37.80']]);
    expect(l.taxes.map((t) => t[3])).toEqual(['126.88']);
  });

  it('when the quote is in CLP, the destination\'s currency, then it converts at the bundled market rate, worked out by hand', () => {
    // Bundled rows: ECB 2026-04-13 USD 1.1684/EUR; market table 2026-09-29 CLP 1099.4163/EUR (not official).
    // CLP per USD = 1099.4163 / 1.1684 = 940.95883…; goods 30 × 940.95883 = 28228.765 → 28229 (CLP has no decimals);
    // shipping 8 × 940.95883 = 7527.67 → 7528; CIF 28228.765 + 7528 = 35756.765; IVA 19% = 6793.785 → 6794 (CL-1).
    const q = quoteParcel({ dest: 'CL', currency: 'CLP', shipDate: '2025-10-25', shippingUsd: '8', items: [{ hs: '711311', price: '30' }], rates: BUNDLED_RATES });
    const l = lines(q);
    expect([q.currency, q.goodsValue, q.options[0]!.shipping.amount]).toEqual(['CLP', '28229', '7528']);
    expect(l.taxes).toEqual([['IVA', '19', '35757', '6794', 'import']]);
    expect(l.landedCost).toBe('42551'); // 28229 + 7528 + 0 + 6794
    expect(q.exchangeRates.rates).toEqual({ USD: '0.00106274575' }); // 1.1684 / 1099.4163
    expect(q.exchangeRates.details.CLP).toEqual({ asOf: '2026-09-29', source: 'fawazahmed0 currency-api market rates (bundled)', official: false });
    expect(q.notes.find((n) => n.code.startsWith('FX_RATES'))?.text).toContain('CLP: fawazahmed0 currency-api market rates (bundled) of 2026-09-29, a market rate, not an official one.');
  });
});
