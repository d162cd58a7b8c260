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

// Correction with issue 11: chocolate (1806) is 10 % in Italy (DPR 633/1972 Tabella A, TEDB); the file had it at 22 %,
// which is right only for luxury packaging (IT research note, 2026-12-03).
describe('IT: chocolate at the reduced 10 %', () => {
  it('when a chocolate bar (1806.32, USD 25 = EUR 20.00) ships on 2026-07-01 with USD 25 shipping, then EUR 3 and IVA 10% × 43.00 = 4.30 at checkout', () => {
    // CIF 20.00 + 20.00 = 40.00 (EU-4); one HS6 category: EUR 3.00 (EU-13); IVA 10% × (40.00 + 3.00) = 4.30 (TEDB)
    const l = lines(quoteParcel({ dest: 'IT', currency: 'EUR', shipDate: '2026-07-01', shippingUsd: '25', items: [{ hs: '180632', price: '25' }] }));
    expect(l.duties).toEqual([['regime:EU-LVC-3EUR', '3.00']]);
    expect(l.taxes).toEqual([['VAT', '10', '43.00', '4.30', 'checkout']]);
  });
});
