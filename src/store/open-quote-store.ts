import { resolve } from 'node:path';
import { redactUrl } from '../schema/redact-url';
import { PgQuoteStore } from './pg-quote-store';
import { DEFAULT_QUOTE_STORE_MAX_BYTES, type QuoteStore } from './quote-store';
import { SqliteQuoteStore } from './sqlite-quote-store';

export const DEFAULT_QUOTE_STORE_PATH = 'data/quotes.sqlite';

export interface QuoteStoreEnv {
  QUOTE_STORE_URL?: string;
  QUOTE_STORE_PATH?: string;
  /** Budget for the quotes kept, in MiB (default 1024); over it the oldest go first. */
  QUOTE_STORE_MAX_MB?: string;
}

/** QUOTE_STORE_MAX_MB as bytes; a typo stops the start-up rather than leaving the disk unbounded. */
function maxBytesFromEnv(env: QuoteStoreEnv): number {
  const text = env.QUOTE_STORE_MAX_MB?.trim();
  if (!text) return DEFAULT_QUOTE_STORE_MAX_BYTES;
  const mb = Number(text);
  if (!Number.isInteger(mb) || mb < 1) throw new Error(`QUOTE_STORE_MAX_MB must be a whole number of MiB of at least 1, got "${text}"`);
  return mb * 1024 * 1024;
}

/**
 * PostgreSQL when QUOTE_STORE_URL is a postgres:// URL (several instances
 * share it); otherwise the SQLite file at QUOTE_STORE_PATH, relative to
 * `root` (default data/quotes.sqlite), or an in-memory database for
 * ":memory:" (nothing survives a restart). Either keeps at most
 * QUOTE_STORE_MAX_MB of quotes, deleting the oldest first.
 */
export async function openQuoteStore(env: QuoteStoreEnv, root: string): Promise<{ store: QuoteStore; where: string }> {
  const maxBytes = maxBytesFromEnv(env);
  const url = env.QUOTE_STORE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`QUOTE_STORE_URL must start with postgres:// or postgresql://, got "${redactUrl(url)}"`);
    return { store: await PgQuoteStore.open({ connectionString: url, maxBytes }), where: `postgres ${redactUrl(url)}` };
  }
  const configured = env.QUOTE_STORE_PATH?.trim() || DEFAULT_QUOTE_STORE_PATH;
  // ":memory:" is SQLite's name for a private in-memory database, not a file to create under `root`.
  const path = configured === ':memory:' ? configured : resolve(root, configured);
  return { store: new SqliteQuoteStore(path, { maxBytes }), where: `sqlite ${path}` };
}
