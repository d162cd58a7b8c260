import { lines, quoteParcel } from './destination-fixtures';

// A leather handbag (4202.21) at USD 250 (= EUR 200.00), shipping USD 25 (= EUR 20.00): CIF 220.00 (EU-4).
describe('FR: a handbag over EUR 150', () => {
  it.each([
    // EU-MX 0% (EU-TARIC); TVA 20% × 220.00 = 44.00 (EU-12)
    [true, [['preferential:EU-MX', '0.00']], '220.00', '44.00'],
    // MFN 3% × 220.00 = 6.60 (EU-TARIC); TVA 20% × 226.60 = 45.32
    [false, [['MFN', '6.60']], '226.60', '45.32'],
  ])('when claimPreference=%s, then %j and TVA on %s = %s', (claim, duties, base, vat) => {
    const l = lines(quoteParcel({ dest: 'FR', currency: 'EUR', shippingUsd: '25', items: [{ hs: '420221', price: '250', claimPreference: claim }] }));
    expect(l.duties).toEqual(duties);
    expect(l.taxes).toEqual([['VAT', '20', base, vat, 'import']]);
  });
});
