import { lines, quoteParcel } from './destination-fixtures';

// Talavera ceramics (6912.00) from Mexico by express courier, shipping USD 30; answer in USD (no PEN rate).
describe('PE: express consignments', () => {
  it('when the goods are worth USD 150, then no duty and no IGV (≤ USD 200, PE-1)', () => {
    const l = lines(quoteParcel({ dest: 'PE', currency: 'USD', shippingUsd: '30', items: [{ hs: '691200', price: '150' }] }));
    expect(l.deMinimis).toEqual({ duty: 'applied', tax: 'applied' });
  });

  it('when the goods are worth USD 500, then the simplified 4% plus IGV 16% and IPM 2%', () => {
    // 4% × 500 (goods) = 20.00 (PE-2); IGV 16% × (530 + 20) = 88.00; IPM 2% × 550 = 11.00 (PE-4).
    const l = lines(quoteParcel({ dest: 'PE', currency: 'USD', shippingUsd: '30', items: [{ hs: '691200', price: '500' }] }));
    expect(l.duties).toEqual([['regime:PE-COURIER-SIMPLIFIED', '20.00']]);
    expect(l.taxes).toEqual([['IGV', '16', '550.00', '88.00', 'import'], ['IPM', '2', '550.00', '11.00', 'import']]);
    expect(l.notes).toContain('UNCONFIRMED_FIGURES'); // the IGV/IPM base is unconfirmed (PE-4)
  });
});
