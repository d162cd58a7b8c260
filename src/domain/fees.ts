import type Decimal from 'decimal.js';
import type { FileConfidence, LocalizedText } from '../schema/primitives';
import type { FeeRule } from '../tariffs/tariff-schema';
import { ZERO, formatAmount, formatRate, sum } from './money';

export interface FeeLineCalc {
  code: string;
  name: LocalizedText;
  rate?: Decimal;
  base?: Decimal;
  amount: Decimal;
  rule: string;
  working: string;
  payer: 'seller' | 'buyer';
  sourceKey?: string;
  confidence?: FileConfidence;
}

export interface FeeItem {
  customsValue: Decimal;
  /** Agreement the item entered under, if a preference was claimed. */
  preference?: string;
}

export interface FeeContext {
  currency: string;
  convert: (amount: Decimal, from: string, to: string) => Decimal;
}

/**
 * Customs processing fees (landed-cost step 8). The band (above < value ≤
 * upTo, in the fee's currency) is chosen on the whole entry's customs value;
 * items entered under an exempting agreement are left out of the base
 * (US MPF on USMCA-originating goods, 19 CFR 24.23(c)).
 */
export function computeCustomsFees(fees: readonly FeeRule[], items: readonly FeeItem[], ctx: FeeContext): FeeLineCalc[] {
  const lines: FeeLineCalc[] = [];
  const entryValue = sum(items.map((i) => i.customsValue));
  for (const fee of fees) {
    const valueInFeeCcy = ctx.convert(entryValue, ctx.currency, fee.currency);
    if (fee.above !== undefined && !valueInFeeCcy.gt(fee.above)) continue;
    if (fee.upTo !== undefined && !valueInFeeCcy.lte(fee.upTo)) continue;
    const base = sum(items.filter((i) => !(i.preference && fee.exemptUnder?.includes(i.preference))).map((i) => i.customsValue));
    if (base.lte(ZERO)) continue;
    const toCcy = (a: Decimal) => ctx.convert(a, fee.currency, ctx.currency);
    if (fee.charge.type === 'flat') {
      const amount = toCcy(fee.charge.amount);
      lines.push({
        code: fee.code,
        name: fee.name,
        amount,
        rule: 'flat',
        working: `flat ${fee.charge.amount.toString()} ${fee.currency}${fee.currency === ctx.currency ? '' : ` = ${formatAmount(amount, ctx.currency)} ${ctx.currency}`}`,
        payer: 'buyer',
        sourceKey: fee.source,
        ...(fee.confidence ? { confidence: fee.confidence } : {}),
      });
      continue;
    }
    const raw = base.times(fee.charge.percent).div(100);
    let amount = raw;
    let clamp = '';
    if (fee.charge.min !== undefined && amount.lt(toCcy(fee.charge.min))) {
      amount = toCcy(fee.charge.min);
      clamp = `, raised to the minimum ${fee.charge.min.toString()} ${fee.currency}`;
    }
    if (fee.charge.max !== undefined && amount.gt(toCcy(fee.charge.max))) {
      amount = toCcy(fee.charge.max);
      clamp = `, capped at the maximum ${fee.charge.max.toString()} ${fee.currency}`;
    }
    lines.push({
      code: fee.code,
      name: fee.name,
      rate: fee.charge.percent,
      base,
      amount,
      rule: 'ad-valorem',
      working: `${formatRate(fee.charge.percent)}% × ${formatAmount(base, ctx.currency)} ${ctx.currency} = ${formatAmount(raw, ctx.currency)}${clamp}`,
      payer: 'buyer',
      sourceKey: fee.source,
      ...(fee.confidence ? { confidence: fee.confidence } : {}),
    });
  }
  return lines;
}
