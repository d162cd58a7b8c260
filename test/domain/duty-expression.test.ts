import { say } from '../../src/domain/wording';
import { evaluateDuty, MissingQuantityError, type DutyBase } from '../../src/domain/duty-expression';
import { D } from '../../src/domain/money';
import { dutyExpressionSchema, type DutyExpressionInput } from '../../src/tariffs/duty-expression-schema';
import { RATES } from '../helpers/engine-fixtures';
import { convert } from '../../src/fx/rate-table';

const base = (over: Partial<DutyBase> = {}): DutyBase => ({
  customsValue: new D('10.00'),
  currency: 'USD',
  quantity: new D(10),
  netKg: new D(3),
  convert: (a, f, t) => convert(a, f, t, RATES),
  ...over,
});

const ad = (percent: string): DutyExpressionInput => ({ type: 'adValorem', percent });
const spec = (amount: string, per: 'unit' | 'kg' | 'litre', currency = 'USD', quantity?: string): DutyExpressionInput => ({
  type: 'specific',
  amount,
  currency,
  per,
  ...(quantity ? { quantity } : {}),
});

describe('evaluateDuty: typed components with +, MIN, MAX', () => {
  it.each<[string, DutyExpressionInput, string, string]>([
    ['ad valorem', ad('16.5'), '1.65', '16.5%'], // 16.5% × 10.00
    ['specific per unit', spec('0.5', 'unit'), '5', '0.5 USD/unit'], // 0.5 × 10 units
    ['specific per kg', spec('0.028', 'kg'), '0.084', '0.028 USD/kg'], // 0.028 × 3 kg
    ['specific per 100 kg in EUR', spec('93.1', 'kg', 'EUR', '100'), '3.49125', '93.1 EUR/100 kg'], // 93.1 EUR × 1.25 = 116.375 USD per 100 kg × 3 kg = 3.49125
    ['sum: 5% + 0.50 USD/kg', { type: 'sum', of: [ad('5'), spec('0.5', 'kg')] }, '2', '5% + 0.5 USD/kg'], // 0.50 + 1.50
    ['MAX(10%, 2 USD/unit)', { type: 'max', of: [ad('10'), spec('2', 'unit')] }, '20', 'MAX(10%, 2 USD/unit)'], // max(1.00, 20.00)
    ['MIN(10%, 2 USD/unit)', { type: 'min', of: [ad('10'), spec('2', 'unit')] }, '1', 'MIN(10%, 2 USD/unit)'], // min(1.00, 20.00)
    [
      '12% + MIN(2 USD/kg, 0.1 USD/unit)',
      { type: 'sum', of: [ad('12'), { type: 'min', of: [spec('2', 'kg'), spec('0.1', 'unit')] }] },
      '2.2', // 1.20 + min(6.00, 1.00)
      '12% + MIN(2 USD/kg, 0.1 USD/unit)',
    ],
  ])('when the duty is %s, then it is %s', (_name, expr, amount, rate) => {
    const ev = evaluateDuty(dutyExpressionSchema.parse(expr), base());
    expect(ev.amount.toString()).toBe(amount);
    expect(say(ev.rate, 'en')).toBe(rate);
    expect(say(ev.working, 'en').length).toBeGreaterThan(0);
  });

  it('when a per-kg duty has no weight, then it asks for it', () => {
    const expr = dutyExpressionSchema.parse(spec('1', 'kg'));
    expect(() => evaluateDuty(expr, base({ netKg: undefined }))).toThrow(MissingQuantityError);
  });

  it('when a per-litre duty has no volume, then it asks for it', () => {
    const expr = dutyExpressionSchema.parse(spec('1', 'litre'));
    expect(() => evaluateDuty(expr, base())).toThrow('volume');
  });
});
