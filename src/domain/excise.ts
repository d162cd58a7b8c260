import type Decimal from 'decimal.js';
import type { FileConfidence, LocalizedText } from '../schema/primitives';
import type { ExciseBand, ExciseCharge, ExciseRule, ExciseUnit } from '../tariffs/excise-schema';
import type { ItemValues } from './consignment';
import { inForce } from './dates';
import { MissingQuantityError } from './duty-expression';
import { matchesAnyPrefix } from './hs-code';
import { D, ZERO, formatAmount, formatRate } from './money';
import { LITRES_PER_US_GALLON, litresOfAlcohol, proofGallons } from './units';

/** One item's quantities and amounts an excise can be charged on, in the computing currency. */
export interface ExciseItem {
  index: number;
  hs: string;
  quantity: Decimal;
  netKg?: Decimal;
  litres?: Decimal;
  /** Alcoholic strength, % vol. */
  abv?: Decimal;
  values: ItemValues;
  duties: Decimal;
  fees: Decimal;
}

/** One excise line (an item under one rule), before rounding. */
export interface ExciseLineCalc {
  item: number;
  hs: string;
  id: string;
  name: LocalizedText;
  /** "33.99 GBP/l of alcohol", or a plain percentage ("53") for an ad valorem excise. */
  rate: string;
  /** The money base of an ad valorem excise; a specific excise has none (its quantity is in the working). */
  base?: Decimal;
  amount: Decimal;
  working: string;
  sourceKey: string;
  confidence?: FileConfidence;
}

export interface ExciseContext {
  date: string;
  /** The special territory the destination postcode is in (src/quote/territory-step.ts); undefined: the mainland. */
  territory?: string;
  currency: string;
  convert: (amount: Decimal, from: string, to: string) => Decimal;
}

/** Whether a rule reaches the destination's special territory (undefined: the mainland). */
function reachesTerritory(r: ExciseRule, territory: string | undefined): boolean {
  if (r.territories !== undefined) return territory !== undefined && r.territories.includes(territory);
  return territory === undefined || !(r.exceptTerritories ?? []).includes(territory);
}

/** The excise rules in force on `date` that cover an HS code in the territory (undefined: the mainland), in file order. */
export function exciseRulesFor(rules: readonly ExciseRule[], hs: string, date: string, territory?: string): ExciseRule[] {
  return rules.filter((r) => inForce(r, date) && matchesAnyPrefix(hs, r.hs) && !matchesAnyPrefix(hs, r.excludeHs) && reachesTerritory(r, territory));
}

function need<T>(value: T | undefined, what: 'netKg' | 'litres' | 'abv'): T {
  if (value === undefined) throw new MissingQuantityError(what);
  return value;
}

/** The first band whose bounds hold the item's strength; none: the rule does not charge this strength. */
export function bandFor(bands: readonly ExciseBand[], abv: Decimal): ExciseBand | undefined {
  return bands.find(
    (b) =>
      (b.abvFrom === undefined || abv.gte(b.abvFrom)) &&
      (b.abvAbove === undefined || abv.gt(b.abvAbove)) &&
      (b.abvBelow === undefined || abv.lt(b.abvBelow)) &&
      (b.abvUpTo === undefined || abv.lte(b.abvUpTo)),
  );
}

export function bandText(b: ExciseBand): string {
  const lo = b.abvFrom !== undefined ? `≥ ${formatRate(b.abvFrom)}%` : b.abvAbove !== undefined ? `> ${formatRate(b.abvAbove)}%` : '';
  const hi = b.abvBelow !== undefined ? `< ${formatRate(b.abvBelow)}%` : b.abvUpTo !== undefined ? `≤ ${formatRate(b.abvUpTo)}%` : '';
  return [lo, hi].filter((x) => x !== '').join(' and ');
}

const UNIT_WORD: Record<ExciseUnit, string> = {
  litreOfAlcohol: 'l of alcohol',
  proofGallon: 'proof gal',
  litre: 'l',
  usGallon: 'US gal',
  unit: 'unit',
  kg: 'kg',
};

/** The quantity a specific excise is charged on, with how it was counted. */
function quantityOf(per: ExciseUnit, item: ExciseItem): { qty: Decimal; how: string } {
  switch (per) {
    case 'unit':
      return { qty: item.quantity, how: '' };
    case 'kg':
      return { qty: need(item.netKg, 'netKg'), how: '' };
    case 'litre':
      return { qty: need(item.litres, 'litres'), how: '' };
    case 'usGallon': {
      const l = need(item.litres, 'litres');
      return { qty: l.div(LITRES_PER_US_GALLON), how: ` (${formatRate(l)} l / 3.785411784)` };
    }
    case 'litreOfAlcohol': {
      const l = need(item.litres, 'litres');
      const abv = need(item.abv, 'abv');
      return { qty: litresOfAlcohol(l, abv), how: ` (${formatRate(l)} l × ${formatRate(abv)}%)` };
    }
    case 'proofGallon': {
      const l = need(item.litres, 'litres');
      const abv = need(item.abv, 'abv');
      return { qty: proofGallons(l, abv), how: ` (${formatRate(l)} l / 3.785411784 × 2 × ${formatRate(abv)}%)` };
    }
  }
}

type Evaluated = Pick<ExciseLineCalc, 'rate' | 'base' | 'amount' | 'working'>;

function specific(c: Extract<ExciseCharge, { type: 'specific' }>, item: ExciseItem, ctx: ExciseContext): Evaluated {
  const { qty, how } = quantityOf(c.per, item);
  let unitRate = c.amount;
  let step = '';
  if (c.perAbvPointAbove) {
    // Japan's liquor tax: JPY 370,000 per kl plus 10,000 per kl for each point of strength from 37 %.
    const points = D.max(need(item.abv, 'abv').minus(c.perAbvPointAbove.abv), ZERO);
    unitRate = unitRate.plus(c.perAbvPointAbove.amount.times(points));
    step = ` (${formatRate(c.amount)} + ${formatRate(c.perAbvPointAbove.amount)} × ${formatRate(points)} points above ${formatRate(c.perAbvPointAbove.abv)}%)`;
  }
  const per = c.quantity ?? new D(1);
  const perText = per.equals(1) ? UNIT_WORD[c.per] : `${formatRate(per)} ${UNIT_WORD[c.per]}`;
  const rate = `${formatRate(unitRate)} ${c.currency}/${perText}`;
  const inCcy = ctx.convert(unitRate, c.currency, ctx.currency);
  const conv = c.currency === ctx.currency ? '' : ` (= ${formatAmount(inCcy, ctx.currency)} ${ctx.currency})`;
  return { rate, amount: inCcy.times(qty).div(per), working: `${rate}${step}${conv} × ${formatRate(qty.toDecimalPlaces(6))} ${UNIT_WORD[c.per]}${how}` };
}

function componentValue(c: string, item: ExciseItem): Decimal {
  switch (c) {
    case 'duties':
      return item.duties;
    case 'fees':
      return item.fees;
    default:
      return item.values[c as keyof ItemValues];
  }
}

function evaluate(c: ExciseCharge, item: ExciseItem, ctx: ExciseContext, earlier: ReadonlyMap<string, Decimal>): Evaluated {
  switch (c.type) {
    case 'specific':
      return specific(c, item, ctx);
    case 'adValorem': {
      const base = c.base.reduce<Decimal>((acc, k) => acc.plus(componentValue(k, item)), ZERO);
      return { rate: formatRate(c.percent), base, amount: base.times(c.percent).div(100), working: `${formatRate(c.percent)}% × ${formatAmount(base, ctx.currency)} ${ctx.currency} (base: ${c.base.join(' + ')})` };
    }
    case 'percentOfExcise': {
      const base = earlier.get(c.excise) ?? ZERO;
      return { rate: formatRate(c.percent), base, amount: base.times(c.percent).div(100), working: `${formatRate(c.percent)}% × ${formatAmount(base, ctx.currency)} ${ctx.currency} (${c.excise})` };
    }
  }
}

/**
 * Excise lines (landed-cost step 7): every modelled rule in force that covers an item's HS code
 * charges it, whatever the consignment's value (no de minimis or regime removes excise).
 * Throws MissingQuantityError when a rule needs a volume, strength or weight the item lacks.
 */
export function computeExcise(rules: readonly ExciseRule[], items: readonly ExciseItem[], ctx: ExciseContext): ExciseLineCalc[] {
  const lines: ExciseLineCalc[] = [];
  for (const item of items) {
    const earlier = new Map<string, Decimal>();
    for (const rule of exciseRulesFor(rules, item.hs, ctx.date, ctx.territory)) {
      if (rule.notModelled) continue;
      const band = rule.bands ? bandFor(rule.bands, need(item.abv, 'abv')) : undefined;
      const charge = rule.charge ?? band?.charge;
      if (!charge) continue;
      const ev = evaluate(charge, item, ctx, earlier);
      earlier.set(rule.id, ev.amount);
      lines.push({
        item: item.index,
        hs: item.hs,
        id: rule.id,
        name: rule.name,
        ...ev,
        working: band ? `band ${bandText(band)}: ${ev.working}` : ev.working,
        sourceKey: rule.source,
        ...(rule.confidence ? { confidence: rule.confidence } : {}),
      });
    }
  }
  return lines;
}
