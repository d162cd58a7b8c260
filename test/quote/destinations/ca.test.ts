import { lines, quoteParcel } from './destination-fixtures';

// 2 cotton T-shirts at USD 60 from Mexico by courier: goods 120 USD × 1.2 = CAD 144.00; Canada values FOB (CA-5).
const parcel = (region: string, price = '60', shipDate = '2026-11-26') =>
  lines(quoteParcel({ dest: 'CA', currency: 'CAD', region, shipDate, shippingUsd: '25', items: [{ hs: '610910', qty: 2, price }] }));

describe('CA: T-shirts shipped from Mexico by courier', () => {
  it.each([
    // CAD 144.00 ≤ 150 CUSMA courier duty threshold (CA-1): no duty; > CAD 40 tax threshold: HST 13% × 144.00 = 18.72 (CA-3).
    ['ON', [['HST', '13', '144.00', '18.72', 'import']]],
    // GST 5% × 144.00 = 7.20; QST 9.975% × 144.00 = 14.364 → 14.36 (CA-3).
    ['QC', [['GST', '5', '144.00', '7.20', 'import'], ['QST', '9.975', '144.00', '14.36', 'import']]],
    // GST 5% + BC PST 7% × 144.00 = 7.20 + 10.08 (CA-3).
    ['BC', [['GST', '5', '144.00', '7.20', 'import'], ['PST', '7', '144.00', '10.08', 'import']]],
  ])('when it goes to %s, then there is no duty and the taxes are %j', (region, taxes) => {
    const l = parcel(region);
    expect(l.deMinimis).toEqual({ duty: 'applied', tax: 'not-applied' });
    expect(l.duties).toEqual([['de-minimis', '0.00']]);
    expect(l.taxes).toEqual(taxes);
  });

  it('when the same parcel goes by post, then the general CAD 20 thresholds apply (CA-7)', () => {
    // CAD 144.00 > 20: duty and taxes due; CUSMA 0% (CA-1); HST 13% × 144.00 = 18.72
    const l = lines(quoteParcel({ dest: 'CA', currency: 'CAD', region: 'ON', channel: 'postal', shippingUsd: '25', items: [{ hs: '610910', qty: 2, price: '60' }] }));
    expect(l.deMinimis).toEqual({ duty: 'not-applied', tax: 'not-applied' });
    expect(l.duties).toEqual([['preferential:CUSMA', '0.00']]);
  });

  it('when the goods are over CAD 150, then CUSMA 0% applies with proof of origin', () => {
    // 2 × USD 100 = CAD 240.00 > 150; CUSMA defaultDuty 0% (CA-1); HST 13% × 240.00 = 31.20.
    const l = parcel('ON', '100');
    expect(l.duties).toEqual([['preferential:CUSMA', '0.00']]);
    expect(l.taxes).toEqual([['HST', '13', '240.00', '31.20', 'import']]);
  });

  it('when shipped to Nova Scotia either side of 2025-04-01, then HST is 15% then 14% (CA-4)', () => {
    expect(parcel('NS', '60', '2025-03-31').taxes).toEqual([['HST', '15', '144.00', '21.60', 'import']]); // 15% × 144
    expect(parcel('NS', '60', '2025-04-01').taxes).toEqual([['HST', '14', '144.00', '20.16', 'import']]); // 14% × 144
  });

  it('when the goods are supply-managed cheese, then CUSMA 0% is not used (agreement excludeHs)', () => {
    // 0406 is excluded from CUSMA's default; no MFN line: the 8% country default estimate × CAD 240.00 = 19.20 (EST).
    const l = lines(quoteParcel({ dest: 'CA', currency: 'CAD', region: 'ON', shippingUsd: '25', items: [{ hs: '040690', qty: 2, price: '100' }] }));
    expect(l.duties).toEqual([['estimated:country-default', '19.20']]);
  });
});
