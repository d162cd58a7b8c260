import { countryLabel } from '../domain/country-name';
import { todayIn } from '../domain/dates';
import { D } from '../domain/money';
import { convert, hasRate, rateSources } from '../fx/rate-table';
import type Decimal from 'decimal.js';
import type { CarrierRater } from '../carriers/carrier-rater';
import type { QuoteRequestBody } from '../schema/quote-request-schema';
import { buildQuote, buildQuoteInSlices } from './build-quote';
import { applyMinConfidence } from './min-confidence';
import type { QuoteContext } from './quote-context';
import type { DataSnapshot, QuoteDeps } from './quote-deps';
import type { FieldError } from './quote-error';
import type { Locale, QuoteInput } from './quote-input';
import type { QuoteResult } from './quote-result';
import { unknownHsCodes } from './hs-check';
import { normaliseCart, normaliseDestination, type CartInput, type CartRequestBody } from './normalise-request';
import { RatingCache, rateCarriers } from './rate-carriers';
import { chooseShipDate, type ShipDateChoice } from './ship-date';

/** A request the loaded data cannot answer: its stable code and the fields at fault. */
export interface DataProblemAnswer {
  code: string;
  errors: FieldError[];
}

/** Checks that need the loaded data: a tariff for the destination, HS codes that exist, known carriers, rates for every currency. */
export function checkAgainstData(body: QuoteRequestBody, data: DataSnapshot, locale: Locale): DataProblemAnswer | undefined {
  return checkDestination(body.destination.country, data, locale) ?? checkCart(body, data, locale) ?? checkCurrencies(body, body.destination.country, data, locale);
}

/** A tariff file for the destination, or which code to send instead. */
export function checkDestination(dest: string, data: DataSnapshot, locale: Locale): DataProblemAnswer | undefined {
  return data.tariffs.has(dest) ? undefined : unsupportedDestination(data, dest, locale);
}

/** What does not depend on the destination: HS codes that exist, carriers that are loaded. */
export function checkCart(body: CartRequestBody, data: DataSnapshot, locale: Locale): DataProblemAnswer | undefined {
  const badHs = unknownHsCodes(body.items.map((it) => it.hsCode), data.hs, locale);
  if (badHs.length > 0) return { code: 'UNKNOWN_HS_CODE', errors: badHs };
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
  return undefined;
}

/** How many supported destinations a refusal names; the rest are in GET /countries. */
const NAMED_DESTINATIONS = 5;

/** No tariff file for the destination: named as a person reads it, with where to find the supported ones. */
function unsupportedDestination(data: DataSnapshot, dest: string, locale: Locale): DataProblemAnswer {
  const codes = [...data.tariffs.keys()].sort();
  const named = codes.slice(0, NAMED_DESTINATIONS).map((c) => countryLabel(c, locale)).join(', ');
  const more = codes.length > NAMED_DESTINATIONS;
  const message = territoryMessage(data, dest, locale) ?? (locale === 'es'
    ? `No hay archivo arancelario para ${countryLabel(dest, locale)}; ${more ? `hay ${codes.length} destinos disponibles (${named}…): vea GET /countries` : `destinos disponibles: ${named}`}`
    : `There is no tariff file for ${countryLabel(dest, locale)}; ${more ? `${codes.length} destinations are supported (${named}…): see GET /countries` : `supported destinations: ${named}`}`);
  return { code: 'UNSUPPORTED_DESTINATION', errors: [{ path: 'destination.country', message }] };
}

/**
 * Every currency the request names, and the destination's (`dest`) own when it is the answer
 * currency by default, must have a rate: there is no fallback currency (a quote in a
 * currency the shop did not ask for would be charged wrong). Only a currency no table
 * quotes (funds codes such as CLF or BOV) is refused.
 */
export function checkCurrencies(body: CartRequestBody, dest: string, data: DataSnapshot, locale: Locale): DataProblemAnswer | undefined {
  const currencyFields: { path: string; code: string; destination?: boolean }[] = [
    body.currency ? { path: 'currency', code: body.currency } : { path: 'destination.country', code: data.tariffs.get(dest)!.file.currency, destination: true },
    ...body.items.map((it, i) => ({ path: `items.${i}.unitPrice.currency`, code: it.unitPrice.currency })),
  ];
  const noRate = currencyFields.filter((f) => !hasRate(data.rates, f.code));
  if (noRate.length === 0) return undefined;
  // The tables by date only: their full titles are in GET /data/status, and a 422 stays short.
  const dates = [...new Set(rateSources(data.rates).map((s) => s.slice(-10)))].sort().join(', ');
  const sources = locale === 'es' ? `tablas del ${dates}; vea GET /data/status` : `tables of ${dates}; see GET /data/status`;
  return {
    code: 'NO_EXCHANGE_RATE',
    errors: noRate.map((f) => ({
      path: f.path,
      message: locale === 'es'
        ? `no hay tipo de cambio para ${f.code}${f.destination ? `, la moneda de ${dest}` : ''} en ninguna tabla (${sources})${f.destination ? '; indique "currency" para cotizar en otra moneda' : ''}`
        : `no exchange rate for ${f.code}${f.destination ? `, the currency of ${dest},` : ''} in any table (${sources})${f.destination ? '; send "currency" to quote in another currency' : ''}`,
    })),
  };
}

/**
 * A country code that is a special territory of a loaded file (PR in US.json, JE in GB.json):
 * which code to send instead, or why that territory is not quoted.
 */
function territoryMessage(data: DataSnapshot, iso: string, locale: Locale): string | undefined {
  for (const [country, tariff] of data.tariffs) {
    const t = (tariff.file.territories ?? []).find((x) => x.isoCode === iso);
    if (t === undefined) continue;
    if (t.treatment.type === 'refuse') {
      return locale === 'es'
        ? `${t.name.es} (${iso}) no se cotiza: ${t.treatment.reason.es}`
        : `${t.name.en} (${iso}) is not quoted: ${t.treatment.reason.en}`;
    }
    return locale === 'es'
      ? `${t.name.es} (${iso}) se cotiza como territorio de ${country}: envíe destination.country "${country}" con su código postal.`
      : `${t.name.en} (${iso}) is quoted as a territory of ${country}: send destination.country "${country}" with its postcode.`;
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

/** What a cart is wherever it goes: read once, then quoted to one destination (`/quote`) or many (`/compare`). */
export interface PreparedCart {
  data: DataSnapshot;
  now: Date;
  originTimeZone: string;
  when: ShipDateChoice;
  cart: CartInput;
  carriers: readonly CarrierRater[];
  /** The goods value in each answer currency asked so far (landed-cost step 2: the declared value). */
  goodsIn: Map<string, Decimal>;
}

/** Landed-cost step 1 for what does not depend on the destination: the ship date, the normalised items and parcels, the carriers asked for. */
export function prepareCart(body: CartRequestBody, deps: QuoteDeps, options: QuoteOptions): PreparedCart {
  const data = options.data ?? deps.data();
  const now = deps.clock();
  const originTimeZone = deps.timeZoneOf(body.origin.country);
  const today = todayIn(originTimeZone, now);
  const when = chooseShipDate(body.shipDate, today);
  const cart = normaliseCart({ ...body, shipDate: when.shipDate }, { today, locale: options.locale });
  const carriers = cart.carriers ? data.carriers.filter((c) => cart.carriers!.includes(c.id)) : data.carriers;
  return { data, now, originTimeZone, when, cart, carriers, goodsIn: new Map() };
}

/**
 * The use case: rate the carriers and work out the landed cost of every
 * option for a body that passed the schema and `checkAgainstData`. Throws
 * QuoteError, MissingRateError or MinConfidenceError for what the caller can fix.
 */
export async function quoteLandedCost(body: QuoteRequestBody, deps: QuoteDeps, options: QuoteOptions): Promise<QuoteResult> {
  return quoteDestination(prepareCart(body, deps, options), { destination: body.destination, currency: body.currency, minConfidence: body.minConfidence }, deps, options);
}

/** Where a prepared cart goes and in which currency the answer is (default: the destination's). */
export interface DestinationAsked {
  destination: QuoteRequestBody['destination'];
  currency: string | undefined;
  minConfidence: QuoteRequestBody['minConfidence'];
}

/** Steps 2–11 for one destination of a prepared cart: the same answer `/quote` gives for the cart sent there. */
export async function quoteDestination(prepared: PreparedCart, asked: DestinationAsked, deps: QuoteDeps, options: QuoteOptions): Promise<QuoteResult> {
  const { data, now, when } = prepared;
  const tariff = data.tariffs.get(asked.destination.country)!;
  // The answer is in the destination's currency unless the request names one (checkAgainstData made sure it has a rate).
  const input: QuoteInput = { ...prepared.cart, destination: normaliseDestination(asked.destination), currency: asked.currency ?? tariff.file.currency };
  const rated = await rateCarriers(
    prepared.carriers,
    {
      origin: input.origin,
      destination: input.destination,
      parcels: input.parcels,
      declaredValue: { amount: goodsValueIn(prepared, input.currency), currency: input.currency },
      shipDate: input.shipDate,
      insure: input.insure,
      items: input.items.map((i) => ({ index: i.index, hs: i.hs, ...(i.description ? { description: i.description } : {}) })),
      buyer: input.buyer,
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
    originTimeZone: prepared.originTimeZone,
    now,
    quoteId: deps.newId(),
    validForHours: deps.quoteValidHours ?? 24,
    ...(deps.fxMaxAgeDays !== undefined ? { fxMaxAgeDays: deps.fxMaxAgeDays } : {}),
    ...(data.tariffs.has(input.origin.country) ? { originTariff: data.tariffs.get(input.origin.country)! } : {}),
  };
  // A big cart is priced one carrier option at a time, letting other requests (and /healthz) in between.
  const built = input.items.length > SLICED_ABOVE_ITEMS ? await buildQuoteInSlices(input, ctx, nextTurn) : buildQuote(input, ctx);
  const quote = when.note ? { ...built, notes: [{ code: when.note.code, severity: when.note.severity, text: when.note.text[input.locale] }, ...built.notes] } : built;
  return applyMinConfidence(quote, asked.minConfidence, options.locale);
}

/** The items' value (quantity × unit price) in `currency`, unrounded, worked out once per cart and currency. */
function goodsValueIn(prepared: PreparedCart, currency: string): Decimal {
  const known = prepared.goodsIn.get(currency);
  if (known) return known;
  const rates = prepared.data.rates;
  const goods = prepared.cart.items.reduce((acc, it) => acc.plus(convert(it.quantity.times(it.unitPrice), it.priceCurrency, currency, rates)), new D(0));
  prepared.goodsIn.set(currency, goods);
  return goods;
}
