import type Decimal from 'decimal.js';
import type { RatedService } from '../carriers/carrier-rater';
import { shippingWasRead, valueConsignment, valueOnBasis, type ConsignmentValues } from '../domain/consignment';
import { decideThreshold, findRegime, type ConsignmentScope, type ValueIn } from '../domain/de-minimis';
import { computeCustomsFees } from '../domain/fees';
import { D, sum } from '../domain/money';
import { optionFigures, unconfirmedFiguresNotes } from '../domain/unconfirmed';
import { expandOrigins } from '../tariffs/tariff-index';
import { computeDuties } from './duty-lines';
import { computeItemExcise } from './excise-lines';
import { dutyOut, exciseOut, feeOut, taxOut, type LineFormat } from './line-output';
import { proofOfOriginNotes } from './proof-notes';
import type { CustomsPriced, OptionCalc, QuoteRun } from './quote-context';
import { dutyFlagNotes } from './quote-notes';
import type { DutyLineOut, FeeLineOut, TaxLineOut } from './quote-result';
import { totalRoundingLines, withRounding } from './rounding-lines';
import { computeItemTaxes, itemCharges } from './tax-lines';

/**
 * Steps 4–8 for one carrier option, shared with an earlier option of the same quote when the
 * answer cannot differ (issue 17): same channel, and either no rule read the shipping or the
 * shipping and insurance are equal. On FOB destinations that is usually every option: the
 * customs part is worked out once per quote instead of once per carrier service.
 */
export function priceCustomsShared(run: QuoteRun, svc: RatedService, shippingTotal: Decimal, insurance: Decimal): CustomsPriced {
  for (const e of run.customsMemo) {
    if (e.channel !== svc.channel) continue;
    if (e.shipping === undefined || (e.shipping.total.eq(shippingTotal) && e.shipping.insurance.eq(insurance))) return e.priced;
  }
  const values = valueConsignment(run.itemGoods, shippingTotal, insurance, run.period.valuation.basis, run.input.currency);
  const priced = priceCustoms(run, values, decideConsignment(run, svc, values));
  run.customsMemo.push({ channel: svc.channel, ...(shippingWasRead(values) ? { shipping: { total: shippingTotal, insurance } } : {}), priced });
  return priced;
}

/** What step 5 decided, and what the later steps measure the consignment with. */
interface Decided {
  calc: OptionCalc;
  valueIn: ValueIn;
  scope: ConsignmentScope;
}

/** Step 5: which simplified regime, duty de minimis and tax de minimis apply to the consignment. */
function decideConsignment(run: QuoteRun, svc: RatedService, values: ConsignmentValues): Decided {
  const { input, ctx, period } = run;
  const scope: ConsignmentScope = {
    itemOrigins: input.items.map((i) => i.originCountry),
    itemHs: input.items.map((i) => i.hs),
    shipFrom: input.origin.country,
    channel: svc.channel,
    expandOrigins: (o) => expandOrigins(ctx.tariff, o),
  };
  // Asked by every threshold, regime, fee scope and proof note: each basis and currency summed over the items once per option.
  const measured = new Map<string, Decimal>();
  const valueIn: ValueIn = (basis, currency) => {
    const key = `${basis}|${currency}`;
    let v = measured.get(key);
    if (v === undefined) measured.set(key, (v = run.cv(valueOnBasis(values, basis), input.currency, currency)));
    return v;
  };
  const regime = findRegime(period.regimes, scope, valueIn);
  const replaces = (what: 'duty' | 'tax') => regime?.regime.replaces.includes(what) ?? false;
  const calc: OptionCalc = {
    ...(regime ? { regime } : {}),
    dutyDecision: replaces('duty') ? { outcome: 'none' } : decideThreshold(period.deMinimis.duty, scope, valueIn),
    taxDecision: replaces('tax') ? { outcome: 'none' } : decideThreshold(period.deMinimis.tax, scope, valueIn),
    notes: [],
  };
  return { calc, valueIn, scope };
}

/**
 * Steps 6–8: duties, customs fees, excise (whatever the value: no de minimis or regime removes
 * it), taxes and the legal rounding of declaration totals.
 */
function priceCustoms(run: QuoteRun, values: ConsignmentValues, decided: Decided): CustomsPriced {
  const { input, period } = run;
  const { calc, valueIn, scope } = decided;
  const fmt: LineFormat = { tariff: run.ctx.tariff, currency: input.currency, locale: input.locale };
  const { lines: dutyLines, preferences } = computeDuties(run, values, calc);
  calc.notes.push(...proofOfOriginNotes(run.ctx.tariff, preferences, (ccy) => valueIn('customsValue', ccy)), ...dutyFlagNotes(dutyLines));
  const feeLines = computeCustomsFees(
    period.fees,
    values.items.map((v, i) => ({ customsValue: v.customsValue, hs: input.items[i]!.hs, ...(preferences[i] ? { preference: preferences[i] } : {}) })),
    { currency: input.currency, convert: run.cv, shipDate: input.shipDate, scope, buyer: input.buyer, parcels: input.parcels.length, valueIn, ...(run.territory ? { territory: run.territory } : {}) },
  );
  calc.notes.push(...feeLines.flatMap((l) => l.notes));
  const charges = itemCharges(values, dutyLines, feeLines);
  const exciseLines = computeItemExcise(run, values, charges);
  const taxLines = calc.regime?.regime.replaces.includes('tax') ? [] : computeItemTaxes(run, values, charges, exciseLines, calc, valueIn);
  const rounding = totalRoundingLines(run, dutyLines, exciseLines, taxLines);
  const figures = optionFigures({ valuation: period.valuation, regime: calc.regime, dutyDecision: calc.dutyDecision, taxDecision: calc.taxDecision, taxes: taxLines, fees: feeLines, excise: exciseLines });
  calc.notes.push(...unconfirmedFiguresNotes(figures));
  const duties = [...dutyLines, ...rounding.duties].map((l) => {
    let out = run.dutyOutMemo.get(l);
    if (out === undefined) run.dutyOutMemo.set(l, (out = dutyOut(l, fmt)));
    return out;
  });
  const taxExemptBy = calc.taxDecision.outcome === 'applied' ? calc.taxDecision.threshold.confidence : undefined;
  const taxes = [...exciseLines.map((l) => exciseOut(l, fmt)), ...[...rounding.excise, ...withRounding(taxLines, rounding.taxes)].map((l) => taxOut(l, fmt, taxExemptBy))];
  const fees = feeLines.map((l) => feeOut(l, fmt));
  return { calc, duties, taxes, fees, figures, totals: linesTotals(duties, taxes, fees) };
}

/** The sum of answer lines' (rounded) amounts. */
export function sumAmounts(lines: readonly { amount: string }[]): Decimal {
  return sum(lines.map((l) => new D(l.amount)));
}

/** The rounded totals of answer lines: each the sum of its lines' amounts. */
function linesTotals(duties: readonly DutyLineOut[], taxes: readonly TaxLineOut[], fees: readonly FeeLineOut[]): CustomsPriced['totals'] {
  return {
    duties: sumAmounts(duties),
    taxes: sumAmounts(taxes),
    importTaxes: sumAmounts(taxes.filter((t) => t.collectedAt === 'import')),
    fees: sumAmounts(fees),
    buyerFees: sumAmounts(fees.filter((f) => f.payer === 'buyer')),
  };
}
