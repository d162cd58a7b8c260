import { todayIn } from '../domain/dates';
import { D } from '../domain/money';
import { convert, hasRate } from '../fx/rate-table';
import type { QuoteRequestBody } from '../schema/quote-request-schema';
import { buildQuote, buildQuoteInSlices } from './build-quote';
import type { QuoteContext } from './quote-context';
import type { DataSnapshot, QuoteDeps } from './quote-deps';
import type { FieldError } from './quote-error';
import type { Locale } from './quote-input';
import type { QuoteResult } from './quote-result';
import { normaliseRequest } from './normalise-request';
import { RatingCache, rateCarriers } from './rate-carriers';
import { chooseShipDate } from './ship-date';

/** A request the loaded data cannot answer: its stable code and the fields at fault. */
export interface DataProblemAnswer {
  code: string;
  errors: FieldError[];
}

/** Checks that need the loaded data: a tariff for the destination, known carriers, rates for every currency. */
export function checkAgainstData(body: QuoteRequestBody, data: DataSnapshot, locale: Locale): DataProblemAnswer | undefined {
  const dest = body.destination.country;
  if (!data.tariffs.has(dest)) {
    const supported = [...data.tariffs.keys()].sort().join(', ');
    return {
      code: 'UNSUPPORTED_DESTINATION',
      errors: [{
        path: 'destination.country',
        message: locale === 'es'
          ? `No hay archivo arancelario para ${dest}; destinos disponibles: ${supported}`
          : `There is no tariff file for ${dest}; supported destinations: ${supported}`,
      }],
    };
  }
  const known = new Set(data.carriers.map((c) => c.id));
  const badCarriers = (body.carriers ?? []).map((c, i) => ({ c, i })).filter(({ c }) => !known.has(c));
  if (badCarriers.length > 0) {
    return {
      code: 'UNKNOWN_CARRIER',
      errors: badCarriers.map(({ c, i }) => ({
        path: `carriers.${i}`,
        message: locale === 'es' ? `transportista desconocido "${c}"; disponibles: ${[...known].join(', ')}` : `unknown carrier "${c}"; available: ${[...known].join(', ')}`,
      })),
    };
  }
  const currencyFields: { path: string; code: string }[] = [
    ...(body.currency ? [{ path: 'currency', code: body.currency }] : []),
    ...body.items.map((it, i) => ({ path: `items.${i}.unitPrice.currency`, code: it.unitPrice.currency })),
  ];
  const noRate = currencyFields.filter((f) => !hasRate(data.rates, f.code));
  if (noRate.length > 0) {
    const available = [data.rates.base, ...data.rates.rates.keys()].sort().join(', ');
    return {
      code: 'NO_EXCHANGE_RATE',
      errors: noRate.map((f) => ({
        path: f.path,
        message: locale === 'es'
          ? `no hay tipo de cambio para ${f.code} en los tipos del ${data.rates.asOf}; disponibles: ${available}`
          : `no exchange rate for ${f.code} in the rates of ${data.rates.asOf}; available: ${available}`,
      })),
    };
  }
  return undefined;
}

/**
 * Carts with more items than this are priced in slices (README "Limits"):
 * a 1,000-item cart takes a few hundred ms of engine work, which would
 * otherwise hold every other request, /healthz included, until it is done.
 */
export const SLICED_ABOVE_ITEMS = 100;

/** Resolves on the event loop's next turn, after pending I/O has been served. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Carrier prices reused across requests that differ only in prices, one cache per data snapshot. */
const ratingCaches = new WeakMap<DataSnapshot, RatingCache>();
function ratingCacheFor(data: DataSnapshot): RatingCache {
  let cache = ratingCaches.get(data);
  if (!cache) {
    cache = new RatingCache();
    ratingCaches.set(data, cache);
  }
  return cache;
}

export interface QuoteOptions {
  locale: Locale;
  /** Overrides `deps.carrierTimeoutMs` (the Shopify callback has a tighter budget). */
  carrierTimeoutMs?: number;
  /** The snapshot to work on; default `deps.data()`. */
  data?: DataSnapshot;
}

/**
 * The use case: rate the carriers and work out the landed cost of every
 * option for a body that passed the schema and `checkAgainstData`. Throws
 * QuoteError or MissingRateError for what the caller can fix.
 */
export async function quoteLandedCost(body: QuoteRequestBody, deps: QuoteDeps, options: QuoteOptions): Promise<QuoteResult> {
  const data = options.data ?? deps.data();
  const tariff = data.tariffs.get(body.destination.country)!;
  const now = deps.clock();
  const originTz = deps.timeZoneOf(body.origin.country);
  // A destination currency the rate table does not quote (CLP, COP…) falls back to USD, with a note.
  const destCcy = tariff.file.currency;
  const defaultCurrency = hasRate(data.rates, destCcy) ? destCcy : 'USD';
  const today = todayIn(originTz, now);
  const when = chooseShipDate(body.shipDate, today);
  const input = normaliseRequest({ ...body, shipDate: when.shipDate }, { defaultCurrency, today, locale: options.locale });
  if (body.currency === undefined && defaultCurrency !== destCcy) input.currencyFallbackFrom = destCcy;
  const selected = input.carriers ? data.carriers.filter((c) => input.carriers!.includes(c.id)) : data.carriers;
  const goods = input.items.reduce((acc, it) => acc.plus(convert(it.quantity.times(it.unitPrice), it.priceCurrency, input.currency, data.rates)), new D(0));
  const rated = await rateCarriers(
    selected,
    {
      origin: input.origin,
      destination: input.destination,
      parcels: input.parcels,
      declaredValue: { amount: goods, currency: input.currency },
      shipDate: input.shipDate,
      insure: input.insure,
      convert: (a, from, to) => convert(a, from, to, data.rates),
    },
    options.carrierTimeoutMs ?? deps.carrierTimeoutMs ?? 2000,
    ratingCacheFor(data),
  );
  const ctx: QuoteContext = {
    tariff,
    rates: data.rates,
    rated,
    holidays: deps.holidays,
    originTimeZone: originTz,
    now,
    quoteId: deps.newId(),
    validForHours: deps.quoteValidHours ?? 24,
    ...(deps.fxMaxAgeDays !== undefined ? { fxMaxAgeDays: deps.fxMaxAgeDays } : {}),
    ...(data.tariffs.has(input.origin.country) ? { originTariff: data.tariffs.get(input.origin.country)! } : {}),
  };
  // A big cart is priced one carrier option at a time, letting other requests (and /healthz) in between.
  const quote = input.items.length > SLICED_ABOVE_ITEMS ? await buildQuoteInSlices(input, ctx, nextTurn) : buildQuote(input, ctx);
  if (!when.note) return quote;
  return { ...quote, notes: [{ code: when.note.code, severity: when.note.severity, text: when.note.text[input.locale] }, ...quote.notes] };
}
