import type Decimal from 'decimal.js';
import type { RateResult, RatedService } from '../carriers/carrier-rater';
import { valueConsignment, valueOnBasis, type ConsignmentValues } from '../domain/consignment';
import { decideThreshold, findRegime, type ConsignmentScope, type RegimeDecision, type ThresholdDecision } from '../domain/de-minimis';
import { estimateDeliveryWindow, type DeliveryWindow, type DeliveryWindowInput, type HolidayCalendar } from '../domain/delivery-window';
import { MissingQuantityError, type DutyBase } from '../domain/duty-expression';
import { resolveItemDuty, type DutyLineCalc, type EngineNote, type ItemDutyResult } from '../domain/duty';
import { computeCustomsFees, type FeeLineCalc } from '../domain/fees';
import { D, ZERO, formatAmount, formatRate, roundHalfUp, sum } from '../domain/money';
import { computeTaxes, type TaxLineCalc } from '../domain/tax';
import { optionFigures, unconfirmedFiguresNotes } from '../domain/unconfirmed';
import { convert, crossRate, hasRate, type RateTable } from '../fx/rate-table';
import { expandOrigins, periodAt, sourceOf, type LoadedTariff } from '../tariffs/tariff-index';
import type { TariffPeriod } from '../tariffs/tariff-schema';
import { QuoteError } from './quote-error';
import type { QuoteInput } from './quote-input';
import type { DutyLineOut, FeeLineOut, QuoteOption, QuoteResult, TaxLineOut } from './quote-result';
import { collectQuoteNotes, optionNotes } from './quote-notes';

/** Item duty results of one quote by item index and customs value. */
type DutyMemo = Map<string, ItemDutyResult>;

export interface QuoteContext {
  tariff: LoadedTariff;
  rates: RateTable;
  rated: RateResult;
  holidays: HolidayCalendar;
  originTimeZone: string;
  now: Date;
  quoteId: string;
  validForHours: number;
  /** Exchange rates older than this many days get a warning note; default FX_MAX_AGE_DAYS. */
  fxMaxAgeDays?: number;
  /** Tariff file of the ORIGIN country, for its export-side notes (Mexico: pedimento, CFDI, certification of origin). */
  originTariff?: LoadedTariff;
}

type Convert = (amount: Decimal, from: string, to: string) => Decimal;

/**
 * Work out the landed cost of every rated carrier option (domain.md steps
 * 3–11). Pure: rates, tariff, carrier prices, holidays and the clock come
 * in through `ctx`. Every reported line is rounded once, half-up, to the
 * answer currency; totals are sums of the rounded lines.
 */
export function buildQuote(input: QuoteInput, ctx: QuoteContext): QuoteResult {
  const period = periodAt(ctx.tariff, input.shipDate);
  if (!period) {
    throw new QuoteError('NO_TARIFF_PERIOD', 'shipDate', {
      es: `No hay reglas arancelarias de ${ctx.tariff.file.country} vigentes el ${input.shipDate}.`,
      en: `No ${ctx.tariff.file.country} tariff rules are in force on ${input.shipDate}.`,
    });
  }
  checkRegion(input, ctx.tariff, period);
  const cv: Convert = (a, from, to) => convert(a, from, to, ctx.rates);
  const ccy = input.currency;
  const itemGoods = input.items.map((it) => cv(it.quantity.times(it.unitPrice), it.priceCurrency, ccy));
  const goodsValue = roundHalfUp(sum(itemGoods), ccy);

  // Item duties depend on the option only through the customs value (CIF shipping): on FOB
  // destinations every option shares them, so each is resolved once per quote.
  const dutyMemo: DutyMemo = new Map();
  const options = ctx.rated.options
    .map((svc) => priceOption(input, ctx, period, svc, itemGoods, goodsValue, cv, dutyMemo))
    .sort((a, b) => new D(a.landedCost).comparedTo(b.landedCost) || a.deliveryDays.max - b.deliveryDays.max);

  const currencies = new Set<string>([...input.items.map((i) => i.priceCurrency), ...ctx.rated.options.map((o) => o.currency), ctx.tariff.file.currency]);
  currencies.delete(ccy);
  const rates: Record<string, string> = {};
  for (const c of [...currencies].filter((c) => hasRate(ctx.rates, c)).sort()) rates[c] = crossRate(ccy, c, ctx.rates).toSignificantDigits(10).toString();

  const carriers: Record<string, string> = {};
  for (const o of ctx.rated.options) carriers[o.carrier] = o.dataDate;
  return {
    quoteId: ctx.quoteId,
    createdAt: iso(ctx.now),
    validUntil: iso(new Date(ctx.now.getTime() + ctx.validForHours * 3600_000)),
    currency: ccy,
    incoterm: input.incoterm,
    locale: input.locale,
    goodsValue: formatAmount(goodsValue, ccy),
    exchangeRates: { asOf: ctx.rates.asOf, source: ctx.rates.source, base: ccy, rates },
    dataDates: { tariff: ctx.tariff.reviewed, exchangeRates: ctx.rates.asOf, carriers },
    options,
    notes: collectQuoteNotes(input, ctx, period, options),
  };
}

function iso(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function checkRegion(input: QuoteInput, tariff: LoadedTariff, period: TariffPeriod): void {
  const regional = period.taxes.some((t) => t.regions !== undefined);
  const known = Object.keys(tariff.file.regions ?? {});
  const region = input.destination.region;
  if (region !== undefined && known.length > 0 && !known.includes(region)) {
    throw new QuoteError('UNKNOWN_REGION', 'destination.region', {
      es: `"${region}" no es una región de ${tariff.file.country}; use una de: ${known.join(', ')}.`,
      en: `"${region}" is not a region of ${tariff.file.country}; use one of: ${known.join(', ')}.`,
    });
  }
  if (regional && region === undefined) {
    throw new QuoteError('REGION_REQUIRED', 'destination.region', {
      es: `Los impuestos de ${tariff.file.country} dependen de la región: indique destination.region (${known.join(', ')}).`,
      en: `${tariff.file.country} taxes depend on the region: give destination.region (${known.join(', ')}).`,
    });
  }
}

export interface OptionCalc {
  regime?: RegimeDecision;
  dutyDecision: ThresholdDecision;
  taxDecision: ThresholdDecision;
  notes: EngineNote[];
}

function priceOption(
  input: QuoteInput,
  ctx: QuoteContext,
  period: TariffPeriod,
  svc: RatedService,
  itemGoods: Decimal[],
  goodsValue: Decimal,
  cv: Convert,
  dutyMemo: DutyMemo,
): QuoteOption {
  const ccy = input.currency;
  const r = (a: Decimal) => roundHalfUp(a, ccy);
  const shippingLines = svc.lines.map((l) => ({ ...l, rounded: r(cv(l.amount, svc.currency, ccy)) }));
  const shipping = sum(shippingLines.map((l) => l.rounded));
  const insurance = svc.insurance ? r(cv(svc.insurance.amount, svc.currency, ccy)) : ZERO;
  const values = valueConsignment(itemGoods, shipping, insurance, period.valuation.basis, ccy);

  const scope: ConsignmentScope = {
    itemOrigins: input.items.map((i) => i.originCountry),
    itemHs: input.items.map((i) => i.hs),
    shipFrom: input.origin.country,
    channel: svc.channel,
    expandOrigins: (o) => expandOrigins(ctx.tariff, o),
  };
  const valueIn = (basis: Parameters<typeof valueOnBasis>[1], currency: string) => cv(valueOnBasis(values, basis), ccy, currency);
  const regime = findRegime(period.regimes, scope, valueIn);
  const calc: OptionCalc = {
    ...(regime ? { regime } : {}),
    dutyDecision: regime?.regime.replaces.includes('duty') ? { outcome: 'none' } : decideThreshold(period.deMinimis.duty, scope, valueIn),
    taxDecision: regime?.regime.replaces.includes('tax') ? { outcome: 'none' } : decideThreshold(period.deMinimis.tax, scope, valueIn),
    notes: [],
  };

  const { lines: dutyLines, preferences } = computeDuties(input, ctx, values, calc, cv, dutyMemo);
  calc.notes.push(...dutyFlagNotes(dutyLines, preferences));
  const feeLines = computeCustomsFees(
    period.fees,
    values.items.map((v, i) => ({ customsValue: v.customsValue, ...(preferences[i] ? { preference: preferences[i] } : {}) })),
    { currency: ccy, convert: cv },
  );
  const taxLines = regime?.regime.replaces.includes('tax') ? [] : computeItemTaxes(input, period, values, dutyLines, feeLines, calc, valueIn);
  calc.notes.push(...unconfirmedFiguresNotes(optionFigures({ valuation: period.valuation, regime, dutyDecision: calc.dutyDecision, taxDecision: calc.taxDecision, taxes: taxLines, fees: feeLines })));

  const dutiesOut = dutyLines.map((l) => dutyOut(l, ctx.tariff, ccy));
  const taxesOut = taxLines.map((l) => taxOut(l, ctx.tariff, ccy, input.locale));
  const customsFeesOut = feeLines.map((l) => feeOut(l, ctx.tariff, ccy, input.locale));
  const duties = sum(dutiesOut.map((l) => new D(l.amount)));
  const taxes = sum(taxesOut.map((l) => new D(l.amount)));
  const importTaxes = sum(taxesOut.filter((t) => t.collectedAt === 'import').map((l) => new D(l.amount)));
  const carrierFees = carrierDutyFees(svc, input, duties.plus(importTaxes), cv);
  const feesOut = [...customsFeesOut, ...carrierFees];
  const fees = sum(feesOut.map((l) => new D(l.amount)));
  const landed = goodsValue.plus(shipping).plus(insurance).plus(duties).plus(taxes).plus(fees);
  const buyerFees = sum(feesOut.filter((f) => f.payer === 'buyer').map((l) => new D(l.amount)));
  const onDelivery = input.incoterm === 'DDP' ? ZERO : duties.plus(importTaxes).plus(buyerFees);

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

  const fmt = (a: Decimal) => formatAmount(a, ccy);
  return {
    carrier: svc.carrier,
    carrierName: svc.carrierName,
    service: svc.service,
    serviceName: svc.serviceName[input.locale],
    rateStatus: svc.status,
    shipping: {
      amount: fmt(shipping),
      chargeableWeightKg: svc.chargeableKg.toString(),
      zone: svc.zone,
      lines: shippingLines.map((l) => ({
        code: l.code,
        name: l.name[input.locale],
        amount: fmt(l.rounded),
        working: svc.currency === ccy ? `${l.working} ${ccy}` : `${l.working} ${svc.currency} → ${fmt(l.rounded)} ${ccy}`,
      })),
    },
    insurance: svc.insurance
      ? { amount: fmt(insurance), working: `${svc.insurance.working} ${svc.currency}${svc.currency === ccy ? '' : ` → ${fmt(insurance)} ${ccy}`}` }
      : { amount: fmt(ZERO) },
    duties: { amount: fmt(duties), lines: dutiesOut },
    taxes: { amount: fmt(taxes), lines: taxesOut },
    fees: { amount: fmt(fees), lines: feesOut },
    landedCost: fmt(landed),
    payableAtCheckout: fmt(landed.minus(onDelivery)),
    payableOnDelivery: fmt(onDelivery),
    deliveryDays: window.deliveryDays,
    estimatedDelivery: { earliest: window.earliest, latest: window.latest, pickup: window.pickupDate },
    deMinimis: {
      duty: calc.dutyDecision.outcome,
      tax: calc.taxDecision.outcome,
      ...(regime ? { regime: regime.regime.id } : {}),
    },
    notes: optionNotes(svc, calc, ctx, input, values),
  };
}

/** Duty lines for the consignment: a regime, the de minimis, or item by item. */
function computeDuties(
  input: QuoteInput,
  ctx: QuoteContext,
  values: ConsignmentValues,
  calc: OptionCalc,
  cv: Convert,
  dutyMemo: DutyMemo,
): { lines: DutyLineCalc[]; preferences: (string | undefined)[] } {
  const ccy = input.currency;
  const preferences: (string | undefined)[] = input.items.map(() => undefined);
  const regime = calc.regime;
  if (regime && regime.regime.replaces.includes('duty')) return { lines: regimeLines(input, regime, values, cv), preferences };
  if (calc.dutyDecision.outcome === 'applied') {
    const t = calc.dutyDecision.threshold;
    return {
      lines: input.items.map((item, i) => ({
        item: item.index,
        hs: item.hs,
        rate: '0',
        base: (values.items[i] as { customsValue: Decimal }).customsValue,
        amount: ZERO,
        rule: 'de-minimis',
        working: `consignment ${calc.dutyDecision.outcome === 'applied' ? calc.dutyDecision.value.toFixed(2) : ''} ${t.currency} ≤ ${t.amount.toString()} ${t.currency} (${t.id}): no duty`,
        estimated: false,
        sourceKey: t.source,
      })),
      preferences,
    };
  }
  const lines: DutyLineCalc[] = [];
  input.items.forEach((item, i) => {
    const base: DutyBase = {
      customsValue: (values.items[i] as { customsValue: Decimal }).customsValue,
      currency: ccy,
      quantity: item.quantity,
      ...(item.unitKg ? { netKg: item.unitKg.times(item.quantity) } : {}),
      ...(item.unitLitres ? { litres: item.unitLitres.times(item.quantity) } : {}),
      convert: cv,
    };
    try {
      const key = `${i}|${base.customsValue.toString()}`;
      const res = dutyMemo.get(key) ?? resolveItemDuty(ctx.tariff, item, input.shipDate, base);
      dutyMemo.set(key, res);
      lines.push(...res.lines);
      preferences[i] = res.preference;
      calc.notes.push(...res.notes);
    } catch (err) {
      if (!(err instanceof MissingQuantityError)) throw err;
      const field = err.needs === 'netKg' ? 'unitWeight' : 'unitVolume';
      throw new QuoteError('MISSING_QUANTITY', `items.${item.index}.${field}`, {
        es: `El arancel de ${item.hs} en ${ctx.tariff.file.country} se cobra por ${err.needs === 'netKg' ? 'kilogramo' : 'litro'}: indique items.${item.index}.${field}.`,
        en: `The ${ctx.tariff.file.country} duty on ${item.hs} is charged per ${err.needs === 'netKg' ? 'kilogram' : 'litre'}: give items.${item.index}.${field}.`,
      });
    }
  });
  return { lines, preferences };
}

function regimeLines(input: QuoteInput, d: RegimeDecision, values: ConsignmentValues, cv: Convert): DutyLineCalc[] {
  const ccy = input.currency;
  const t = d.band.treatment;
  const rule = `regime:${d.regime.id}`;
  const head = `${d.regime.basis} ${d.value.toFixed(2)} ${d.regime.currency} in band ${d.band.above?.toString() ?? '0'}–${d.band.upTo?.toString() ?? '∞'}`;
  if (t.type === 'exempt') {
    return [{ rate: '0', base: valueOnBasis(values, d.regime.basis), amount: ZERO, rule, working: `${head}: exempt`, estimated: false, sourceKey: d.regime.source }];
  }
  if (t.type === 'rate') {
    const base = valueOnBasis(values, d.regime.basis);
    const gross = base.times(t.percent).div(100);
    const deduct = t.deduct ? cv(t.deduct, t.deductCurrency ?? d.regime.currency, ccy) : ZERO;
    const amount = D.max(gross.minus(deduct), ZERO);
    return [{
      rate: formatRate(t.percent),
      base,
      amount,
      rule,
      working: `${head}: ${formatRate(t.percent)}% × ${base.toFixed(2)} ${ccy}${t.deduct ? ` − ${t.deduct.toString()} ${t.deductCurrency ?? d.regime.currency} (${deduct.toFixed(2)} ${ccy})` : ''}`,
      estimated: false,
      sourceKey: d.regime.source,
    }];
  }
  const categories = new Map<string, number[]>();
  input.items.forEach((item) => {
    const key = item.hs.slice(0, t.hsDigits);
    categories.set(key, [...(categories.get(key) ?? []), item.index]);
  });
  const perCategory = cv(t.amount, t.currency, ccy);
  return [...categories.entries()].map(([hs, idx]) => ({
    item: idx[0] as number,
    hs,
    rate: `${t.amount.toString()} ${t.currency} per item category`,
    base: valueOnBasis(values, d.regime.basis, idx),
    amount: perCategory,
    rule,
    working: `${head}: ${t.amount.toString()} ${t.currency} for HS ${hs} (items ${idx.join(', ')})${t.currency === ccy ? '' : ` = ${perCategory.toFixed(2)} ${ccy}`}`,
    estimated: false,
    sourceKey: d.regime.source,
  }));
}

function computeItemTaxes(
  input: QuoteInput,
  period: TariffPeriod,
  values: ConsignmentValues,
  dutyLines: DutyLineCalc[],
  feeLines: FeeLineCalc[],
  calc: OptionCalc,
  valueIn: (basis: 'goods' | 'goodsPlusShipping' | 'customsValue', currency: string) => Decimal,
): TaxLineCalc[] {
  const weights = values.items.map((v) => v.goods);
  const totalGoods = sum(weights);
  const share = (amount: Decimal, i: number) =>
    totalGoods.isZero() ? amount.div(values.items.length) : amount.times(weights[i] as Decimal).div(totalGoods);
  // One pass over the duty lines (not one per item): consignment-level lines are shared by value.
  let consignmentDuty: Decimal = ZERO;
  const itemDuty = new Map<number, Decimal>();
  for (const l of dutyLines) {
    if (l.item === undefined || l.rule.startsWith('regime:')) consignmentDuty = consignmentDuty.plus(l.amount);
    else itemDuty.set(l.item, (itemDuty.get(l.item) ?? ZERO).plus(l.amount));
  }
  const totalFees = sum(feeLines.map((f) => f.amount));
  const items = input.items.map((item, i) => ({
    hs: item.hs,
    values: values.items[i] as ConsignmentValues['items'][number],
    duties: (itemDuty.get(item.index) ?? ZERO).plus(share(consignmentDuty, i)),
    fees: share(totalFees, i),
  }));
  return computeTaxes(period.taxes, items, {
    ...(input.destination.region ? { region: input.destination.region } : {}),
    currency: input.currency,
    exempt: calc.taxDecision.outcome === 'applied',
    sellerCollected: (tax) => tax.sellerCollection !== undefined && valueIn(tax.sellerCollection.basis, tax.sellerCollection.currency).lte(tax.sellerCollection.upTo),
  });
}

function carrierDutyFees(svc: RatedService, input: QuoteInput, dutiesAndTaxes: Decimal, cv: Convert): FeeLineOut[] {
  if (dutiesAndTaxes.lte(0)) return [];
  const want = input.incoterm === 'DDP' ? 'ddp' : 'dap';
  const ccy = input.currency;
  return svc.dutyFees
    .filter((f) => f.option === want)
    .map((f) => {
      const priced = f.price(cv(dutiesAndTaxes, ccy, svc.currency));
      const amount = roundHalfUp(cv(priced.amount, svc.currency, ccy), ccy);
      return {
        code: f.code,
        name: f.name[input.locale],
        amount: formatAmount(amount, ccy),
        rule: `carrier:${svc.carrier}`,
        working: `${priced.working} ${svc.currency}${svc.currency === ccy ? '' : ` → ${formatAmount(amount, ccy)} ${ccy}`}`,
        payer: f.option === 'ddp' ? ('seller' as const) : ('buyer' as const),
      };
    });
}

function sourceFields(tariff: LoadedTariff, key: string | undefined): { source?: string; sourceDate?: string } {
  const s = key ? sourceOf(tariff, key) : undefined;
  return s ? { source: s.title, sourceDate: s.reviewed } : {};
}

function dutyOut(l: DutyLineCalc, tariff: LoadedTariff, ccy: string): DutyLineOut {
  return {
    ...(l.item !== undefined ? { item: l.item } : {}),
    ...(l.hs ? { hsCode: l.hs } : {}),
    ...(l.matchedHs ? { matchedHs: l.matchedHs } : {}),
    rate: l.rate,
    base: formatAmount(l.base, ccy),
    amount: formatAmount(l.amount, ccy),
    rule: l.rule,
    working: l.working,
    ...(l.estimated ? { estimated: true } : {}),
    ...sourceFields(tariff, l.sourceKey),
  };
}

function taxOut(l: TaxLineCalc, tariff: LoadedTariff, ccy: string, locale: 'es' | 'en'): TaxLineOut {
  return {
    code: l.code,
    name: l.name[locale],
    rate: formatRate(l.rate),
    base: formatAmount(l.base, ccy),
    amount: formatAmount(l.amount, ccy),
    rule: l.rule,
    working: l.working,
    collectedAt: l.collectedAt,
    ...sourceFields(tariff, l.sourceKey),
  };
}

function feeOut(l: FeeLineCalc, tariff: LoadedTariff, ccy: string, locale: 'es' | 'en'): FeeLineOut {
  return {
    code: l.code,
    name: l.name[locale],
    ...(l.rate ? { rate: formatRate(l.rate) } : {}),
    ...(l.base ? { base: formatAmount(l.base, ccy) } : {}),
    amount: formatAmount(l.amount, ccy),
    rule: l.rule,
    working: l.working,
    payer: l.payer,
    ...sourceFields(tariff, l.sourceKey),
  };
}


/** Proof of origin for each claimed preference; a warning when a duty line is an estimate. */
function dutyFlagNotes(lines: DutyLineCalc[], preferences: (string | undefined)[]): EngineNote[] {
  const notes: EngineNote[] = [];
  for (const id of new Set(preferences.filter((p): p is string => p !== undefined))) {
    notes.push({
      code: `PROOF_OF_ORIGIN:${id}`,
      severity: 'warning',
      text: {
        es: `La tasa preferencial ${id} exige que la mercancía sea originaria y una prueba de origen (p. ej. certificación de origen del T-MEC). Sin ella se cobra la tasa general: use claimPreference=false para verla.`,
        en: `The ${id} preferential rate requires originating goods and proof of origin (e.g. a USMCA certification of origin). Without it the general rate applies: use claimPreference=false to see it.`,
      },
    });
  }
  const estimated = lines.filter((l) => l.estimated);
  if (estimated.length > 0) {
    const which = [...new Set(estimated.map((l) => `${l.item ?? '-'}:${l.rule}`))].join(', ');
    notes.push({
      code: 'DUTY_ESTIMATED',
      severity: 'warning',
      text: {
        es: `Algunas tasas no son específicas del código HS o no están confirmadas (artículo:regla ${which}); el arancel real puede diferir.`,
        en: `Some rates are not specific to the HS code or are unconfirmed (item:rule ${which}); the real duty may differ.`,
      },
    });
  }
  return notes;
}

/**
 * Delivery windows depend on the ship date, the route, the carrier's days and
 * cut-off, and on `now` only to the minute (cut-offs are HH:MM): options and
 * requests that share those share the window. Bounded per holiday calendar.
 */
const windowMemo = new WeakMap<HolidayCalendar, Map<string, DeliveryWindow>>();
const WINDOW_MEMO_MAX = 5_000;

function memoDeliveryWindow(w: DeliveryWindowInput): DeliveryWindow {
  let memo = windowMemo.get(w.holidays);
  if (!memo) {
    memo = new Map();
    windowMemo.set(w.holidays, memo);
  }
  const key = [
    Math.floor(w.now.getTime() / 60_000), w.shipDate, w.origin.country, w.origin.region ?? '', w.origin.timeZone,
    w.destination.country, w.destination.region ?? '', w.cutoffLocal, w.transitDays.min, w.transitDays.max, w.customsDays.min, w.customsDays.max,
    w.carrierDate ?? '',
  ].join('|');
  const hit = memo.get(key);
  if (hit) return hit;
  const window = estimateDeliveryWindow(w);
  if (memo.size >= WINDOW_MEMO_MAX) memo.clear();
  memo.set(key, window);
  return window;
}
