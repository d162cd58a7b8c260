import type { Request, Response } from 'express';
import type { z } from 'zod';
import { todayIn } from '../domain/dates';
import { MissingRateError } from '../fx/rate-table';
import { QuoteError, type FieldError } from '../quote/quote-error';
import type { Locale } from '../quote/quote-input';
import { checkAgainstData, nextTurn, quoteLandedCost, SLICED_ABOVE_ITEMS } from '../quote/quote-landed-cost';
import { MinConfidenceError } from '../quote/min-confidence';
import { quoteRequestSchemaIn, type QuoteRequestBody } from '../schema/quote-request-schema';
import { apiClientOf } from './access/api-client';
import { cappedFieldErrors, fieldErrors, ZOD_PARSE_OPTIONS } from './field-errors';
import { jsonLimitProblem, QUOTE_JSON_LIMITS } from './json-limits';
import type { AppDeps } from './app-deps';
import { QuoteResponseCache } from './quote-cache';
import { sendJsonAnswer, type JsonAnswer } from './json-answer';
import { problem, sendProblem } from './problem';
import { requestLocale } from './request-locale';
import { replayIdempotentQuote, sendSavedQuote } from './saved-quotes';

const T = {
  invalid: { es: 'Solicitud no válida', en: 'Invalid request' },
  invalidDetail: { es: 'Revise los campos indicados en "errors".', en: 'Check the fields listed in "errors".' },
};

/** A 422 with at most the capped number of field errors; `total` counts those left out, `detail` overrides the sentence. */
export function unprocessable(res: Response, locale: Locale, code: string, errors: FieldError[], opts: { total?: number; detail?: string } = {}): void {
  const capped = cappedFieldErrors(errors, locale, opts.total ?? errors.length);
  sendProblem(res, problem(422, code, T.invalid[locale], opts.detail ?? (capped.detail || T.invalidDetail[locale]), capped.errors));
}

/** A 415 when the body is not JSON; true when it was sent. */
export function refusedNotJson(req: Request, res: Response, locale: Locale): boolean {
  if (req.is('application/json')) return false;
  sendProblem(res, problem(415, 'UNSUPPORTED_MEDIA_TYPE', locale === 'es' ? 'Tipo de contenido no admitido' : 'Unsupported media type',
    locale === 'es' ? 'Envíe el cuerpo como JSON con Content-Type: application/json.' : 'Send the body as JSON with Content-Type: application/json.'));
  return true;
}

/** The exact same bytes again, from the same key, without an Idempotency-Key: the cached answer, before any parsing. */
function rawCacheKey(req: Request, res: Response, deps: AppDeps): string | undefined {
  const rawBody = (req as Request & { rawBody?: Buffer }).rawBody;
  if (!deps.quoteCache || !rawBody || req.get('Idempotency-Key') !== undefined) return undefined;
  return QuoteResponseCache.rawKeyOf(rawBody, req.get('Accept-Language') ?? '', apiClientOf(res));
}

/** The language of a 422 about the body: its own `locale` when that field is valid, else the header's. */
function bodyLocale(req: Request): Locale {
  const raw = (req.body as { locale?: unknown } | undefined)?.locale;
  return raw === 'es' || raw === 'en' ? raw : requestLocale(req);
}

/** The body within the JSON limits and the schema in the body's language (`/quote`'s, or `/compare`'s), or undefined when a 422 has been sent. */
export function validBody<S extends z.ZodType = typeof quoteRequestSchemaIn.en>(req: Request, res: Response, schemaIn: Record<Locale, S> = quoteRequestSchemaIn as unknown as Record<Locale, S>): z.output<S> | undefined {
  const locale = bodyLocale(req);
  // Depth, string and list lengths first: the schema, its messages and the hashes then work on bounded input.
  const tooBig = jsonLimitProblem(req.body, QUOTE_JSON_LIMITS, locale);
  if (tooBig) {
    unprocessable(res, locale, 'INVALID_REQUEST', [tooBig]);
    return undefined;
  }
  const parsed = schemaIn[locale].safeParse(req.body, ZOD_PARSE_OPTIONS[locale]);
  if (!parsed.success) {
    unprocessable(res, locale, 'INVALID_REQUEST', fieldErrors(parsed.error, locale), { total: parsed.error.issues.length });
    return undefined;
  }
  return parsed.data;
}

/** The cached bytes, when there are any: true when the answer has been sent. */
function sentFromCache(res: Response, cached: JsonAnswer | undefined): boolean {
  if (cached === undefined) return false;
  res.set('X-Frontera-Cache', 'hit');
  sendJsonAnswer(res, cached);
  return true;
}

/** What the use case throws for the caller to fix, as a 422 in the request's language; anything else is thrown on. */
export function sendQuoteFailure(res: Response, locale: Locale, err: unknown): void {
  if (err instanceof QuoteError) unprocessable(res, locale, err.code, [{ path: err.path, message: err.text[locale] }]);
  else if (err instanceof MinConfidenceError) unprocessable(res, locale, err.code, err.errors, { detail: err.detail });
  else if (err instanceof MissingRateError) unprocessable(res, locale, err.code, [{ path: 'currency', message: err.text(locale) }]);
  else throw err;
}

/** `POST /quote`: validate the body, answer repeats from the cache or the store, else run the use case. */
export function quoteHandler(deps: AppDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    if (refusedNotJson(req, res, requestLocale(req))) return;
    const rawKey = rawCacheKey(req, res, deps);
    if (sentFromCache(res, rawKey === undefined ? undefined : deps.quoteCache?.get(deps.data(), rawKey, deps.clock()))) return;
    const body: QuoteRequestBody | undefined = validBody(req, res);
    if (!body) return;
    // A big cart gives way between its steps (validation, pricing, serialising, storing), so small requests are not held.
    const big = body.items.length > SLICED_ABOVE_ITEMS;
    if (big) await nextTurn();
    const locale = requestLocale(req, body);
    const idempotency = await replayIdempotentQuote(req, res, deps, body, locale);
    if (idempotency === 'answered') return;
    const snapshot = deps.data();
    const dataProblem = checkAgainstData(body, snapshot, locale);
    if (dataProblem) {
      unprocessable(res, locale, dataProblem.code, dataProblem.errors);
      return;
    }
    // Without an Idempotency-Key, an identical request from the same key within the cache TTL gets the same quote back.
    const cache = idempotency === undefined ? deps.quoteCache : undefined;
    const client = apiClientOf(res);
    const cacheKey = cache ? QuoteResponseCache.keyOf(body, locale, todayIn(deps.timeZoneOf(body.origin.country), deps.clock()), client) : '';
    if (sentFromCache(res, cache?.get(snapshot, cacheKey, deps.clock()))) return;
    try {
      const quote = await quoteLandedCost(body, deps, { locale, data: snapshot });
      const sent = await sendSavedQuote(res, deps, quote, { idempotency, owner: client, locale, ...(big ? { pause: nextTurn } : {}) });
      if (cache && sent !== undefined) {
        cache.set(snapshot, cacheKey, sent, new Date(quote.validUntil));
        if (rawKey !== undefined) cache.set(snapshot, rawKey, sent, new Date(quote.validUntil));
      }
    } catch (err) {
      sendQuoteFailure(res, locale, err);
    }
  };
}
