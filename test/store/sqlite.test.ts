import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteQuoteStore } from '../../src/store/sqlite-quote-store';
import { quoteStoreContract } from './quote-store.contract';

const dir = mkdtempSync(join(tmpdir(), 'frontera-sqlite-'));
const file = join(dir, 'nested', 'quotes.sqlite');

quoteStoreContract(
  'SqliteQuoteStore',
  async () => new SqliteQuoteStore(file),
  async () => rmSync(dir, { recursive: true, force: true }),
);
