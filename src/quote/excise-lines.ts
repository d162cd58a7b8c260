import type { ConsignmentValues, ItemValues } from '../domain/consignment';
import { MissingQuantityError } from '../domain/duty-expression';
import { computeExcise, exciseRulesFor, type ExciseLineCalc } from '../domain/excise';
import type { Note } from '../domain/note';
import { roundBy } from '../domain/rounding';
import type { LoadedTariff } from '../tariffs/tariff-index';
import { UNCONFIRMED_SUFFIX } from './export-notes';
import { missingQuantity } from './missing-quantity';
import type { QuoteRun } from './quote-context';
import type { QuoteInput } from './quote-input';
import type { ItemCharges } from './tax-lines';

/**
 * Excise lines of one option (landed-cost step 7): after duties and customs fees (an ad valorem
 * excise can be charged on them: Mexico's IEPS), before the taxes whose base holds them. A rule
 * that needs a volume or strength the item lacks is a 422 naming the field. Each line is rounded
 * where the file says (`excise` at `item`).
 */
export function computeItemExcise(run: QuoteRun, values: ConsignmentValues, charges: ItemCharges): ExciseLineCalc[] {
  const rules = run.ctx.tariff.file.excise;
  if (rules.length === 0) return [];
  const { input } = run;
  const items = input.items.map((item, i) => ({
    index: item.index,
    hs: item.hs,
    quantity: item.quantity,
    ...(item.unitKg ? { netKg: item.unitKg.times(item.quantity) } : {}),
    ...(item.unitLitres ? { litres: item.unitLitres.times(item.quantity) } : {}),
    ...(item.abv ? { abv: item.abv } : {}),
    values: values.items[i] as ItemValues,
    duties: charges.duties[i]!,
    fees: charges.fees[i]!,
  }));
  const lines: ExciseLineCalc[] = [];
  for (const item of items) {
    try {
      lines.push(...computeExcise(rules, [item], { date: input.shipDate, currency: input.currency, convert: run.cv, ...(run.territory ? { territory: run.territory } : {}) }));
    } catch (err) {
      if (!(err instanceof MissingQuantityError)) throw err;
      throw missingQuantity(err, item, run.ctx.tariff.file.country, { es: 'El impuesto especial (excise)', en: 'excise' });
    }
  }
  return lines.map((l) => {
    const r = roundBy(run.period.rounding, 'excise', 'item', l.id, l.amount, input.currency, run.cv);
    return r.working ? { ...l, amount: r.value, working: `${l.working}; line ${r.working}` } : l;
  });
}

/**
 * A warning for each excise rule that covers an item but is not modelled (its rate is unknown
 * or a provincial monopoly sets the price): the answer names it, it is never silently left out.
 */
export function exciseNotModelledNotes(tariff: LoadedTariff, input: QuoteInput, territory?: string): Note[] {
  const byRule = new Map<string, { rule: (typeof tariff.file.excise)[number]; items: number[] }>();
  for (const item of input.items) {
    for (const rule of exciseRulesFor(tariff.file.excise, item.hs, input.shipDate, territory)) {
      if (!rule.notModelled) continue;
      const entry = byRule.get(rule.id) ?? { rule, items: [] };
      entry.items.push(item.index);
      byRule.set(rule.id, entry);
    }
  }
  return [...byRule.values()].map(({ rule, items }) => {
    const why = rule.notModelled!;
    const unconfirmed = rule.confidence === 'unconfirmed' ? UNCONFIRMED_SUFFIX : { es: '', en: '' };
    return {
      code: `EXCISE_NOT_MODELLED:${rule.id}`,
      severity: 'warning' as const,
      text: {
        es: `${rule.name.es} (artículos ${items.join(', ')}): existe pero no está incluido en esta estimación; ${why.es}${unconfirmed.es}`,
        en: `${rule.name.en} (items ${items.join(', ')}): due but not included in this estimate; ${why.en}${unconfirmed.en}`,
      },
      sourceKey: rule.source,
    };
  });
}
