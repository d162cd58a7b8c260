import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openQuoteStore } from '../../src/store/open-quote-store';
import { sampleQuote } from './quote-store.contract';

describe('openQuoteStore', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'frontera-open-store-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('when QUOTE_STORE_PATH is ":memory:", then quotes are kept in memory and no file appears under the root (issue 13.9)', async () => {
    const { store, where } = await openQuoteStore({ QUOTE_STORE_PATH: ':memory:' }, root);
    await store.save(sampleQuote('q_mem', '2026-11-25T15:00:00Z', '2026-11-26T15:00:00Z'), new Date('2026-11-26T15:00:00Z'));
    expect((await store.get('q_mem', new Date('2026-11-25T16:00:00Z')))?.quoteId).toBe('q_mem');
    await store.close();
    expect(where).toBe('sqlite :memory:');
    expect(existsSync(join(root, ':memory:'))).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });

  it('when QUOTE_STORE_MAX_MB is 1, then three quotes of 400 kB keep within 1 MiB: the oldest goes (issue 13.7)', async () => {
    const { store } = await openQuoteStore({ QUOTE_STORE_PATH: ':memory:', QUOTE_STORE_MAX_MB: '1' }, root);
    const big = (id: string, at: string) => ({ ...sampleQuote(id, at, '2026-11-26T15:00:00Z'), notes: [{ code: 'PAD', severity: 'info' as const, text: 'x'.repeat(400_000) }] });
    for (const [id, at] of [['q_1', '2026-11-25T15:00:01Z'], ['q_2', '2026-11-25T15:00:02Z'], ['q_3', '2026-11-25T15:00:03Z']] as const) {
      await store.save(big(id, at), new Date('2026-11-26T15:00:00Z'));
    }
    const now = new Date('2026-11-25T16:00:00Z');
    expect(await store.get('q_1', now)).toBeUndefined();
    expect((await store.get('q_3', now))?.quoteId).toBe('q_3');
    expect(await store.storedBytes()).toBeLessThanOrEqual(1024 * 1024);
    await store.close();
  });

  it.each(['0', 'lots', '1.5'])('when QUOTE_STORE_MAX_MB is "%s", then opening fails naming the variable', async (value) => {
    await expect(openQuoteStore({ QUOTE_STORE_PATH: ':memory:', QUOTE_STORE_MAX_MB: value }, root)).rejects.toThrow(/^QUOTE_STORE_MAX_MB must be a whole number/);
  });

  it('when QUOTE_STORE_URL is not a PostgreSQL URL, then the error shows it without its password or query', async () => {
    await expect(openQuoteStore({ QUOTE_STORE_URL: 'mysql://app:hunter2@db.example/quotes?key=zz' }, root)).rejects.toThrow('got "mysql://[redacted]@db.example/quotes?[redacted]"');
  });

  it('when QUOTE_STORE_PATH is unset, then the SQLite file is data/quotes.sqlite under the root', async () => {
    const { store, where } = await openQuoteStore({}, root);
    await store.close();
    expect(where).toBe(`sqlite ${join(root, 'data', 'quotes.sqlite')}`);
    expect(existsSync(join(root, 'data', 'quotes.sqlite'))).toBe(true);
  });
});
