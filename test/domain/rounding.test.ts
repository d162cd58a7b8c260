import { say } from '../../src/domain/wording';
import { D } from '../../src/domain/money';
import { applyRounding, roundToStep } from '../../src/domain/rounding';
import { convert, type RateTable } from '../../src/fx/rate-table';
import { fractionSchema, roundingRuleSchema } from '../../src/tariffs/rounding-schema';

describe('rounding to a legal step', () => {
  it.each([
    // Japan: 534,795 → 534,000 (FAQ 1111); a value under JPY 1,000 becomes 0 (国税通則法 118(1))
    ['534795', '1000', 'down', '534000'],
    ['999', '1000', 'down', '0'],
    ['1000', '1000', 'down', '1000'],
    ['74760', '100', 'down', '74700'],
    ['1001', '1000', 'up', '2000'],
    // Mexico's payment rule is half-down at 50 centavos (CFF art. 20): 10.50 → 10, 10.51 → 11
    ['10.50', '1', 'halfDown', '10'],
    ['10.51', '1', 'halfDown', '11'],
    ['10.50', '1', 'halfUp', '11'],
  ] as const)('when %s is rounded to %s %s, then %s', (amount, step, direction, expected) => {
    expect(roundToStep(new D(amount), new D(step), direction).toString()).toBe(expected);
  });
});

describe('rounding in the law\'s currency', () => {
  // 1 EUR = 1.0823 USD = 162.41 JPY: USD ↔ JPY goes through two divisions, which leaves noise.
  const rates: RateTable = { asOf: '2026-11-20', source: 'test', base: 'EUR', rates: new Map([['USD', new D('1.0823')], ['JPY', new D('162.41')]]) };
  const cv = (a: InstanceType<typeof D>, from: string, to: string) => convert(a, from, to, rates);
  const rule = { step: new D(1000), direction: 'down' as const, currency: 'JPY' };

  it('when a USD amount is exactly JPY 534,000 but converts back as 533,999.99…9, then it is not truncated to 533,000 by the noise', () => {
    const usd = cv(new D(534000), 'JPY', 'USD');
    // The noise is real at 40 digits: without the 10-place cleanup, truncation would drop JPY 1,000.
    expect(cv(usd, 'USD', 'JPY').equals(534000)).toBe(false);
    const r = applyRounding(usd, rule, 'USD', cv);
    expect(r.working).toBeUndefined();
    expect(cv(r.value, 'USD', 'JPY').toDecimalPlaces(10).toString()).toBe('534000');
  });

  it('when USD 100 is rounded down to JPY 1,000, then 100 / 1.0823 × 162.41 = 15,006.0057 JPY → 15,000 JPY = USD 99.96 and the working says so', () => {
    const r = applyRounding(new D(100), rule, 'USD', cv);
    expect(cv(r.value, 'USD', 'JPY').toDecimalPlaces(10).toString()).toBe('15000');
    expect(r.value.toFixed(2)).toBe('99.96');
    // 15,000 / 162.41 × 1.0823 = 99.9600…
    expect(say(r.working!, 'en')).toBe('15006 JPY → 15000 JPY (rounded down to JPY 1000) = 99.96 USD');
    expect(say(r.working!, 'es')).toBe('15006 JPY → 15000 JPY (redondeado hacia abajo a JPY 1000) = 99.96 USD');
  });
});

describe('the rounding and fraction schemas', () => {
  it('when a fraction is written "22/78", then it is kept as numerator and denominator, never a float', () => {
    const f = fractionSchema.parse('22/78');
    expect([f.numerator.toString(), f.denominator.toString()]).toEqual(['22', '78']);
    // 47,500 × 22 / 78 = 13,397.43… (FAQ 1111): multiply first, divide last.
    expect(new D(47500).times(f.numerator).div(f.denominator).floor().toString()).toBe('13397');
  });

  it.each([
    ['0.22', 'a decimal is not a fraction'],
    ['22/0', 'a zero denominator'],
  ])('when a fraction is %s (%s), then the schema refuses it', (text) => {
    expect(fractionSchema.safeParse(text).success).toBe(false);
  });

  it('when a base is rounded at the total or a step is zero, then the schema refuses the rule', () => {
    const ok = { what: 'taxBase', codes: ['CT'], at: 'item', step: '1000', direction: 'down', currency: 'JPY', source: 's' };
    expect(roundingRuleSchema.safeParse(ok).success).toBe(true);
    expect(roundingRuleSchema.safeParse({ ...ok, at: 'total' }).success).toBe(false);
    expect(roundingRuleSchema.safeParse({ ...ok, step: '0' }).success).toBe(false);
    expect(roundingRuleSchema.safeParse({ ...ok, what: 'duty' }).success).toBe(false);
  });
});
