import { D } from '../../src/domain/money';
import { shippingWasRead, valueConsignment } from '../../src/domain/consignment';
import type { QuoteResult } from '../../src/quote/quote-result';
import type { RatedService } from '../../src/carriers/carrier-rater';
import type { LoadedTariff } from '../../src/tariffs/tariff-index';
import type { QuoteInput } from '../../src/quote/quote-input';
import { input, item, quote, service, tariff } from '../helpers/engine-fixtures';

/**
 * Issue 17: the customs part (duties, taxes, customs fees, thresholds, notes) of a quote is
 * worked out once and shared by the carrier options whose answer cannot differ: same channel,
 * and no rule read the shipping (or the same shipping). These tests price every option alone
 * and among the others: the customs figures must be the same either way.
 */
const SRC = { source: 'test', confidence: 'confirmed' as const };
const VAT20 = { code: 'VAT', name: { es: 'IVA', en: 'VAT' }, rate: '20', base: ['customsValue', 'duties'], ...SRC };

function customsOf(q: QuoteResult, carrier: string) {
  const o = q.options.find((x) => x.carrier === carrier)!;
  return { duties: o.duties, taxes: o.taxes, fees: o.fees, deMinimis: o.deMinimis, landed: o.landedCost, notes: o.noteIds.map((id) => q.optionNotes[id]) };
}

/** Each option priced among all of them equals the same option priced alone. */
function expectSameAsAlone(t: LoadedTariff, q: QuoteInput, services: RatedService[]): QuoteResult {
  const together = quote(t, q, services);
  for (const s of services) expect(customsOf(together, s.carrier)).toEqual(customsOf(quote(t, q, [s]), s.carrier));
  return together;
}

describe('shippingWasRead: which consignment values a rule looked at', () => {
  it('when the basis is FOB and nobody reads shipping, then it is false; reading an item share makes it true', () => {
    const v = valueConsignment([new D('60'), new D('40')], new D('10.00'), new D('0'), 'FOB', 'USD');
    expect(shippingWasRead(v)).toBe(false);
    expect(v.items[0]!.customsValue.toString()).toBe('60');
    expect(shippingWasRead(v)).toBe(false);
    // 10.00 split 60:40 → 6.00 and 4.00
    expect(v.items[1]!.shipping.toFixed(2)).toBe('4.00');
    expect(shippingWasRead(v)).toBe(true);
  });

  it('when the basis is CIF, then the customs value already holds shipping: true from the start', () => {
    const v = valueConsignment([new D('60')], new D('10.00'), new D('0'), 'CIF', 'USD');
    expect(v.customsValue.toString()).toBe('70');
    expect(shippingWasRead(v)).toBe(true);
  });

  it('when the consignment total shipping is read, then it is true', () => {
    const v = valueConsignment([new D('60')], new D('10.00'), new D('0'), 'FOB', 'USD');
    expect(v.shipping.toString()).toBe('10');
    expect(shippingWasRead(v)).toBe(true);
  });
});

describe('carrier options share the customs part only when it cannot differ (issue 17)', () => {
  const three = [service('20.00', 'USD', { carrier: 'a' }), service('35.00', 'USD', { carrier: 'b' }), service('12.50', 'USD', { carrier: 'c' })];

  it('when the destination values FOB with VAT on customs value + duty, then every option has the same lines: duty 10% × 100 = 10.00, VAT 20% × 110 = 22.00', () => {
    const q = expectSameAsAlone(tariff({}, { taxes: [VAT20] }), input(), three);
    for (const o of q.options) {
      expect(o.duties.lines.map((l) => l.amount)).toEqual(['10.00']);
      expect(o.taxes.lines.map((l) => l.amount)).toEqual(['22.00']);
    }
    // One priced consignment: the very same line objects in every option.
    expect(q.options[1]!.duties.lines[0]).toBe(q.options[0]!.duties.lines[0]);
  });

  it('when the destination values CIF, then each option has its own duty base: 10% × (100 + 20 / 35 / 12.50)', () => {
    const t = tariff({}, { valuation: { basis: 'CIF', ...SRC }, taxes: [VAT20] });
    const q = expectSameAsAlone(t, input(), three);
    const duty = (c: string) => q.options.find((o) => o.carrier === c)!.duties.lines[0]!;
    expect([duty('a').base, duty('a').amount]).toEqual(['120.00', '12.00']);
    expect([duty('b').base, duty('b').amount]).toEqual(['135.00', '13.50']);
    // 10% × 112.50 = 11.25; VAT 20% × (112.50 + 11.25) = 24.75
    expect([duty('c').base, duty('c').amount]).toEqual(['112.50', '11.25']);
    expect(q.options.find((o) => o.carrier === 'c')!.taxes.lines[0]!.amount).toBe('24.75');
  });

  it('when a FOB destination measures its tax de minimis with shipping (Israel-style USD 115 on goods + shipping), then an option at 110 is under it and one at 120 is over', () => {
    const t = tariff({}, { taxes: [VAT20], deMinimis: { duty: [], tax: [{ id: 'T-115', amount: '115', currency: 'USD', basis: 'goodsPlusShipping', ...SRC }] } });
    const services = [service('10.00', 'USD', { carrier: 'cheap' }), service('20.00', 'USD', { carrier: 'dear' })];
    const q = expectSameAsAlone(t, input(), services);
    const of = (c: string) => q.options.find((o) => o.carrier === c)!;
    // 100 + 10 = 110 ≤ 115: no VAT; 100 + 20 = 120 > 115: VAT 20% × (100 + 10 duty) = 22.00
    expect([of('cheap').deMinimis.tax, of('cheap').taxes.amount]).toEqual(['applied', '0.00']);
    expect([of('dear').deMinimis.tax, of('dear').taxes.amount]).toEqual(['not-applied', '22.00']);
  });

  it('when a regime is only for postal parcels, then the postal and courier options are priced apart at the same shipping price', () => {
    const regime = {
      id: 'POSTAL-FLAT', name: { es: 'Tarifa postal', en: 'Postal flat rate' }, replaces: ['duty'], currency: 'USD', basis: 'goods', channels: ['postal'],
      bands: [{ upTo: '500', treatment: { type: 'rate', percent: '2' } }], ...SRC,
    };
    const services = [service('20.00', 'USD', { carrier: 'post', channel: 'postal' }), service('20.00', 'USD', { carrier: 'courier' })];
    const q = expectSameAsAlone(tariff({}, { regimes: [regime] }), input(), services);
    const of = (c: string) => q.options.find((o) => o.carrier === c)!;
    // postal: 2% × 100 = 2.00 under the regime; courier: 10% × 100 = 10.00
    expect(of('post').duties.amount).toBe('2.00');
    expect(of('post').deMinimis.regime).toBe('POSTAL-FLAT');
    expect(of('courier').duties.amount).toBe('10.00');
  });

  it('when options share the customs part but have their own carrier fees on duties and taxes, then each keeps its own fee', () => {
    const dap = (pct: string) => ({ code: 'DISB', name: { es: 'Gestión', en: 'Disbursement' }, option: 'dap' as const, price: (x: InstanceType<typeof D>) => ({ amount: x.times(pct), working: pct }) });
    const services = [service('20.00', 'USD', { carrier: 'a', dutyFees: [dap('0.02')] }), service('20.00', 'USD', { carrier: 'b', dutyFees: [dap('0.10')] }), service('20.00', 'USD', { carrier: 'c' })];
    const q = expectSameAsAlone(tariff({}, { taxes: [VAT20] }), input(), services);
    const of = (c: string) => q.options.find((o) => o.carrier === c)!;
    // duties and taxes 10 + 22 = 32: 2% = 0.64, 10% = 3.20, none
    expect([of('a').fees.amount, of('b').fees.amount, of('c').fees.amount]).toEqual(['0.64', '3.20', '0.00']);
    expect(of('a').payableOnDelivery).toBe('32.64');
  });
});

describe('items', () => {
  it('when two items of a FOB cart are shared across options, then both lines are shared: 10% × 100 and 10% × 50', () => {
    const q = quote(tariff(), input({ items: [item(), item({ index: 1, unitPrice: new D('50.00') })] }), [service('5'), service('9', 'USD', { carrier: 'x' })]);
    for (const o of q.options) expect(o.duties.lines.map((l) => l.amount)).toEqual(['10.00', '5.00']);
  });
});
