import { Client } from 'pg';
import { PgQuoteStore } from '../../src/store/pg-quote-store';
import { quoteStoreContract } from './quote-store.contract';

/**
 * Runs against the server in TEST_PG_URL (CI's .ci/run starts one on
 * 127.0.0.1:55432). In CI a missing URL is a failure, never a silent pass;
 * on a developer machine without PostgreSQL the suite is reported as skipped.
 */
const url = process.env.TEST_PG_URL;
const schema = `frontera_test_${process.pid}_${Date.now()}`;

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
      const c = new Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    },
  );

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
