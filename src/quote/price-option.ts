import type Decimal from 'decimal.js';
import type { RatedService } from '../carriers/carrier-rater';
import { ZERO, formatAmount, roundHalfUp, sum } from '../domain/money';
import { fromCarrierStatus } from '../domain/confidence';
import { memoDeliveryWindow } from './delivery-memo';
import type { CustomsPriced, QuoteRun } from './quote-context';
import { optionConfidence } from './option-confidence';
import { priceCustomsShared, sumAmounts } from './price-customs';
import { optionNotes } from './quote-notes';
import type { FeeLineOut, PricedOption, QuoteOption } from './quote-result';
import { say } from '../domain/wording';

/** The carrier's charges in the answer currency: each line rounded once, the total their sum. */
interface ShippingPriced {
  lines: (QuoteOption['shipping']['lines'][number] & { rounded: Decimal })[];
  total: Decimal;
  insurance: Decimal;
}

/** Price one carrier option (landed-cost steps 3–11), in named steps. */
export function priceOption(run: QuoteRun, svc: RatedService): PricedOption {
  const shipping = priceShipping(run, svc);
  return assembleOption(run, svc, shipping, withCarrierFees(run, svc, priceCustomsShared(run, svc, shipping.total, shipping.insurance)));
}

/** Step 8b: the option's own carrier fee on duties and taxes, added to the consignment's customs lines. */
function withCarrierFees(run: QuoteRun, svc: RatedService, customs: CustomsPriced): CustomsPriced {
  const own = carrierDutyFees(run, svc, customs.totals.duties.plus(customs.totals.importTaxes));
  if (own.length === 0) return customs;
  const t = customs.totals;
  return {
    ...customs,
    fees: [...customs.fees, ...own],
    totals: { ...t, fees: t.fees.plus(sumAmounts(own)), buyerFees: t.buyerFees.plus(sumAmounts(own.filter((f) => f.payer === 'buyer'))) },
  };
}

/**
 * A carrier option's lines in an answer currency and language depend only on its lines (a
 * rating-cache entry's, reused across requests of one data snapshot, also by the copies that carry
 * another insurance) and the rate table: worked out once per (rates, lines, currency, locale) and
 * shared (issue 17). Entries go with their keys. The insurance is converted per request.
 */
const shippingMemo = new WeakMap<object, WeakMap<RatedService['lines'], Map<string, Omit<ShippingPriced, 'insurance'>>>>();

/** Step 3: convert the carrier's lines to the answer currency and round each once. */
function priceShipping(run: QuoteRun, svc: RatedService): ShippingPriced {
  const ccy = run.input.currency;
  const insurance = svc.insurance ? roundHalfUp(run.cv(svc.insurance.amount, svc.currency, ccy), ccy) : ZERO;
  const key = `${ccy}|${run.input.locale}`;
  let byLines = shippingMemo.get(run.ctx.rates);
  if (!byLines) shippingMemo.set(run.ctx.rates, (byLines = new WeakMap()));
  let byKey = byLines.get(svc.lines);
  if (!byKey) byLines.set(svc.lines, (byKey = new Map()));
  // The currencies a memoised option converted are already in the answer's list: the option's and the answer's.
  let lines = byKey.get(key);
  if (lines === undefined) byKey.set(key, (lines = convertLines(run, svc)));
  return { ...lines, insurance };
}

function convertLines(run: QuoteRun, svc: RatedService): Omit<ShippingPriced, 'insurance'> {
  const ccy = run.input.currency;
  const locale = run.input.locale;
  const lines = svc.lines.map((l) => {
    const rounded = roundHalfUp(run.cv(l.amount, svc.currency, ccy), ccy);
    const shown = formatAmount(rounded, ccy);
    const working = say(l.working, locale) + (svc.currency === ccy ? ` ${ccy}` : ` ${svc.currency} → ${shown} ${ccy}`);
    return { code: l.code, name: l.name[locale], amount: shown, working, rounded };
  });
  return { lines, total: sum(lines.map((l) => l.rounded)) };
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
function assembleOption(run: QuoteRun, svc: RatedService, shipping: ShippingPriced, customs: CustomsPriced): PricedOption {
  const { input, ctx } = run;
  const calc = customs.calc;
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
