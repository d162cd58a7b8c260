import { createHash } from 'node:crypto';
import request from 'supertest';
import type { AccessConfig } from '../../src/http/access/access-config';
import { SqliteQuoteStore } from '../../src/store/sqlite-quote-store';
import { exampleBody, testApp, expectProblem } from '../helpers/http-fixtures';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
/** Illustrative keys for the tests only. */
const STOREFRONT = 'fk_test_storefront_0123456789';
const BACKEND = 'fk_test_backend_9876543210';

function access(over: Partial<AccessConfig> = {}): AccessConfig {
  return { keys: [{ name: 'storefront', sha256: sha(STOREFRONT) }, { name: 'backend', sha256: sha(BACKEND), ratePerMinute: 1000 }], ratePerMinute: 120, corsOrigins: [], ...over };
}


describe('API keys', () => {
  it('when keys are configured and POST /quote has no key, then 401 problem+json with WWW-Authenticate', async () => {
    const res = await request(testApp({ access: access() })).post('/quote').send(exampleBody());
    const p = expectProblem(res, 401, 'API_KEY_REQUIRED');
    expect(p.detail).toBe('Send your key as "Authorization: Bearer <key>" or in "X-Api-Key".');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="frontera"');
  });

  it.each([
    ['a wrong Bearer key', { Authorization: 'Bearer fk_test_wrong' }],
    ['a wrong X-Api-Key', { 'X-Api-Key': 'fk_test_wrong' }],
    ['the key\'s hash instead of the key', { 'X-Api-Key': sha(STOREFRONT) }],
  ])('when POST /quote has %s, then 401 API_KEY_INVALID', async (_when, headers) => {
    expectProblem(await request(testApp({ access: access() })).post('/quote').set(headers).send(exampleBody()), 401, 'API_KEY_INVALID');
  });

  it.each([
    ['Authorization: Bearer', { Authorization: `Bearer ${STOREFRONT}` }],
    ['a lower-case bearer scheme', { Authorization: `bearer ${BACKEND}` }],
    ['X-Api-Key', { 'X-Api-Key': BACKEND }],
  ])('when POST /quote has a valid key in %s, then 200', async (_when, headers) => {
    const res = await request(testApp({ access: access() })).post('/quote').set(headers).send(exampleBody());
    expect(res.status).toBe(200);
  });

  it('when keys are configured, then GET /quotes/:id needs one too', async () => {
    const store = new SqliteQuoteStore(':memory:');
    const app = testApp({ access: access(), store });
    const posted = await request(app).post('/quote').set('X-Api-Key', STOREFRONT).send(exampleBody());
    expectProblem(await request(app).get(`/quotes/${posted.body.quoteId}`), 401, 'API_KEY_REQUIRED');
    expect((await request(app).get(`/quotes/${posted.body.quoteId}`).set('X-Api-Key', STOREFRONT)).status).toBe(200);
    await store.close();
  });

  it.each(['/healthz', '/openapi.json', '/'])('when keys are configured, then GET %s stays public', async (path) => {
    expect((await request(testApp({ access: access() })).get(path)).status).toBe(200);
  });

  it('when no keys are configured, then POST /quote needs none', async () => {
    expect((await request(testApp({ access: access({ keys: [] }) })).post('/quote').send(exampleBody())).status).toBe(200);
  });

  it('when two keys send the same Idempotency-Key, then each gets its own quote', async () => {
    const store = new SqliteQuoteStore(':memory:');
    let n = 0;
    const app = testApp({ access: access(), store, newId: () => `q_${++n}` });
    const a = await request(app).post('/quote').set('X-Api-Key', STOREFRONT).set('Idempotency-Key', 'order-1').send(exampleBody());
    const b = await request(app).post('/quote').set('X-Api-Key', BACKEND).set('Idempotency-Key', 'order-1').send({ ...exampleBody(), insure: false });
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.quoteId, b.body.quoteId]).toEqual(['q_1', 'q_2']);
    await store.close();
  });
});

describe('per-key rate limit', () => {
  it('when a key sends one request over its 2-a-minute limit, then 429 problem+json with Retry-After; another key still passes', async () => {
    const app = testApp({ access: access({ ratePerMinute: 2 }) });
    const send = (key: string) => request(app).post('/quote').set('X-Api-Key', key).send(exampleBody());
    expect((await send(STOREFRONT)).status).toBe(200);
    expect((await send(STOREFRONT)).status).toBe(200);
    const third = await send(STOREFRONT);
    const p = expectProblem(third, 429, 'RATE_LIMITED');
    const retry = Number(third.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect(p.detail).toBe(`Key "storefront" is over its limit of 2 requests a minute; retry in ${retry} s.`);
    expect(third.headers['ratelimit-policy']).toBe('2;w=60');
    // "backend" has its own limit of 1000 a minute
    expect((await send(BACKEND)).status).toBe(200);
  });

  it('when the key is wrong, then the answer is 401, not 429, however often it is tried', async () => {
    const app = testApp({ access: access({ ratePerMinute: 1 }) });
    for (let i = 0; i < 3; i++) expect((await request(app).post('/quote').set('X-Api-Key', 'nope').send(exampleBody())).status).toBe(401);
  });
});

describe('CORS', () => {
  const cfg = access({ corsOrigins: ['https://tienda.example.mx'] });

  it('when an allowed storefront sends a preflight, then 204 with its origin and the headers it needs, without a key', async () => {
    const res = await request(testApp({ access: cfg })).options('/quote')
      .set('Origin', 'https://tienda.example.mx')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-api-key,idempotency-key');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://tienda.example.mx');
    expect(res.headers['access-control-allow-headers']).toBe('Content-Type,Accept-Language,Authorization,X-Api-Key,Idempotency-Key');
    expect(res.headers['access-control-allow-methods']).toBe('GET,POST');
  });

  it('when an allowed storefront posts with its key, then the answer carries its origin and exposes Retry-After', async () => {
    const res = await request(testApp({ access: cfg })).post('/quote').set('Origin', 'https://tienda.example.mx').set('X-Api-Key', STOREFRONT).send(exampleBody());
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('https://tienda.example.mx');
    expect(res.headers['access-control-expose-headers']).toContain('Retry-After');
  });

  it('when a 401 goes to an allowed origin, then it carries the CORS header so browser code can read the problem', async () => {
    const res = await request(testApp({ access: cfg })).post('/quote').set('Origin', 'https://tienda.example.mx').send(exampleBody());
    expect(res.status).toBe(401);
    expect(res.headers['access-control-allow-origin']).toBe('https://tienda.example.mx');
  });

  it.each([
    ['another origin', 'https://evil.example.com'],
    ['the allowed host over http', 'http://tienda.example.mx'],
  ])('when %s sends a preflight, then no Access-Control-Allow-Origin', async (_when, origin) => {
    const res = await request(testApp({ access: cfg })).options('/quote').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('when "*" is configured, then any origin is allowed', async () => {
    const res = await request(testApp({ access: access({ keys: [], corsOrigins: ['*'] }) })).post('/quote').set('Origin', 'https://any.example').send(exampleBody());
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('when no origins are configured, then there are no CORS headers', async () => {
    const res = await request(testApp({ access: access({ keys: [] }) })).post('/quote').set('Origin', 'https://tienda.example.mx').send(exampleBody());
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('OpenAPI: keys', () => {
  it('when /openapi.json is read, then both key schemes are declared and optional on the quote routes', async () => {
    const doc = (await request(testApp()).get('/openapi.json')).body;
    expect(doc.components.securitySchemes).toEqual({
      bearerKey: { type: 'http', scheme: 'bearer', description: 'An API key as "Authorization: Bearer <key>"' },
      headerKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
    });
    expect(doc.paths['/quote'].post.security).toEqual([{ bearerKey: [] }, { headerKey: [] }, {}]);
    expect(doc.paths['/quote'].post.responses['429'].headers['Retry-After']).toBeDefined();
  });
});
