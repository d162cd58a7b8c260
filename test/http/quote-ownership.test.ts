import { createHash } from 'node:crypto';
import request from 'supertest';
import type { AccessConfig } from '../../src/http/access/access-config';
import { QuoteResponseCache } from '../../src/http/quote-cache';
import { SqliteQuoteStore } from '../../src/store/sqlite-quote-store';
import { exampleBody, expectProblem, testApp, testSnapshot } from '../helpers/http-fixtures';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
/** Illustrative keys for the tests only. */
const KEY_A = 'fk_test_shop_a_0123456789';
const KEY_B = 'fk_test_shop_b_9876543210';
const ACCESS: AccessConfig = { keys: [{ name: 'shop-a', sha256: sha(KEY_A) }, { name: 'shop-b', sha256: sha(KEY_B) }], ratePerMinute: 120, corsOrigins: [] };

function counterIds() {
  let n = 0;
  return () => `q_own_${++n}`;
}

describe('a quote belongs to the API key that asked for it (issue 13.8)', () => {
  let store: SqliteQuoteStore;
  beforeEach(() => {
    store = new SqliteQuoteStore(':memory:');
  });
  afterEach(() => store.close());

  it('when key B sends the exact bytes key A sent, then B gets its own quote, not A\'s from the response cache', async () => {
    const snapshot = testSnapshot();
    const app = testApp({ access: ACCESS, store, data: () => snapshot, newId: counterIds(), quoteCache: new QuoteResponseCache(60, 100) });
    const text = JSON.stringify(exampleBody());
    const a = await request(app).post('/quote').set('X-Api-Key', KEY_A).set('Content-Type', 'application/json').send(text);
    const b = await request(app).post('/quote').set('X-Api-Key', KEY_B).set('Content-Type', 'application/json').send(text);
    const a2 = await request(app).post('/quote').set('X-Api-Key', KEY_A).set('Content-Type', 'application/json').send(text);
    expect(a.body.quoteId).toBe('q_own_1');
    expect(b.headers['x-frontera-cache']).toBeUndefined();
    expect(b.body.quoteId).toBe('q_own_2');
    // A asking again is still answered from A's cache entry.
    expect(a2.headers['x-frontera-cache']).toBe('hit');
    expect(a2.body.quoteId).toBe('q_own_1');
  });

  it('when key B sends the same cart in another key order, then the normalised-request cache does not hand it A\'s quote either', async () => {
    const snapshot = testSnapshot();
    const app = testApp({ access: ACCESS, store, data: () => snapshot, newId: counterIds(), quoteCache: new QuoteResponseCache(60, 100) });
    const a = await request(app).post('/quote').set('X-Api-Key', KEY_A).send(exampleBody());
    const { insure, ...rest } = exampleBody();
    const b = await request(app).post('/quote').set('X-Api-Key', KEY_B).send({ insure, ...rest });
    expect(b.body.quoteId).not.toBe(a.body.quoteId);
  });

  it('when key B asks for a quote id made with key A, then 404 QUOTE_NOT_FOUND, as for an id that does not exist; A still reads it', async () => {
    const app = testApp({ access: ACCESS, store, newId: counterIds() });
    const a = await request(app).post('/quote').set('X-Api-Key', KEY_A).send(exampleBody());
    expect(a.status).toBe(200);
    expectProblem(await request(app).get(`/quotes/${a.body.quoteId}`).set('X-Api-Key', KEY_B), 404, 'QUOTE_NOT_FOUND');
    const own = await request(app).get(`/quotes/${a.body.quoteId}`).set('X-Api-Key', KEY_A);
    expect(own.status).toBe(200);
    expect(own.body.quoteId).toBe(a.body.quoteId);
  });

  it('when the service runs without keys, then any caller reads any quote (a private network)', async () => {
    const app = testApp({ store, newId: counterIds() });
    const a = await request(app).post('/quote').send(exampleBody());
    expect((await request(app).get(`/quotes/${a.body.quoteId}`)).status).toBe(200);
  });
});

describe('the Idempotency-Key remembers what the request means, not its bytes (issue 13.10)', () => {
  it('when the same key comes again with a field the schema ignores added, then the first quote is replayed, not 409', async () => {
    const store = new SqliteQuoteStore(':memory:');
    const app = testApp({ store, newId: counterIds() });
    const first = await request(app).post('/quote').set('Idempotency-Key', 'cart-77').send(exampleBody());
    const again = await request(app).post('/quote').set('Idempotency-Key', 'cart-77').send({ ...exampleBody(), trackingRef: 'ignored by the schema' });
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.quoteId).toBe(first.body.quoteId);
    await store.close();
  });

  it('when the same key comes again with a field that changes the quote, then 409 IDEMPOTENCY_KEY_REUSED as before', async () => {
    const store = new SqliteQuoteStore(':memory:');
    const app = testApp({ store, newId: counterIds() });
    await request(app).post('/quote').set('Idempotency-Key', 'cart-78').send(exampleBody());
    expectProblem(await request(app).post('/quote').set('Idempotency-Key', 'cart-78').send({ ...exampleBody(), incoterm: 'DAP' }), 409, 'IDEMPOTENCY_KEY_REUSED');
    await store.close();
  });
});
