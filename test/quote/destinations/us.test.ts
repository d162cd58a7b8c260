import { lines, quoteParcel } from './destination-fixtures';

// 2 cotton T-shirts (HTS 6109.10.00.12) at USD 25 from Mexico, shipping USD 20; the US values FOB (US-13).
const tshirts = (shipDate: string, claimPreference: boolean) =>
  quoteParcel({ dest: 'US', currency: 'USD', shipDate, shippingUsd: '20', items: [{ hs: '6109100012', qty: 2, price: '25', claimPreference }] });

describe('US: cotton T-shirts from Mexico', () => {
  it.each([
    // USMCA claimed: 6109.10 free under S (US-HTS); Sec. 301 exempt (9903.05.94, US-2); MPF exempt for USMCA goods (US-8).
    ['2026-11-26', true, [['preferential:USMCA', '0.00']], []],
    // Refused: MFN 16.5% × 50.00 = 8.25 (US-HTS); Sec. 301 +10% × 50.00 = 5.00 (9903.05.55, US-2); informal MPF USD 2.69 (US-8).
    ['2026-11-26', false, [['MFN', '8.25'], ['additional:SEC301-MX-9903.05.55', '5.00']], [['MPF-INFORMAL', '2.69']]],
    // Day before Sec. 301, last day of Sec. 122: +10% × 50.00 = 5.00 (9903.03.01, US-3).
    ['2026-07-23', false, [['MFN', '8.25'], ['additional:SEC122-9903.03.01', '5.00']], [['MPF-INFORMAL', '2.69']]],
    // Day after IEEPA ended (2026-02-20) and before Sec. 122: MFN only.
    ['2026-02-21', false, [['MFN', '8.25']], [['MPF-INFORMAL', '2.69']]],
    // Last IEEPA day: +25% × 50.00 = 12.50 (9903.01.01, US-1).
    ['2026-02-20', false, [['MFN', '8.25'], ['additional:IEEPA-MX-9903.01.01', '12.50']], [['MPF-INFORMAL', '2.69']]],
    // Sec. 122 does not reach USMCA goods.
    ['2026-03-02', true, [['preferential:USMCA', '0.00']], []],
  ])('when shipped %s with claimPreference=%s, then the duties are %j and the fees %j', (date, claim, duties, fees) => {
    const l = lines(tshirts(date, claim));
    expect(l.duties).toEqual(duties);
    expect(l.fees).toEqual(fees);
    expect(l.taxes).toEqual([]); // no federal VAT (VAT-1)
  });

  it('when shipped on 2025-08-28, then the USD 800 de minimis still applies; from 2025-08-29 it does not (US-6)', () => {
    expect(lines(tshirts('2025-08-28', false)).deMinimis.duty).toBe('applied'); // 50.00 ≤ 800
    expect(lines(tshirts('2025-08-29', false)).deMinimis.duty).toBe('none');
  });

  it('when the parcel leaves Mexico with a preference claimed, then the export-side notes are there (pedimento only above USD 5,000)', () => {
    const notes = lines(tshirts('2026-11-26', true)).notes;
    expect(notes).toEqual(expect.arrayContaining(['MX-EXPORT-CFDI', 'MX-EXPORT-CERT-ORIGIN']));
    expect(notes).not.toContain('MX-EXPORT-PEDIMENTO'); // 50.00 USD ≤ 5,000
    expect(lines(tshirts('2026-11-26', false)).notes).not.toContain('MX-EXPORT-CERT-ORIGIN');
  });
});
