import { lines, quoteParcel } from './destination-fixtures';

// Shipping USD 20 (= JPY 2,560); USD 1 = JPY 128; CIF (JP-3).
describe('JP: the JPY 10,000 exemption and the Mexico–Japan EPA', () => {
  it('when a USD 50 ceramic piece is sent, then CIF JPY 8,960 ≤ 10,000: no duty, no consumption tax (JP-6)', () => {
    const l = lines(quoteParcel({ dest: 'JP', currency: 'JPY', shippingUsd: '20', items: [{ hs: '691200', price: '50' }] }));
    expect(l.deMinimis).toEqual({ duty: 'applied', tax: 'applied' });
  });

  it.each([
    // ceramics: EPA 0% (unconfirmed default, AG-1). CIF 25,600 + 2,560 = 28,160; consumption-tax base 28,160 → 28,000 (JPY 1,000 down);
    // national 7.8% × 28,000 = 2,184 → total 2,100 (−84); local 22/78 × 2,100 = 592.3 → 592 → total 500 (−92) (JP-1111, JP-RND-LAW)
    ['691200', [['estimated:unconfirmed', '0']], ['2184', '-84', '592', '-92']],
    // handbag: 4202 is outside the EPA default; MFN estimate 10% × 28,000 (value down to JPY 1,000) = 2,800 (EST);
    // base 28,160 + 2,800 = 30,960 → 30,000; national 2,340 → 2,300 (−40); local 22/78 × 2,300 = 648.7 → 648 → 600 (−48)
    ['420221', [['estimated:heading', '2800']], ['2340', '-40', '648', '-48']],
  ])('when a USD 200 item %s is sent, then %j and consumption taxes %j', (hs, duties, taxes) => {
    const l = lines(quoteParcel({ dest: 'JP', currency: 'JPY', shippingUsd: '20', items: [{ hs, price: '200' }] }));
    expect(l.duties).toEqual(duties);
    expect(l.taxes.map((t) => t[3])).toEqual(taxes);
    expect(l.taxes.map((t) => t[0])).toEqual(['CT', 'CT', 'LCT', 'LCT']);
  });
});
