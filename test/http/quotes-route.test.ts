import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { quoteResponseSchema } from '../../src/schema/quote-response-schema';
import { QuoteStoreError, type QuoteStore } from '../../src/store/quote-store';
import { SqliteQuoteStore } from '../../src/store/sqlite-quote-store';
import { exampleBody, testApp, expectProblem } from '../helpers/http-fixtures';

function counterIds(prefix = 'q_') {
  let n = 0;
  return () => `${prefix}${++n}`;
}


describe('GET /quotes/:id', () => {
  let store: SqliteQuoteStore;
  beforeEach(() => {
    store = new SqliteQuoteStore(':memory:');
  });
  afterEach(() => store.close());

  it('when a quote was answered, then GET /quotes/:id returns the same answer, byte for byte, until validUntil', async () => {
    let now = new Date('2026-11-25T15:00:00Z');
    const app = testApp({ store, newId: counterIds(), clock: () => now });
    const posted = await request(app).post('/quote').send(exampleBody());
    expect(posted.status).toBe(200);
    const q = quoteResponseSchema.parse(posted.body);
    // quoteValidHours default 24: created 2026-11-25T15:00:00Z → valid until 2026-11-26T15:00:00Z
    expect(q.validUntil).toBe('2026-11-26T15:00:00Z');
    now = new Date('2026-11-26T14:59:59Z');
    const got = await request(app).get(`/quotes/${q.quoteId}`);
    expect(got.status).toBe(200);
    expect(got.text).toBe(posted.text);
    // one second left until validUntil
    expect(got.headers['cache-control']).toBe('private, max-age=1');
  });

  it.each([
    ['at validUntil', '2026-11-26T15:00:00Z'],
    ['a week later', '2026-12-03T15:00:00Z'],
  ])('when the clock is %s, then 404 problem+json', async (_when, later) => {
    let now = new Date('2026-11-25T15:00:00Z');
    const app = testApp({ store, newId: counterIds(), clock: () => now });
    const q = (await request(app).post('/quote').send(exampleBody())).body;
    now = new Date(later);
    const p = expectProblem(await request(app).get(`/quotes/${q.quoteId}`), 404, 'QUOTE_NOT_FOUND');
    expect(p.detail).toBe(`There is no valid quote ${q.quoteId}: it does not exist or its validUntil has passed.`);
  });

  it('when the service has no store, then 404 says it keeps no quotes', async () => {
    const p = expectProblem(await request(testApp()).get('/quotes/q_test').set('Accept-Language', 'es'), 404, 'QUOTE_NOT_FOUND');
    expect(p.detail).toBe('Este servicio no guarda cotizaciones (se inició sin almacén de cotizaciones), así que q_test no se puede consultar.');
  });

  it('when the service restarts on the same SQLite file, then the quote answered before is still served', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontera-restart-'));
    const file = join(dir, 'quotes.sqlite');
    try {
      const first = new SqliteQuoteStore(file);
      const before = testApp({ store: first, newId: counterIds('q_before_') });
      const posted = await request(before).post('/quote').send(exampleBody());
      await first.close();

      const second = new SqliteQuoteStore(file);
      const after = testApp({ store: second, newId: counterIds('q_after_') });
      const got = await request(after).get(`/quotes/${posted.body.quoteId}`);
      expect(got.status).toBe(200);
      expect(got.body).toEqual(posted.body);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when the store fails, then 503 problem+json with Retry-After', async () => {
    const broken: QuoteStore = {
      save: async () => { throw new QuoteStoreError('disk full'); },
      get: async () => { throw new QuoteStoreError('disk gone'); },
      findByIdempotencyKey: async () => undefined,
      purgeExpired: async () => 0,
      storedBytes: async () => 0,
      close: async () => undefined,
    };
    const app = testApp({ store: broken });
    const post = await request(app).post('/quote').send(exampleBody());
    expectProblem(post, 503, 'QUOTE_STORE_UNAVAILABLE');
    expect(post.headers['retry-after']).toBe('5');
    expectProblem(await request(app).get('/quotes/q_test'), 503, 'QUOTE_STORE_UNAVAILABLE');
  });
});

describe('POST /quote with Idempotency-Key', () => {
  let store: SqliteQuoteStore;
  beforeEach(() => {
    store = new SqliteQuoteStore(':memory:');
  });
  afterEach(() => store.close());

  it('when the same key comes with the same body, keys in another order, then the first quote is replayed', async () => {
    const app = testApp({ store, newId: counterIds() });
    const first = await request(app).post('/quote').set('Idempotency-Key', 'order-1001').send(exampleBody());
    const reordered = Object.fromEntries(Object.entries(exampleBody()).reverse());
    const again = await request(app).post('/quote').set('Idempotency-Key', 'order-1001').send(reordered);
    expect(first.body.quoteId).toBe('q_1');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
  });

  it('when the same key comes with a different body, then 409 problem+json naming the first quote', async () => {
    const app = testApp({ store, newId: counterIds() });
    await request(app).post('/quote').set('Idempotency-Key', 'order-1002').send(exampleBody());
    const other = { ...exampleBody(), insure: false };
    const p = expectProblem(await request(app).post('/quote').set('Idempotency-Key', 'order-1002').send(other), 409, 'IDEMPOTENCY_KEY_REUSED');
    expect(p.detail).toBe('Esta Idempotency-Key ya se usó con otro cuerpo para la cotización q_1 (válida hasta 2026-11-26T15:00:00Z); use una clave nueva para una solicitud distinta.');
  });

  it('when the quote under a key has expired, then the key makes a new quote', async () => {
    let now = new Date('2026-11-25T15:00:00Z');
    const app = testApp({ store, newId: counterIds(), clock: () => now });
    await request(app).post('/quote').set('Idempotency-Key', 'order-1003').send(exampleBody());
    now = new Date('2026-11-27T15:00:00Z');
    const again = await request(app).post('/quote').set('Idempotency-Key', 'order-1003').send({ ...exampleBody(), shipDate: '2026-11-27' });
    expect(again.status).toBe(200);
    expect(again.body.quoteId).toBe('q_2');
  });

  it('when two requests race with one key and one body, then both get the same quote', async () => {
    const app = testApp({ store, newId: counterIds() });
    const [a, b] = await Promise.all([1, 2].map(() => request(app).post('/quote').set('Idempotency-Key', 'order-race').send(exampleBody())));
    expect(a!.status).toBe(200);
    expect(b!.status).toBe(200);
    expect(a!.body.quoteId).toBe(b!.body.quoteId);
  });

  it.each([
    ['empty', ''],
    ['with a space', 'order 1'],
    ['256 characters long', 'k'.repeat(256)],
  ])('when the key is %s, then 400 problem+json', async (_when, key) => {
    const app = testApp({ store, newId: counterIds() });
    const p = expectProblem(await request(app).post('/quote').set('Idempotency-Key', key).send(exampleBody()), 400, 'INVALID_IDEMPOTENCY_KEY');
    expect(p.errors?.[0]?.path).toBe('headers.Idempotency-Key');
  });

  it('when the body is invalid, then the usual 422 comes first, whatever the key', async () => {
    const app = testApp({ store, newId: counterIds() });
    const res = await request(app).post('/quote').set('Idempotency-Key', 'order-bad').send({ ...exampleBody(), items: [] });
    expectProblem(res, 422, 'INVALID_REQUEST');
  });
});

describe('OpenAPI: stored quotes and idempotency', () => {
  it('when /openapi.json is read, then it documents GET /quotes/{id}, the Idempotency-Key header and the 409 and 503 answers', async () => {
    const doc = (await request(testApp()).get('/openapi.json')).body;
    expect(Object.keys(doc.paths['/quotes/{id}'].get.responses)).toEqual(['200', '401', '404', '429', '503']);
    const post = doc.paths['/quote'].post;
    expect(post.parameters.map((p: { name: string }) => p.name)).toEqual(['Accept-Language', 'Idempotency-Key']);
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['401', '409', '429', '503']));
    expect(post.responses['200'].headers['Idempotent-Replayed']).toBeDefined();
  });
});
