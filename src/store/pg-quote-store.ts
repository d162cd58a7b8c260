import { Pool, type PoolClient } from 'pg';
import type { QuoteResult } from '../quote/quote-result';
import { migrateQuoteTables } from './pg-migration';
import {
  DEFAULT_QUOTE_STORE_MAX_BYTES, DuplicateQuoteIdError, EVICT_DOWN_TO, EVICT_ROWS_PER_SAVE, QuoteStoreError, storedQuoteOf,
  type IdempotencyRecord, type QuoteRow, type QuoteStore, type SaveExtras, type StoredQuote,
} from './quote-store';

export interface PgQuoteStoreOptions {
  /** postgres://user@host:port/db */
  connectionString: string;
  /** Schema that holds the `quotes` table (created when missing); default "public". */
  schema?: string;
  /** Connections in the pool; default 10. */
  poolSize?: number;
  /** Budget for the quotes' JSON, in bytes, shared by every instance; over it the oldest are deleted first. Default DEFAULT_QUOTE_STORE_MAX_BYTES. */
  maxBytes?: number;
}

interface Row extends QuoteRow {
  expires_at: Date;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
/** SQLSTATE classes retrying cannot cure: XX internal error (data or index corrupted), 42 a missing table or bad SQL, 28 authentication, 3D no such database. */
const PERMANENT = /^(XX|42|28|3D)/;

/**
 * The shared store for several instances behind a load balancer
 * (PostgreSQL, `pg`). The quote is kept as text, not jsonb: jsonb reorders
 * keys, and a stored answer must come back exactly as it was sent.
 */
export class PgQuoteStore implements QuoteStore {
  private readonly total: string;

  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly maxBytes: number,
  ) {
    this.total = `"${schema}".quote_store_size`;
  }

  private get table(): string {
    return `"${this.schema}".quotes`;
  }

  /** Connect and create the schema and table when missing. */
  static async open(options: PgQuoteStoreOptions): Promise<PgQuoteStore> {
    const schema = options.schema ?? 'public';
    if (!IDENTIFIER.test(schema)) throw new Error(`PgQuoteStore: schema "${schema}" must be lower-case letters, digits and _`);
    const pool = new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    // An idle client that loses its connection emits 'error'; without a listener that would crash the process.
    pool.on('error', () => undefined);
    const store = new PgQuoteStore(pool, schema, options.maxBytes ?? DEFAULT_QUOTE_STORE_MAX_BYTES);
    try {
      await store.transaction((c) => migrateQuoteTables(c, schema));
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
        const json = extras.json ?? JSON.stringify(quote);
        const inserted = await c.query(
          `INSERT INTO ${this.table} (id, quote, created_at, expires_at, idempotency_key, body_hash, owner, size)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (idempotency_key) DO NOTHING`,
          [quote.quoteId, json, createdAt, expiresAt, idempotency?.key ?? null, idempotency?.bodyHash ?? null, extras.owner ?? null, Buffer.byteLength(json)],
        );
        if (inserted.rowCount === 1) await this.keepWithinBudget(c, quote.quoteId);
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

  async storedBytes(): Promise<number> {
    const res = await this.wrap('storedBytes', undefined, () => this.pool.query<{ bytes: string }>(`SELECT bytes FROM ${this.total} WHERE id = 1`));
    return Number(res.rows[0]?.bytes ?? 0);
  }

  /**
   * Over the budget: delete the oldest quotes (never the one just saved) until the total is EVICT_DOWN_TO
   * of it, at most EVICT_ROWS_PER_SAVE of them; the next save over the budget carries on.
   */
  private async keepWithinBudget(c: PoolClient, justSaved: string): Promise<void> {
    let total = Number((await c.query<{ bytes: string }>(`SELECT bytes FROM ${this.total} WHERE id = 1`)).rows[0]?.bytes ?? 0);
    if (total <= this.maxBytes) return;
    const target = Math.floor(this.maxBytes * EVICT_DOWN_TO);
    const oldest = await c.query<{ id: string; size: string }>(`SELECT id, size FROM ${this.table} WHERE id <> $1 ORDER BY created_at, id LIMIT $2`, [justSaved, EVICT_ROWS_PER_SAVE]);
    const ids: string[] = [];
    for (const row of oldest.rows) {
      if (total <= target) break;
      ids.push(row.id);
      total -= Number(row.size);
    }
    if (ids.length > 0) await c.query(`DELETE FROM ${this.table} WHERE id = ANY($1)`, [ids]);
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
      throw new QuoteStoreError(`PostgreSQL quote store: ${what} failed: ${(err as Error).message}`, { cause: err, permanent: PERMANENT.test(e.code ?? '') });
    }
  }
}

