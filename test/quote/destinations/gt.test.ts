import { BUNDLED_RATES, lines, quoteParcel } from './destination-fixtures';

// 3 T-shirts at USD 20 from Mexico, shipping USD 25; CIF (GT-3). Round-number tests in USD, then one in GTQ.
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

  it('when the quote is in GTQ, the destination\'s currency, then it converts at the bundled market rate, worked out by hand', () => {
    // Bundled rows: ECB 2026-04-13 USD 1.1684/EUR; market table 2026-09-29 GTQ 8.6748075/EUR (not official).
    // GTQ per USD = 8.6748075 / 1.1684 = 7.42451857…; goods 60 × = 445.4711 → 445.47; shipping 25 × = 185.61;
    // FTA 0%; IVA 12% × (445.4711 + 185.61 = 631.0811) = 75.73.
    const q = quoteParcel({ dest: 'GT', currency: 'GTQ', shippingUsd: '25', items: [{ hs: '610910', qty: 3, price: '20' }], rates: BUNDLED_RATES });
    const l = lines(q);
    expect([q.currency, q.goodsValue, q.options[0]!.shipping.amount]).toEqual(['GTQ', '445.47', '185.61']);
    expect(l.taxes).toEqual([['IVA', '12', '631.08', '75.73', 'import']]);
    expect(l.landedCost).toBe('706.81');
    expect(q.exchangeRates.rates).toEqual({ USD: '0.1346888677' }); // 1.1684 / 8.6748075
    expect(q.exchangeRates.details.GTQ).toMatchObject({ asOf: '2026-09-29', official: false });
  });
});
