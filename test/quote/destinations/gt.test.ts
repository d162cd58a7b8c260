import { lines, quoteParcel } from './destination-fixtures';

// 3 T-shirts at USD 20 from Mexico, shipping USD 25; no GTQ rate, so the quote is in USD. CIF (GT-3).
describe('GT: T-shirts from Mexico', () => {
  it.each([
    // Mexico–Central America FTA 0% (unconfirmed default, AG-1): flagged as an estimate; IVA 12% × (60 + 25) = 10.20 (GT-3).
    [true, [['estimated:unconfirmed', '0.00']], '10.20'],
    // Refused: DAI 15% chapter estimate × 85.00 = 12.75 (EST); IVA 12% × (85.00 + 12.75) = 11.73.
    [false, [['estimated:chapter', '12.75']], '11.73'],
  ])('when claimPreference=%s, then duties %j and IVA %s', (claim, duties, iva) => {
    const l = lines(quoteParcel({ dest: 'GT', currency: 'USD', shippingUsd: '25', items: [{ hs: '610910', qty: 3, price: '20', claimPreference: claim }] }));
    expect(l.deMinimis).toEqual({ duty: 'none', tax: 'none' }); // no threshold for purchases (GT-1)
    expect(l.duties).toEqual(duties);
    expect(l.taxes.map((t) => t[3])).toEqual([iva]);
    expect(l.notes).toContain('DUTY_ESTIMATED');
  });
});
