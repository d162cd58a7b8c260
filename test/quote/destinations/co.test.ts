import { lines, quoteParcel } from './destination-fixtures';

// T-shirts from Mexico by express courier, shipping USD 20; answer in USD (no COP rate).
describe('CO: postal and express regime', () => {
  it.each([
    // FOB 2 × 40 = 80 ≤ 200: no duty (CO-1); IVA exempt only for US goods, so 19% × (80 + 20) = 19.00 (CO-2).
    ['40', [['regime:CO-POSTAL-EXPRESS', '0.00']], ['IVA', '19', '100.00', '19.00', 'import']],
    // FOB 2 × 150 = 300 > 200: flat 10% × 300 = 30.00 (CO-1); IVA 19% × (320 + 30) = 66.50.
    ['150', [['regime:CO-POSTAL-EXPRESS', '30.00']], ['IVA', '19', '350.00', '66.50', 'import']],
  ])('when two T-shirts cost USD %s each, then duty %j and %j', (price, duties, iva) => {
    const l = lines(quoteParcel({ dest: 'CO', currency: 'USD', shippingUsd: '20', items: [{ hs: '610910', qty: 2, price }] }));
    expect(l.duties).toEqual(duties);
    expect(l.taxes).toEqual([iva]);
  });
});
