import type Decimal from 'decimal.js';
import type { ConsignmentValues, ItemValues } from '../domain/consignment';
import type { ValueIn } from '../domain/de-minimis';
import type { FeeLineCalc } from '../domain/fees';
import { ZERO, sum } from '../domain/money';
import { computeTaxes, type TaxLineCalc } from '../domain/tax';
import type { DutyLineCalc } from '../tariffs/resolve-duty';
import type { OptionCalc, QuoteRun } from './quote-context';

/**
 * Taxes per item (landed-cost step 7). Duty lines of one item stay with it;
 * consignment-level lines (a regime's, the EUR 3 per category) and customs
 * fees are shared over the items by goods value. Only fees in the tax base
 * count (`inTaxBase`: a fee the law keeps out, or whose treatment is unknown, does not). One pass over the duty
 * lines, not one per item (this was quadratic in items).
 */
export function computeItemTaxes(run: QuoteRun, values: ConsignmentValues, dutyLines: readonly DutyLineCalc[], feeLines: readonly FeeLineCalc[], calc: OptionCalc, valueIn: ValueIn): TaxLineCalc[] {
  const { input } = run;
  const weights = values.items.map((v) => v.goods);
  const totalGoods = sum(weights);
  const share = (amount: Decimal, i: number) => (totalGoods.isZero() ? amount.div(values.items.length) : amount.times(weights[i]!).div(totalGoods));
  let consignmentDuty: Decimal = ZERO;
  const itemDuty = new Map<number, Decimal>();
  for (const l of dutyLines) {
    if (l.item === undefined || l.rule.startsWith('regime:')) consignmentDuty = consignmentDuty.plus(l.amount);
    else itemDuty.set(l.item, (itemDuty.get(l.item) ?? ZERO).plus(l.amount));
  }
  const totalFees = sum(feeLines.filter((f) => f.inTaxBase).map((f) => f.amount));
  const items = input.items.map((item, i) => ({
    hs: item.hs,
    values: values.items[i] as ItemValues,
    duties: (itemDuty.get(item.index) ?? ZERO).plus(share(consignmentDuty, i)),
    fees: share(totalFees, i),
  }));
  return computeTaxes(run.period.taxes, items, {
    ...(input.destination.region ? { region: input.destination.region } : {}),
    currency: input.currency,
    exempt: calc.taxDecision.outcome === 'applied',
    sellerCollected: (tax) => tax.sellerCollection !== undefined && valueIn(tax.sellerCollection.basis, tax.sellerCollection.currency).lte(tax.sellerCollection.upTo),
  });
}
