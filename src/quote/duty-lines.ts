import type Decimal from 'decimal.js';
import { fromFileMark } from '../domain/confidence';
import { valueOnBasis, type ConsignmentValues } from '../domain/consignment';
import type { RegimeDecision } from '../domain/de-minimis';
import { MissingQuantityError, type DutyBase } from '../domain/duty-expression';
import { D, ZERO, formatAmount, formatRate } from '../domain/money';
import { roundBy } from '../domain/rounding';
import { P, componentWord } from '../domain/engine-phrases';
import { joined, w, type Wording } from '../domain/wording';
import { resolveItemDuty, type DutyLineCalc } from '../tariffs/resolve-duty';
import type { Threshold } from '../tariffs/tariff-schema';
import { missingQuantity } from './missing-quantity';
import type { Convert, OptionCalc, QuoteRun } from './quote-context';
import type { QuoteItem } from './quote-input';

export interface DutyLines {
  lines: DutyLineCalc[];
  /** The agreement each item entered under, where a preference was claimed. */
  preferences: (string | undefined)[];
}

/** Duty lines for the consignment (landed-cost steps 5–6): a regime, the de minimis, or item by item. */
export function computeDuties(run: QuoteRun, values: ConsignmentValues, calc: OptionCalc): DutyLines {
  const { input } = run;
  const preferences: (string | undefined)[] = input.items.map(() => undefined);
  const regime = calc.regime;
  if (regime && regime.regime.replaces.includes('duty')) return { lines: regimeLines(run.input.items, regime, values, run.cv), preferences };
  if (calc.dutyDecision.outcome === 'applied') return { lines: deMinimisLines(input.items, values, calc.dutyDecision), preferences };
  const lines: DutyLineCalc[] = [];
  input.items.forEach((item, i) => {
    const res = itemDuty(run, item, values.items[i]!.customsValue);
    lines.push(...res.lines);
    preferences[i] = res.preference;
    calc.notes.push(...res.notes);
  });
  return { lines, preferences };
}

/** Under the duty de minimis every item is listed at zero, with the threshold as the reason. */
function deMinimisLines(items: readonly QuoteItem[], values: ConsignmentValues, d: { threshold: Threshold; value: Decimal }): DutyLineCalc[] {
  const t = d.threshold;
  return items.map((item, i) => ({
    item: item.index,
    hs: item.hs,
    rate: '0',
    base: values.items[i]!.customsValue,
    amount: ZERO,
    rule: 'de-minimis',
    working: P.noDuty(`${formatAmount(d.value, t.currency)} ${t.currency}`, `${t.amount.toString()} ${t.currency}`, t.id),
    estimated: false,
    // Zero duty is as sure as the threshold that waives it.
    confidence: fromFileMark(t.confidence),
    sourceKey: t.source,
  }));
}

/**
 * A big cart's item duties resolved ahead, `chunk` items per event-loop turn (issue 17: a single
 * option of a 1,000-item cart used to resolve every duty in one go). Only on FOB destinations,
 * where every option's customs value is the goods value, so the options then find them in
 * `dutyMemo`. An item whose duty cannot be worked out is left for the option to report, since
 * a de minimis or a regime may spare it.
 */
export async function resolveDutiesAhead(run: QuoteRun, chunk: number, pause: () => Promise<void>): Promise<void> {
  if (run.period.valuation.basis !== 'FOB') return;
  const items = run.input.items;
  for (let start = 0; start < items.length; start += chunk) {
    await pause();
    for (let i = start; i < Math.min(items.length, start + chunk); i++) {
      try {
        itemDuty(run, items[i]!, run.itemGoods[i]!);
      } catch {
        // Reported, if it matters, by the option that needs this duty.
      }
    }
  }
}

/**
 * One item's duty, memoised per quote on (item, customs value): on FOB
 * destinations every option shares it. A specific duty that needs a weight,
 * volume or strength the request lacks is a QuoteError naming the field.
 * National rounding: the customs value as the duty base (`dutyBase`, Japan:
 * down to JPY 1,000) and each duty line (`duty` at `item`).
 */
function itemDuty(run: QuoteRun, item: QuoteItem, customsValue: Decimal): ReturnType<typeof resolveItemDuty> {
  const key = `${item.index}|${customsValue.toString()}`;
  const hit = run.dutyMemo.get(key);
  if (hit) return hit;
  const rules = run.period.rounding;
  const ccy = run.input.currency;
  const dutyBase = roundBy(rules, 'dutyBase', 'item', undefined, customsValue, ccy, run.cv);
  const base: DutyBase = {
    customsValue: dutyBase.value,
    currency: ccy,
    quantity: item.quantity,
    ...(item.unitKg ? { netKg: item.unitKg.times(item.quantity) } : {}),
    ...(item.unitLitres ? { litres: item.unitLitres.times(item.quantity) } : {}),
    ...(item.abv ? { abv: item.abv } : {}),
    convert: run.cv,
  };
  try {
    const raw = resolveItemDuty(run.ctx.tariff, item, run.input.shipDate, base);
    const lines = raw.lines.map((l) => {
      const line = roundBy(rules, 'duty', 'item', undefined, l.amount, ccy, run.cv);
      const steps: Wording[] = [...(dutyBase.working ? [P.customsValue(dutyBase.working)] : []), l.working, ...(line.working ? [P.line(line.working)] : [])];
      return { ...l, amount: line.value, working: steps.length === 1 ? l.working : joined(steps, '; ') };
    });
    const res = { ...raw, lines };
    run.dutyMemo.set(key, res);
    return res;
  } catch (err) {
    if (!(err instanceof MissingQuantityError)) throw err;
    throw missingQuantity(err, item, run.ctx.tariff.file.country, { es: 'El arancel', en: 'duty' });
  }
}

/** A simplified regime's duty: exempt, one flat rate (minus a deduction), or a flat amount per item category. */
function regimeLines(items: readonly QuoteItem[], d: RegimeDecision, values: ConsignmentValues, cv: Convert): DutyLineCalc[] {
  const ccy = values.currency;
  const t = d.band.treatment;
  const rule = `regime:${d.regime.id}`;
  const head = P.inBand(componentWord(d.regime.basis), `${formatAmount(d.value, d.regime.currency)} ${d.regime.currency}`, d.band.above?.toString() ?? '0', d.band.upTo?.toString() ?? '∞');
  const line = { rule, estimated: false, confidence: fromFileMark(d.regime.confidence), sourceKey: d.regime.source };
  switch (t.type) {
    case 'exempt':
      return [{ ...line, rate: '0', base: valueOnBasis(values, d.regime.basis), amount: ZERO, working: P.exempt(head) }];
    case 'rate': {
      const base = valueOnBasis(values, d.regime.basis);
      const gross = base.times(t.percent).div(100);
      const deductCcy = t.deductCurrency ?? d.regime.currency;
      const deduct = t.deduct ? cv(t.deduct, deductCcy, ccy) : ZERO;
      const deductText = t.deduct ? ` − ${t.deduct.toString()} ${deductCcy} (${formatAmount(deduct, ccy)} ${ccy})` : '';
      return [{
        ...line,
        rate: formatRate(t.percent),
        base,
        amount: D.max(gross.minus(deduct), ZERO),
        working: w`${head}: ${formatRate(t.percent)}% × ${formatAmount(base, ccy)} ${ccy}${deductText}`,
      }];
    }
    case 'perItemCategory': {
      const categories = new Map<string, number[]>();
      for (const item of items) {
        const key = item.hs.slice(0, t.hsDigits);
        categories.set(key, [...(categories.get(key) ?? []), item.index]);
      }
      const perCategory = cv(t.amount, t.currency, ccy);
      return [...categories.entries()].map(([hs, idx]) => ({
        ...line,
        item: idx[0]!,
        hs,
        rate: P.perItemCategory(`${t.amount.toString()} ${t.currency}`),
        base: valueOnBasis(values, d.regime.basis, idx),
        amount: perCategory,
        working: w`${head}: ${P.forHs(`${t.amount.toString()} ${t.currency}`, hs, String(idx.length), idx.join(', '))}${t.currency === ccy ? '' : ` = ${formatAmount(perCategory, ccy)} ${ccy}`}`,
      }));
    }
  }
}
