import type { PoolClient } from 'pg';

/** Any fixed number: it names the advisory lock that serialises table creation between instances starting together. */
const MIGRATION_LOCK = 7_141_932;

/**
 * Create or bring up to date the quote tables in `schema` (an identifier
 * already checked): the quotes, columns added since the first release (an
 * old table gets them, its rows' sizes filled in), and the size total that
 * triggers keep, so the budget check reads one row instead of summing the
 * table. Run inside one transaction under an advisory lock, so instances
 * starting together do it once.
 */
export async function migrateQuoteTables(c: PoolClient, schema: string): Promise<void> {
  const table = `"${schema}".quotes`;
  const total = `"${schema}".quote_store_size`;
  await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  await c.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await c.query(`CREATE TABLE IF NOT EXISTS ${table} (
    id              text PRIMARY KEY,
    quote           text NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    idempotency_key text UNIQUE,
    body_hash       text
  )`);
  await c.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS owner text`);
  const sized = await c.query(`SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'quotes' AND column_name = 'size'`, [schema]);
  if (sized.rowCount === 0) {
    await c.query(`ALTER TABLE ${table} ADD COLUMN size integer NOT NULL DEFAULT 0`);
    await c.query(`UPDATE ${table} SET size = octet_length(quote)`);
  }
  await c.query(`CREATE INDEX IF NOT EXISTS quotes_expires_at ON ${table} (expires_at)`);
  await c.query(`CREATE INDEX IF NOT EXISTS quotes_created_at ON ${table} (created_at)`);
  await c.query(`CREATE TABLE IF NOT EXISTS ${total} (id integer PRIMARY KEY CHECK (id = 1), bytes bigint NOT NULL)`);
  const counted = await c.query(`SELECT 1 FROM ${total} WHERE id = 1`);
  if (counted.rowCount === 0) await c.query(`INSERT INTO ${total} (id, bytes) SELECT 1, COALESCE(SUM(size), 0) FROM ${table}`);
  await c.query(`CREATE OR REPLACE FUNCTION "${schema}".quotes_size_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN UPDATE ${total} SET bytes = bytes + NEW.size WHERE id = 1;
      ELSE UPDATE ${total} SET bytes = bytes - OLD.size WHERE id = 1;
      END IF;
      RETURN NULL;
    END $$`);
  await c.query(`DROP TRIGGER IF EXISTS quotes_size_change ON ${table}`);
  await c.query(`CREATE TRIGGER quotes_size_change AFTER INSERT OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION "${schema}".quotes_size_change()`);
}
