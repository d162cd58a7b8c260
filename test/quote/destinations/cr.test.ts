import { lines, quoteParcel } from './destination-fixtures';

// Leather boots (6403.91) at USD 120 from Mexico, shipping USD 30: CIF 150.00 (CR-4); answer in USD (no CRC rate).
describe('CR: leather boots from Mexico', () => {
  it.each([
    // FTA 0% (unconfirmed, AG-1); IVA 13% × 150.00 = 19.50 (CR-4).
    [true, '0.00', '19.50'],
    // DAI 15% estimate × 150.00 = 22.50 (EST); IVA 13% × 172.50 = 22.425 → 22.43.
    [false, '22.50', '22.43'],
  ])('when claimPreference=%s, then duty %s and IVA %s', (claim, duty, iva) => {
    const l = lines(quoteParcel({ dest: 'CR', currency: 'USD', shippingUsd: '30', items: [{ hs: '640391', price: '120', claimPreference: claim }] }));
    expect(l.duties.map((d) => d[1])).toEqual([duty]);
    expect(l.taxes).toEqual([['IVA', '13', claim ? '150.00' : '172.50', iva, 'import']]);
  });
});
