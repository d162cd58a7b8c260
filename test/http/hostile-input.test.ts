import request from 'supertest';
import { shopifyHmac } from '../../src/integrations/shopify/shopify-hmac';
import { MAX_JSON_DEPTH } from '../../src/http/json-limits';
import { MAX_FIELD_ERRORS } from '../../src/http/field-errors';
import { MAX_CARRIER_FILTER } from '../../src/schema/quote-request-schema';
import { SqliteQuoteStore } from '../../src/store/sqlite-quote-store';
import { exampleBody, expectProblem, testApp } from '../helpers/http-fixtures';
import { shopifyConfig, shopifyItem, shopifyRequest } from '../integrations/shopify/shopify-fixtures';

/** `[[[…1…]]]`, `levels` arrays deep: 5,000 levels are a 10 kB body. */
const nestedArrays = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

/** The example body as text, with the JSON string "@HERE" replaced by raw JSON. */
function bodyWith(raw: string, place: (b: Record<string, unknown>) => void): string {
  const body = exampleBody();
  place(body);
  return JSON.stringify(body).replace('"@HERE"', raw);
}

const firstItem = (b: Record<string, unknown>) => (b.items as Record<string, unknown>[])[0]!;

describe('hostile bodies on POST /quote get a bounded 4xx, never a 5xx (issue 13.2)', () => {
  it('when a 10 kB body nests 5,000 arrays in items.0.quantity (whose error message quotes the input), then 422 naming that field', async () => {
    const text = bodyWith(nestedArrays(5000), (b) => (firstItem(b).quantity = '@HERE'));
    expect(text.length).toBeGreaterThan(10_000);
    const res = await request(testApp()).post('/quote').set('Content-Type', 'application/json').set('Accept-Language', 'es').send(text);
    const problem = expectProblem(res, 422, 'INVALID_REQUEST');
    expect(problem.errors?.[0]?.path.startsWith('items.0.quantity.0.0')).toBe(true);
    expect(problem.errors?.[0]?.message).toContain(`${MAX_JSON_DEPTH}`);
    expect(problem.title).toBe('Solicitud no válida');
    expect(res.text.length).toBeLessThan(2_000);
  });

  it('when the same nesting sits in a key the schema ignores and an Idempotency-Key is sent, then 422, not 500 (canonical JSON recursion)', async () => {
    const store = new SqliteQuoteStore(':memory:');
    const text = bodyWith(nestedArrays(5000), (b) => (b.comment = '@HERE'));
    const res = await request(testApp({ store })).post('/quote').set('Content-Type', 'application/json').set('Idempotency-Key', 'cart-1').send(text);
    const problem = expectProblem(res, 422, 'INVALID_REQUEST');
    expect(problem.errors?.[0]?.path.startsWith('comment.0.0')).toBe(true);
    await store.close();
  });

  it('when an object nests 5,000 levels deep, then 422 too', async () => {
    const text = bodyWith(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`, (b) => (b.origin = '@HERE'));
    expectProblem(await request(testApp()).post('/quote').set('Content-Type', 'application/json').send(text), 422, 'INVALID_REQUEST');
  });

  it('when a field carries a 500,000-character string, then 422 whose answer does not echo it (under 2 kB)', async () => {
    const text = JSON.stringify({ ...exampleBody(), origin: { country: 'M'.repeat(500_000) } });
    const res = await request(testApp({ bodyLimit: '1mb' })).post('/quote').set('Content-Type', 'application/json').send(text);
    expectProblem(res, 422, 'INVALID_REQUEST', 'origin.country');
    expect(res.text.length).toBeLessThan(2_000);
  });

  it('when a signed Shopify rate request nests 5,000 arrays in an item, then 422, not 500', async () => {
    const secret = 'shpss_illustrative_secret';
    const body = JSON.stringify(shopifyRequest([shopifyItem({ quantity: '@HERE' })])).replace('"@HERE"', nestedArrays(5000));
    const res = await request(testApp({ shopify: shopifyConfig({ hmacSecret: secret }) })).post('/integrations/shopify/rates')
      .set('Content-Type', 'application/json').set('X-Shopify-Hmac-Sha256', shopifyHmac(Buffer.from(body), secret)).send(body);
    const problem = expectProblem(res, 422, 'INVALID_RATE_REQUEST');
    expect(problem.errors?.[0]?.path.startsWith('rate.items.0.quantity.0')).toBe(true);
  });
});

describe('a 422 stays small, whatever the request (issue 13.5)', () => {
  it(`when "carriers" lists 5,000 unknown ids, then 422 naming "carriers" (at most ${MAX_CARRIER_FILTER}), a few hundred bytes, not 60× the request`, async () => {
    const body = { ...exampleBody(), carriers: Array.from({ length: 5000 }, (_, i) => `nope-${i}`) };
    const res = await request(testApp()).post('/quote').send(body);
    expectProblem(res, 422, 'INVALID_REQUEST', 'carriers');
    expect(res.text.length).toBeLessThan(1_000);
  });

  it(`when ${MAX_CARRIER_FILTER} unknown carrier ids are sent, then only ${MAX_FIELD_ERRORS} field errors come back and the detail says how many were left out`, async () => {
    const body = { ...exampleBody(), locale: 'en', carriers: Array.from({ length: MAX_CARRIER_FILTER }, (_, i) => `nope-${i}`) };
    const res = await request(testApp()).post('/quote').set('Accept-Language', 'en').send(body);
    const problem = expectProblem(res, 422, 'UNKNOWN_CARRIER', 'carriers.0');
    expect(problem.errors).toHaveLength(MAX_FIELD_ERRORS);
    // 50 unknown ids − 20 shown = 30 left out
    expect(problem.detail).toContain('30 more');
  });

  it('when 1,000 items each have a bad HS code, then 20 errors and "980 más" in Spanish', async () => {
    const item = firstItem(exampleBody());
    const body = { ...exampleBody(), locale: 'es', items: Array.from({ length: 1000 }, () => ({ ...item, hsCode: 'x' })) };
    const res = await request(testApp({ bodyLimit: '1mb' })).post('/quote').set('Accept-Language', 'es').send(body);
    const problem = expectProblem(res, 422, 'INVALID_REQUEST', 'items.0.hsCode');
    expect(problem.errors).toHaveLength(20);
    expect(problem.detail).toContain('980 más');
    expect(res.text.length).toBeLessThan(8_000);
  });
});
