import { D, allocate, formatAmount, minorUnits, roundHalfUp, sum } from '../../src/domain/money';
import { ceilToStep, toCm, toKg } from '../../src/domain/units';

describe('ISO 4217 minor units', () => {
  it.each([
    ['JPY', 0],
    ['KRW', 0],
    ['CLP', 0],
    ['MXN', 2],
    ['USD', 2],
    ['KWD', 3],
  ])('when the currency is %s, then it has %i decimals', (code, units) => {
    expect(minorUnits(code)).toBe(units);
  });

  it('when a code is not ISO 4217, then it throws', () => {
    expect(() => minorUnits('XYZ')).toThrow('Unknown ISO 4217 currency XYZ');
  });
});

describe('roundHalfUp: the named rounding of every reported line', () => {
  it.each([
    ['2.5', 'JPY', '3'], // half goes up
    ['2.4999', 'JPY', '2'],
    ['1322.24', 'JPY', '1322'],
    ['16.528', 'MXN', '16.53'],
    ['2.345', 'MXN', '2.35'], // exact decimal: no float 2.34499…
    ['9.975', 'CAD', '9.98'],
    ['1.2345', 'KWD', '1.235'],
    ['1.2344', 'KWD', '1.234'],
  ])('when %s %s is rounded, then it is %s', (value, ccy, expected) => {
    expect(formatAmount(roundHalfUp(new D(value), ccy), ccy)).toBe(expected);
  });

  it('when an amount is formatted, then it always shows the minor units', () => {
    expect(formatAmount(new D('1234.5'), 'MXN')).toBe('1234.50');
    expect(formatAmount(new D('7'), 'KWD')).toBe('7.000');
  });
});

describe('allocate: remainder-exact split', () => {
  it.each([
    // 10.00 = 1000 cents over 1:1:1 → 333.33 each → floors 333 ×3 = 999, 1 cent left → first (ties) gets it
    ['10.00', 'USD', ['1', '1', '1'], ['3.34', '3.33', '3.33']],
    // 0.05 = 5 cents over 1:2 → 1.667 and 3.333 → floors 1 + 3 = 4, 1 left → largest remainder (0.667, part 0)
    ['0.05', 'USD', ['1', '2'], ['0.02', '0.03']],
    // 100 JPY over 1:1:1 → 33.33 each → 34, 33, 33
    ['100', 'JPY', ['1', '1', '1'], ['34', '33', '33']],
    // 12.50 over 700 and 300 (by value) → 8.75 and 3.75 exactly
    ['12.50', 'USD', ['700', '300'], ['8.75', '3.75']],
    // zero weights split evenly: 1.00 over 3 → 0.34, 0.33, 0.33
    ['1.00', 'USD', ['0', '0', '0'], ['0.34', '0.33', '0.33']],
  ])('when %s %s is split by %j, then the parts are %j', (total, ccy, weights, expected) => {
    const parts = allocate(new D(total), weights.map((w) => new D(w)), ccy);
    expect(parts.map((p) => formatAmount(p, ccy))).toEqual(expected);
    expect(sum(parts).equals(new D(total))).toBe(true);
  });

  it('when the total is not in minor units, then it refuses', () => {
    expect(() => allocate(new D('1.005'), [new D(1)], 'USD')).toThrow('not in USD minor units');
  });
});

describe('units', () => {
  it.each([
    [2, 'lb', '0.90718474'], // 2 × 0.45359237
    [1.5, 'kg', '1.5'],
  ] as const)('when %s %s is converted, then it is %s kg', (v, unit, kg) => {
    expect(toKg(v, unit).toString()).toBe(kg);
  });

  it.each([
    [10, 'in', '25.4'], // 10 × 2.54
    [30, 'cm', '30'],
  ] as const)('when %s %s is converted, then it is %s cm', (v, unit, cm) => {
    expect(toCm(v, unit).toString()).toBe(cm);
  });

  it.each([
    ['1.2', '0.5', '1.5'],
    ['1.5', '0.5', '1.5'],
    ['30.01', '1', '31'],
  ])('when %s kg is rounded up to a %s kg step, then it is %s', (v, step, out) => {
    expect(ceilToStep(new D(v), new D(step)).toString()).toBe(out);
  });
});
