import { lines, quoteParcel } from './destination-fixtures';

// Shipping USD 20 (= JPY 2,560); USD 1 = JPY 128; CIF (JP-3).
describe('JP: the JPY 10,000 exemption and the Mexico–Japan EPA', () => {
  it('when a USD 50 ceramic piece is sent, then CIF JPY 8,960 ≤ 10,000: no duty, no consumption tax (JP-6)', () => {
    const l = lines(quoteParcel({ dest: 'JP', currency: 'JPY', shippingUsd: '20', items: [{ hs: '691200', price: '50' }] }));
    expect(l.deMinimis).toEqual({ duty: 'applied', tax: 'applied' });
  });

  it.each([
    // ceramics: EPA 0% (unconfirmed default, AG-1); CT 10% × (25,600 + 2,560) = 2,816 (JP-3)
    ['691200', [['estimated:unconfirmed', '0']], '2816'],
    // handbag: 4202 is outside the EPA default; MFN estimate 10% × 28,160 = 2,816 (EST); CT 10% × 30,976 = 3,097.6 → 3,098
    ['420221', [['estimated:heading', '2816']], '3098'],
  ])('when a USD 200 item %s is sent, then %j and consumption tax %s', (hs, duties, ct) => {
    const l = lines(quoteParcel({ dest: 'JP', currency: 'JPY', shippingUsd: '20', items: [{ hs, price: '200' }] }));
    expect(l.duties).toEqual(duties);
    expect(l.taxes.map((t) => t[3])).toEqual([ct]);
  });
});
