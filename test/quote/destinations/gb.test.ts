import { lines, quoteParcel } from './destination-fixtures';

// 2 T-shirts at USD 50 (= GBP 64.00), shipping USD 15 (= GBP 9.60); USD 1 = GBP 0.64; CIF (GB-6).
describe('GB: under GBP 135', () => {
  it('when the goods are GBP 64, then no duty and VAT 20% charged at the sale', () => {
    // GBP 64.00 ≤ 135 (GB-1); VAT 20% × (64.00 + 9.60) = 14.72 (VAT-1), seller-collected (GB-5)
    const l = lines(quoteParcel({ dest: 'GB', currency: 'GBP', shippingUsd: '15', items: [{ hs: '610910', qty: 2, price: '50' }] }));
    expect(l.deMinimis.duty).toBe('applied');
    expect(l.taxes).toEqual([['VAT', '20', '73.60', '14.72', 'checkout']]);
  });

  it('when chocolate over GBP 135 is sent, then UK–MX 0% does not reach it (agreement excludeHs)', () => {
    // 4 × USD 60 = GBP 153.60 > 135; 1806 excluded from UK-MX: 4% country default × (153.60 + 9.60) = 6.528 → 6.53 (EST)
    const l = lines(quoteParcel({ dest: 'GB', currency: 'GBP', shippingUsd: '15', items: [{ hs: '180690', qty: 4, price: '60' }] }));
    expect(l.duties).toEqual([['estimated:country-default', '6.53']]);
  });
});
