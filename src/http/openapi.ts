import { z } from 'zod';
import { dataStatusSchema } from './data-status-schema';
import { compareRequestSchema, compareResponseSchema } from '../schema/compare-schema';
import { quoteRequestSchema } from '../schema/quote-request-schema';
import { quoteResponseSchema, problemSchema } from '../schema/quote-response-schema';
import { shopifyRateRequestSchema, shopifyRateResponseSchema } from '../integrations/shopify/shopify-rate-schema';
import { countriesResponseSchema, currenciesResponseSchema, hsSearchResponseSchema } from './web-lookup-schemas';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const s = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  delete s.$schema;
  return s;
}

/** How an error answer is documented: problem+json with the stable code. */
function problemResponse(description: string) {
  return { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
}

/** Error answers by status, each with what it means on this route. */
function problems(byStatus: Record<number, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(byStatus).map(([status, description]) => [status, problemResponse(description)]));
}

/** Keys are optional: the empty requirement means "no key" when the service runs without FRONTERA_API_KEYS_*. */
const KEYED = [{ bearerKey: [] }, { headerKey: [] }, {}];
/** Public routes need no key even when keys are configured. */
const PUBLIC: never[] = [];
const UNAUTHORIZED = problemResponse('Keys are configured and the request has none (API_KEY_REQUIRED) or a wrong one (API_KEY_INVALID)');
const TOO_MANY = {
  ...problemResponse('Over the key\'s requests a minute (RATE_LIMITED)'),
  headers: { 'Retry-After': { description: 'Seconds until the window resets', schema: { type: 'integer' } } },
};

/** An operation behind the API keys: documents the key schemes, 401 and 429 with its own answers. */
function keyed(operation: { responses: Record<string, unknown> } & Record<string, unknown>): Record<string, unknown> {
  return { ...operation, security: KEYED, responses: { ...operation.responses, '401': UNAUTHORIZED, '429': TOO_MANY } };
}

const ACCEPT_LANGUAGE = { name: 'Accept-Language', in: 'header', required: false, schema: { type: 'string' }, description: 'es or en when the body has no locale' };

function quotePath(): Record<string, unknown> {
  return {
    post: keyed({
      operationId: 'createQuote',
      summary: 'Landed-cost quote for every carrier service',
      description: 'Every answer is kept until its `validUntil` (GET /quotes/{id}).',
      parameters: [
        ACCEPT_LANGUAGE,
        { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', pattern: '^[\\x21-\\x7E]{1,255}$' }, description: 'Repeat the key with the same body (key order and spacing do not matter) to get the same quote back, marked Idempotent-Replayed: true; a different body under the key while its quote is valid is 409. Keys are per API key.' },
      ],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/QuoteRequest' } } } },
      responses: {
        '200': { description: 'The quote', headers: { 'Idempotent-Replayed': { description: '"true" when this is the stored answer to an earlier request with the same Idempotency-Key', schema: { type: 'string' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/QuoteResponse' } } } },
        ...problems({ 400: 'Malformed JSON, or an Idempotency-Key that is not 1–255 visible ASCII characters', 409: 'The Idempotency-Key was used with a different body for a quote that is still valid', 413: 'Body over the size limit', 415: 'Not application/json', 422: 'A field is invalid, or the destination, currency or carrier is not supported; `errors[].path` names the field. MIN_CONFIDENCE_NOT_MET: no option reaches `minConfidence`; `errors[]` name each line or figure below it (`options[i].duties.lines[j]`, carrier, service, kind, code, rule, confidence)', 503: 'The quote store could not save the quote; retry after Retry-After seconds' }),
      },
    }),
  };
}

/** `Accept: text/csv` on /compare: the price list instead of the JSON ranking. */
const ACCEPT_CSV = { name: 'Accept', in: 'header', required: false, schema: { type: 'string', enum: ['application/json', 'text/csv'] }, description: 'text/csv for the price list' };

function comparePath(): Record<string, unknown> {
  const description = 'The /quote body without `destination`. Each destination is quoted with the /quote engine; its row holds the cheapest option (the one /quote lists first) and the fastest, with the same figures /quote answers. Destinations that cannot be quoted (no tariff file, no carrier option, region required, no rate…) are listed in `refused` with the code /quote would answer. `Accept: text/csv` answers the price list: RFC 4180, UTF-8 with a byte-order mark, a header row and one row per ranked destination, as an attachment; X-Frontera-Refused counts the refused destinations. At most 100 items.';
  return {
    post: keyed({
      operationId: 'compareDestinations',
      parameters: [ACCEPT_CSV, ACCEPT_LANGUAGE],
      summary: 'Where to sell: one cart quoted to every destination, ranked by landed cost',
      description,
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/CompareRequest' } } } },
      responses: {
        '200': {
          description: 'The ranking (JSON) or the price list (CSV)',
          headers: { 'X-Frontera-Refused': { description: 'CSV only: how many destinations were refused', schema: { type: 'integer' } } },
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/CompareResponse' } },
            'text/csv': { schema: { type: 'string', description: 'country,name,currency,goods_value,carrier,service,shipping,insurance,duties,taxes,fees,landed_cost,payable_at_checkout,payable_on_delivery,delivery_earliest,delivery_latest,confidence' } },
          },
        },
        ...problems({ 400: 'Malformed JSON', 413: 'Body over the size limit', 415: 'Not application/json', 422: 'A field of the cart is invalid (UNKNOWN_HS_CODE, UNKNOWN_CARRIER, NO_EXCHANGE_RATE for the cart\'s currencies, SHIP_DATE_OUT_OF_RANGE…); `errors[].path` names the field' }),
      },
    }),
  };
}

function quoteByIdPath(): Record<string, unknown> {
  return {
    get: keyed({
      operationId: 'getQuote',
      summary: 'A quote answered earlier, exactly as it was sent, until its validUntil',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'quoteId of the answer' }],
      responses: {
        '200': { description: 'The stored quote; Cache-Control max-age runs to its validUntil', content: { 'application/json': { schema: { $ref: '#/components/schemas/QuoteResponse' } } } },
        ...problems({ 404: 'No such quote, it has expired, or the service keeps no quotes (QUOTE_NOT_FOUND)', 503: 'The quote store could not be read' }),
      },
    }),
  };
}

function shopifyRatesPath(): Record<string, unknown> {
  return {
    post: {
      operationId: 'shopifyRates',
      security: PUBLIC,
      summary: 'Shopify CarrierService callback: carrier-calculated rates with duties and taxes',
      description: 'Served when SHOPIFY_CATALOGUE is set. Takes Shopify\'s rate request, finds each item in the product catalogue (variant id, then SKU), quotes with the engine and answers one rate per carrier service: `total_price` in subunits (amount × 100), `service_code` `<carrier>:<service>`. With DDP (default) duties and taxes are in `total_price` and itemised in `description`. If the cart cannot be priced within the time budget (default 2500 ms) the configured fallback rate is answered, with X-Frontera-Fallback naming why. Authenticated by X-Shopify-Hmac-Sha256 when a secret is configured, never by an API key.',
      parameters: [{ name: 'X-Shopify-Hmac-Sha256', in: 'header', required: false, schema: { type: 'string' }, description: 'Base64 HMAC-SHA256 of the raw body with the app\'s API secret; required when SHOPIFY_HMAC_SECRET is set' }],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ShopifyRateRequest' } } } },
      responses: {
        '200': { description: 'Rates, cheapest first; the fallback rate alone when the cart could not be priced; an empty list when nothing needs shipping', headers: { 'X-Frontera-Fallback': { description: 'Why the fallback rate was answered: TIME_BUDGET, NO_CARRIER_OPTION, NOT_IN_CATALOGUE, UNSUPPORTED_DESTINATION, …', schema: { type: 'string' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/ShopifyRateResponse' } } } },
        ...problems({ 400: 'Malformed JSON', 401: 'X-Shopify-Hmac-Sha256 missing or wrong (INVALID_SIGNATURE)', 422: 'Not a Shopify rate request; `errors[].path` names the field', 503: 'The cart could not be priced and no fallback rate is configured: Shopify shows its backup rates' }),
      },
    },
  };
}

/** A public GET answering JSON with one schema of components.schemas. */
function publicGet(operationId: string, summary: string, schema: string, more: Record<string, unknown> = {}): Record<string, unknown> {
  return { get: { operationId, security: PUBLIC, summary, ...more, responses: { '200': { description: summary, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } }, ...((more.responses as object | undefined) ?? {}) } } };
}

/** The form's look-ups: public, like the form itself. */
function lookupPaths(): Record<string, unknown> {
  const query = (name: string, description: string, schema: Record<string, unknown>, required = false) => ({ name, in: 'query', required, schema, description });
  return {
    '/hs/search': publicGet('searchHsCodes', 'HS code suggestions for a product name or the start of a code', 'HsSearchResponse', {
      description: 'Curated products (Spanish and English names) and the HS 2022 subheadings, ranked by the typed words matched; digits ("6109", "6109.10") list the subheadings under that code.',
      parameters: [
        query('q', 'A product name ("taza de cerámica") or the start of an HS code (2–10 digits)', { type: 'string', minLength: 1, maxLength: 100 }, true),
        query('locale', 'es or en; default: Accept-Language', { type: 'string', enum: ['es', 'en'] }),
        query('limit', 'How many suggestions, 1–20; default 8', { type: 'string', pattern: '^\\d{1,2}$' }),
      ],
      responses: problems({ 422: 'q missing, empty or over 100 characters, or a bad locale or limit (INVALID_QUERY); `errors[].path` names the parameter' }),
    }),
    '/countries': publicGet('listCountries', 'Every ISO country code, and the destinations with a tariff file (currency, regions)', 'CountriesResponse'),
    '/currencies': publicGet('listCurrencies', 'Currencies with an exchange rate in use, and its date', 'CurrenciesResponse'),
  };
}

function dataPaths(): Record<string, unknown> {
  return {
    '/healthz': { get: { operationId: 'health', security: PUBLIC, summary: 'Liveness and loaded data', responses: { '200': { description: 'OK' } } } },
    '/data/status': {
      get: {
        operationId: 'dataStatus',
        security: PUBLIC,
        summary: 'Every tariff and carrier file: the version served (sha256), its periods, last load, and the errors of a rejected edit; the exchange rates in use',
        responses: { '200': { description: 'Data status', content: { 'application/json': { schema: { $ref: '#/components/schemas/DataStatus' } } } } },
      },
    },
    '/openapi.json': { get: { operationId: 'openApi', security: PUBLIC, summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
  };
}

/** OpenAPI 3.1 document; the schemas are generated from the zod schemas, never written by hand. */
export function buildOpenApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Frontera',
      version: '1.0.0',
      description: 'Cross-border landed cost (shipping, duties, taxes, fees) and delivery dates for every carrier service. Amounts are decimal strings in the currency\'s minor units.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'This service (relative to the host that served this document)' }],
    paths: {
      '/quote': quotePath(),
      '/compare': comparePath(),
      '/quotes/{id}': quoteByIdPath(),
      '/integrations/shopify/rates': shopifyRatesPath(),
      ...lookupPaths(),
      ...dataPaths(),
    },
    components: {
      schemas: {
        QuoteRequest: jsonSchema(quoteRequestSchema, 'input'),
        CompareRequest: jsonSchema(compareRequestSchema, 'input'),
        CompareResponse: jsonSchema(compareResponseSchema, 'output'),
        DataStatus: jsonSchema(dataStatusSchema, 'output'),
        QuoteResponse: jsonSchema(quoteResponseSchema, 'output'),
        Problem: jsonSchema(problemSchema, 'output'),
        ShopifyRateRequest: jsonSchema(shopifyRateRequestSchema, 'input'),
        ShopifyRateResponse: jsonSchema(shopifyRateResponseSchema, 'output'),
        HsSearchResponse: jsonSchema(hsSearchResponseSchema, 'output'),
        CountriesResponse: jsonSchema(countriesResponseSchema, 'output'),
        CurrenciesResponse: jsonSchema(currenciesResponseSchema, 'output'),
      },
      securitySchemes: {
        bearerKey: { type: 'http', scheme: 'bearer', description: 'An API key as "Authorization: Bearer <key>"' },
        headerKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
    },
  };
}
