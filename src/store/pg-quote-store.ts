import { Pool, type PoolClient } from 'pg';
import type { QuoteResult } from '../quote/quote-result';
import { DuplicateQuoteIdError, QuoteStoreError, storedQuoteOf, type IdempotencyRecord, type QuoteRow, type QuoteStore, type SaveExtras, type StoredQuote } from './quote-store';

export interface PgQuoteStoreOptions {
  /** postgres://user@host:port/db */
  connectionString: string;
  /** Schema that holds the `quotes` table (created when missing); default "public". */
  schema?: string;
  /** Connections in the pool; default 10. */
  poolSize?: number;
}

interface Row extends QuoteRow {
  expires_at: Date;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
/** Any fixed number: it names the advisory lock that serialises table creation between instances starting together. */
const MIGRATION_LOCK = 7_141_932;

/**
 * The shared store for several instances behind a load balancer
 * (PostgreSQL, `pg`). The quote is kept as text, not jsonb: jsonb reorders
 * keys, and a stored answer must come back exactly as it was sent.
 */
export class PgQuoteStore implements QuoteStore {
  private constructor(
    private readonly pool: Pool,
    private readonly table: string,
  ) {}

  /** Connect and create the schema and table when missing. */
  static async open(options: PgQuoteStoreOptions): Promise<PgQuoteStore> {
    const schema = options.schema ?? 'public';
    if (!IDENTIFIER.test(schema)) throw new Error(`PgQuoteStore: schema "${schema}" must be lower-case letters, digits and _`);
    const pool = new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    // An idle client that loses its connection emits 'error'; without a listener that would crash the process.
    pool.on('error', () => undefined);
    const store = new PgQuoteStore(pool, `"${schema}".quotes`);
    try {
      await store.transaction(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await c.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
        await c.query(`CREATE TABLE IF NOT EXISTS ${store.table} (
          id              text PRIMARY KEY,
          quote           text NOT NULL,
          created_at      timestamptz NOT NULL,
          expires_at      timestamptz NOT NULL,
          idempotency_key text UNIQUE,
          body_hash       text
        )`);
        // Added after the first release: tables made by it get the column.
        await c.query(`ALTER TABLE ${store.table} ADD COLUMN IF NOT EXISTS owner text`);
        await c.query(`CREATE INDEX IF NOT EXISTS quotes_expires_at ON ${store.table} (expires_at)`);
      });
    } catch (err) {
      await pool.end();
      throw err;
    }
    return store;
  }

  async save(quote: QuoteResult, expiresAt: Date, idempotency?: IdempotencyRecord, extras: SaveExtras = {}): Promise<StoredQuote> {
    const createdAt = new Date(quote.createdAt);
    return this.wrap('save', quote.quoteId, () =>
      this.transaction(async (c) => {
        if (idempotency) await c.query(`DELETE FROM ${this.table} WHERE idempotency_key = $1 AND expires_at <= $2`, [idempotency.key, createdAt]);
        // A concurrent insert of the same key waits here for the other transaction, then does nothing.
        const inserted = await c.query(
          `INSERT INTO ${this.table} (id, quote, created_at, expires_at, idempotency_key, body_hash, owner)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (idempotency_key) DO NOTHING`,
          [quote.quoteId, extras.json ?? JSON.stringify(quote), createdAt, expiresAt, idempotency?.key ?? null, idempotency?.bodyHash ?? null, extras.owner ?? null],
        );
        if (inserted.rowCount === 1 || !idempotency) return { quote, expiresAt, ...(idempotency ? { idempotency } : {}) };
        const existing = await c.query<Row>(`SELECT quote, expires_at, idempotency_key, body_hash FROM ${this.table} WHERE idempotency_key = $1`, [idempotency.key]);
        return storedQuoteOf(existing.rows[0] as Row);
      }),
    );
  }

  async get(id: string, now: Date, reader?: string): Promise<QuoteResult | undefined> {
    const res = await this.wrap('get', undefined, () =>
      this.pool.query<Row>(`SELECT quote FROM ${this.table} WHERE id = $1 AND expires_at > $2 AND ($3::text IS NULL OR owner IS NULL OR owner = $3)`, [id, now, reader ?? null]),
    );
    const row = res.rows[0];
    return row ? (JSON.parse(row.quote) as QuoteResult) : undefined;
  }

  async findByIdempotencyKey(key: string, now: Date): Promise<StoredQuote | undefined> {
    const res = await this.wrap('findByIdempotencyKey', undefined, () =>
      this.pool.query<Row>(`SELECT quote, expires_at, idempotency_key, body_hash FROM ${this.table} WHERE idempotency_key = $1 AND expires_at > $2`, [key, now]),
    );
    const row = res.rows[0];
    return row ? storedQuoteOf(row) : undefined;
  }

  async purgeExpired(now: Date): Promise<number> {
    const res = await this.wrap('purgeExpired', undefined, () => this.pool.query(`DELETE FROM ${this.table} WHERE expires_at <= $1`, [now]));
    return res.rowCount ?? 0;
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  private async transaction<T>(fn: (c: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  private async wrap<T>(what: string, quoteId: string | undefined, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      // 23505 unique_violation on the primary key: a duplicate quote id is a caller bug, not an outage.
      const e = err as { code?: string; constraint?: string };
      if (e.code === '23505' && e.constraint === 'quotes_pkey' && quoteId) throw new DuplicateQuoteIdError(quoteId);
      throw new QuoteStoreError(`PostgreSQL quote store: ${what} failed: ${(err as Error).message}`, { cause: err });
    }
  }
}

