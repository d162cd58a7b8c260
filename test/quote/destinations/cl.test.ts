import { lines, quoteParcel } from './destination-fixtures';

// Silver jewellery (7113.11) from Mexico; Chile values CIF (CL-4); answer in USD (no CLP rate).
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
});
