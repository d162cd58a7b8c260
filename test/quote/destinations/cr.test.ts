import { BUNDLED_RATES, lines, quoteParcel } from './destination-fixtures';

// Leather boots (6403.91) at USD 120 from Mexico, shipping USD 30: CIF 150.00 (CR-4); tests in USD, then one in CRC.
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

  it('when the quote is in CRC, the destination\'s currency, then it converts at the bundled market rate, worked out by hand', () => {
    // Bundled rows: ECB 2026-04-13 USD 1.1684/EUR; market table 2026-09-29 CRC 517.15176/EUR (not official).
    // CRC per USD = 517.15176 / 1.1684 = 442.615337…; goods 120 × = 53113.8405 → 53113.84; shipping 30 × = 13278.46;
    // FTA 0%; IVA 13% × (53113.8405 + 13278.46 = 66392.3005) = 8630.999 → 8631.00.
    const q = quoteParcel({ dest: 'CR', currency: 'CRC', shippingUsd: '30', items: [{ hs: '640391', price: '120' }], rates: BUNDLED_RATES });
    const l = lines(q);
    expect([q.currency, q.goodsValue, q.options[0]!.shipping.amount]).toEqual(['CRC', '53113.84', '13278.46']);
    expect(l.taxes).toEqual([['IVA', '13', '66392.30', '8631.00', 'import']]);
    expect(l.landedCost).toBe('75023.30'); // 53113.84 + 13278.46 + 0 + 8631.00
    expect(q.exchangeRates.rates).toEqual({ USD: '0.002259298122' }); // 1.1684 / 517.15176
    expect(q.exchangeRates.details.CRC).toMatchObject({ asOf: '2026-09-29', official: false });
  });
});
