import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteQuoteStore } from '../../src/store/sqlite-quote-store';
import Database from 'better-sqlite3';
import { quoteStoreContract, sampleQuote } from './quote-store.contract';

const dir = mkdtempSync(join(tmpdir(), 'frontera-sqlite-'));
const file = join(dir, 'nested', 'quotes.sqlite');

quoteStoreContract(
  'SqliteQuoteStore',
  async () => new SqliteQuoteStore(file),
  async () => rmSync(dir, { recursive: true, force: true }),
  async (maxBytes) => new SqliteQuoteStore(':memory:', { maxBytes }),
);

describe('SqliteQuoteStore on a file made before quotes had owners and sizes', () => {
  it('when the old table has no owner or size column, then opening adds them and old quotes stay readable by anyone', async () => {
    const oldDir = mkdtempSync(join(tmpdir(), 'frontera-sqlite-old-'));
    const old = join(oldDir, 'old.sqlite');
    const db = new Database(old);
    db.exec(`CREATE TABLE quotes (id TEXT PRIMARY KEY, quote TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
      idempotency_key TEXT UNIQUE, body_hash TEXT)`);
    const q = sampleQuote('q_before_owners', '2026-11-25T15:00:00Z', '2026-11-26T15:00:00Z');
    db.prepare('INSERT INTO quotes VALUES (?, ?, ?, ?, NULL, NULL)').run(q.quoteId, JSON.stringify(q), Date.parse(q.createdAt), Date.parse(q.validUntil));
    db.close();
    const store = new SqliteQuoteStore(old);
    expect((await store.get(q.quoteId, new Date('2026-11-25T16:00:00Z'), 'shop-b'))?.quoteId).toBe(q.quoteId);
    // The old row's size is filled in, so the budget counts it.
    expect(await store.storedBytes()).toBe(Buffer.byteLength(JSON.stringify(q)));
    await store.save(sampleQuote('q_after', '2026-11-25T15:00:00Z', '2026-11-26T15:00:00Z'), new Date('2026-11-26T15:00:00Z'), undefined, { owner: 'shop-a' });
    expect(await store.get('q_after', new Date('2026-11-25T16:00:00Z'), 'shop-b')).toBeUndefined();
    await store.close();
    rmSync(oldDir, { recursive: true, force: true });
  });
});

describe('SqliteQuoteStore over its byte budget deletes a bounded number of quotes per save (issue 17)', () => {
  it('when a store of 100 quotes is reopened with a budget of 10, then each save deletes at most 64 of the oldest until 90 % of the budget is left', async () => {
    const d = mkdtempSync(join(tmpdir(), 'frontera-sqlite-evict-'));
    const path = join(d, 'quotes.sqlite');
    const at = (i: number) => `2026-11-25T15:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`;
    const q = (i: number) => sampleQuote(`q_evict_${String(i).padStart(3, '0')}`, at(i), '2026-11-26T15:00:00Z');
    const size = Buffer.byteLength(JSON.stringify(q(0)));
    const big = new SqliteQuoteStore(path);
    for (let i = 0; i < 100; i++) await big.save(q(i), new Date('2026-11-26T15:00:00Z'));
    await big.close();
    const small = new SqliteQuoteStore(path, { maxBytes: 10 * size });
    const now = new Date('2026-11-25T16:00:00Z');
    const kept = async () => (await Promise.all(Array.from({ length: 102 }, (_, i) => small.get(q(i).quoteId, now)))).filter(Boolean).length;
    // 101 quotes after the save, the 64 oldest (0 … 63) deleted: 37 left (64 … 100).
    await small.save(q(100), new Date('2026-11-26T15:00:00Z'));
    expect(await kept()).toBe(37);
    expect(await small.get(q(63).quoteId, now)).toBeUndefined();
    expect((await small.get(q(64).quoteId, now))?.quoteId).toBe(q(64).quoteId);
    // 38 after the next save; down to 90 % of 10 = 9 quotes: 29 more go (fewer than 64), 9 stay.
    await small.save(q(101), new Date('2026-11-26T15:00:00Z'));
    expect(await kept()).toBe(9);
    expect(await small.storedBytes()).toBe(9 * size);
    await small.close();
    rmSync(d, { recursive: true, force: true });
  });
});
