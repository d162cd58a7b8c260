import type { CarrierRater, RateResult, ShipmentToRate } from '../../src/carriers/carrier-rater';
import { D } from '../../src/domain/money';
import { RatingCache, rateCarriers, ratingKey } from '../../src/quote/rate-carriers';

function shipment(over: Partial<ShipmentToRate> = {}): ShipmentToRate {
  return {
    origin: { country: 'MX', postalCode: '64000' },
    destination: { country: 'US', postalCode: '10001' },
    parcels: [{ lengthCm: new D(30), widthCm: new D(20), heightCm: new D(10), weightKg: new D('1.2') }],
    declaredValue: { amount: new D('100'), currency: 'USD' },
    shipDate: '2026-12-14',
    insure: false,
    items: [],
    buyer: 'consumer',
    convert: (a) => a,
    ...over,
  };
}

class CountingCarrier implements CarrierRater {
  calls = 0;
  constructor(readonly id: string, readonly reuse?: 'no' | 'always' | 'sameValue', private readonly fail = false) {}
  readonly name = 'Counting';
  rate(): RateResult {
    this.calls += 1;
    if (this.fail) throw new Error('boom');
    return { options: [], rejections: [] };
  }
}

describe('reusing carrier prices across requests that differ only in prices', () => {
  it.each([
    ['a table without value rules, other goods value', 'always', {}, { declaredValue: { amount: new D('999'), currency: 'USD' } }, true],
    ['a table with value rules, other goods value', 'sameValue', {}, { declaredValue: { amount: new D('999'), currency: 'USD' } }, false],
    ['any table, insured, other goods value', 'always', { insure: true }, { insure: true, declaredValue: { amount: new D('999'), currency: 'USD' } }, false],
    ['any table, another parcel weight', 'always', {}, { parcels: [{ lengthCm: new D(30), widthCm: new D(20), heightCm: new D(10), weightKg: new D('1.3') }] }, false],
    ['any table, another postcode', 'always', {}, { destination: { country: 'US', postalCode: '99501' } }, false],
    ['any table, another ship date', 'always', {}, { shipDate: '2026-12-15' }, false],
  ] as [string, 'always' | 'sameValue', Partial<ShipmentToRate>, Partial<ShipmentToRate>, boolean][])('when %s, then the key is shared: %s', (_name, reuse, a, b, same) => {
    const c = new CountingCarrier('c', reuse);
    expect(ratingKey(c, shipment(a)) === ratingKey(c, shipment(b))).toBe(same);
  });

  it('when a carrier gives live prices (reuse omitted), then it is never cached', () => {
    expect(ratingKey(new CountingCarrier('live'), shipment())).toBeUndefined();
  });

  it('when the same shipment is rated twice with a cache, then a table is asked once and a live carrier twice', async () => {
    const table = new CountingCarrier('table', 'always');
    const live = new CountingCarrier('live');
    const cache = new RatingCache();
    await rateCarriers([table, live], shipment(), 100, cache);
    await rateCarriers([table, live], shipment({ declaredValue: { amount: new D('5'), currency: 'USD' } }), 100, cache);
    expect([table.calls, live.calls]).toEqual([1, 2]);
  });

  it('when a carrier fails, then the failure is not cached', async () => {
    const broken = new CountingCarrier('broken', 'always', true);
    const cache = new RatingCache();
    const first = await rateCarriers([broken], shipment(), 100, cache);
    await rateCarriers([broken], shipment(), 100, cache);
    expect(first.rejections[0]?.code).toBe('CARRIER_ERROR');
    expect(broken.calls).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('when the cache is full, then the oldest entry leaves', () => {
    const cache = new RatingCache(2);
    const r: RateResult = { options: [], rejections: [] };
    cache.set('a', r);
    cache.set('b', r);
    cache.set('c', r);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, r, r]);
  });
});
