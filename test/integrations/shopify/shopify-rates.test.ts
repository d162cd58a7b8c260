import request from 'supertest';
import { D } from '../../../src/domain/money';
import { shopifyRateResponseSchema } from '../../../src/integrations/shopify/shopify-rate-schema';
import { shopifyHmac } from '../../../src/integrations/shopify/shopify-hmac';
import { problemSchema, quoteResponseSchema } from '../../../src/schema/quote-response-schema';
import { SqliteQuoteStore } from '../../../src/store/sqlite-quote-store';
import type { QuoteStore } from '../../../src/store/quote-store';
import { FakeCarrier, testApp, testSnapshot } from '../../helpers/http-fixtures';
import { buildCatalogue, catalogueEntrySchema } from '../../../src/integrations/shopify/catalogue';
import { shopifyConfig, shopifyItem, shopifyRequest } from './shopify-fixtures';
import type { ShopifyConfig } from '../../../src/integrations/shopify/shopify-config';
import type { AppDeps } from '../../../src/http/app-deps';

function counterIds() {
  let n = 0;
  return () => `q_shop_${++n}`;
}

function app(config: Partial<ShopifyConfig> = {}, deps: Partial<AppDeps> = {}) {
  return testApp({ shopify: shopifyConfig(config), newId: counterIds(), ...deps });
}

function post(a: ReturnType<typeof testApp>, body: unknown) {
  return request(a).post('/integrations/shopify/rates').set('Content-Type', 'application/json').send(JSON.stringify(body));
}

describe('POST /integrations/shopify/rates: a Shopify cart from Mexico to Canada', () => {
  it('when 2 T-shirts at 25.00 CAD go MX → Toronto, then one DDP rate of 2175 subunits with duties and taxes itemised', async () => {
    const res = await post(app(), shopifyRequest());
    expect(res.status).toBe(200);
    const { rates } = shopifyRateResponseSchema.parse(res.body);
    expect(rates).toHaveLength(1);
    const r = rates[0]!;
    // goods 2 × 25.00 = 50.00 CAD; Shopify grams 200 × 2 = 0.4 kg packed as one parcel
    // shipping: fake carrier 0.4 kg × 20 USD = 8.00 USD × 1.2 CAD/USD = 9.60 CAD
    // duty: MFN 10% (610910) × 50.00 = 5.00 CAD; HST 13% × (50.00 + 5.00) = 7.15 CAD
    // total_price = 9.60 + 5.00 + 7.15 = 21.75 CAD = 2175 subunits
    expect(r.total_price).toBe('2175');
    expect(r.currency).toBe('CAD');
    expect(r.service_code).toBe('fake:express');
    expect(r.service_name).toBe('Fake Express Express (duties included)');
    expect(r.description).toBe('Shipping 9.60 + duties 5.00 + taxes 7.15 (HST 13%) CAD: duties and taxes paid, nothing to pay on delivery.');
    // pickup Wed 2026-11-25 (09:00 in Mexico City, before the 17:00 cut-off); 1–3 business days → Thu 26th to Mon 30th; Toronto is UTC−5 in November
    expect(r.min_delivery_date).toBe('2026-11-26 12:00:00 -0500');
    expect(r.max_delivery_date).toBe('2026-11-30 12:00:00 -0500');
    expect(r.metafields).toEqual([{ namespace: 'frontera', key: 'quote_id', value: 'q_shop_1', type: 'single_line_text_field' }]);
  });

  it('when the same cart is rated twice, then the service codes are the same and only the quote id changes', async () => {
    const a = app({}, { data: () => testSnapshot([new FakeCarrier('dhl', 'DHL'), new FakeCarrier('ups', 'UPS')]) });
    const first = shopifyRateResponseSchema.parse((await post(a, shopifyRequest())).body).rates;
    const second = shopifyRateResponseSchema.parse((await post(a, shopifyRequest())).body).rates;
    expect(first.map((r) => r.service_code).sort()).toEqual(['dhl:express', 'ups:express']);
    expect(second.map((r) => r.service_code).sort()).toEqual(first.map((r) => r.service_code).sort());
    expect(first[0]!.metafields![0]!.value).not.toBe(second[0]!.metafields![0]!.value);
  });

  it('when the incoterm is DAP, then the rate is shipping only and the description says what is due on delivery', async () => {
    const res = await post(app({ incoterm: 'DAP' }), shopifyRequest());
    const r = shopifyRateResponseSchema.parse(res.body).rates[0]!;
    // 9.60 CAD shipping only; on delivery 5.00 duty + 7.15 HST = 12.15 CAD
    expect(r.total_price).toBe('960');
    expect(r.service_name).toBe('Fake Express Express');
    expect(r.description).toBe('Shipping only. About 12.15 CAD of duties, taxes and fees are paid on delivery.');
  });

  it('when the locale is es-MX, then the service name and description are in Spanish', async () => {
    const res = await post(app(), shopifyRequest(undefined, { locale: 'es-MX' }));
    const r = shopifyRateResponseSchema.parse(res.body).rates[0]!;
    expect(r.service_name).toBe('Fake Express Exprés (aranceles incluidos)');
    expect(r.description).toBe('Envío 9.60 + aranceles 5.00 + impuestos 7.15 (HST 13%) CAD: aranceles e impuestos pagados, nada que pagar al recibir.');
  });

  it('when every item has a catalogue size, then one parcel of their volume is rated and noted in the stored quote', async () => {
    const store = new SqliteQuoteStore(':memory:');
    const a = app({}, { store });
    // BOLSA-PIEL: 40×30×10 cm = 12000 cm³ × 2 = 24000 cm³; longest side 40 ≥ ∛24000 = 28.8; √(24000 / 40) = 24.5 cm
    // weight from the catalogue 0.5 kg × 2 = 1 kg → 1 × 20 USD = 20.00 USD × 1.2 = 24.00 CAD shipping
    const res = await post(a, shopifyRequest([shopifyItem({ sku: 'BOLSA-PIEL', variant_id: null, grams: 0, price: 10000 })]));
    const r = shopifyRateResponseSchema.parse(res.body).rates[0]!;
    // goods 2 × 100.00 = 200.00; duty: default 5% (4202 has no line) × 200.00 = 10.00; HST 13% × 210.00 = 27.30
    // 24.00 + 10.00 + 27.30 = 61.30 CAD
    expect(r.total_price).toBe('6130');
    const stored = quoteResponseSchema.parse((await request(a).get(`/quotes/${r.metafields![0]!.value}`)).body);
    expect(stored.notes.find((n) => n.code === 'PARCEL_FROM_CATALOGUE')?.text).toBe('One 1 kg parcel of 40×24.5×24.5 cm holding the catalogue items\' volume.');
    await store.close();
  });

  it('when an item is not in the catalogue and a default HS code is configured, then it is rated and the stored quote notes the default', async () => {
    const store = new SqliteQuoteStore(':memory:');
    const a = app({ defaults: { hsCode: '610910' } }, { store });
    const res = await post(a, shopifyRequest([shopifyItem({ sku: 'NUEVO-1', variant_id: 123 })]));
    const r = shopifyRateResponseSchema.parse(res.body).rates[0]!;
    expect(r.total_price).toBe('2175');
    const stored = quoteResponseSchema.parse((await request(a).get(`/quotes/${r.metafields![0]!.value}`)).body);
    const codes = stored.notes.map((n) => n.code);
    expect(codes).toEqual(expect.arrayContaining(['CATALOGUE_DEFAULT_HS:SKU NUEVO-1', 'CATALOGUE_DEFAULT_ORIGIN:SKU NUEVO-1']));
    expect(stored.notes.find((n) => n.code === 'CATALOGUE_DEFAULT_HS:SKU NUEVO-1')?.text).toBe('SKU NUEVO-1 is not in the catalogue: the default HS code 610910 was used. Add it to the catalogue for an exact duty.');
    await store.close();
  });

  it('when a product has no weight in Shopify or the catalogue, then the default grams are used and noted', async () => {
    const store = new SqliteQuoteStore(':memory:');
    const a = app({ defaults: { unitGrams: 500 } }, { store });
    const res = await post(a, shopifyRequest([shopifyItem({ grams: 0 })]));
    const r = shopifyRateResponseSchema.parse(res.body).rates[0]!;
    // 500 g × 2 = 1 kg → 20 USD = 24.00 CAD; + 5.00 duty + 7.15 HST = 36.15 CAD
    expect(r.total_price).toBe('3615');
    const stored = quoteResponseSchema.parse((await request(a).get(`/quotes/${r.metafields![0]!.value}`)).body);
    expect(stored.notes.map((n) => n.code)).toContain('CATALOGUE_DEFAULT_WEIGHT:SKU CAM-ALG-M');
    await store.close();
  });

  it('when no item requires shipping, then the answer is an empty rates list', async () => {
    const res = await post(app(), shopifyRequest([shopifyItem({ requires_shipping: false })]));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ rates: [] });
  });
});

describe('POST /integrations/shopify/rates: fallback instead of an error', () => {
  const fallback = { serviceName: 'International shipping', serviceCode: 'frontera:fallback', description: { es: 'Tarifa estimada.', en: 'Estimated rate.' }, amount: new D('20.00'), currency: 'USD' };

  it.each([
    ['every carrier throws', [new FakeCarrier('bad', 'Bad', 'throw')], shopifyRequest(), 'NO_CARRIER_OPTION'],
    ['the only carrier hangs', [new FakeCarrier('slow', 'Slow', 'hang')], shopifyRequest(), 'NO_CARRIER_OPTION'],
    ['an item is not in the catalogue and there is no default', [new FakeCarrier()], shopifyRequest([shopifyItem({ sku: 'X', variant_id: 9 })]), 'NOT_IN_CATALOGUE'],
    ['the destination has no tariff file', [new FakeCarrier()], shopifyRequest(undefined, { destination: { country: 'JP', postal_code: '100-0001', province: '13', city: 'Tokyo' } }), 'UNSUPPORTED_DESTINATION'],
  ])('when %s, then the fallback 20.00 USD is answered as 24.00 CAD = 2400 subunits', async (_when, carriers, body, reason) => {
    const a = app({ fallback }, { data: () => testSnapshot(carriers) });
    const res = await post(a, body);
    expect(res.status).toBe(200);
    expect(res.headers['x-frontera-fallback']).toBe(reason);
    // 20.00 USD × 1.2 CAD/USD = 24.00 CAD
    expect(shopifyRateResponseSchema.parse(res.body).rates).toEqual([
      { service_name: 'International shipping', service_code: 'frontera:fallback', total_price: '2400', currency: 'CAD', description: 'Estimated rate.' },
    ]);
  });

  it('when one carrier hangs and another answers, then the rate of the one that answered comes back', async () => {
    const a = app({ fallback }, { data: () => testSnapshot([new FakeCarrier('good', 'Good'), new FakeCarrier('slow', 'Slow', 'hang')]) });
    const res = await post(a, shopifyRequest());
    expect(shopifyRateResponseSchema.parse(res.body).rates.map((r) => r.service_code)).toEqual(['good:express']);
  });

  it('when saving the quote hangs past the time budget, then the fallback arrives within the budget', async () => {
    const hangingStore: QuoteStore = {
      save: () => new Promise(() => undefined),
      get: async () => undefined,
      findByIdempotencyKey: async () => undefined,
      purgeExpired: async () => 0,
      storedBytes: async () => 0,
      close: async () => undefined,
    };
    const a = app({ fallback, timeBudgetMs: 300 }, { store: hangingStore });
    const started = Date.now();
    const res = await post(a, shopifyRequest());
    const ms = Date.now() - started;
    expect(res.headers['x-frontera-fallback']).toBe('TIME_BUDGET');
    expect(res.body.rates[0].service_code).toBe('frontera:fallback');
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(1000);
  });

  it('when no fallback is configured and the cart cannot be priced, then 503 problem+json so Shopify uses its backup rates', async () => {
    const a = app({}, { data: () => testSnapshot([new FakeCarrier('bad', 'Bad', 'throw')]) });
    const res = await post(a, shopifyRequest());
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problemSchema.parse(JSON.parse(res.text)).code).toBe('RATES_UNAVAILABLE');
  });
});

describe('POST /integrations/shopify/rates: HS codes that do not exist', () => {
  it('when the catalogue gives 9999.99 for a product, then the cart is not priced: the fallback rate with X-Frontera-Fallback UNKNOWN_HS_CODE', async () => {
    const catalogue = buildCatalogue([catalogueEntrySchema.parse({ sku: 'CAM-ALG-M', hsCode: '9999.99', originCountry: 'MX' })], 'test');
    const fallback = { amount: new D('25.00'), currency: 'CAD', serviceName: 'Standard', serviceCode: 'frontera:fallback', description: { es: 'Envío estándar', en: 'Standard shipping' } };
    const res = await post(app({ catalogue, fallback }), shopifyRequest());
    expect(res.status).toBe(200);
    expect(res.headers['x-frontera-fallback']).toBe('UNKNOWN_HS_CODE');
    expect(res.body.rates[0].service_code).toBe('frontera:fallback');
  });
});

describe('POST /integrations/shopify/rates: signature and validation', () => {
  const secret = 'shpss_illustrative_secret';
  const body = JSON.stringify(shopifyRequest());

  it.each([
    ['the signature matches the raw body', 200, shopifyHmac(Buffer.from(body), secret)],
    ['the signature was made with another secret', 401, shopifyHmac(Buffer.from(body), 'another-secret')],
    ['the signature is of another body', 401, shopifyHmac(Buffer.from(body.replace('Toronto', 'Ottawa')), secret)],
    ['the signature is not base64 of 32 bytes', 401, 'not-a-signature'],
  ])('when a secret is configured and %s, then %i', async (_when, status, signature) => {
    const res = await request(app({ hmacSecret: secret })).post('/integrations/shopify/rates')
      .set('Content-Type', 'application/json').set('X-Shopify-Hmac-Sha256', signature).send(body);
    expect(res.status).toBe(status);
    if (status === 401) expect(problemSchema.parse(JSON.parse(res.text)).code).toBe('INVALID_SIGNATURE');
  });

  it('when a secret is configured and the header is missing, then 401', async () => {
    const res = await request(app({ hmacSecret: secret })).post('/integrations/shopify/rates').set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(401);
  });

  it('when the body is not JSON, then 400 problem+json', async () => {
    const res = await request(app()).post('/integrations/shopify/rates').set('Content-Type', 'application/json').send('{"rate":');
    expect(res.status).toBe(400);
    expect(problemSchema.parse(JSON.parse(res.text)).code).toBe('MALFORMED_JSON');
  });

  it.each([
    ['a quantity of 0', shopifyRequest([shopifyItem({ quantity: 0 })]), 'rate.items.0.quantity', 'expected a quantity of at least 1, got 0'],
    ['a price in major units', shopifyRequest([shopifyItem({ price: 25.5 })]), 'rate.items.0.price', 'expected a price in subunits such as 1999 as a whole number, got 25.5'],
    ['an unknown currency', shopifyRequest(undefined, { currency: 'XXY' }), 'rate.currency', 'expected an ISO 4217 currency code such as "USD", got "XXY"'],
  ])('when the rate request has %s, then 422 naming the field', async (_when, bad, path, message) => {
    const res = await post(app(), bad);
    expect(res.status).toBe(422);
    const p = problemSchema.parse(JSON.parse(res.text));
    expect(p.code).toBe('INVALID_RATE_REQUEST');
    expect(p.errors).toContainEqual({ path, message });
  });

  it('when the Shopify integration is not configured, then the route does not exist', async () => {
    const res = await request(testApp()).post('/integrations/shopify/rates').set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(404);
  });
});

describe('OpenAPI: the Shopify callback', () => {
  it('when /openapi.json is read, then the rate request and response schemas come from the zod schemas', async () => {
    const doc = (await request(testApp()).get('/openapi.json')).body;
    const path = doc.paths['/integrations/shopify/rates'].post;
    expect(path.parameters[0].name).toBe('X-Shopify-Hmac-Sha256');
    expect(path.responses['200'].headers['X-Frontera-Fallback']).toBeDefined();
    expect(doc.components.schemas.ShopifyRateResponse.properties.rates.items.required).toEqual(['service_name', 'service_code', 'total_price', 'currency', 'description']);
  });
});
