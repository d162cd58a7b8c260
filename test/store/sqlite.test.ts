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
