import { resolve } from 'node:path';
import { redactUrl } from '../schema/redact-url';
import { PgQuoteStore } from './pg-quote-store';
import type { QuoteStore } from './quote-store';
import { SqliteQuoteStore } from './sqlite-quote-store';

export const DEFAULT_QUOTE_STORE_PATH = 'data/quotes.sqlite';

export interface QuoteStoreEnv {
  QUOTE_STORE_URL?: string;
  QUOTE_STORE_PATH?: string;
}

/**
 * PostgreSQL when QUOTE_STORE_URL is a postgres:// URL (several instances
 * share it); otherwise the SQLite file at QUOTE_STORE_PATH, relative to
 * `root` (default data/quotes.sqlite), or an in-memory database for
 * ":memory:" (nothing survives a restart).
 */
export async function openQuoteStore(env: QuoteStoreEnv, root: string): Promise<{ store: QuoteStore; where: string }> {
  const url = env.QUOTE_STORE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`QUOTE_STORE_URL must start with postgres:// or postgresql://, got "${redactUrl(url)}"`);
    return { store: await PgQuoteStore.open({ connectionString: url }), where: `postgres ${redactUrl(url)}` };
  }
  const configured = env.QUOTE_STORE_PATH?.trim() || DEFAULT_QUOTE_STORE_PATH;
  // ":memory:" is SQLite's name for a private in-memory database, not a file to create under `root`.
  const path = configured === ':memory:' ? configured : resolve(root, configured);
  return { store: new SqliteQuoteStore(path), where: `sqlite ${path}` };
}
