import type Decimal from 'decimal.js';
import type { DutyExpression } from '../tariffs/duty-expression-schema';
import { UNIT } from './engine-phrases';
import { D, ZERO, formatAmount, formatRate } from './money';
import { proofLitres } from './units';
import { joined, w, type Wording } from './wording';

/** What a duty is charged on, for one item line, in the computing currency. */
export interface DutyBase {
  customsValue: Decimal;
  currency: string;
  quantity: Decimal;
  netKg?: Decimal;
  litres?: Decimal;
  /** Alcoholic strength in % vol, for duties per proof litre. */
  abv?: Decimal;
  convert: (amount: Decimal, from: string, to: string) => Decimal;
}

export interface DutyEvaluation {
  amount: Decimal;
  /** The expression in words: "16.5%", "0.028 USD/kg + 5%", "MAX(10%, 2 EUR/unit)". */
  rate: Wording;
  /** The arithmetic: "16.5% × 700.00". */
  working: Wording;
}

/** What a charge needs that the item does not give: its weight, volume or alcoholic strength. */
export type MissingQuantity = 'netKg' | 'litres' | 'abv';

export class MissingQuantityError extends Error {
  readonly code = 'MISSING_QUANTITY';
  constructor(readonly needs: MissingQuantity) {
    super(needs === 'netKg' ? 'a weight-based charge needs the item weight' : needs === 'litres' ? 'a volume-based charge needs the item volume' : 'a charge on alcohol needs the item strength');
  }
}

/** Evaluate typed duty components joined by +, MIN, MAX (UK trade tariff expression model). */
export function evaluateDuty(expr: DutyExpression, base: DutyBase): DutyEvaluation {
  switch (expr.type) {
    case 'adValorem': {
      const amount = base.customsValue.times(expr.percent).div(100);
      return { amount, rate: `${formatRate(expr.percent)}%`, working: `${formatRate(expr.percent)}% × ${show(base.customsValue, base.currency)} ${base.currency}` };
    }
    case 'specific': {
      const qty = quantityFor(expr.per, base);
      const per = expr.quantity ?? new D(1);
      const rateInCurrency = base.convert(expr.amount, expr.currency, base.currency);
      const amount = rateInCurrency.times(qty).div(per);
      const unit = UNIT[expr.per]!;
      const perText = per.equals(1) ? unit : w`${formatRate(per)} ${unit}`;
      const rate = w`${formatRate(expr.amount)} ${expr.currency}/${perText}`;
      const conv = expr.currency === base.currency ? '' : ` (= ${show(rateInCurrency, base.currency)} ${base.currency})`;
      // A proof litre is a litre at 50 % alcohol: the working shows how the strength was counted.
      const how = expr.per === 'proofLitre' ? ` (${formatRate(base.litres as Decimal)} l × ${formatRate(base.abv as Decimal)}% / 50%)` : '';
      return { amount, rate, working: w`${rate}${conv} × ${formatRate(qty)} ${unit}${how}` };
    }
    case 'sum': {
      const parts = expr.of.map((e) => evaluateDuty(e, base));
      return {
        amount: parts.reduce<Decimal>((acc, p) => acc.plus(p.amount), ZERO),
        rate: joined(parts.map((p) => p.rate), ' + '),
        working: joined(parts.map((p) => w`(${p.working} = ${show(p.amount, base.currency)})`), ' + '),
      };
    }
    case 'min':
    case 'max': {
      const parts = expr.of.map((e) => evaluateDuty(e, base));
      const pick = parts.reduce((best, p) => (expr.type === 'min' ? (p.amount.lt(best.amount) ? p : best) : p.amount.gt(best.amount) ? p : best));
      const name = expr.type.toUpperCase();
      return {
        amount: pick.amount,
        rate: w`${name}(${joined(parts.map((p) => p.rate), ', ')})`,
        working: w`${name}(${joined(parts.map((p) => w`${p.working} = ${show(p.amount, base.currency)}`), '; ')})`,
      };
    }
  }
}

function quantityFor(per: 'unit' | 'kg' | 'litre' | 'proofLitre', base: DutyBase): Decimal {
  if (per === 'unit') return base.quantity;
  if (per === 'kg') {
    if (!base.netKg) throw new MissingQuantityError('netKg');
    return base.netKg;
  }
  if (!base.litres) throw new MissingQuantityError('litres');
  if (per === 'litre') return base.litres;
  if (!base.abv) throw new MissingQuantityError('abv');
  return proofLitres(base.litres, base.abv);
}

/** A plain ad valorem rate as a bare number ("16.5"); undefined for compound expressions. */
export function plainPercent(expr: DutyExpression): Decimal | undefined {
  return expr.type === 'adValorem' ? expr.percent : undefined;
}

/** Working figures are shown in the currency's minor units; the computation keeps full precision. */
function show(v: Decimal, currency: string): string {
  return formatAmount(v, currency);
}
