import { lines, quoteParcel } from './destination-fixtures';

// Leather boots (6403.99) at USD 250 (= EUR 200.00), shipping USD 25 (= EUR 20.00): CIF 220.00 (EU-4).
describe('NL: leather boots, a CN range', () => {
  it('when the preference is refused, then the higher end of the 5–8% range is charged and flagged', () => {
    // EU-TARIC gives 5 % – 8 % over the CN codes of 6403.99: 8% × 220.00 = 17.60, estimated:subheading-range;
    // btw 21% × 237.60 = 49.896 → 49.90 (EU-12)
    const l = lines(quoteParcel({ dest: 'NL', currency: 'EUR', shippingUsd: '25', items: [{ hs: '640399', price: '250', claimPreference: false }] }));
    expect(l.duties).toEqual([['estimated:subheading-range', '17.60']]);
    expect(l.taxes).toEqual([['VAT', '21', '237.60', '49.90', 'import']]);
  });

  it('when the preference is claimed, then EU-MX 0% and btw on CIF', () => {
    // 0% (EU-TARIC); 21% × 220.00 = 46.20
    const l = lines(quoteParcel({ dest: 'NL', currency: 'EUR', shippingUsd: '25', items: [{ hs: '640399', price: '250' }] }));
    expect(l.duties).toEqual([['preferential:EU-MX', '0.00']]);
    expect(l.taxes).toEqual([['VAT', '21', '220.00', '46.20', 'import']]);
  });
});
