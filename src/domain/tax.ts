import type Decimal from 'decimal.js';
import type { FileConfidence, LocalizedText } from '../schema/primitives';
import type { TaxComponent, TaxRule } from '../tariffs/tariff-schema';
import type { ItemValues } from './consignment';
import { D, ZERO, formatAmount, formatRate } from './money';

/** One item's amounts that a tax base can be made of, in the computing currency. */
export interface TaxableItem {
  hs: string;
  values: ItemValues;
  duties: Decimal;
  fees: Decimal;
}

export interface TaxLineCalc {
  code: string;
  name: LocalizedText;
  rate: Decimal;
  base: Decimal;
  amount: Decimal;
  rule: string;
  working: string;
  collectedAt: 'checkout' | 'import';
  sourceKey: string;
  /** Confidence of the rate used (the reduced rate's, where one applied). */
  confidence?: FileConfidence;
}

export interface TaxContext {
  region?: string;
  currency: string;
  /** The de minimis for taxes applied: lines are reported at zero. */
  exempt: boolean;
  /** Taxes whose `sellerCollection` ceiling the consignment is under. */
  sellerCollected: (tax: TaxRule) => boolean;
}

export function taxApplies(tax: TaxRule, region: string | undefined): boolean {
  return tax.regions === undefined || (region !== undefined && tax.regions.includes(region));
}

function componentValue(c: TaxComponent, item: TaxableItem): Decimal {
  switch (c) {
    case 'goods':
      return item.values.goods;
    case 'shipping':
      return item.values.shipping;
    case 'insurance':
      return item.values.insurance;
    case 'customsValue':
      return item.values.customsValue;
    case 'duties':
      return item.duties;
    case 'fees':
      return item.fees;
  }
}

type Confidence = TaxLineCalc['confidence'];
interface RateChoice {
  rate: Decimal;
  reducedHs?: string;
  sourceKey: string;
  confidence?: Confidence;
}

function rateFor(tax: TaxRule, hs: string): RateChoice {
  let best: RateChoice = { rate: tax.rate, sourceKey: tax.source, ...(tax.confidence ? { confidence: tax.confidence } : {}) };
  let bestLen = 0;
  for (const r of tax.reduced ?? []) {
    if (hs.startsWith(r.hs) && r.hs.length > bestLen) {
      best = { rate: r.rate, reducedHs: r.hs, sourceKey: r.source, ...(r.confidence ? { confidence: r.confidence } : {}) };
      bestLen = r.hs.length;
    }
  }
  return best;
}

/**
 * VAT/GST and sub-national taxes (landed-cost step 7). Each tax is computed
 * per item on the components its file names (reduced rates by HS prefix),
 * then reported as one line per tax and rate: amount = rate × summed base,
 * or base × rate / (100 − rate) when computed "por dentro" (Brazil's ICMS).
 * Taxes are evaluated in file order, so a later tax can include an earlier
 * one in its base (China: VAT on top of consumption tax).
 */
export function computeTaxes(taxes: readonly TaxRule[], items: readonly TaxableItem[], ctx: TaxContext): TaxLineCalc[] {
  const lines: TaxLineCalc[] = [];
  const perItemByCode = new Map<string, Decimal[]>();
  for (const tax of taxes) {
    if (!taxApplies(tax, ctx.region)) continue;
    const seller = ctx.sellerCollected(tax);
    const perItem: Decimal[] = [];
    const groups = new Map<string, RateChoice & { base: Decimal; amount: Decimal }>();
    items.forEach((item, i) => {
      let base = tax.base.reduce<Decimal>((acc, c) => acc.plus(componentValue(c, item)), ZERO);
      for (const code of tax.baseIncludesTaxes ?? []) base = base.plus(perItemByCode.get(code)?.[i] ?? ZERO);
      const r = rateFor(tax, item.hs);
      const amount = ctx.exempt ? ZERO : tax.grossUp ? base.times(r.rate).div(new D(100).minus(r.rate)) : base.times(r.rate).div(100);
      perItem.push(amount);
      const key = r.rate.toString();
      const g = groups.get(key);
      if (g) {
        g.base = g.base.plus(base);
        g.amount = g.amount.plus(amount);
      } else groups.set(key, { ...r, base, amount });
    });
    perItemByCode.set(tax.code, perItem);
    for (const g of groups.values()) {
      const rateText = `${formatRate(g.rate)}%`;
      const formula = tax.grossUp
        ? `${rateText} "por dentro": ${formatAmount(g.base, ctx.currency)} ${ctx.currency} × ${formatRate(g.rate)} / (100 − ${formatRate(g.rate)})`
        : `${rateText} × ${formatAmount(g.base, ctx.currency)} ${ctx.currency}`;
      lines.push({
        code: tax.code,
        name: tax.name,
        rate: g.rate,
        base: g.base,
        amount: g.amount,
        rule: ctx.exempt ? 'de-minimis' : seller ? 'seller-collected' : g.reducedHs ? `reduced:${g.reducedHs}` : 'standard',
        working: ctx.exempt ? `under the tax de minimis: not collected (${formula} would apply)` : `${formula} (base: ${tax.base.join(' + ')}${tax.baseIncludesTaxes ? ' + ' + tax.baseIncludesTaxes.join(' + ') : ''})`,
        collectedAt: seller ? 'checkout' : 'import',
        sourceKey: g.sourceKey,
        ...(g.confidence ? { confidence: g.confidence } : {}),
      });
    }
  }
  return lines;
}
