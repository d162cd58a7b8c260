import { lines, quoteParcel } from './destination-fixtures';

// A T-shirt from Mexico through a Remessa Conforme platform; USD 1 = BRL 5; CIF (BR-2).
const parcel = (price: string, shippingUsd: string, region: string, shipDate = '2026-11-26') =>
  lines(quoteParcel({ dest: 'BR', currency: 'BRL', region, shipDate, shippingUsd, items: [{ hs: '610910', price }] }));

describe('BR: Remessa Conforme with state ICMS "por dentro"', () => {
  it.each([
    // CV (30 + 10) USD = BRL 200.00 ≤ USD 50: II 20% × 200.00 = 40.00 (BR-1); ICMS SP 17%: (200 + 40) × 17 / 83 = 49.157 → 49.16 (BR-3)
    ['30', '10', 'SP', '40.00', ['ICMS', '17', '240.00', '49.16', 'import']],
    // BA 20% since 2025-04-01: 240 × 20 / 80 = 60.00
    ['30', '10', 'BA', '40.00', ['ICMS', '20', '240.00', '60.00', 'import']],
    // CV (100 + 20) USD = BRL 600.00 > USD 50: 60% × 600.00 − USD 20 (BRL 100.00) = 260.00; ICMS SP (600 + 260) × 17 / 83 = 176.145 → 176.14
    ['100', '20', 'SP', '260.00', ['ICMS', '17', '860.00', '176.14', 'import']],
  ])('when a USD %s shirt with USD %s shipping goes to %s, then II %s and %j', (price, ship, region, ii, icms) => {
    const l = parcel(price, ship, region);
    expect(l.duties).toEqual([['regime:BR-REMESSA-CONFORME', ii]]);
    expect(l.taxes).toEqual([icms]);
  });

  it('when it goes to Bahia either side of 2025-04-01, then ICMS is 17% then 20% (BR-3)', () => {
    expect(parcel('30', '10', 'BA', '2025-03-31').taxes[0]?.[3]).toBe('49.16'); // 240 × 17 / 83
    expect(parcel('30', '10', 'BA', '2025-04-01').taxes[0]?.[3]).toBe('60.00'); // 240 × 20 / 80
  });
});
