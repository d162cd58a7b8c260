import type { Request, Response } from 'express';
import type { Locale } from '../quote/quote-input';
import type { QuoteResult } from '../quote/quote-result';
import type { QuoteRequestBody } from '../schema/quote-request-schema';
import { canonicalBodyHash, isValidIdempotencyKey, scopedIdempotencyKey } from '../store/idempotency';
import { QuoteStoreError, type IdempotencyRecord } from '../store/quote-store';
import { apiClientOf } from './access/api-client';
import type { AppDeps } from './app-deps';
import { problem, sendProblem } from './problem';
import { jsonAnswer, sendJsonAnswer, type JsonAnswer } from './json-answer';

/** Stripe's name for the header that marks an answer replayed from an earlier request with the same Idempotency-Key. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** Largest answer one request may keep in the store, in bytes (README "Limits"): a 1,000-item answer is about 3.3 MB. */
export const MAX_STORED_QUOTE_BYTES = 4 * 1024 * 1024;

/**
 * 503 for a store that failed. A passing failure (busy, a dropped connection)
 * says when to retry; a lasting one (a damaged file: retrying cannot succeed)
 * says so and gives no Retry-After, so clients do not retry in a loop.
 */
export function storeUnavailable(res: Response, locale: Locale, err: QuoteStoreError): void {
  if (err.permanent) {
    sendProblem(res, problem(503, 'QUOTE_STORE_DAMAGED',
      locale === 'es' ? 'Almacén de cotizaciones dañado' : 'Quote store damaged',
      locale === 'es'
        ? 'El almacén de cotizaciones está dañado o no se puede escribir; reintentar no servirá hasta que el operador lo repare.'
        : 'The quote store is damaged or cannot be written; retrying will not help until the operator repairs it.',
    ));
    return;
  }
  res.set('Retry-After', '5');
  sendProblem(res, problem(503, 'QUOTE_STORE_UNAVAILABLE',
    locale === 'es' ? 'Almacén de cotizaciones no disponible' : 'Quote store unavailable',
    locale === 'es'
      ? 'No se pudo guardar ni leer la cotización; reintente en unos segundos.'
      : 'The quote could not be saved or read; try again in a few seconds.',
  ));
}

/** A lasting store failure is logged as such: an operator must act. */
export function logStoreFailure(deps: AppDeps, err: QuoteStoreError, what: string, quoteId?: string): void {
  deps.logger.error({ err, ...(quoteId ? { quoteId } : {}), permanent: err.permanent }, err.permanent ? `quote store ${what} failed and will keep failing: repair or replace the store` : `quote store ${what} failed`);
}

/** 422 when the answer is larger than one stored quote may be; true when it was sent. */
function refuseTooLarge(res: Response, deps: AppDeps, bytes: number, locale: Locale): boolean {
  const limit = deps.maxStoredQuoteBytes ?? MAX_STORED_QUOTE_BYTES;
  if (bytes <= limit) return false;
  const message = locale === 'es'
    ? `La respuesta ocupa ${bytes} bytes; una cotización guardada admite ${limit}. Divida el carrito en varias cotizaciones.`
    : `The answer takes ${bytes} bytes; a stored quote may take ${limit}. Split the cart into several quotes.`;
  sendProblem(res, problem(422, 'QUOTE_TOO_LARGE', locale === 'es' ? 'Solicitud no válida' : 'Invalid request', `items: ${message}`, [{ path: 'items', message }]));
  return true;
}

/**
 * Idempotency-Key on `POST /quote`. Returns 'answered' when the response has
 * been sent (a replay, a 409 or a 400); otherwise the record to save the new
 * quote under, or undefined (no header, or no store to remember it in).
 */
export async function replayIdempotentQuote(req: Request, res: Response, deps: AppDeps, body: QuoteRequestBody, locale: Locale): Promise<IdempotencyRecord | undefined | 'answered'> {
  const header = req.get('Idempotency-Key');
  if (header === undefined || !deps.store) return undefined;
  if (!isValidIdempotencyKey(header)) {
    sendProblem(res, problem(400, 'INVALID_IDEMPOTENCY_KEY',
      locale === 'es' ? 'Idempotency-Key no válida' : 'Invalid Idempotency-Key',
      locale === 'es' ? 'Idempotency-Key debe tener de 1 a 255 caracteres ASCII visibles (sin espacios).' : 'Idempotency-Key must be 1 to 255 visible ASCII characters (no spaces).',
      [{ path: 'headers.Idempotency-Key', message: `expected 1 to 255 visible ASCII characters, got ${JSON.stringify(header.slice(0, 300))}` }]));
    return 'answered';
  }
  // The hash is of the validated body (defaults filled, unknown fields dropped): what the request means, not its bytes.
  const record: IdempotencyRecord = { key: scopedIdempotencyKey(apiClientOf(res), header), bodyHash: canonicalBodyHash(body) };
  let existing;
  try {
    existing = await deps.store.findByIdempotencyKey(record.key, deps.clock());
  } catch (err) {
    if (!(err instanceof QuoteStoreError)) throw err;
    logStoreFailure(deps, err, 'read');
    storeUnavailable(res, locale, err);
    return 'answered';
  }
  if (!existing) return record;
  answerExisting(res, existing.quote, existing.idempotency?.bodyHash, record, locale);
  return 'answered';
}

/** Replay a quote made under the same key, or 409 when it was made for another body. */
function answerExisting(res: Response, quote: QuoteResult, storedHash: string | undefined, record: IdempotencyRecord, locale: Locale): void {
  if (storedHash === record.bodyHash) {
    res.set(REPLAYED_HEADER, 'true').status(200).json(quote);
    return;
  }
  sendProblem(res, problem(409, 'IDEMPOTENCY_KEY_REUSED',
    locale === 'es' ? 'Idempotency-Key ya usada' : 'Idempotency-Key already used',
    locale === 'es'
      ? `Esta Idempotency-Key ya se usó con otro cuerpo para la cotización ${quote.quoteId} (válida hasta ${quote.validUntil}); use una clave nueva para una solicitud distinta.`
      : `This Idempotency-Key was already used with a different body for quote ${quote.quoteId} (valid until ${quote.validUntil}); use a new key for a different request.`));
}

export interface SaveContext {
  idempotency: IdempotencyRecord | undefined;
  /** The API key's name; only that key may read the quote back (undefined: any caller). */
  owner: string | undefined;
  locale: Locale;
  /** Awaited between serialising, storing and sending a big answer, so other requests get a turn. */
  pause?: () => Promise<void>;
}

/**
 * Save a new quote with its expiry and owner, then send it; returns the bytes
 * sent for a new quote (serialised once, for the store, the answer and the
 * cache), undefined when something else was answered. Under an
 * Idempotency-Key a concurrent request may have saved first: its quote is the
 * answer (or 409).
 */
export async function sendSavedQuote(res: Response, deps: AppDeps, quote: QuoteResult, ctx: SaveContext): Promise<JsonAnswer | undefined> {
  const json = JSON.stringify(quote);
  const answer = jsonAnswer(json);
  if (refuseTooLarge(res, deps, answer.body.length, ctx.locale)) return undefined;
  await ctx.pause?.();
  if (!deps.store) {
    sendJsonAnswer(res, answer);
    return answer;
  }
  let saved;
  try {
    saved = await deps.store.save(quote, new Date(quote.validUntil), ctx.idempotency, { json, ...(ctx.owner !== undefined ? { owner: ctx.owner } : {}) });
  } catch (err) {
    if (!(err instanceof QuoteStoreError)) throw err;
    logStoreFailure(deps, err, 'write', quote.quoteId);
    storeUnavailable(res, ctx.locale, err);
    return undefined;
  }
  if (ctx.idempotency && saved.quote.quoteId !== quote.quoteId) {
    answerExisting(res, saved.quote, saved.idempotency?.bodyHash, ctx.idempotency, ctx.locale);
    return undefined;
  }
  await ctx.pause?.();
  sendJsonAnswer(res, answer);
  return answer;
}
