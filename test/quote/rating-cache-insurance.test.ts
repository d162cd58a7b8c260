import { D } from '../../src/domain/money';
import { TableCarrierRater } from '../../src/carriers/table-carrier-rater';
import { withRestrictions } from '../../src/carriers/restricted-rater';
import { RatingCache, rateCarriers, ratingKey } from '../../src/quote/rate-carriers';
import { say } from '../../src/domain/wording';
import type { CarrierFile } from '../../src/carriers/carrier-schema';
import type { RateResult } from '../../src/carriers/carrier-rater';
import { loadCarrier, option, shipment } from '../carriers/rate-helpers';

/**
 * Issue 17: an insured shipment's carrier prices differ between declared values only in the
 * insurance line when the table's insurance has no triggers and no exclusions, so the rating cache
 * keys it without the value and re-prices only that line. carriers/ups.json: INSURANCE 1 % of the
 * declared value, minimum 4.00 USD (illustrative table); rate-helpers convert at 18 MXN a USD.
 */
const insured = (mxn: string) => shipment({ insure: true, declaredValue: { amount: new D(mxn), currency: 'MXN' } });
const summary = (r: RateResult) => r.options.map((o) => ({ service: o.service, lines: o.lines.map((l) => l.amount.toString()), insurance: o.insurance && [o.insurance.code, o.insurance.amount.toFixed(2), say(o.insurance.working, 'en')] }));

class Counting extends TableCarrierRater {
  calls = 0;
  override rate(s: Parameters<TableCarrierRater['rate']>[0]): RateResult {
    this.calls += 1;
    return super.rate(s);
  }
}

describe('insured shipments share carrier prices across declared values (issue 17)', () => {
  const ups = loadCarrier('ups.json');

  it('when UPS insurance is 1 % with a 4.00 USD minimum and nothing triggers or excludes it, then the table says so', () => {
    expect(new TableCarrierRater(ups).insuranceByValue).toBe(true);
    expect(new TableCarrierRater(ups).reuse).toBe('always');
  });

  it('when two insured carts differ only in value, then they share one rating key, and an uninsured cart does not', () => {
    const rater = new TableCarrierRater(ups);
    expect(ratingKey(rater, insured('1800'))).toBe(ratingKey(rater, insured('17982')));
    expect(ratingKey(rater, insured('1800'))).not.toBe(ratingKey(rater, shipment({ declaredValue: { amount: new D('1800'), currency: 'MXN' } })));
  });

  it('when the second insured cart is answered from the cache, then the table is rated once and the insurance is the new value’s: 1 % × 100.00 = 1.00 → minimum 4.00; 1 % × 999.00 = 9.99', async () => {
    const rater = new Counting(ups);
    const cache = new RatingCache();
    const first = await rateCarriers([rater], insured('1800'), 100, cache); // 1,800 MXN = 100 USD
    const second = await rateCarriers([rater], insured('17982'), 100, cache); // 17,982 MXN = 999 USD
    expect(rater.calls).toBe(1);
    const ins = (r: RateResult) => option(r, r.options[0]!.service).insurance!.amount.toFixed(2);
    expect([ins(first), ins(second)]).toEqual(['4.00', '9.99']);
    // Exactly what rating the second cart afresh gives: every line, the insurance and its working.
    expect(summary(second)).toEqual(summary(new TableCarrierRater(ups).rate(insured('17982'))));
    expect(summary(first)).toEqual(summary(new TableCarrierRater(ups).rate(insured('1800'))));
  });

  it('when a carrier with restricted-goods rules wraps the table, then it keeps the flag', () => {
    const wrapped = withRestrictions(new TableCarrierRater(ups), { restrictions: [{ id: 'x', hs: ['93'], action: 'refuse', reason: { es: 'x', en: 'x' }, source: 'illustrative' }] } as never);
    expect(wrapped.insuranceByValue).toBe(true);
  });

  it.each([
    ['its insurance has a trigger (only above a declared value)', (t: CarrierFile) => ({ ...t, surcharges: t.surcharges.map((s) => (s.option === 'insurance' ? { ...s, triggers: [{ field: 'declaredValue', op: 'gt', value: 500 }] } : s)) })],
    ['its insurance excludes another charge', (t: CarrierFile) => ({ ...t, surcharges: t.surcharges.map((s) => (s.option === 'insurance' ? { ...s, excludes: ['FUEL'] } : s)) })],
    ['another charge excludes the insurance', (t: CarrierFile) => ({ ...t, surcharges: t.surcharges.map((s, i) => (i === 0 ? { ...s, excludes: [...(s.excludes ?? []), 'INSURANCE'] } : s)) })],
  ] as [string, (t: CarrierFile) => CarrierFile][])('when %s, then insured carts of other values are rated again', async (_why, change) => {
    const rater = new Counting(change(ups));
    expect(rater.insuranceByValue).toBe(false);
    const cache = new RatingCache();
    await rateCarriers([rater], insured('1800'), 100, cache);
    await rateCarriers([rater], insured('17982'), 100, cache);
    expect(rater.calls).toBe(2);
  });
});

/**
 * Issue 17: carriers/estafeta.json's only value rule is the export pedimento A1 (30.00 USD when the
 * declared value is over 5,000 USD): carts on the same side of 5,000 USD share one rating.
 * rate-helpers convert at 18 MXN a USD: 5,000 USD = 90,000 MXN.
 */
describe('a table whose only value rules are thresholds shares prices on each side of them (issue 17)', () => {
  const estafeta = loadCarrier('estafeta.json');
  const valued = (mxn: string) => shipment({ declaredValue: { amount: new D(mxn), currency: 'MXN' } });

  it('when the values are 1,800 and 17,982 MXN (100 and 999 USD), then one key; 90,000 (= 5,000 USD, not over) too; 90,018 (5,001 USD) another', () => {
    const rater = new TableCarrierRater(estafeta);
    expect(rater.reuse).toBe('sameValue');
    const key = (mxn: string) => ratingKey(rater, valued(mxn));
    expect(key('17982')).toBe(key('1800'));
    expect(key('90000')).toBe(key('1800'));
    expect(key('90018')).not.toBe(key('1800'));
    expect(rater.valueKey(valued('90018'))).toBe('1');
    expect(rater.valueKey(valued('90000'))).toBe('0');
  });

  it('when a cart over 5,000 USD is answered, then it has the pedimento and the cached cheaper cart’s answer does not, each equal to rating afresh', async () => {
    const rater = new Counting(estafeta);
    const cache = new RatingCache();
    const lines = (r: RateResult) => r.options.map((o) => o.lines.map((l) => `${l.code} ${l.amount.toFixed(2)}`));
    const cheap = await rateCarriers([rater], valued('1800'), 100, cache);
    const cheap2 = await rateCarriers([rater], valued('17982'), 100, cache);
    const dear = await rateCarriers([rater], valued('90018'), 100, cache);
    expect(rater.calls).toBe(2);
    expect(lines(cheap2)).toEqual(lines(new TableCarrierRater(estafeta).rate(valued('17982'))));
    expect(lines(dear)).toEqual(lines(new TableCarrierRater(estafeta).rate(valued('90018'))));
    expect(lines(cheap).flat().some((l) => l.startsWith('EXPORT_PEDIMENTO_A1'))).toBe(false);
    expect(lines(dear).flat().filter((l) => l.startsWith('EXPORT_PEDIMENTO_A1'))).toContain('EXPORT_PEDIMENTO_A1 540.00'); // 30 USD × 18 = 540.00 MXN
  });

  it('when a table charges a percentage of the declared value (not insurance), then the value itself is the key', () => {
    const pct = { ...estafeta, surcharges: [...estafeta.surcharges, { code: 'VALUE_FEE', name: { es: 'x', en: 'x' }, basis: 'percent', percent: new D('0.5'), percentOf: 'declaredValue', source: 'globalpack-estafeta' }] } as CarrierFile;
    const rater = new TableCarrierRater(pct);
    expect(rater.valueKey(valued('1800'))).toBeUndefined();
    expect(ratingKey(rater, valued('1800'))).not.toBe(ratingKey(rater, valued('17982')));
  });
});
