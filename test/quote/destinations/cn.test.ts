import { lines, quoteParcel } from './destination-fixtures';

// Ceramics (6912.00) from Mexico; USD 1 = CNY 7; CIF (CN-4).
describe('CN: courier vs postal', () => {
  it('when sent by courier for USD 100 + 20 shipping, then the 8% default estimate and VAT 13%', () => {
    // CV 120 × 7 = 840.00; 8% = 67.20 (EST); VAT 13% × 907.20 = 117.936 → 117.94 (CN-4)
    const l = lines(quoteParcel({ dest: 'CN', currency: 'CNY', shippingUsd: '20', items: [{ hs: '691200', price: '100' }] }));
    expect(l.duties).toEqual([['estimated:country-default', '67.20']]);
    expect(l.taxes).toEqual([['VAT', '13', '907.20', '117.94', 'import']]);
  });

  it('when a USD 5 postal article is sent (+ USD 2), then CNY 49.00 ≤ 50: waived (CN-2)', () => {
    const l = lines(quoteParcel({ dest: 'CN', currency: 'CNY', shippingUsd: '2', channel: 'postal', items: [{ hs: '691200', price: '5' }] }));
    expect(l.deMinimis).toEqual({ duty: 'applied', tax: 'applied' });
  });
});
