import { lines, quoteParcel } from './destination-fixtures';

// Silver jewellery (7113.11) at USD 500 (= EUR 400.00), shipping USD 50 (= EUR 40.00): CIF 440.00 (EU-4).
describe('IT: silver jewellery', () => {
  it.each([
    // EU-MX 0% (EU-TARIC); IVA 22% × 440.00 = 96.80 (EU-12)
    [true, '0.00', '440.00', '96.80'],
    // MFN 2.5% × 440.00 = 11.00; IVA 22% × 451.00 = 99.22
    [false, '11.00', '451.00', '99.22'],
  ])('when claimPreference=%s, then duty %s and IVA on %s = %s', (claim, duty, base, vat) => {
    const l = lines(quoteParcel({ dest: 'IT', currency: 'EUR', shippingUsd: '50', items: [{ hs: '711311', price: '500', claimPreference: claim }] }));
    expect(l.duties.map((d) => d[1])).toEqual([duty]);
    expect(l.taxes).toEqual([['VAT', '22', base, vat, 'import']]);
  });
});
