import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { QuoteStoreError, type QuoteStore } from '../../src/store/quote-store';
import { SqliteQuoteStore } from '../../src/store/sqlite-quote-store';
import { sampleQuote } from '../store/quote-store.contract';
import { exampleBody, expectProblem, testApp } from '../helpers/http-fixtures';

describe('what one request may store (issue 13.7)', () => {
  it('when the answer would be larger than one stored quote may be, then 422 QUOTE_TOO_LARGE naming items, and nothing is kept', async () => {
    const store = new SqliteQuoteStore(':memory:');
    const app = testApp({ store, maxStoredQuoteBytes: 500 });
    const res = await request(app).post('/quote').set('Accept-Language', 'es').send(exampleBody());
    const problem = expectProblem(res, 422, 'QUOTE_TOO_LARGE', 'items');
    expect(problem.errors?.[0]?.message).toMatch(/^La respuesta ocupa \d+ bytes; una cotización guardada admite 500/);
    expect(await store.storedBytes()).toBe(0);
    await store.close();
  });

  it('when the answer is within the bound, then it is kept as before', async () => {
    const store = new SqliteQuoteStore(':memory:');
    const res = await request(testApp({ store, maxStoredQuoteBytes: 1_000_000 })).post('/quote').send(exampleBody());
    expect(res.status).toBe(200);
    expect(await store.storedBytes()).toBe(Buffer.byteLength(res.text));
    await store.close();
  });
});

describe('a damaged quote store is not "try again in 5 s" (issue 13.10)', () => {
  it('when a SQLite page holding quotes is damaged, then GET /quotes/:id answers 503 QUOTE_STORE_DAMAGED without Retry-After, never 500', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontera-damaged-'));
    const file = join(dir, 'quotes.sqlite');
    const ids = Array.from({ length: 200 }, (_, i) => `q_damaged_${i}`);
    const healthy = new SqliteQuoteStore(file);
    for (const id of ids) await healthy.save(sampleQuote(id, '2026-11-25T15:00:00Z', '2026-11-26T15:00:00Z'), new Date('2026-11-26T15:00:00Z'));
    await healthy.close();
    // Overwrite the headers of the middle pages that are no table's or index's root: pages of quote rows.
    const db = new Database(file, { readonly: true });
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const roots = new Set((db.prepare('SELECT rootpage FROM sqlite_master').all() as { rootpage: number }[]).map((r) => r.rootpage));
    db.close();
    const fd = openSync(file, 'r+');
    for (let page = Math.floor(pages * 0.4); page <= Math.floor(pages * 0.6); page++) {
      if (!roots.has(page) && page > 1) writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, (page - 1) * pageSize);
    }
    closeSync(fd);

    const store = new SqliteQuoteStore(file);
    const app = testApp({ store, clock: () => new Date('2026-11-25T16:00:00Z') });
    const statuses = new Map<number, number>();
    for (const id of ids) {
      const res = await request(app).get(`/quotes/${id}`);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 503) {
        expectProblem(res, 503, 'QUOTE_STORE_DAMAGED');
        expect(res.headers['retry-after']).toBeUndefined();
      }
    }
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].every((s) => s === 200 || s === 503)).toBe(true);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when saving fails for good (a damaged file), then POST /quote answers 503 QUOTE_STORE_DAMAGED without Retry-After', async () => {
    const corrupt = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    const damaged: QuoteStore = {
      save: async () => { throw new QuoteStoreError('SQLite quote store: save failed: database disk image is malformed', { cause: corrupt, permanent: true }); },
      get: async () => undefined,
      findByIdempotencyKey: async () => undefined,
      purgeExpired: async () => 0,
      storedBytes: async () => 0,
      close: async () => undefined,
    };
    const res = await request(testApp({ store: damaged })).post('/quote').set('Accept-Language', 'es').send(exampleBody());
    const problem = expectProblem(res, 503, 'QUOTE_STORE_DAMAGED');
    expect(res.headers['retry-after']).toBeUndefined();
    expect(problem.title).toBe('Almacén de cotizaciones dañado');
  });
});
