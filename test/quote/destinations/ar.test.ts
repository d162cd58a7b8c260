import { lines, quoteParcel } from './destination-fixtures';

// A cotton T-shirt order from Mexico by courier, shipping USD 40; answer in USD (no ARS rate).
describe('AR: courier franchise', () => {
  it('when the goods are USD 300 FOB, then no duty (USD 400 franchise) but IVA 21% on CIF', () => {
    // franchise: 300 ≤ 400 (AR-3); IVA 21% × (300 + 40) = 71.40 (VAT-1)
    const l = lines(quoteParcel({ dest: 'AR', currency: 'USD', shippingUsd: '40', items: [{ hs: '610910', qty: 3, price: '100' }] }));
    expect(l.deMinimis.duty).toBe('applied');
    expect(l.taxes).toEqual([['IVA', '21', '340.00', '71.40', 'import']]);
  });

  it('when the goods are USD 600 FOB, then the Mercosur apparel estimate and IVA', () => {
    // 35% chapter estimate × (600 + 40) = 224.00 (EST); IVA 21% × (640 + 224) = 181.44
    const l = lines(quoteParcel({ dest: 'AR', currency: 'USD', shippingUsd: '40', items: [{ hs: '610910', qty: 6, price: '100' }] }));
    expect(l.duties).toEqual([['estimated:chapter', '224.00']]);
    expect(l.taxes.map((t) => t[3])).toEqual(['181.44']);
  });
});
