import express, { type Request, type RequestHandler, type Response } from 'express';
import { D, roundHalfUp } from '../../domain/money';
import { convert, hasRate, MissingRateError } from '../../fx/rate-table';
import type { AppDeps } from '../../http/app-deps';
import { problem, sendProblem } from '../../http/problem';
import { MAX_STORED_QUOTE_BYTES } from '../../http/saved-quotes';
import { cappedFieldErrors, fieldErrors } from '../../http/field-errors';
import { jsonLimitProblem, SHOPIFY_JSON_LIMITS } from '../../http/json-limits';
import { checkAgainstData, quoteLandedCost } from '../../quote/quote-landed-cost';
import { quoteRequestSchema } from '../../schema/quote-request-schema';
import { QuoteError } from '../../quote/quote-error';
import type { QuoteResult } from '../../quote/quote-result';
import { QuoteStoreError } from '../../store/quote-store';
import { mapRateRequest, ShopifyMappingError } from './map-rate-request';
import { quoteToRates, toShopifySubunits } from './quote-to-rates';
import type { ShopifyConfig } from './shopify-config';
import { ReplayWindow } from './replay-window';
import { verifyShopifyHmac } from './shopify-hmac';
import { shopifyRateRequestSchema, type ShopifyRate, type ShopifyRateRequest } from './shopify-rate-schema';

/** Names why the fallback rate was answered; also sent as the X-Frontera-Fallback header, for the shop's logs. */
export const FALLBACK_HEADER = 'X-Frontera-Fallback';

/** Share of the time budget carriers get, so a slow carrier is dropped while the others' rates can still be answered. */
const CARRIER_SHARE = 0.8;

type Outcome = { rates: ShopifyRate[] } | { unpriced: string; detail: string };

class Unpriced extends Error {
  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * Price the cart with the engine: map it, validate the result as a `/quote`
 * body, check it against the data, quote, keep the quote. Anything that
 * keeps it from being priced becomes `Unpriced`, answered with the fallback
 * rate rather than an error at checkout.
 */
async function priceCart(req: ShopifyRateRequest, deps: AppDeps, config: ShopifyConfig, locale: 'es' | 'en'): Promise<Outcome> {
  const mapped = mapRateRequest(req, { catalogue: config.catalogue, defaults: config.defaults, incoterm: config.incoterm, locale, ...(config.carriers ? { carriers: config.carriers } : {}) });
  // Nothing needs shipping (digital goods): an empty list means "no rates" to Shopify, which is right.
  if (mapped.shippableItems === 0) return { rates: [] };
  const parsed = quoteRequestSchema.safeParse(mapped.body);
  if (!parsed.success) throw new Unpriced('INVALID_CART', fieldErrors(parsed.error).map((e) => `${e.path}: ${e.message}`).join('; '));
  const dataProblem = checkAgainstData(parsed.data, deps.data(), locale);
  if (dataProblem) throw new Unpriced(dataProblem.code, dataProblem.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  const carrierTimeoutMs = Math.min(deps.carrierTimeoutMs ?? 2000, Math.floor(config.timeBudgetMs * CARRIER_SHARE));
  const quote = await quoteLandedCost(parsed.data, deps, { locale, carrierTimeoutMs });
  const stored: QuoteResult = { ...quote, notes: [...quote.notes, ...mapped.notes.map((n) => ({ code: n.code, severity: n.severity, text: n.text[locale] }))] };
  if (quote.options.length === 0) throw new Unpriced('NO_CARRIER_OPTION', quote.notes.filter((n) => n.severity === 'warning').map((n) => `${n.code}: ${n.text}`).join('; '));
  if (deps.store) await keepQuote(deps, stored);
  const timeZone = deps.data().tariffs.get(parsed.data.destination.country)?.file.timeZone ?? 'UTC';
  return { rates: quoteToRates(stored, timeZone) };
}

/**
 * Keep the quote for GET /quotes/:id. Checkout must not wait on bookkeeping: when the store fails, or the answer is
 * over what one quote may keep, the rates are still right and only GET /quotes/:id will miss this one.
 */
async function keepQuote(deps: AppDeps, stored: QuoteResult): Promise<void> {
  const json = JSON.stringify(stored);
  const limit = deps.maxStoredQuoteBytes ?? MAX_STORED_QUOTE_BYTES;
  if (Buffer.byteLength(json) > limit) {
    deps.logger.warn({ quoteId: stored.quoteId, bytes: Buffer.byteLength(json), limit }, 'Shopify quote not kept: over the size one stored quote may take');
    return;
  }
  try {
    await deps.store?.save(stored, new Date(stored.validUntil), undefined, { json });
  } catch (err) {
    if (!(err instanceof QuoteStoreError)) throw err;
    deps.logger.error({ err, quoteId: stored.quoteId, permanent: err.permanent }, 'quote store write failed (Shopify rates answered anyway)');
  }
}

function withinBudget(work: Promise<Outcome>, ms: number): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ unpriced: 'TIME_BUDGET', detail: `no answer within ${ms} ms` }), ms);
  });
  const guarded = work.catch((err: unknown): Outcome => {
    if (err instanceof Unpriced) return { unpriced: err.code, detail: err.message };
    if (err instanceof ShopifyMappingError || err instanceof QuoteError) return { unpriced: err.code, detail: err.text.en };
    if (err instanceof MissingRateError) return { unpriced: err.code, detail: err.message };
    return { unpriced: 'ENGINE_ERROR', detail: (err as Error).message };
  });
  return Promise.race([guarded, late]).finally(() => clearTimeout(timer));
}

/** The configured fallback in the request's currency (converted at the loaded rates when configured in another). */
function fallbackRate(config: ShopifyConfig, deps: AppDeps, currency: string, locale: 'es' | 'en'): ShopifyRate | undefined {
  const f = config.fallback;
  if (!f) return undefined;
  const rates = deps.data().rates;
  let amount = f.amount;
  if (f.currency !== currency) {
    if (!hasRate(rates, f.currency) || !hasRate(rates, currency)) return undefined;
    amount = roundHalfUp(convert(f.amount, f.currency, currency, rates), currency);
  }
  return { service_name: f.serviceName, service_code: f.serviceCode, total_price: toShopifySubunits(new D(amount)), currency, description: f.description[locale] };
}

function localeOf(locale: string | null | undefined): 'es' | 'en' {
  return locale?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

function rawBodyOf(req: Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

/**
 * `POST /integrations/shopify/rates`, Shopify's CarrierService callback.
 * 401 for a bad signature and 400/422 for a body that is not a rate
 * request (Shopify then shows its backup rates); otherwise 200 with rates,
 * the fallback rate when the cart cannot be priced within the time budget,
 * or 503 when there is no fallback configured (Shopify's backup rates again).
 */
export function shopifyRatesRoute(deps: AppDeps, config: ShopifyConfig): RequestHandler[] {
  const replays = new ReplayWindow(config.replayWindowMs ?? 0);
  const handler = async (req: Request, res: Response): Promise<void> => {
    const started = performance.now();
    const raw = rawBodyOf(req);
    if (config.hmacSecret && !verifyShopifyHmac(raw, req.get('X-Shopify-Hmac-Sha256'), config.hmacSecret)) {
      sendProblem(res, problem(401, 'INVALID_SIGNATURE', 'Invalid signature', 'X-Shopify-Hmac-Sha256 is missing, is not the base64 of an HMAC-SHA256, or does not match the body signed with the configured secret.'));
      return;
    }
    // Only a signed body can be a replay: without a secret anyone may call, and there is nothing to replay.
    if (config.hmacSecret && !replays.admit(raw, deps.clock())) {
      deps.logger.warn('Shopify rate request replayed after its window');
      sendProblem(res, problem(401, 'SIGNATURE_REPLAYED', 'Replayed request', `This signed body was first seen more than ${replays.windowMs / 1000} s ago (SHOPIFY_REPLAY_WINDOW_SECONDS); Shopify sends a fresh request for a new checkout.`));
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch (err) {
      sendProblem(res, problem(400, 'MALFORMED_JSON', 'Malformed JSON', 'The body is not valid JSON.', [{ path: '(body)', message: (err as Error).message }]));
      return;
    }
    // Depth and lengths first, so the schema and its messages work on bounded input.
    const tooBig = jsonLimitProblem(json, SHOPIFY_JSON_LIMITS, 'en');
    const parsed = tooBig ? undefined : shopifyRateRequestSchema.safeParse(json, { reportInput: true });
    if (!parsed?.success) {
      const capped = tooBig ? cappedFieldErrors([tooBig], 'en') : cappedFieldErrors(fieldErrors(parsed!.error), 'en', parsed!.error.issues.length);
      sendProblem(res, problem(422, 'INVALID_RATE_REQUEST', 'Invalid rate request', capped.detail, capped.errors));
      return;
    }
    const locale = localeOf(parsed.data.rate.locale);
    const remaining = Math.max(0, config.timeBudgetMs - (performance.now() - started));
    const outcome = await withinBudget(priceCart(parsed.data, deps, config, locale), remaining);
    if ('rates' in outcome) {
      res.status(200).json({ rates: outcome.rates });
      return;
    }
    const fallback = fallbackRate(config, deps, parsed.data.rate.currency, locale);
    deps.logger.warn({ reason: outcome.unpriced, detail: outcome.detail, fallback: fallback !== undefined }, 'Shopify cart not priced');
    res.set(FALLBACK_HEADER, outcome.unpriced);
    if (fallback) {
      res.status(200).json({ rates: [fallback] });
      return;
    }
    res.set('Retry-After', '1');
    sendProblem(res, problem(503, 'RATES_UNAVAILABLE', 'Rates unavailable', `The cart could not be priced (${outcome.unpriced}: ${outcome.detail}) and no fallback rate is configured (SHOPIFY_FALLBACK_PRICE); Shopify shows its backup rates.`));
  };
  return [express.raw({ type: () => true, limit: deps.bodyLimit ?? '1mb' }), handler];
}
