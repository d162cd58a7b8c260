import type Decimal from 'decimal.js';
import type { RatedService } from '../carriers/carrier-rater';
import { valueConsignment, valueOnBasis, type ConsignmentValues } from '../domain/consignment';
import { decideThreshold, findRegime, type ConsignmentScope, type ValueIn } from '../domain/de-minimis';
import { computeCustomsFees } from '../domain/fees';
import { D, ZERO, formatAmount, roundHalfUp, sum } from '../domain/money';
import { fromCarrierStatus } from '../domain/confidence';
import { optionFigures, unconfirmedFiguresNotes, type UsedFigure } from '../domain/unconfirmed';
import { expandOrigins } from '../tariffs/tariff-index';
import { memoDeliveryWindow } from './delivery-memo';
import { computeDuties } from './duty-lines';
import { computeItemExcise } from './excise-lines';
import { dutyOut, exciseOut, feeOut, taxOut, type LineFormat } from './line-output';
import { proofOfOriginNotes } from './proof-notes';
import type { OptionCalc, QuoteRun } from './quote-context';
import { optionConfidence } from './option-confidence';
import { dutyFlagNotes, optionNotes } from './quote-notes';
import type { DutyLineOut, FeeLineOut, PricedOption, QuoteOption, TaxLineOut } from './quote-result';
import { totalRoundingLines, withRounding } from './rounding-lines';
import { computeItemTaxes, itemCharges } from './tax-lines';
import { say } from '../domain/wording';

/** The carrier's charges in the answer currency: each line rounded once, the total their sum. */
interface ShippingPriced {
  lines: (QuoteOption['shipping']['lines'][number] & { rounded: Decimal })[];
  total: Decimal;
  insurance: Decimal;
}

/** Duties, taxes and fees of one option, as answer lines and rounded totals. */
interface CustomsPriced {
  duties: DutyLineOut[];
  taxes: TaxLineOut[];
  fees: FeeLineOut[];
  /** The tariff figures the option used, with their marks (valuation, regime, thresholds, taxes, fees). */
  figures: UsedFigure[];
  totals: { duties: Decimal; taxes: Decimal; importTaxes: Decimal; fees: Decimal; buyerFees: Decimal };
}

/** Price one carrier option (landed-cost steps 3–11), in named steps. */
export function priceOption(run: QuoteRun, svc: RatedService): PricedOption {
  const shipping = priceShipping(run, svc);
  const values = valueConsignment(run.itemGoods, shipping.total, shipping.insurance, run.period.valuation.basis, run.input.currency);
  const { calc, valueIn, scope } = decideConsignment(run, svc, values);
  const customs = priceCustoms(run, svc, values, { calc, valueIn, scope });
  return assembleOption(run, svc, shipping, customs, calc);
}

/**
 * A carrier option's lines in an answer currency and language depend only on the option (a
 * rating-cache entry, reused across requests of one data snapshot) and the rate table: worked
 * out once per (rates, option, currency, locale) and shared (issue 17). Entries go with their keys.
 */
const shippingMemo = new WeakMap<object, WeakMap<RatedService, Map<string, ShippingPriced>>>();

/** Step 3: convert the carrier's lines to the answer currency and round each once. */
function priceShipping(run: QuoteRun, svc: RatedService): ShippingPriced {
  const key = `${run.input.currency}|${run.input.locale}`;
  let byService = shippingMemo.get(run.ctx.rates);
  if (!byService) shippingMemo.set(run.ctx.rates, (byService = new WeakMap()));
  let byKey = byService.get(svc);
  if (!byKey) byService.set(svc, (byKey = new Map()));
  const hit = byKey.get(key);
  // The currencies a memoised option converted are already in the answer's list: the option's and the answer's.
  if (hit) return hit;
  const priced = convertShipping(run, svc);
  byKey.set(key, priced);
  return priced;
}

function convertShipping(run: QuoteRun, svc: RatedService): ShippingPriced {
  const ccy = run.input.currency;
  const locale = run.input.locale;
  const lines = svc.lines.map((l) => {
    const rounded = roundHalfUp(run.cv(l.amount, svc.currency, ccy), ccy);
    const shown = formatAmount(rounded, ccy);
    const working = say(l.working, locale) + (svc.currency === ccy ? ` ${ccy}` : ` ${svc.currency} → ${shown} ${ccy}`);
    return { code: l.code, name: l.name[locale], amount: shown, working, rounded };
  });
  const insurance = svc.insurance ? roundHalfUp(run.cv(svc.insurance.amount, svc.currency, ccy), ccy) : ZERO;
  return { lines, total: sum(lines.map((l) => l.rounded)), insurance };
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
 * it), taxes, the legal rounding of declaration totals, then the carrier's fees on duties and taxes.
 */
function priceCustoms(run: QuoteRun, svc: RatedService, values: ConsignmentValues, decided: Decided): CustomsPriced {
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
  const total = (lines: readonly { amount: string }[]) => sum(lines.map((l) => new D(l.amount)));
  const importTaxes = total(taxes.filter((t) => t.collectedAt === 'import'));
  const fees = [...feeLines.map((l) => feeOut(l, fmt)), ...carrierDutyFees(run, svc, total(duties).plus(importTaxes))];
  return {
    duties,
    taxes,
    fees,
    figures,
    totals: { duties: total(duties), taxes: total(taxes), importTaxes, fees: total(fees), buyerFees: total(fees.filter((f) => f.payer === 'buyer')) },
  };
}

/** The carrier's fee for advancing duties and taxes (DDP) or collecting them from the buyer (DAP). */
function carrierDutyFees(run: QuoteRun, svc: RatedService, dutiesAndTaxes: Decimal): FeeLineOut[] {
  if (dutiesAndTaxes.lte(0)) return [];
  const { input, cv } = run;
  const want = input.incoterm === 'DDP' ? 'ddp' : 'dap';
  const ccy = input.currency;
  return svc.dutyFees
    .filter((f) => f.option === want)
    .map((f) => {
      const priced = f.price(cv(dutiesAndTaxes, ccy, svc.currency));
      const amount = formatAmount(roundHalfUp(cv(priced.amount, svc.currency, ccy), ccy), ccy);
      return {
        code: f.code,
        name: f.name[input.locale],
        amount,
        rule: `carrier:${svc.carrier}`,
        working: `${say(priced.working, input.locale)} ${svc.currency}${svc.currency === ccy ? '' : ` → ${amount} ${ccy}`}`,
        payer: f.option === 'ddp' ? ('seller' as const) : ('buyer' as const),
        // As sure as the carrier table it comes from (a live-priced service keeps its table's fees).
        confidence: fromCarrierStatus(f.status ?? svc.status),
      };
    });
}

/** Steps 10–11 and the answer: totals, the incoterm split, the delivery window, the option's notes. */
function assembleOption(run: QuoteRun, svc: RatedService, shipping: ShippingPriced, customs: CustomsPriced, calc: OptionCalc): PricedOption {
  const { input, ctx } = run;
  const ccy = input.currency;
  const fmt = (a: Decimal) => formatAmount(a, ccy);
  const t = customs.totals;
  const landed = run.goodsValue.plus(shipping.total).plus(shipping.insurance).plus(t.duties).plus(t.taxes).plus(t.fees);
  const onDelivery = input.incoterm === 'DDP' ? ZERO : t.duties.plus(t.importTaxes).plus(t.buyerFees);
  const window = memoDeliveryWindow({
    shipDate: input.shipDate,
    now: ctx.now,
    origin: { country: input.origin.country, timeZone: ctx.originTimeZone },
    destination: { country: input.destination.country, ...(input.destination.region ? { region: input.destination.region } : {}) },
    cutoffLocal: svc.cutoffLocal,
    transitDays: svc.transitDays,
    customsDays: svc.customsDays,
    ...(svc.deliveryDate === undefined ? {} : { carrierDate: svc.deliveryDate }),
    holidays: ctx.holidays,
  });
  const insuranceWorking = svc.insurance ? `${say(svc.insurance.working, input.locale)} ${svc.currency}${svc.currency === ccy ? '' : ` → ${fmt(shipping.insurance)} ${ccy}`}` : undefined;
  return {
    carrier: svc.carrier,
    carrierName: svc.carrierName,
    service: svc.service,
    serviceName: svc.serviceName[input.locale],
    rateStatus: svc.status,
    shipping: {
      amount: fmt(shipping.total),
      chargeableWeightKg: svc.chargeableKg.toString(),
      zone: svc.zone,
      lines: shipping.lines.map(({ rounded: _rounded, ...line }) => line),
    },
    insurance: insuranceWorking === undefined ? { amount: fmt(ZERO) } : { amount: fmt(shipping.insurance), working: insuranceWorking },
    duties: { amount: fmt(t.duties), lines: customs.duties },
    taxes: { amount: fmt(t.taxes), lines: customs.taxes },
    fees: { amount: fmt(t.fees), lines: customs.fees },
    landedCost: fmt(landed),
    payableAtCheckout: fmt(landed.minus(onDelivery)),
    payableOnDelivery: fmt(onDelivery),
    deliveryDays: window.deliveryDays,
    estimatedDelivery: { earliest: window.earliest, latest: window.latest, pickup: window.pickupDate },
    deMinimis: {
      duty: calc.dutyDecision.outcome,
      tax: calc.taxDecision.outcome,
      ...(calc.regime ? { regime: calc.regime.regime.id } : {}),
    },
    confidence: optionConfidence([...customs.duties, ...customs.taxes, ...customs.fees], customs.figures),
    notes: optionNotes(svc, calc, ctx, input),
  };
}
