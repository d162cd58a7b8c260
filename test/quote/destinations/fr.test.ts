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

// Corrections with issue 11 (TEDB, CGI art. 278-0 bis): plain chocolate bars (1806.32) are 5.5 % (the file had 20 %);
// sugar confectionery (1704) is 20 % (food at 5.5 % excludes it).
describe('FR: a chocolate bar at 5.5 %, a candy at 20 %', () => {
  it('when both (USD 25 = EUR 20.00 each) ship on 2026-07-01 with USD 25 shipping, then 2 × EUR 3 and TVA 5.5% × 33.00 = 1.82, 20% × 33.00 = 6.60', () => {
    // CIF 30.00 per item (shipping EUR 20.00 shared by value, EU-4); 2 categories × EUR 3 = 6.00, 3.00 per item (EU-13);
    // 5.5% × 33.00 = 1.815 → 1.82 (half-up); 20% × 33.00 = 6.60
    const l = lines(quoteParcel({ dest: 'FR', currency: 'EUR', shipDate: '2026-07-01', shippingUsd: '25', items: [{ hs: '180632', price: '25' }, { hs: '170490', price: '25' }] }));
    expect(l.duties).toEqual([['regime:EU-LVC-3EUR', '3.00'], ['regime:EU-LVC-3EUR', '3.00']]);
    expect(l.taxes).toEqual([['VAT', '5.5', '33.00', '1.82', 'checkout'], ['VAT', '20', '33.00', '6.60', 'checkout']]);
  });
});
