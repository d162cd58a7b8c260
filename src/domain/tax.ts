import type Decimal from 'decimal.js';
import type { FileConfidence, LocalizedText } from '../schema/primitives';
import type { TaxComponent, TaxRule } from '../tariffs/tariff-schema';
import type { ItemValues } from './consignment';
import { P, WORD, componentWord } from './engine-phrases';
import { D, ZERO, formatAmount, formatRate } from './money';
import type { Rounded } from './rounding';
import { joined, w, type Wording } from './wording';

/** One item's amounts that a tax base can be made of, in the computing currency. */
export interface TaxableItem {
  hs: string;
  values: ItemValues;
  duties: Decimal;
  fees: Decimal;
  /** The item's excise lines (as they enter a tax base). */
  excise: Decimal;
  /** How `duties` or `excise` were rounded on their way into a base (Japan), for the working. */
  baseNotes?: Wording[];
}

export interface TaxLineCalc {
  code: string;
  name: LocalizedText;
  rate: Decimal;
  /** Shown instead of `rate` where the tax is a share of another ("22/78 of CT"). */
  rateText?: Wording;
  base: Decimal;
  amount: Decimal;
  rule: string;
  working: Wording;
  collectedAt: 'checkout' | 'import';
  sourceKey: string;
  /** Confidence of the rate used (the reduced rate's, where one applied). */
  confidence?: FileConfidence;
}

/** The national rounding rules a tax computation applies (identity where the file has none). */
export interface TaxRounding {
  /** An item's base of tax `code` (rule `taxBase`, at `item`). */
  base: (code: string, amount: Decimal) => Rounded;
  /** An item's amount of tax `code` as computed (rule `tax`, at `item`). */
  item: (code: string, amount: Decimal) => Rounded;
  /** An item's amount of tax `code` where it enters another tax (rule `tax`, at `nextBase`). */
  nextBase: (code: string, amount: Decimal) => Rounded;
}

const NO_ROUNDING: TaxRounding = { base: (_c, a) => ({ value: a }), item: (_c, a) => ({ value: a }), nextBase: (_c, a) => ({ value: a }) };

export interface TaxContext {
  region?: string;
  currency: string;
  /** The de minimis for taxes applied: lines are reported at zero. */
  exempt: boolean;
  /** Taxes whose `sellerCollection` ceiling the consignment is under. */
  sellerCollected: (tax: TaxRule) => boolean;
  rounding?: TaxRounding;
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
    case 'excise':
      return item.excise;
  }
}

interface RateChoice {
  rate: Decimal;
  reducedHs?: string;
  sourceKey: string;
  confidence?: FileConfidence;
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

/** Item amounts of the taxes computed so far, by code: later taxes build on them. */
type Earlier = Map<string, Decimal[]>;

interface ItemTax {
  choice: RateChoice;
  base: Decimal;
  amount: Decimal;
  /** Rounding steps of this item, for the working. */
  notes: Wording[];
}

/** One item's base and amount of one tax: components, earlier taxes, its base rounding, then rate or share. */
function itemTax(tax: TaxRule, item: TaxableItem, i: number, earlier: Earlier, ctx: TaxContext, r: TaxRounding): ItemTax {
  // How duty and excise were rounded into the base matters only to taxes built on them, not to a share.
  const notes = tax.shareOf ? [] : [...(item.baseNotes ?? [])];
  const choice = rateFor(tax, item.hs);
  const used = (code: string): Decimal => {
    const into = r.nextBase(code, earlier.get(code)?.[i] ?? ZERO);
    if (into.working) notes.push(w`${code} ${into.working}`);
    return into.value;
  };
  let amount: Decimal;
  let base: Decimal;
  if (tax.shareOf) {
    base = used(tax.shareOf.tax);
    amount = base.times(tax.shareOf.fraction.numerator).div(tax.shareOf.fraction.denominator);
  } else {
    let raw = tax.base.reduce<Decimal>((acc, c) => acc.plus(componentValue(c, item)), ZERO);
    for (const code of tax.baseIncludesTaxes ?? []) raw = raw.plus(used(code));
    const rounded = r.base(tax.code, raw);
    if (rounded.working) notes.push(w`${WORD.base} ${rounded.working}`);
    base = rounded.value;
    amount = tax.grossUp ? base.times(choice.rate).div(new D(100).minus(choice.rate)) : base.times(choice.rate).div(100);
  }
  if (ctx.exempt) amount = ZERO;
  const line = r.item(tax.code, amount);
  if (line.working) notes.push(w`${tax.code} ${line.working}`);
  return { choice, base, amount: line.value, notes };
}

function formulaOf(tax: TaxRule, rate: Decimal, base: Decimal, currency: string): string {
  if (tax.shareOf) return `${tax.shareOf.fraction.text} × ${formatAmount(base, currency)} ${currency} (${tax.shareOf.tax})`;
  const rateText = `${formatRate(rate)}%`;
  return tax.grossUp
    ? `${rateText} "por dentro": ${formatAmount(base, currency)} ${currency} × ${formatRate(rate)} / (100 − ${formatRate(rate)})`
    : `${rateText} × ${formatAmount(base, currency)} ${currency}`;
}

interface Group extends RateChoice {
  base: Decimal;
  amount: Decimal;
  notes: Wording[];
}

function lineOf(tax: TaxRule, g: Group, ctx: TaxContext, seller: boolean): TaxLineCalc {
  const formula = formulaOf(tax, g.rate, g.base, ctx.currency);
  const composed = tax.shareOf ? '' : w` (${WORD.base}: ${joined([...tax.base.map(componentWord), ...(tax.baseIncludesTaxes ?? [])], ' + ')})`;
  const rounded = g.notes.length > 0 ? w`; ${joined(g.notes, '; ')}` : '';
  return {
    code: tax.code,
    name: tax.name,
    rate: g.rate,
    ...(tax.shareOf ? { rateText: `${tax.shareOf.fraction.text} × ${tax.shareOf.tax}` } : {}),
    base: g.base,
    amount: g.amount,
    rule: ctx.exempt ? 'de-minimis' : seller ? 'seller-collected' : g.reducedHs ? `reduced:${g.reducedHs}` : 'standard',
    working: ctx.exempt ? P.notCollected(formula) : w`${formula}${composed}${rounded}`,
    collectedAt: seller ? 'checkout' : 'import',
    sourceKey: g.sourceKey,
    ...(g.confidence ? { confidence: g.confidence } : {}),
  };
}

/**
 * VAT/GST and sub-national taxes (landed-cost step 7). Each tax is computed
 * per item on the components its file names (reduced rates by HS prefix),
 * or as a share of another tax, then reported as one line per tax and rate:
 * amount = rate × summed base, or base × rate / (100 − rate) when computed
 * "por dentro" (Brazil's ICMS). Taxes are evaluated in file order, so a later
 * tax can include an earlier one in its base (China: VAT on top of
 * consumption tax). National rounding (Japan) comes in through `ctx.rounding`.
 */
export function computeTaxes(taxes: readonly TaxRule[], items: readonly TaxableItem[], ctx: TaxContext): TaxLineCalc[] {
  const lines: TaxLineCalc[] = [];
  const earlier: Earlier = new Map();
  const r = ctx.rounding ?? NO_ROUNDING;
  for (const tax of taxes) {
    if (!taxApplies(tax, ctx.region)) continue;
    const seller = ctx.sellerCollected(tax);
    const perItem: Decimal[] = [];
    const groups = new Map<string, Group>();
    items.forEach((item, i) => {
      const t = itemTax(tax, item, i, earlier, ctx, seller ? NO_ROUNDING : r);
      perItem.push(t.amount);
      const key = tax.shareOf ? 'share' : t.choice.rate.toString();
      const g = groups.get(key);
      const notes = t.notes.map((n) => (items.length > 1 ? P.item(String(i), n) : n));
      if (g) {
        g.base = g.base.plus(t.base);
        g.amount = g.amount.plus(t.amount);
        g.notes.push(...notes);
      } else groups.set(key, { ...t.choice, base: t.base, amount: t.amount, notes });
    });
    earlier.set(tax.code, perItem);
    for (const g of groups.values()) lines.push(lineOf(tax, g, ctx, seller));
  }
  return lines;
}
