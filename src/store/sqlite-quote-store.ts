import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { QuoteResult } from '../quote/quote-result';
import {
  DEFAULT_QUOTE_STORE_MAX_BYTES, DuplicateQuoteIdError, EVICT_DOWN_TO, EVICT_ROWS_PER_SAVE, QuoteStoreError, storedQuoteOf,
  type IdempotencyRecord, type QuoteRow, type QuoteStore, type SaveExtras, type StoredQuote,
} from './quote-store';

interface Row extends QuoteRow {
  expires_at: number;
}

/**
 * Times are kept as epoch milliseconds, so comparisons are integer comparisons.
 * `size` is the quote's JSON in bytes; triggers keep their sum in
 * `quote_store_size`, so the budget check is one row read, not a table scan.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS quotes (
  id              TEXT PRIMARY KEY,
  quote           TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  expires_at      INTEGER NOT NULL,
  idempotency_key TEXT UNIQUE,
  body_hash       TEXT,
  owner           TEXT,
  size            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS quotes_expires_at ON quotes (expires_at);
CREATE TABLE IF NOT EXISTS quote_store_size (id INTEGER PRIMARY KEY CHECK (id = 1), bytes INTEGER NOT NULL);
`;

const TRIGGERS = `
CREATE INDEX IF NOT EXISTS quotes_created_at ON quotes (created_at);
CREATE TRIGGER IF NOT EXISTS quotes_size_added AFTER INSERT ON quotes BEGIN UPDATE quote_store_size SET bytes = bytes + NEW.size WHERE id = 1; END;
CREATE TRIGGER IF NOT EXISTS quotes_size_removed AFTER DELETE ON quotes BEGIN UPDATE quote_store_size SET bytes = bytes - OLD.size WHERE id = 1; END;
`;

/** Columns added after the first release, for files made by it: name and definition. */
const ADDED_COLUMNS: [string, string][] = [['owner', 'TEXT'], ['size', 'INTEGER NOT NULL DEFAULT 0']];

/**
 * Delete the oldest quotes (by creation, never @keep) whose sizes add up to at
 * least @excess bytes: a row goes when the sizes of the rows before it are
 * still short of @excess. One statement, one ordered pass over the table.
 */
/** The oldest quotes but one, oldest first (the created_at index, stopping at the limit). */
const OLDEST = 'SELECT id, size FROM quotes WHERE id <> @keep ORDER BY created_at, id LIMIT @limit';

/** SQLite result codes that retrying cannot cure: the file is damaged, not a database, or cannot be written at all. */
const PERMANENT = /^SQLITE_(CORRUPT|NOTADB|READONLY|CANTOPEN|PERM|AUTH)/;

export interface SqliteQuoteStoreOptions {
  /** Budget for the quotes' JSON, in bytes; over it the oldest are deleted first. Default DEFAULT_QUOTE_STORE_MAX_BYTES. */
  maxBytes?: number;
}

/**
 * The embedded store: one SQLite file (better-sqlite3), good for one
 * machine. WAL mode lets several processes on that machine share the file
 * (readers never block the writer); `busy_timeout` makes a writer wait for
 * another instead of failing.
 */
export class SqliteQuoteStore implements QuoteStore {
  private readonly db: Database.Database;
  private readonly maxBytes: number;
  private readonly statements: ReturnType<SqliteQuoteStore['prepare']>;
  private readonly saveTx: Database.Transaction<(quote: QuoteResult, expiresAt: Date, idem: IdempotencyRecord | undefined, extras: SaveExtras) => StoredQuote>;

  /** `path` is a file (its directory is created) or ":memory:". */
  constructor(path: string, options: SqliteQuoteStoreOptions = {}) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.maxBytes = options.maxBytes ?? DEFAULT_QUOTE_STORE_MAX_BYTES;
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    // With WAL, NORMAL syncs at checkpoints instead of every commit: a power cut can lose the last
    // few quotes (estimates a checkout can ask for again) but never corrupts the file; ~10× faster writes.
    this.db.pragma('synchronous = NORMAL');
    this.run('open', () => this.migrate());
    this.statements = this.prepare();
    this.saveTx = this.db.transaction((quote, expiresAt, idem, extras) => this.saveInTransaction(quote, expiresAt, idem, extras));
  }

  private prepare() {
    return {
      insert: this.db.prepare(
        `INSERT INTO quotes (id, quote, created_at, expires_at, idempotency_key, body_hash, owner, size)
         VALUES (@id, @quote, @createdAt, @expiresAt, @key, @hash, @owner, @size)
         ON CONFLICT (idempotency_key) DO NOTHING`,
      ),
      byId: this.db.prepare('SELECT quote, expires_at, idempotency_key, body_hash FROM quotes WHERE id = @id AND expires_at > @now AND (@reader IS NULL OR owner IS NULL OR owner = @reader)'),
      byKey: this.db.prepare('SELECT quote, expires_at, idempotency_key, body_hash FROM quotes WHERE idempotency_key = ? AND expires_at > ?'),
      freeExpiredKey: this.db.prepare('DELETE FROM quotes WHERE idempotency_key = ? AND expires_at <= ?'),
      purge: this.db.prepare('DELETE FROM quotes WHERE expires_at <= ?'),
      total: this.db.prepare('SELECT bytes FROM quote_store_size WHERE id = 1').pluck(),
      oldest: this.db.prepare(OLDEST),
      deleteById: this.db.prepare('DELETE FROM quotes WHERE id = ?'),
    };
  }

  /** Tables, columns added since the first release (filled in for old rows), the size total and its triggers. */
  private migrate(): void {
    this.db.exec(SCHEMA);
    const have = new Set((this.db.pragma('table_info(quotes)') as { name: string }[]).map((c) => c.name));
    for (const [name, definition] of ADDED_COLUMNS) if (!have.has(name)) this.db.exec(`ALTER TABLE quotes ADD COLUMN ${name} ${definition}`);
    if (!have.has('size')) this.db.exec('UPDATE quotes SET size = length(CAST(quote AS BLOB))');
    // The total is computed once, when the row is missing; the triggers keep it from then on.
    if (this.db.prepare('SELECT 1 FROM quote_store_size WHERE id = 1').get() === undefined) {
      this.db.exec('INSERT INTO quote_store_size (id, bytes) SELECT 1, COALESCE(SUM(size), 0) FROM quotes');
    }
    this.db.exec(TRIGGERS);
  }

  private saveInTransaction(quote: QuoteResult, expiresAt: Date, idem: IdempotencyRecord | undefined, extras: SaveExtras): StoredQuote {
    const s = this.statements;
    const createdAt = Date.parse(quote.createdAt);
    if (idem) s.freeExpiredKey.run(idem.key, createdAt);
    const json = extras.json ?? JSON.stringify(quote);
    const result = s.insert.run({
      id: quote.quoteId, quote: json, createdAt, expiresAt: expiresAt.getTime(),
      key: idem?.key ?? null, hash: idem?.bodyHash ?? null, owner: extras.owner ?? null, size: Buffer.byteLength(json),
    });
    if (result.changes === 1) {
      this.keepWithinBudget(quote.quoteId);
      return { quote, expiresAt, ...(idem ? { idempotency: idem } : {}) };
    }
    if (!idem) return { quote, expiresAt };
    return storedQuoteOf(s.byKey.get(idem.key, createdAt) as Row);
  }

  /**
   * Over the budget: delete the oldest quotes (never the one just saved) until the total is EVICT_DOWN_TO
   * of it, at most EVICT_ROWS_PER_SAVE of them; the next save over the budget carries on.
   */
  private keepWithinBudget(justSaved: string): void {
    const s = this.statements;
    let total = s.total.get() as number;
    if (total <= this.maxBytes) return;
    const target = Math.floor(this.maxBytes * EVICT_DOWN_TO);
    for (const row of s.oldest.all({ keep: justSaved, limit: EVICT_ROWS_PER_SAVE }) as { id: string; size: number }[]) {
      if (total <= target) break;
      s.deleteById.run(row.id);
      total -= row.size;
    }
  }

  async save(quote: QuoteResult, expiresAt: Date, idempotency?: IdempotencyRecord, extras: SaveExtras = {}): Promise<StoredQuote> {
    return this.run('save', () => this.saveTx.immediate(quote, expiresAt, idempotency, extras), quote.quoteId);
  }

  async get(id: string, now: Date, reader?: string): Promise<QuoteResult | undefined> {
    const row = this.run('get', () => this.statements.byId.get({ id, now: now.getTime(), reader: reader ?? null }) as Row | undefined);
    return row ? (JSON.parse(row.quote) as QuoteResult) : undefined;
  }

  async findByIdempotencyKey(key: string, now: Date): Promise<StoredQuote | undefined> {
    const row = this.run('findByIdempotencyKey', () => this.statements.byKey.get(key, now.getTime()) as Row | undefined);
    return row ? storedQuoteOf(row) : undefined;
  }

  async purgeExpired(now: Date): Promise<number> {
    return this.run('purgeExpired', () => this.statements.purge.run(now.getTime()).changes);
  }

  async storedBytes(): Promise<number> {
    return this.run('storedBytes', () => this.statements.total.get() as number);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private run<T>(what: string, fn: () => T, quoteId?: string): T {
    try {
      return fn();
    } catch (err) {
      // Checked by code, not class: under jest the native binding may build SqliteError from another module realm.
      const code = (err as { code?: string }).code ?? '';
      if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && quoteId) throw new DuplicateQuoteIdError(quoteId);
      throw new QuoteStoreError(`SQLite quote store: ${what} failed: ${(err as Error).message}`, { cause: err, permanent: PERMANENT.test(code) });
    }
  }
}
