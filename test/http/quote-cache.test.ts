import { createHash } from 'node:crypto';
import request from 'supertest';
import { QuoteResponseCache } from '../../src/http/quote-cache';
import { exampleBody, testApp, testSnapshot } from '../helpers/http-fixtures';

describe('response cache of normalised requests', () => {
  let ids = 0;
  const newId = () => `q_${++ids}`;

  it('when the same cart is asked twice, then the second answer is the same quote from the cache', async () => {
    const snapshot = testSnapshot();
    const app = testApp({ data: () => snapshot, newId, quoteCache: new QuoteResponseCache(60, 100) });
    const first = await request(app).post('/quote').send(exampleBody());
    // Same content, other key order and an explicit default: the same normalised request.
    const { insure, ...rest } = exampleBody();
    const second = await request(app).post('/quote').send({ incoterm: 'DDP', insure, ...rest, claimPreference: undefined });
    expect(first.headers['x-frontera-cache']).toBeUndefined();
    expect(second.headers['x-frontera-cache']).toBe('hit');
    expect(second.body).toEqual(first.body);
  });

  it('when the exact same bytes come again, then they are answered before parsing, and a bad body never is', async () => {
    const snapshot = testSnapshot();
    const app = testApp({ data: () => snapshot, newId, quoteCache: new QuoteResponseCache(60, 100) });
    const text = JSON.stringify(exampleBody());
    const a = await request(app).post('/quote').set('Content-Type', 'application/json').send(text);
    const b = await request(app).post('/quote').set('Content-Type', 'application/json').send(text);
    expect(b.headers['x-frontera-cache']).toBe('hit');
    expect(b.body.quoteId).toBe(a.body.quoteId);
    const bad = JSON.stringify({ ...exampleBody(), items: [] });
    for (let i = 0; i < 2; i++) expect((await request(app).post('/quote').set('Content-Type', 'application/json').send(bad)).status).toBe(422);
  });

  it('when an answer comes from the cache, then it is the very bytes of the first, with the same strong ETag: the first 27 characters of the SHA-256 of the bytes (base64url)', async () => {
    const snapshot = testSnapshot();
    const app = testApp({ data: () => snapshot, newId, quoteCache: new QuoteResponseCache(60, 100) });
    const text = JSON.stringify(exampleBody());
    const raw = (r: request.Request) => r.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const a = await raw(request(app).post('/quote').set('Content-Type', 'application/json').send(text));
    const b = await raw(request(app).post('/quote').set('Content-Type', 'application/json').send(text));
    expect(b.headers['x-frontera-cache']).toBe('hit');
    expect(Buffer.compare(a.body as Buffer, b.body as Buffer)).toBe(0);
    const expected = `"${createHash('sha256').update(a.body as Buffer).digest('base64url').slice(0, 27)}"`;
    expect([a.headers.etag, b.headers.etag]).toEqual([expected, expected]);
    expect(b.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse((b.body as Buffer).toString('utf8')).quoteId).toBe(JSON.parse((a.body as Buffer).toString('utf8')).quoteId);
  });

  it('when a price differs, then the engine runs again', async () => {
    const snapshot = testSnapshot();
    const app = testApp({ data: () => snapshot, newId, quoteCache: new QuoteResponseCache(60, 100) });
    const a = await request(app).post('/quote').send(exampleBody());
    const body = exampleBody();
    (body.items as { unitPrice: { amount: string } }[])[0]!.unitPrice.amount = '351.00';
    const b = await request(app).post('/quote').send(body);
    expect(b.headers['x-frontera-cache']).toBeUndefined();
    expect(b.body.quoteId).not.toBe(a.body.quoteId);
    // 2 × 351 MXN × 0.075 = 52.65 CAD (was 52.50)
    expect(b.body.goodsValue).toBe('52.65');
  });

  it('when the data is reloaded (a new snapshot), then old answers are not served', async () => {
    let snapshot = testSnapshot();
    const app = testApp({ data: () => snapshot, newId, quoteCache: new QuoteResponseCache(60, 100) });
    const a = await request(app).post('/quote').send(exampleBody());
    snapshot = testSnapshot();
    const b = await request(app).post('/quote').send(exampleBody());
    expect(b.headers['x-frontera-cache']).toBeUndefined();
    expect(b.body.quoteId).not.toBe(a.body.quoteId);
  });

  it('when the cache is full, then the oldest entry makes room (bounded size)', async () => {
    const snapshot = testSnapshot();
    const cache = new QuoteResponseCache(60, 2);
    const app = testApp({ data: () => snapshot, newId, quoteCache: cache });
    const withPrice = (p: string) => {
      const body = exampleBody();
      (body.items as { unitPrice: { amount: string } }[])[0]!.unitPrice.amount = p;
      return body;
    };
    for (const p of ['1.00', '2.00', '3.00']) await request(app).post('/quote').send(withPrice(p));
    expect((await request(app).post('/quote').send(withPrice('3.00'))).headers['x-frontera-cache']).toBe('hit');
    expect((await request(app).post('/quote').send(withPrice('1.00'))).headers['x-frontera-cache']).toBeUndefined();
  });

  it('when a quote is past its validUntil, then it is not served from the cache', async () => {
    const snapshot = testSnapshot();
    let now = new Date('2026-11-25T15:00:00Z');
    const app = testApp({ data: () => snapshot, newId, clock: () => now, quoteValidHours: 1, quoteCache: new QuoteResponseCache(86_400, 100) });
    await request(app).post('/quote').send(exampleBody());
    now = new Date('2026-11-25T16:00:01Z');
    expect((await request(app).post('/quote').send(exampleBody())).headers['x-frontera-cache']).toBeUndefined();
  });
});
