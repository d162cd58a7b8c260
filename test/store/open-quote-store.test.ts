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

  it('when QUOTE_STORE_PATH is unset, then the SQLite file is data/quotes.sqlite under the root', async () => {
    const { store, where } = await openQuoteStore({}, root);
    await store.close();
    expect(where).toBe(`sqlite ${join(root, 'data', 'quotes.sqlite')}`);
    expect(existsSync(join(root, 'data', 'quotes.sqlite'))).toBe(true);
  });
});
