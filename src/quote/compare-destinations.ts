import type Decimal from 'decimal.js';
import { continentOf } from '../domain/continent';
import { D } from '../domain/money';
import { convert, MissingRateError } from '../fx/rate-table';
import type { CompareOption, CompareRefusal, CompareRequestBody, CompareResult, CompareRow } from '../schema/compare-schema';
import { MinConfidenceError } from './min-confidence';
import type { QuoteDeps } from './quote-deps';
import { QuoteError } from './quote-error';
import type { Locale } from './quote-input';
import { checkCurrencies, checkDestination, prepareCart, quoteDestination, type PreparedCart, type QuoteOptions } from './quote-landed-cost';
import type { QuoteOption, QuoteResult } from './quote-result';

export interface CompareOptions extends QuoteOptions {
  /** Awaited between destinations, so a long comparison lets other requests (and /healthz) in. */
  pause?: () => Promise<void>;
}

/** A quoted destination and its place in the ranking (its cheapest landed cost in the request's currency). */
interface Ranked {
  row: CompareRow;
  rank: Decimal;
}

/**
 * `POST /compare`: the cart of a body that passed the schema and the cart checks
 * (`checkCart`, `checkCurrencies`) quoted to every destination asked, each with
 * `quoteDestination` — the very steps of `/quote`, so each row is the `/quote`
 * option for that destination. What does not depend on the destination is
 * worked out once (prepareCart: ship date, normalised items and parcels, the
 * goods value); carrier prices come from the per-snapshot rating cache.
 * A destination that cannot be quoted goes to `refused` with its code, never dropped.
 */
export async function compareDestinations(body: CompareRequestBody, deps: QuoteDeps, options: CompareOptions): Promise<CompareResult> {
  const prepared = prepareCart(body, deps, options);
  const countries = body.destinations ? [...new Set(body.destinations)] : [...prepared.data.tariffs.keys()].sort();
  const ranked: Ranked[] = [];
  const refused: CompareRefusal[] = [];
  for (const country of countries) {
    if (options.pause) await options.pause();
    const outcome = await compareOne(prepared, body, country, deps, options);
    if ('code' in outcome) refused.push(outcome);
    else ranked.push(outcome);
  }
  ranked.sort((a, b) => a.rank.comparedTo(b.rank) || a.row.cheapest.deliveryDays.max - b.row.cheapest.deliveryDays.max || a.row.country.localeCompare(b.row.country));
  return {
    currency: body.currency,
    priceIn: body.priceIn,
    locale: options.locale,
    shipDate: prepared.cart.shipDate,
    destinations: ranked.map((r) => r.row),
    refused,
  };
}

/** One destination: its row, or why it is refused (the code and sentence `/quote` would answer). */
async function compareOne(prepared: PreparedCart, body: CompareRequestBody, country: string, deps: QuoteDeps, options: CompareOptions): Promise<Ranked | CompareRefusal> {
  const locale = options.locale;
  const currency = body.priceIn === 'destination' ? undefined : body.currency;
  const problem = checkDestination(country, prepared.data, locale) ?? checkCurrencies({ ...body, currency }, country, prepared.data, locale);
  if (problem) return { country, code: problem.code, message: problem.errors.map((e) => e.message).join('; ') };
  const region = body.regions?.[country];
  let quote: QuoteResult;
  try {
    const destination = { country, ...(region ? { region } : {}) };
    quote = await quoteDestination(prepared, { destination, currency, minConfidence: body.minConfidence }, deps, { ...options, data: prepared.data });
  } catch (err) {
    const refusal = refusalOf(err, country, locale);
    if (refusal) return refusal;
    throw err;
  }
  const cheapest = quote.options[0];
  if (!cheapest) {
    const why = quote.notes.find((n) => n.code === 'NO_CARRIER_OPTION');
    return { country, code: 'NO_CARRIER_OPTION', message: why?.text ?? country };
  }
  const row = rowOf(country, quote, cheapest, prepared, locale, region);
  const rank = row.currency === body.currency ? new D(cheapest.landedCost) : convert(new D(cheapest.landedCost), row.currency, body.currency, prepared.data.rates);
  return { row, rank };
}

/** A 4xx-class answer of the engine as a refused row; undefined for anything else (a defect, reported as 500). */
function refusalOf(err: unknown, country: string, locale: Locale): CompareRefusal | undefined {
  if (err instanceof QuoteError) {
    const where = err.path === 'destination.region' ? (locale === 'es' ? ` Envíe "regions": {"${country}": "…"}.` : ` Send "regions": {"${country}": "…"}.`) : '';
    return { country, code: err.code, message: err.text[locale] + where };
  }
  if (err instanceof MinConfidenceError) return { country, code: err.code, message: err.detail };
  if (err instanceof MissingRateError) return { country, code: err.code, message: err.text(locale) };
  return undefined;
}

function rowOf(country: string, quote: QuoteResult, cheapest: QuoteOption, prepared: PreparedCart, locale: Locale, region: string | undefined): CompareRow {
  const continent = continentOf(country);
  return {
    country,
    name: prepared.data.tariffs.get(country)!.file.name[locale],
    ...(continent ? { continent } : {}),
    ...(region ? { region } : {}),
    currency: quote.currency,
    goodsValue: quote.goodsValue,
    cheapest: summary(cheapest),
    fastest: summary(fastestOf(quote.options)),
    confidence: cheapest.confidence.level,
    warnings: warningsOf(cheapest, quote),
  };
}

/** Delivered soonest: the latest estimated day first, then the earliest, then the lower landed cost (/quote's own order breaks any tie). */
function fastestOf(options: readonly QuoteOption[]): QuoteOption {
  return options.reduce((best, o) => {
    const a = o.estimatedDelivery;
    const b = best.estimatedDelivery;
    const sooner = a.latest.localeCompare(b.latest) || a.earliest.localeCompare(b.earliest) || new D(o.landedCost).comparedTo(best.landedCost);
    return sooner < 0 ? o : best;
  });
}

/** The option's figures as `/quote` answers them: the line totals, never worked out again. */
function summary(o: QuoteOption): CompareOption {
  const { carrier, carrierName, service, serviceName, landedCost, payableAtCheckout, payableOnDelivery, deliveryDays, estimatedDelivery } = o;
  const amounts = { shipping: o.shipping.amount, insurance: o.insurance.amount, duties: o.duties.amount, taxes: o.taxes.amount, fees: o.fees.amount };
  return { carrier, carrierName, service, serviceName, landedCost, payableAtCheckout, payableOnDelivery, ...amounts, deliveryDays, estimatedDelivery };
}

/** Warning notes of the cheapest option, then of the quote, each code and text once. */
function warningsOf(option: QuoteOption, quote: QuoteResult): CompareRow['warnings'] {
  const seen = new Set<string>();
  const out: CompareRow['warnings'] = [];
  for (const n of [...option.noteIds.map((id) => quote.optionNotes[id]!), ...quote.notes]) {
    const key = `${n.code}\u0000${n.text}`;
    if (n.severity !== 'warning' || seen.has(key)) continue;
    seen.add(key);
    out.push({ code: n.code, text: n.text });
  }
  return out;
}
