import type Decimal from 'decimal.js';
import type { FileConfidence, LocalizedText } from '../schema/primitives';
import type { FeeRule } from '../tariffs/tariff-schema';
import { inForce } from './dates';
import type { ConsignmentScope, ValueIn } from './de-minimis';
import { feeCovers } from './fee-scope';
import { OWED_BY, P } from './engine-phrases';
import { D, ZERO, formatAmount, formatRate, sum } from './money';
import type { Note } from './note';
import { w, type Wording } from './wording';

export interface FeeLineCalc {
  code: string;
  name: LocalizedText;
  rate?: Decimal;
  base?: Decimal;
  amount: Decimal;
  rule: string;
  working: Wording;
  payer: 'seller' | 'buyer';
  sourceKey?: string;
  confidence?: FileConfidence;
  /** Part of the `fees` component of tax bases (tariffs/README.md, "Fees"). */
  inTaxBase: boolean;
  /** The fee's own note, and a warning when its VAT-base treatment is unknown. */
  notes: Note[];
}

export interface FeeItem {
  customsValue: Decimal;
  /** HS code, digits: fees per HS line count distinct codes. */
  hs: string;
  /** Agreement the item entered under, if a preference was claimed. */
  preference?: string;
}

export interface FeeContext {
  currency: string;
  convert: (amount: Decimal, from: string, to: string) => Decimal;
  /** Fees have their own dates inside a period (FR TPC from 2026-03-01). */
  shipDate: string;
  /** Consignment facts for a fee's scope. */
  scope: ConsignmentScope;
  buyer: 'consumer' | 'business';
  /** The special territory the postcode fell in, if any (src/domain/territory.ts). */
  territory?: string;
  parcels: number;
  valueIn: ValueIn;
}

type Priced = Pick<FeeLineCalc, 'amount' | 'rule' | 'working'> & { rate?: Decimal; base?: Decimal };

/**
 * Customs processing fees and national parcel charges (landed-cost step 8).
 * A fee applies when it is in force on the ship date, its scope covers the
 * consignment and the entry's customs value is in its band (above < value ≤
 * upTo, in the fee's currency). Items entered under an exempting agreement
 * are left out of the base (US MPF on USMCA-originating goods, 19 CFR
 * 24.23(c)). A fee is flat per consignment, per parcel, per distinct HS line,
 * or a percentage of the base.
 */
export function computeCustomsFees(fees: readonly FeeRule[], items: readonly FeeItem[], ctx: FeeContext): FeeLineCalc[] {
  const lines: FeeLineCalc[] = [];
  const entryValue = sum(items.map((i) => i.customsValue));
  for (const fee of fees) {
    if (!inForce(fee, ctx.shipDate) || !feeCovers(fee.scope, ctx)) continue;
    const valueInFeeCcy = ctx.convert(entryValue, ctx.currency, fee.currency);
    if (fee.above !== undefined && !valueInFeeCcy.gt(fee.above)) continue;
    if (fee.upTo !== undefined && !valueInFeeCcy.lte(fee.upTo)) continue;
    const dutiable = items.filter((i) => !(i.preference && fee.exemptUnder?.includes(i.preference)));
    const base = sum(dutiable.map((i) => i.customsValue));
    if (base.lte(ZERO)) continue;
    lines.push(finishLine(fee, priceFee(fee, base, dutiable, ctx), ctx));
  }
  return lines;
}

function priceFee(fee: FeeRule, base: Decimal, items: readonly FeeItem[], ctx: FeeContext): Priced {
  const ccy = ctx.currency;
  const toCcy = (a: Decimal) => ctx.convert(a, fee.currency, ccy);
  const inCcy = (a: Decimal) => (fee.currency === ccy ? '' : ` → ${formatAmount(toCcy(a), ccy)} ${ccy}`);
  const charge = fee.charge;
  if (charge.type === 'flat') {
    return { amount: toCcy(charge.amount), rule: 'flat', working: w`${P.flat(`${charge.amount.toString()} ${fee.currency}`)}${inCcy(charge.amount)}` };
  }
  if (charge.type === 'perCount') {
    const { count, what } = countUnits(charge, items, ctx);
    const total = charge.amount.times(count);
    return {
      amount: toCcy(total),
      rule: charge.per === 'parcel' ? 'per-parcel' : 'per-hs-line',
      working: w`${charge.amount.toString()} ${fee.currency} × ${what} = ${formatAmount(total, fee.currency)} ${fee.currency}${inCcy(total)}`,
    };
  }
  const raw = base.times(charge.percent).div(100);
  let amount = raw;
  let clamp: Wording = '';
  if (charge.min !== undefined && amount.lt(toCcy(charge.min))) {
    amount = toCcy(charge.min);
    clamp = P.raisedToMinimum(`${charge.min.toString()} ${fee.currency}`);
  }
  if (charge.max !== undefined && amount.gt(toCcy(charge.max))) {
    amount = toCcy(charge.max);
    clamp = P.cappedAtMaximum(`${charge.max.toString()} ${fee.currency}`);
  }
  return {
    rate: charge.percent,
    base,
    amount,
    rule: 'ad-valorem',
    working: w`${formatRate(charge.percent)}% × ${formatAmount(base, ccy)} ${ccy} = ${formatAmount(raw, ccy)}${clamp}`,
  };
}

/** Parcels of the shipment, or distinct HS codes at `hsDigits` (an EU H7 "article" is an HS6 line). */
function countUnits(charge: { per: 'parcel' | 'hsLine'; hsDigits: number }, items: readonly FeeItem[], ctx: FeeContext): { count: number; what: Wording } {
  if (charge.per === 'parcel') return { count: ctx.parcels, what: P.parcels(String(ctx.parcels)) };
  const lines = [...new Set(items.map((i) => i.hs.slice(0, charge.hsDigits)))];
  return { count: lines.length, what: P.hsLines(String(lines.length), String(charge.hsDigits), lines.join(', ')) };
}

/** Tax on the fee itself, who the law charges, whether it enters the VAT base, the fee's notes. */
function finishLine(fee: FeeRule, priced: Priced, ctx: FeeContext): FeeLineCalc {
  let { amount, working } = priced;
  if (fee.taxOnFee !== undefined) {
    const withTax = amount.times(new D(100).plus(fee.taxOnFee.percent)).div(100);
    working = w`${working}${P.taxOnFee(formatRate(fee.taxOnFee.percent), fee.taxOnFee.name, `${formatAmount(withTax, ctx.currency)} ${ctx.currency}`)}`;
    amount = withTax;
  }
  if (fee.payer !== undefined) working = w`${working}; ${OWED_BY[fee.payer]}`;
  const notes: Note[] = [];
  if (fee.note !== undefined) notes.push({ code: `FEE:${fee.code}`, severity: 'warning', text: fee.note, sourceKey: fee.source });
  if (fee.inTaxBase === 'unknown') {
    notes.push({
      code: `FEE_TAX_BASE_UNKNOWN:${fee.code}`,
      severity: 'warning',
      text: {
        es: `Ninguna fuente encontrada dice si ${fee.name.es} forma parte de la base del IVA: se dejó fuera de la base.`,
        en: `No source found says whether the ${fee.name.en} is part of the VAT base: it was left out of the base.`,
      },
      sourceKey: fee.source,
    });
  }
  return {
    code: fee.code,
    name: fee.name,
    ...(priced.rate ? { rate: priced.rate } : {}),
    ...(priced.base ? { base: priced.base } : {}),
    amount,
    rule: priced.rule,
    working,
    payer: fee.payer === 'seller' || fee.payer === 'platform' ? 'seller' : 'buyer',
    sourceKey: fee.source,
    ...(fee.confidence ? { confidence: fee.confidence } : {}),
    inTaxBase: fee.inTaxBase === undefined || fee.inTaxBase === true,
    notes,
  };
}
