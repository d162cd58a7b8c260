import type { Request, Response } from 'express';
import { z } from 'zod';
import { D } from '../domain/money';
import { convert, hasRate, MissingRateError } from '../fx/rate-table';
import { buildQuote } from '../quote/build-quote';
import { QuoteError } from '../quote/quote-error';
import type { Locale } from '../quote/quote-input';
import type { QuoteResult } from '../quote/quote-result';
import { normaliseRequest } from '../quote/normalise-request';
import { RatingCache, rateCarriers } from '../quote/rate-carriers';
import type { AppDeps, DataSnapshot } from './app-deps';
import { QuoteResponseCache } from './quote-cache';
import { problem, sendProblem, type FieldError } from './problem';
import { quoteRequestSchema, type QuoteRequestBody } from './quote-request-schema';
import { replayIdempotentQuote, sendSavedQuote } from './quotes-route';

export function requestLocale(req: Request, body?: { locale?: Locale }): Locale {
  if (body?.locale) return body.locale;
  if (!req.headers['accept-language']) return 'en';
  const accepted = req.acceptsLanguages('es', 'en');
  return accepted === 'es' ? 'es' : 'en';
}

const T = {
  invalid: { es: 'Solicitud no válida', en: 'Invalid request' },
  invalidDetail: { es: 'Revise los campos indicados en "errors".', en: 'Check the fields listed in "errors".' },
};

/** zod issues as `{ path: "items.0.hsCode", message }`. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.length === 0 ? '(body)' : issue.path.map(String).join('.');
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    const message = missing && issue.message.startsWith('Invalid input') ? `is required (${issue.message.replace(/^Invalid input: /, '')})` : issue.message;
    return { path, message };
  });
}

function unprocessable(res: Response, locale: Locale, code: string, errors: FieldError[], detail?: string): void {
  sendProblem(res, problem(422, code, T.invalid[locale], detail ?? errors.map((e) => `${e.path}: ${e.message}`).join('; ') ?? T.invalidDetail[locale], errors));
}

/** Checks that need the loaded data: a tariff for the destination, known carriers, rates for every currency. */
export function checkAgainstData(body: QuoteRequestBody, deps: AppDeps, locale: Locale): { code: string; errors: FieldError[] } | undefined {
  const data = deps.data();
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

/** Building an Intl formatter costs far more than using one: one per time zone, kept. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

export function todayIn(timeZone: string, now: Date): string {
  let fmt = dayFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, fmt);
  }
  return fmt.format(now);
}

/**
 * Rate the carriers and build the quote for a body that passed the schema and
 * `checkAgainstData`. Throws QuoteError or MissingRateError for what the
 * caller can fix. Also used by the Shopify rates route.
 */
export async function runQuote(
  body: QuoteRequestBody,
  deps: AppDeps,
  locale: Locale,
  carrierTimeoutMs = deps.carrierTimeoutMs ?? 2000,
  data: DataSnapshot = deps.data(),
): Promise<QuoteResult> {
  const tariff = data.tariffs.get(body.destination.country)!;
  const now = deps.clock();
  const originTz = deps.timeZoneOf(body.origin.country);
  // A destination currency the rate table does not quote (CLP, COP…) falls back to USD, with a note.
  const destCcy = tariff.file.currency;
  const defaultCurrency = hasRate(data.rates, destCcy) ? destCcy : 'USD';
  const input = normaliseRequest(body, { defaultCurrency, today: todayIn(originTz, now), locale });
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
    carrierTimeoutMs,
    ratingCacheFor(data),
  );
  return buildQuote(input, {
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
  });
}

export function quoteHandler(deps: AppDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const headerLocale = requestLocale(req);
    if (!req.is('application/json')) {
      sendProblem(res, problem(415, 'UNSUPPORTED_MEDIA_TYPE', headerLocale === 'es' ? 'Tipo de contenido no admitido' : 'Unsupported media type',
        headerLocale === 'es' ? 'Envíe el cuerpo como JSON con Content-Type: application/json.' : 'Send the body as JSON with Content-Type: application/json.'));
      return;
    }
    // The exact same request again (no Idempotency-Key): answered from the cache before any parsing work.
    const rawBody = (req as Request & { rawBody?: Buffer }).rawBody;
    const rawKey = deps.quoteCache && rawBody && req.get('Idempotency-Key') === undefined ? QuoteResponseCache.rawKeyOf(rawBody, req.get('Accept-Language') ?? '') : undefined;
    const rawHit = rawKey === undefined ? undefined : deps.quoteCache?.get(deps.data(), rawKey, deps.clock());
    if (rawHit !== undefined) {
      res.status(200).set('X-Frontera-Cache', 'hit').type('application/json').send(rawHit);
      return;
    }
    const parsed = quoteRequestSchema.safeParse(req.body, { reportInput: true });
    if (!parsed.success) {
      unprocessable(res, headerLocale, 'INVALID_REQUEST', fieldErrors(parsed.error));
      return;
    }
    const body = parsed.data;
    const locale = requestLocale(req, body);
    const idempotency = await replayIdempotentQuote(req, res, deps, locale);
    if (idempotency === 'answered') return;
    const dataProblem = checkAgainstData(body, deps, locale);
    if (dataProblem) {
      unprocessable(res, locale, dataProblem.code, dataProblem.errors);
      return;
    }
    // Without an Idempotency-Key, an identical request within the cache TTL gets the same quote back.
    const cache = idempotency === undefined ? deps.quoteCache : undefined;
    const snapshot = deps.data();
    const cacheKey = cache ? QuoteResponseCache.keyOf(body, locale, todayIn(deps.timeZoneOf(body.origin.country), deps.clock())) : '';
    const cached = cache?.get(snapshot, cacheKey, deps.clock());
    if (cached !== undefined) {
      res.status(200).set('X-Frontera-Cache', 'hit').type('application/json').send(cached);
      return;
    }
    try {
      const quote = await runQuote(body, deps, locale, undefined, snapshot);
      await sendSavedQuote(res, deps, quote, idempotency, locale);
      if (cache && res.statusCode === 200) {
        const json = JSON.stringify(quote);
        cache.set(snapshot, cacheKey, json, new Date(quote.validUntil));
        if (rawKey !== undefined) cache.set(snapshot, rawKey, json, new Date(quote.validUntil));
      }
    } catch (err) {
      if (err instanceof QuoteError) {
        unprocessable(res, locale, err.code, [{ path: err.path, message: err.text[locale] }]);
        return;
      }
      if (err instanceof MissingRateError) {
        unprocessable(res, locale, err.code, [{ path: 'currency', message: err.message }]);
        return;
      }
      throw err;
    }
  };
}
