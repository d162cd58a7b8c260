import { D, formatAmount, roundHalfUp, sum } from '../domain/money';
import { convert, crossRate, hasRate } from '../fx/rate-table';
import { periodAt, type LoadedTariff } from '../tariffs/tariff-index';
import type { TariffPeriod } from '../tariffs/tariff-schema';
import { priceOption } from './price-option';
import type { Convert, QuoteContext, QuoteRun } from './quote-context';
import { QuoteError } from './quote-error';
import type { QuoteInput } from './quote-input';
import { collectQuoteNotes } from './quote-notes';
import type { QuoteOption, QuoteResult } from './quote-result';

/**
 * Work out the landed cost of every rated carrier option (docs/landed-cost.md,
 * steps 3–11). Pure: rates, tariff, carrier prices, holidays and the clock come
 * in through `ctx`. Every reported line is rounded once, half-up, to the
 * answer currency; totals are sums of the rounded lines.
 */
export function buildQuote(input: QuoteInput, ctx: QuoteContext): QuoteResult {
  const run = startQuote(input, ctx);
  return finishQuote(run, ctx.rated.options.map((svc) => priceOption(run, svc)));
}

/**
 * The same answer as `buildQuote`, priced one carrier option at a time with
 * `pause()` awaited between options, so a big cart lets the event loop serve
 * other requests meanwhile. The steps are the same pure functions.
 */
export async function buildQuoteInSlices(input: QuoteInput, ctx: QuoteContext, pause: () => Promise<void>): Promise<QuoteResult> {
  const run = startQuote(input, ctx);
  const options: QuoteOption[] = [];
  for (const svc of ctx.rated.options) {
    await pause();
    options.push(priceOption(run, svc));
  }
  return finishQuote(run, options);
}

/** What every option shares: the period in force, the region check, the goods in the answer currency. */
function startQuote(input: QuoteInput, ctx: QuoteContext): QuoteRun {
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
  // Item duties depend on the option only through the customs value (CIF shipping): on FOB
  // destinations every option shares them, so each is resolved once per quote (QuoteRun.dutyMemo).
  return { input, ctx, period, itemGoods, goodsValue: roundHalfUp(sum(itemGoods), ccy), cv, dutyMemo: new Map() };
}

/** The answer: options cheapest first, the rates used, the data dates and the quote's notes. */
function finishQuote(run: QuoteRun, priced: QuoteOption[]): QuoteResult {
  const { input, ctx } = run;
  const ccy = input.currency;
  const options = priced.sort((a, b) => new D(a.landedCost).comparedTo(b.landedCost) || a.deliveryDays.max - b.deliveryDays.max);
  const carriers: Record<string, string> = {};
  for (const o of ctx.rated.options) carriers[o.carrier] = o.dataDate;
  return {
    quoteId: ctx.quoteId,
    createdAt: iso(ctx.now),
    validUntil: iso(new Date(ctx.now.getTime() + ctx.validForHours * 3600_000)),
    currency: ccy,
    incoterm: input.incoterm,
    locale: input.locale,
    goodsValue: formatAmount(run.goodsValue, ccy),
    exchangeRates: { asOf: ctx.rates.asOf, source: ctx.rates.source, base: ccy, rates: ratesUsed(input, ctx) },
    dataDates: { tariff: ctx.tariff.reviewed, exchangeRates: ctx.rates.asOf, carriers },
    options,
    notes: collectQuoteNotes(input, ctx, options),
  };
}

/** One answer-currency rate per other currency the quote used (prices, carrier tables, customs), where the table quotes it. */
function ratesUsed(input: QuoteInput, ctx: QuoteContext): Record<string, string> {
  const ccy = input.currency;
  const currencies = new Set<string>([...input.items.map((i) => i.priceCurrency), ...ctx.rated.options.map((o) => o.currency), ctx.tariff.file.currency]);
  currencies.delete(ccy);
  const rates: Record<string, string> = {};
  for (const c of [...currencies].filter((c) => hasRate(ctx.rates, c)).sort()) rates[c] = crossRate(ccy, c, ctx.rates).toSignificantDigits(10).toString();
  return rates;
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
