import type Decimal from 'decimal.js';
import type { ConsignmentValues, ItemValues } from '../domain/consignment';
import type { ValueIn } from '../domain/de-minimis';
import type { ExciseLineCalc } from '../domain/excise';
import type { FeeLineCalc } from '../domain/fees';
import { matchesAnyPrefix } from '../domain/hs-code';
import { ZERO, sum } from '../domain/money';
import { roundBy, type Rounded } from '../domain/rounding';
import { computeTaxes, type TaxLineCalc, type TaxRounding } from '../domain/tax';
import type { DutyLineCalc } from '../tariffs/resolve-duty';
import type { TaxRule } from '../tariffs/tariff-schema';
import type { OptionCalc, QuoteRun } from './quote-context';
import { WORD } from '../domain/engine-phrases';
import { w, type Wording } from '../domain/wording';

/** Each item's share of the duties and customs fees, in the answer currency. */
export interface ItemCharges {
  duties: Decimal[];
  fees: Decimal[];
}

/**
 * Duty lines of one item stay with it; consignment-level lines (a regime's,
 * the EUR 3 per category) and customs fees are shared over the items by
 * goods value. One pass over the duty lines, not one per item (this was
 * quadratic in items).
 */
export function itemCharges(values: ConsignmentValues, dutyLines: readonly DutyLineCalc[], feeLines: readonly FeeLineCalc[]): ItemCharges {
  const weights = values.items.map((v) => v.goods);
  const totalGoods = sum(weights);
  // Nothing to share (no consignment-level duty, no fee in the tax base: the usual case) is zero for every item, without dividing.
  const share = (amount: Decimal, i: number) => (amount.isZero() ? ZERO : totalGoods.isZero() ? amount.div(values.items.length) : amount.times(weights[i]!).div(totalGoods));
  let consignmentDuty: Decimal = ZERO;
  const itemDuty = new Map<number, Decimal>();
  for (const l of dutyLines) {
    if (l.item === undefined || l.rule.startsWith('regime:')) consignmentDuty = consignmentDuty.plus(l.amount);
    else itemDuty.set(l.item, (itemDuty.get(l.item) ?? ZERO).plus(l.amount));
  }
  // Only fees in the tax base count (`inTaxBase`: a fee the law keeps out, or whose treatment is unknown, does not).
  const totalFees = sum(feeLines.filter((f) => f.inTaxBase).map((f) => f.amount));
  return {
    duties: values.items.map((_v, i) => (itemDuty.get(i) ?? ZERO).plus(share(consignmentDuty, i))),
    fees: values.items.map((_v, i) => share(totalFees, i)),
  };
}

/** The period's rounding rules for taxes, in the answer currency (Japan: bases to JPY 1,000, amounts to JPY 100). */
function taxRounding(run: QuoteRun): TaxRounding | undefined {
  const rules = run.period.rounding;
  if (rules.length === 0) return undefined;
  const by = (at: 'item' | 'nextBase', what: 'taxBase' | 'tax') => (code: string, amount: Decimal): Rounded => roundBy(rules, what, at, code, amount, run.input.currency, run.cv);
  return { base: by('item', 'taxBase'), item: by('item', 'tax'), nextBase: by('nextBase', 'tax') };
}

/**
 * A seller-collected scheme (UK GBP 135, AU AUD 1,000, EU IOSS) covers the consignment when it is
 * under the ceiling and holds none of the goods the scheme leaves out (excise goods).
 */
function sellerCollects(run: QuoteRun, valueIn: ValueIn) {
  return (tax: TaxRule): boolean => {
    const sc = tax.sellerCollection;
    if (!sc) return false;
    if (run.input.items.some((i) => matchesAnyPrefix(i.hs, sc.excludeHs))) return false;
    return valueIn(sc.basis, sc.currency).lte(sc.upTo);
  };
}

/**
 * Taxes per item (landed-cost step 7), on bases that may hold the item's duties, fees and excise.
 * Japan's rounding: each item's duty and excise enter the base rounded where the file says
 * (`nextBase`), with the working kept for the tax line.
 */
export function computeItemTaxes(run: QuoteRun, values: ConsignmentValues, charges: ItemCharges, exciseLines: readonly ExciseLineCalc[], calc: OptionCalc, valueIn: ValueIn): TaxLineCalc[] {
  const { input } = run;
  const rules = run.period.rounding;
  const into = (what: 'duty' | 'excise', amount: Decimal, code?: string) => roundBy(rules, what, 'nextBase', code, amount, input.currency, run.cv);
  const items = input.items.map((item, i) => {
    const notes: Wording[] = [];
    const duty = into('duty', charges.duties[i] ?? ZERO);
    if (duty.working) notes.push(w`${WORD.duty} ${duty.working}`);
    let excise: Decimal = ZERO;
    for (const l of exciseLines.filter((e) => e.item === item.index)) {
      const e = into('excise', l.amount, l.id);
      if (e.working) notes.push(w`${l.id} ${e.working}`);
      excise = excise.plus(e.value);
    }
    return { hs: item.hs, values: values.items[i] as ItemValues, duties: duty.value, fees: charges.fees[i] ?? ZERO, excise, ...(notes.length ? { baseNotes: notes } : {}) };
  });
  const rounding = taxRounding(run);
  return computeTaxes(run.period.taxes, items, {
    ...(input.destination.region ? { region: input.destination.region } : {}),
    currency: input.currency,
    exempt: calc.taxDecision.outcome === 'applied',
    sellerCollected: sellerCollects(run, valueIn),
    ...(rounding ? { rounding } : {}),
  });
}
