import fc from 'fast-check';
import { D, allocate, minorUnits, sum } from '../../src/domain/money';
import { evaluateDuty } from '../../src/domain/duty-expression';
import { convert } from '../../src/fx/rate-table';
import { dutyExpressionSchema } from '../../src/tariffs/duty-expression-schema';
import { RATES, input, item, quote, service, tariff } from '../helpers/engine-fixtures';

const CURRENCIES = ['USD', 'MXN', 'CAD', 'JPY', 'GBP', 'EUR'] as const;
const SRC = { source: 'test' };

/** A decimal string with up to 2 decimals in [0.01, 5000]. */
const price = fc.integer({ min: 1, max: 500_000 }).map((cents) => new D(cents).div(100).toFixed(2));

const itemArb = fc.record({
  unitPrice: price,
  quantity: fc.integer({ min: 1, max: 20 }),
  priceCurrency: fc.constantFrom(...CURRENCIES),
  hs: fc.constantFrom('610910', '420221', '090121', '710691'),
  originCountry: fc.constantFrom('MX', 'CN', 'US'),
  claimPreference: fc.boolean(),
});

type ItemArb = typeof itemArb extends fc.Arbitrary<infer T> ? T : never;

const richTariff = tariff(
  {
    agreements: { USMCA: { name: { es: 'T-MEC', en: 'USMCA' }, members: ['MX', 'US', 'CA'], defaultDuty: { type: 'adValorem', percent: '0' }, ...SRC } },
    duties: {
      default: { duty: { type: 'adValorem', percent: '5' }, ...SRC },
      mfn: [
        { hs: '610910', duty: { type: 'adValorem', percent: '16.5' }, ...SRC },
        { hs: '420221', duty: { type: 'max', of: [{ type: 'adValorem', percent: '8' }, { type: 'specific', amount: '0.5', currency: 'USD', per: 'unit' }] }, ...SRC },
      ],
      additional: [{ id: '301', name: { es: '301', en: '301' }, origins: ['MX', 'CN'], duty: { type: 'adValorem', percent: '10' }, exemptUnder: ['USMCA'], ...SRC }],
    },
  },
  {
    valuation: { basis: 'CIF', ...SRC },
    deMinimis: { duty: [{ id: 'd', amount: '150', currency: 'USD', basis: 'goods', ...SRC }], tax: [] },
    taxes: [{ code: 'VAT', name: { es: 'IVA', en: 'VAT' }, rate: '19', base: ['customsValue', 'duties', 'fees'], ...SRC }],
    fees: [{ code: 'FEE', name: { es: 'f', en: 'f' }, currency: 'USD', charge: { type: 'adValorem', percent: '0.3464', min: '2', max: '50' }, ...SRC }],
  },
);

function quoteFor(items: ItemArb[], answer: string, incoterm: 'DDP' | 'DAP', shipping: string) {
  const ddpFee = { code: 'DTP', name: { es: 'd', en: 'd' }, option: 'ddp' as const, price: (x: InstanceType<typeof D>) => ({ amount: D.max(x.times('0.02'), 15), working: '2% min 15' }) };
  const dapFee = { code: 'DISB', name: { es: 'd', en: 'd' }, option: 'dap' as const, price: (x: InstanceType<typeof D>) => ({ amount: x.times('0.02'), working: '2%' }) };
  return quote(
    richTariff,
    input({
      currency: answer,
      incoterm,
      items: items.map((it, index) => item({ ...it, index, unitPrice: new D(it.unitPrice), quantity: new D(it.quantity) })),
    }),
    [service(shipping, 'MXN', { dutyFees: [ddpFee, dapFee] })],
  );
}

describe('engine properties', () => {
  it('when any cart is quoted in any currency, then landedCost is exactly the sum of its rounded parts', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { minLength: 1, maxLength: 6 }), fc.constantFrom(...CURRENCIES), fc.constantFrom<'DDP' | 'DAP'>('DDP', 'DAP'), price, (items, ccy, incoterm, shipping) => {
        const q = quoteFor(items, ccy, incoterm, shipping);
        const dp = minorUnits(ccy);
        for (const o of q.options) {
          const parts = [q.goodsValue, o.shipping.amount, o.insurance.amount, o.duties.amount, o.taxes.amount, o.fees.amount];
          expect(sum(parts.map((p) => new D(p))).toFixed(dp)).toBe(o.landedCost);
          expect(sum(o.duties.lines.map((l) => new D(l.amount))).toFixed(dp)).toBe(o.duties.amount);
          expect(sum(o.taxes.lines.map((l) => new D(l.amount))).toFixed(dp)).toBe(o.taxes.amount);
          expect(sum(o.shipping.lines.map((l) => new D(l.amount))).toFixed(dp)).toBe(o.shipping.amount);
          for (const a of [o.landedCost, ...parts]) expect(a).toMatch(dp === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${dp}}$`));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('when the same cart is quoted DDP and DAP, then duties and taxes agree and each split conserves its total', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { minLength: 1, maxLength: 5 }), fc.constantFrom(...CURRENCIES), price, (items, ccy, shipping) => {
        const ddp = quoteFor(items, ccy, 'DDP', shipping).options[0]!;
        const dap = quoteFor(items, ccy, 'DAP', shipping).options[0]!;
        expect(dap.duties.amount).toBe(ddp.duties.amount);
        expect(dap.taxes.amount).toBe(ddp.taxes.amount);
        expect(ddp.payableOnDelivery).toBe(new D(0).toFixed(minorUnits(ccy)));
        expect(ddp.payableAtCheckout).toBe(ddp.landedCost);
        expect(new D(dap.payableAtCheckout).plus(dap.payableOnDelivery).toFixed(minorUnits(ccy))).toBe(dap.landedCost);
        // Under DAP the buyer pays at least the duties and import taxes on delivery.
        expect(new D(dap.payableOnDelivery).gte(new D(dap.duties.amount).plus(dap.taxes.amount))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('when the value of an item rises, then its ad valorem duty never falls', () => {
    fc.assert(
      fc.property(price, price, fc.constantFrom('610910', '420221'), (a, b, hs) => {
        const [lo, hi] = new D(a).lte(b) ? [a, b] : [b, a];
        const duty = (p: string) => {
          const items = [{ unitPrice: p, quantity: 1, priceCurrency: 'USD' as const, hs, originCountry: 'CN' as const, claimPreference: true }];
          return new D(quoteFor(items, 'USD', 'DAP', '100.00').options[0]!.duties.amount);
        };
        expect(duty(hi).gte(duty(lo))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('when a customs value rises, then any ad valorem / MAX / MIN / sum duty expression never falls', () => {
    const expr = dutyExpressionSchema.parse({
      type: 'sum',
      of: [{ type: 'adValorem', percent: '12' }, { type: 'min', of: [{ type: 'adValorem', percent: '3' }, { type: 'specific', amount: '2', currency: 'EUR', per: 'kg' }] }],
    });
    fc.assert(
      fc.property(price, price, (a, b) => {
        const [lo, hi] = new D(a).lte(b) ? [new D(a), new D(b)] : [new D(b), new D(a)];
        const base = (v: InstanceType<typeof D>) => ({ customsValue: v, currency: 'USD', quantity: new D(1), netKg: new D(2), convert: (x: InstanceType<typeof D>, f: string, t: string) => convert(x, f, t, RATES) });
        expect(evaluateDuty(expr, base(hi)).amount.gte(evaluateDuty(expr, base(lo)).amount)).toBe(true);
      }),
    );
  });

  it('when any total is allocated over any weights, then no minor unit is lost or invented and no part is off by more than one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('USD', 'JPY', 'KWD'),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
        (ccy, units, weights) => {
          const scale = new D(10).pow(minorUnits(ccy));
          const total = new D(units).div(scale);
          const parts = allocate(total, weights.map((w) => new D(w)), ccy);
          expect(sum(parts).equals(total)).toBe(true);
          const wsum = weights.reduce((x, y) => x + y, 0);
          parts.forEach((p, i) => {
            expect(p.times(scale).isInteger()).toBe(true);
            const exact = wsum === 0 ? total.div(weights.length) : total.times(weights[i]!).div(wsum);
            expect(p.minus(exact).abs().lte(new D(1).div(scale))).toBe(true);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
