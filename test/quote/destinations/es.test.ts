import { lines, quoteParcel } from './destination-fixtures';

// 2 cotton T-shirts at USD 25 (= EUR 40.00) from Mexico, shipping USD 20 (= EUR 16.00); CIF (EU-4); USD 1 = EUR 0.8.
const parcel = (shipDate: string, price = '25') =>
  lines(quoteParcel({ dest: 'ES', currency: 'EUR', shipDate, shippingUsd: '20', items: [{ hs: '610910', qty: 2, price }] }));

describe('ES: the EUR 150 relief, then the flat EUR 3 per item category (2026-07-01)', () => {
  it('when shipped on 2026-06-30, then no duty (EUR 40 ≤ 150) and Spanish VAT 21% at checkout under IOSS', () => {
    // VAT 21% × (40.00 + 16.00) = 11.76 (EU-12), collected at the sale (≤ EUR 150, EU-6)
    const l = parcel('2026-06-30');
    expect(l.deMinimis.duty).toBe('applied');
    expect(l.taxes).toEqual([['VAT', '21', '56.00', '11.76', 'checkout']]);
  });

  it('when shipped on 2026-07-01, then EUR 3 for the one HS6 category and VAT on top', () => {
    // one category (6109.10): EUR 3.00 (EU-13); VAT 21% × (56.00 + 3.00) = 12.39
    const l = parcel('2026-07-01');
    expect(l.duties).toEqual([['regime:EU-LVC-3EUR', '3.00']]);
    expect(l.taxes).toEqual([['VAT', '21', '59.00', '12.39', 'checkout']]);
  });

  it('when the goods are over EUR 150, then the EU–Mexico preference 0% and import VAT', () => {
    // 2 × USD 125 = EUR 200.00; EU-MX 0% (EU-TARIC); VAT 21% × 216.00 = 45.36 at import
    const l = parcel('2026-11-26', '125');
    expect(l.duties).toEqual([['preferential:EU-MX', '0.00']]);
    expect(l.taxes).toEqual([['VAT', '21', '216.00', '45.36', 'import']]);
  });
});
