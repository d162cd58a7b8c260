import { D } from '../../domain/money';
import type { DutyExpressionInput } from '../duty-expression-schema';

/** Builders for duty expressions as they are written in tariff files (decimal strings). */

/** A decimal string without exponent or trailing zeros ("0.028", "16.5"). */
export function decimalText(value: string | number | InstanceType<typeof D>): string {
  const d = new D(value);
  const fixed = d.toFixed();
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

export function adValorem(percent: string): DutyExpressionInput {
  return { type: 'adValorem', percent: decimalText(percent) };
}

export function specific(amount: string | InstanceType<typeof D>, currency: string, per: 'unit' | 'kg' | 'litre' | 'proofLitre', quantity?: number): DutyExpressionInput {
  return {
    type: 'specific',
    amount: decimalText(amount),
    currency,
    per,
    ...(quantity !== undefined && quantity !== 1 ? { quantity: String(quantity) } : {}),
  };
}

export function combine(type: 'sum' | 'min' | 'max', of: DutyExpressionInput[]): DutyExpressionInput {
  return of.length === 1 ? (of[0] as DutyExpressionInput) : { type, of };
}

/** A stable text of an expression, to compare two expressions for equality. */
export function canonical(e: DutyExpressionInput): string {
  return JSON.stringify(e);
}

/**
 * True when `big` is at least `small` for every value, weight and volume (all parts are
 * non-negative): equal, a larger rate of the same kind, a sum or MAX holding such a part, or
 * a MIN of which some part is dominated.
 */
export function dominates(big: DutyExpressionInput, small: DutyExpressionInput): boolean {
  if (canonical(big) === canonical(small)) return true;
  if (big.type === 'adValorem' && small.type === 'adValorem') return new D(big.percent).gte(small.percent);
  if (big.type === 'specific' && small.type === 'specific' && big.currency === small.currency && big.per === small.per && (big.quantity ?? '1') === (small.quantity ?? '1')) {
    return new D(big.amount).gte(small.amount);
  }
  if (big.type === 'sum' || big.type === 'max') return big.of.some((c) => dominates(c, small));
  if (small.type === 'min') return small.of.some((c) => dominates(big, c));
  return false;
}

/** The higher of two expressions: the one that always dominates, else MAX(a, b). */
export function higherOf(a: DutyExpressionInput, b: DutyExpressionInput): DutyExpressionInput {
  if (dominates(b, a)) return b;
  if (dominates(a, b)) return a;
  return { type: 'max', of: [a, b] };
}
