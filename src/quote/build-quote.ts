import { D, formatAmount, roundHalfUp, sum } from '../domain/money';
import type { Note } from '../domain/note';
import { convert } from '../fx/rate-table';
import { periodAt, type LoadedTariff } from '../tariffs/tariff-index';
import type { TariffPeriod } from '../tariffs/tariff-schema';
import { exchangeRatesOut } from './exchange-rates-out';
import { quoteConfidence } from './option-confidence';
import { resolveDutiesAhead } from './duty-lines';
import { priceOption } from './price-option';

/** Items whose duty a big cart resolves per event-loop turn before pricing its options. */
const DUTIES_PER_TURN = 100;
import type { Convert, QuoteContext, QuoteRun } from './quote-context';
import { QuoteError } from './quote-error';
import type { QuoteInput } from './quote-input';
import { collectQuoteNotes } from './quote-notes';
import type { PricedOption, QuoteResult } from './quote-result';
import { notesByReference, sourcesUsed } from './answer-references';
import { applyTerritory } from './territory-step';

/** What every option shares, and what the answer needs besides the options. */
interface QuoteStart {
  run: QuoteRun;
  /** Every currency converted to or from, so the answer lists (and dates) each rate it used. */
  converted: Set<string>;
  territoryNotes: Note[];
}

/**
 * Work out the landed cost of every rated carrier option (docs/landed-cost.md,
 * steps 3–11). Pure: rates, tariff, carrier prices, holidays and the clock come
 * in through `ctx`. Every reported line is rounded once, half-up, to the
 * answer currency; totals are sums of the rounded lines.
 */
export function buildQuote(input: QuoteInput, ctx: QuoteContext): QuoteResult {
  const start = startQuote(input, ctx);
  return finishQuote(start, ctx.rated.options.map((svc) => priceOption(start.run, svc)));
}

/**
 * The same answer as `buildQuote`, priced one carrier option at a time with
 * `pause()` awaited between options, so a big cart lets the event loop serve
 * other requests meanwhile. The steps are the same pure functions.
 */
export async function buildQuoteInSlices(input: QuoteInput, ctx: QuoteContext, pause: () => Promise<void>): Promise<QuoteResult> {
  const start = startQuote(input, ctx);
  await resolveDutiesAhead(start.run, DUTIES_PER_TURN, pause);
  const options: PricedOption[] = [];
  for (const svc of ctx.rated.options) {
    await pause();
    options.push(priceOption(start.run, svc));
  }
  return finishQuote(start, options);
}

/** The period in force, a special territory's rules, the region check, the goods in the answer currency. */
function startQuote(input: QuoteInput, ctx: QuoteContext): QuoteStart {
  const dated = periodAt(ctx.tariff, input.shipDate);
  if (!dated) {
    throw new QuoteError('NO_TARIFF_PERIOD', 'shipDate', {
      es: `No hay reglas arancelarias de ${ctx.tariff.file.country} vigentes el ${input.shipDate}.`,
      en: `No ${ctx.tariff.file.country} tariff rules are in force on ${input.shipDate}.`,
    });
  }
  // Step 4a: a special territory's own taxes (or a refusal) before anything is priced.
  const { period, territory, notes: territoryNotes } = applyTerritory(ctx.tariff, input, dated);
  checkRegion(input, ctx.tariff, period);
  const converted = new Set<string>([...input.items.map((i) => i.priceCurrency), ...ctx.rated.options.map((o) => o.currency), ctx.tariff.file.currency]);
  const cv: Convert = (a, from, to) => {
    converted.add(from).add(to);
    return convert(a, from, to, ctx.rates);
  };
  const ccy = input.currency;
  const itemGoods = input.items.map((it) => cv(it.quantity.times(it.unitPrice), it.priceCurrency, ccy));
  // Item duties depend on the option only through the customs value (CIF shipping): on FOB
  // destinations every option shares them, so each is resolved once per quote (QuoteRun.dutyMemo).
  const run: QuoteRun = {
    input,
    ctx,
    period,
    itemGoods,
    goodsValue: roundHalfUp(sum(itemGoods), ccy),
    cv,
    dutyMemo: new Map(),
    dutyOutMemo: new WeakMap(),
    customsMemo: [],
    ...(territory ? { territory: territory.id } : {}),
  };
  return { run, converted, territoryNotes };
}

/** The answer: options sorted by landed cost then delivery, rates used, data dates, confidence, notes. */
function finishQuote(start: QuoteStart, priced: PricedOption[]): QuoteResult {
  const { input, ctx } = start.run;
  const ccy = input.currency;
  const landed = new Map(priced.map((o) => [o, new D(o.landedCost)]));
  const sorted = priced.sort((a, b) => landed.get(a)!.comparedTo(landed.get(b)!) || a.deliveryDays.max - b.deliveryDays.max);
  const carriers: Record<string, string> = {};
  for (const o of ctx.rated.options) carriers[o.carrier] = o.dataDate;
  const exchangeRates = exchangeRatesOut(ccy, start.converted, ctx.rates);
  const notes = collectQuoteNotes(input, ctx, sorted, exchangeRates, start.territoryNotes, start.run.territory);
  const { options, optionNotes } = notesByReference(sorted);
  return {
    quoteId: ctx.quoteId,
    createdAt: iso(ctx.now),
    validUntil: iso(new Date(ctx.now.getTime() + ctx.validForHours * 3600_000)),
    currency: ccy,
    incoterm: input.incoterm,
    locale: input.locale,
    goodsValue: formatAmount(start.run.goodsValue, ccy),
    exchangeRates,
    dataDates: { tariff: ctx.tariff.reviewed, exchangeRates: exchangeRates.asOf, carriers },
    options,
    confidence: quoteConfidence(options),
    notes,
    optionNotes,
    sources: sourcesUsed({ options, notes, optionNotes }, [ctx.tariff, ctx.originTariff], input.locale),
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
