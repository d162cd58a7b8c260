import { Client } from 'pg';
import { PgQuoteStore } from '../../src/store/pg-quote-store';
import { quoteStoreContract, sampleQuote } from './quote-store.contract';

/**
 * Runs against the server in TEST_PG_URL (CI's .ci/run starts one on
 * 127.0.0.1:55432). In CI a missing URL is a failure, never a silent pass;
 * on a developer machine without PostgreSQL the suite is reported as skipped.
 */
const url = process.env.TEST_PG_URL;
const schema = `frontera_test_${process.pid}_${Date.now()}`;

async function dropSchema(name: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  await c.end();
}

describe('PgQuoteStore test set-up', () => {
  it('when CI=true, then TEST_PG_URL is set', () => {
    if (process.env.CI === 'true') expect(url).toMatch(/^postgres(ql)?:\/\//);
    else expect(url === undefined || /^postgres(ql)?:\/\//.test(url)).toBe(true);
  });
});

if (url) {
  quoteStoreContract(
    'PgQuoteStore',
    () => PgQuoteStore.open({ connectionString: url, schema, poolSize: 5 }),
    async () => {
      await dropSchema(schema);
      await dropSchema(`${schema}_budget`);
    },
    async (maxBytes) => {
      await dropSchema(`${schema}_budget`);
      return PgQuoteStore.open({ connectionString: url, schema: `${schema}_budget`, poolSize: 2, maxBytes });
    },
  );

  describe('PgQuoteStore on a table made before quotes had owners and sizes', () => {
    it('when the old table has no owner or size column, then opening adds them, fills in the sizes and old quotes stay readable by anyone', async () => {
      const old = `${schema}_old`;
      const q = sampleQuote('q_before_owners', '2026-11-25T15:00:00Z', '2026-11-26T15:00:00Z');
      const c = new Client({ connectionString: url });
      await c.connect();
      await c.query(`CREATE SCHEMA "${old}"`);
      await c.query(`CREATE TABLE "${old}".quotes (id text PRIMARY KEY, quote text NOT NULL, created_at timestamptz NOT NULL, expires_at timestamptz NOT NULL,
        idempotency_key text UNIQUE, body_hash text)`);
      await c.query(`INSERT INTO "${old}".quotes VALUES ($1, $2, $3, $4, NULL, NULL)`, [q.quoteId, JSON.stringify(q), q.createdAt, q.validUntil]);
      await c.end();
      const store = await PgQuoteStore.open({ connectionString: url, schema: old, poolSize: 1 });
      expect((await store.get(q.quoteId, new Date('2026-11-25T16:00:00Z'), 'shop-b'))?.quoteId).toBe(q.quoteId);
      expect(await store.storedBytes()).toBe(Buffer.byteLength(JSON.stringify(q)));
      await store.close();
      await dropSchema(old);
    });
  });

  describe('PgQuoteStore: start-up', () => {
    it('when two instances create the table at the same time, then both open', async () => {
      const s2 = `${schema}_race`;
      const stores = await Promise.all([1, 2, 3].map(() => PgQuoteStore.open({ connectionString: url, schema: s2, poolSize: 1 })));
      for (const s of stores) await s.close();
      const c = new Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${s2}" CASCADE`);
      await c.end();
    });

    it('when the schema name is not a plain identifier, then open rejects naming it', async () => {
      await expect(PgQuoteStore.open({ connectionString: url, schema: 'x"; DROP TABLE y; --' })).rejects.toThrow(/schema "x"; DROP TABLE y; --" must be/);
    });
  });
} else {
  describe.skip('PgQuoteStore (TEST_PG_URL not set: start PostgreSQL and export it to run this suite)', () => {
    it('is not run', () => undefined);
  });
}
