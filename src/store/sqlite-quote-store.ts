import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { QuoteResult } from '../quote/quote-result';
import { DuplicateQuoteIdError, QuoteStoreError, storedQuoteOf, type IdempotencyRecord, type QuoteRow, type QuoteStore, type SaveExtras, type StoredQuote } from './quote-store';

interface Row extends QuoteRow {
  expires_at: number;
}

/** Times are kept as epoch milliseconds, so comparisons are integer comparisons. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS quotes (
  id              TEXT PRIMARY KEY,
  quote           TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  expires_at      INTEGER NOT NULL,
  idempotency_key TEXT UNIQUE,
  body_hash       TEXT,
  owner           TEXT
);
CREATE INDEX IF NOT EXISTS quotes_expires_at ON quotes (expires_at);
`;

/** Columns added after the first release, for files made by it: name and definition. */
const ADDED_COLUMNS: [string, string][] = [['owner', 'TEXT']];

/**
 * The embedded store: one SQLite file (better-sqlite3), good for one
 * machine. WAL mode lets several processes on that machine share the file
 * (readers never block the writer); `busy_timeout` makes a writer wait for
 * another instead of failing.
 */
export class SqliteQuoteStore implements QuoteStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly byKey: Database.Statement;
  private readonly freeExpiredKey: Database.Statement;
  private readonly purge: Database.Statement;
  private readonly saveTx: Database.Transaction<(quote: QuoteResult, expiresAt: Date, idem: IdempotencyRecord | undefined, extras: SaveExtras) => StoredQuote>;

  /** `path` is a file (its directory is created) or ":memory:". */
  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    // With WAL, NORMAL syncs at checkpoints instead of every commit: a power cut can lose the last
    // few quotes (estimates a checkout can ask for again) but never corrupts the file; ~10× faster writes.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.addMissingColumns();
    this.insert = this.db.prepare(
      `INSERT INTO quotes (id, quote, created_at, expires_at, idempotency_key, body_hash, owner)
       VALUES (@id, @quote, @createdAt, @expiresAt, @key, @hash, @owner)
       ON CONFLICT (idempotency_key) DO NOTHING`,
    );
    this.byId = this.db.prepare('SELECT quote, expires_at, idempotency_key, body_hash FROM quotes WHERE id = @id AND expires_at > @now AND (@reader IS NULL OR owner IS NULL OR owner = @reader)');
    this.byKey = this.db.prepare('SELECT quote, expires_at, idempotency_key, body_hash FROM quotes WHERE idempotency_key = ? AND expires_at > ?');
    this.freeExpiredKey = this.db.prepare('DELETE FROM quotes WHERE idempotency_key = ? AND expires_at <= ?');
    this.purge = this.db.prepare('DELETE FROM quotes WHERE expires_at <= ?');
    this.saveTx = this.db.transaction((quote: QuoteResult, expiresAt: Date, idem: IdempotencyRecord | undefined, extras: SaveExtras): StoredQuote => {
      const createdAt = Date.parse(quote.createdAt);
      if (idem) this.freeExpiredKey.run(idem.key, createdAt);
      const result = this.insert.run({
        id: quote.quoteId,
        quote: extras.json ?? JSON.stringify(quote),
        createdAt,
        expiresAt: expiresAt.getTime(),
        key: idem?.key ?? null,
        hash: idem?.bodyHash ?? null,
        owner: extras.owner ?? null,
      });
      if (result.changes === 1 || !idem) return { quote, expiresAt, ...(idem ? { idempotency: idem } : {}) };
      return storedQuoteOf(this.byKey.get(idem.key, createdAt) as Row);
    });
  }

  async save(quote: QuoteResult, expiresAt: Date, idempotency?: IdempotencyRecord, extras: SaveExtras = {}): Promise<StoredQuote> {
    return this.run('save', () => this.saveTx.immediate(quote, expiresAt, idempotency, extras), quote.quoteId);
  }

  async get(id: string, now: Date, reader?: string): Promise<QuoteResult | undefined> {
    const row = this.run('get', () => this.byId.get({ id, now: now.getTime(), reader: reader ?? null }) as Row | undefined);
    return row ? (JSON.parse(row.quote) as QuoteResult) : undefined;
  }

  async findByIdempotencyKey(key: string, now: Date): Promise<StoredQuote | undefined> {
    const row = this.run('findByIdempotencyKey', () => this.byKey.get(key, now.getTime()) as Row | undefined);
    return row ? storedQuoteOf(row) : undefined;
  }

  async purgeExpired(now: Date): Promise<number> {
    return this.run('purgeExpired', () => this.purge.run(now.getTime()).changes);
  }

  /** Files made before a column existed get it (SQLite has no ADD COLUMN IF NOT EXISTS). */
  private addMissingColumns(): void {
    const have = new Set((this.db.pragma('table_info(quotes)') as { name: string }[]).map((c) => c.name));
    for (const [name, definition] of ADDED_COLUMNS) if (!have.has(name)) this.db.exec(`ALTER TABLE quotes ADD COLUMN ${name} ${definition}`);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private run<T>(what: string, fn: () => T, quoteId?: string): T {
    try {
      return fn();
    } catch (err) {
      // Checked by code, not class: under jest the native binding may build SqliteError from another module realm.
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && quoteId) throw new DuplicateQuoteIdError(quoteId);
      throw new QuoteStoreError(`SQLite quote store: ${what} failed: ${(err as Error).message}`, { cause: err });
    }
  }
}

