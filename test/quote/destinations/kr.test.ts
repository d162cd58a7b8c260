import { lines, quoteParcel } from './destination-fixtures';

// A knitted sweater (6110.20) from Mexico; USD 1 = KRW 1,400; shipping USD 30 (= KRW 42,000); CIF (KR-1).
describe('KR: list clearance', () => {
  it('when the goods are USD 120, then under the USD 150 threshold (not the US-only 200): no duty, no VAT', () => {
    const l = lines(quoteParcel({ dest: 'KR', currency: 'KRW', shippingUsd: '30', items: [{ hs: '611020', price: '120' }] }));
    expect(l.deMinimis).toEqual({ duty: 'applied', tax: 'applied' });
  });

  it('when the goods are USD 300, then MFN (no FTA) and VAT 10%', () => {
    // CV (300 + 30) × 1,400 = 462,000; 13% chapter estimate = 60,060 (EST); VAT 10% × 522,060 = 52,206 (KR-1)
    const l = lines(quoteParcel({ dest: 'KR', currency: 'KRW', shippingUsd: '30', items: [{ hs: '611020', price: '300' }] }));
    expect(l.duties).toEqual([['estimated:chapter', '60060']]);
    expect(l.taxes).toEqual([['VAT', '10', '522060', '52206', 'import']]);
  });
});
