import { lines, quoteParcel } from './destination-fixtures';

// A leather handbag (4202.21) from Mexico; USD 1 = AUD 1.5; shipping USD 30 (= AUD 45.00); FOB (AU-2).
describe('AU: low-value GST at the sale, CPTPP above AUD 1,000', () => {
  it('when the bag is AUD 300, then no duty and GST 10% on price + delivery collected at the sale', () => {
    // 300 ≤ 1,000 (AU-1); GST 10% × (300.00 + 45.00) = 34.50 (AU-5)
    const l = lines(quoteParcel({ dest: 'AU', currency: 'AUD', shippingUsd: '30', items: [{ hs: '420221', price: '200' }] }));
    expect(l.deMinimis.duty).toBe('applied');
    expect(l.taxes).toEqual([['GST', '10', '345.00', '34.50', 'checkout']]);
    expect(l.fees).toEqual([]);
  });

  it('when the bag is AUD 1,200, then CPTPP 0%, border GST and the import charges', () => {
    // CPTPP 0% (AG-3); GST 10% × (1,200 + 0 + 45) = 124.50 (AU-2); IPC AUD 50 + biosecurity AUD 45 (AU-6)
    const l = lines(quoteParcel({ dest: 'AU', currency: 'AUD', shippingUsd: '30', items: [{ hs: '420221', price: '800' }] }));
    expect(l.duties).toEqual([['preferential:CPTPP', '0.00']]);
    expect(l.taxes).toEqual([['GST', '10', '1245.00', '124.50', 'import']]);
    expect(l.fees).toEqual([['IPC', '50.00'], ['BIOSECURITY', '45.00']]);
  });
});
