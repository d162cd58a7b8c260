import { lines, quoteParcel } from './destination-fixtures';

// Talavera ceramic tableware (6912.00) from Mexico, shipping USD 20; Panama's customs currency is USD.
describe('PA: ceramics from Mexico', () => {
  it('when the invoice value is USD 80, then no duty and no ITBMS (≤ USD 100, PA-1)', () => {
    const l = lines(quoteParcel({ dest: 'PA', currency: 'USD', shippingUsd: '20', items: [{ hs: '691200', price: '80' }] }));
    expect(l.deMinimis).toEqual({ duty: 'applied', tax: 'applied' });
    expect(l.taxes.map((t) => t[3])).toEqual(['0.00']);
  });

  it('when the invoice value is USD 150, then the FTA 0% and ITBMS 7% on CIF', () => {
    // Mexico–Panama FTA 0% (unconfirmed, PA-4); ITBMS 7% × (150 + 20) = 11.90 (PA-2).
    const l = lines(quoteParcel({ dest: 'PA', currency: 'USD', shippingUsd: '20', items: [{ hs: '691200', price: '150' }] }));
    expect(l.duties).toEqual([['estimated:unconfirmed', '0.00']]);
    expect(l.taxes).toEqual([['ITBMS', '7', '170.00', '11.90', 'import']]);
  });
});
