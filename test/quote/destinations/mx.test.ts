import { lines, quoteParcel } from './destination-fixtures';

// Mexico as an import destination: US-origin goods shipped from the US by courier (a return or a
// US supplier's parcel). Mexico values CIF (MX-6). USD 1 = MXN 16.
const parcel = (price: string, shipDate = '2026-11-26', from = 'US') =>
  lines(quoteParcel({ dest: 'MX', currency: 'MXN', from, shipDate, shippingUsd: '20', items: [{ hs: '610910', price }] }));

describe('MX: courier parcels into Mexico (rule 3.7.35)', () => {
  it('when USMCA goods are worth USD 100 with shipping, then the 17% global rate replaces IGI and IVA', () => {
    // customs value = (80 + 20) USD = MXN 1,600.00; band 50–117 USD → 17% × 1,600.00 = 272.00 (MX-1)
    // DTA 0.8% × 1,600.00 = 12.80 (MX-5); pedimento pre-validation MXN 350 from 2026 (MX-7)
    const l = parcel('80');
    expect(l.duties).toEqual([['regime:MX-COURIER-USMCA', '272.00']]);
    expect(l.taxes).toEqual([]);
    expect(l.fees).toEqual([['DTA', '12.80'], ['PREVALIDACION', '350.00']]);
  });

  it('when USMCA goods are under USD 50, then only the DTA is paid', () => {
    // (30 + 20) USD = 50 ≤ 50: exempt; DTA 0.8% × MXN 800.00 = 6.40
    const l = parcel('30');
    expect(l.duties).toEqual([['regime:MX-COURIER-USMCA', '0.00']]);
    expect(l.fees[0]).toEqual(['DTA', '6.40']);
  });

  it.each([
    // Chinese goods: 19% global rate up to 2025-08-14, 33.5% from 2025-08-15 (MX-2). CV (80 + 20) USD = MXN 1,600.00.
    ['2025-08-14', '304.00'], // 19% × 1,600.00
    ['2025-08-15', '536.00'], // 33.5% × 1,600.00
  ])('when Chinese goods are shipped on %s, then the global rate gives %s', (date, amount) => {
    const l = lines(quoteParcel({ dest: 'MX', currency: 'MXN', from: 'CN', shipDate: date, shippingUsd: '20', items: [{ hs: '610910', price: '80' }] }));
    expect(l.duties).toEqual([['regime:MX-COURIER-GENERAL', amount]]);
  });
});
