import type { QuoteResult } from '../quote/quote-result';

/**
 * Default budget for the quotes kept (QUOTE_STORE_MAX_MB): their JSON in
 * bytes. Over it, each save deletes the oldest quotes first, before their
 * expiry, so a flood of large answers cannot fill the disk (README "Limits").
 */
export const DEFAULT_QUOTE_STORE_MAX_BYTES = 1024 * 1024 * 1024;
/** Once over the budget, quotes are deleted until this share of it is used, so the next saves do not delete again. */
export const EVICT_DOWN_TO = 0.9;
/**
 * At most this many quotes are deleted by one save (issue 17): at the default 1 GB budget, going down
 * to 90 % at once meant ~4,000 rows in one transaction, holding the event loop. A save over the budget
 * deletes the oldest up to this many; the next saves over it carry on.
 */
export const EVICT_ROWS_PER_SAVE = 64;

/** The Idempotency-Key a quote was made under, and the hash of the request body that made it. */
export interface IdempotencyRecord {
  /** The client's key, already scoped to the API key that sent it (see `scopedIdempotencyKey`). */
  key: string;
  /** sha256 hex of the canonical JSON request body (see `canonicalBodyHash`). */
  bodyHash: string;
}

/** What else a save may carry: the quote's owner and its JSON text when the caller already has it. */
export interface SaveExtras {
  /**
   * The API key's name that asked for the quote: only a reader with that name
   * gets it back. Quotes made without a key (no keys configured, Shopify's
   * callback) have no owner and any reader gets them.
   */
  owner?: string;
  /** `JSON.stringify(quote)`, when the caller made it already (a 1,000-item answer is megabytes). */
  json?: string;
}

export interface StoredQuote {
  quote: QuoteResult;
  expiresAt: Date;
  idempotency?: IdempotencyRecord;
}

/** A stored row as both SQL stores keep it: the quote's JSON, its expiry and its idempotency record. */
export interface QuoteRow {
  quote: string;
  expires_at: Date | number;
  idempotency_key: string | null;
  body_hash: string | null;
}

export function storedQuoteOf(row: QuoteRow): StoredQuote {
  return {
    quote: JSON.parse(row.quote) as QuoteResult,
    expiresAt: new Date(row.expires_at),
    ...(row.idempotency_key && row.body_hash ? { idempotency: { key: row.idempotency_key, bodyHash: row.body_hash } } : {}),
  };
}

/**
 * Where answered quotes are kept until they expire. Implementations never
 * read the clock: every call that depends on time takes `now`, and `save`
 * takes it from the quote's own `createdAt`.
 */
export interface QuoteStore {
  /**
   * Keep a quote until `expiresAt`. With an idempotency record whose key
   * already belongs to an unexpired quote, nothing is saved and that earlier
   * quote is returned instead, so two concurrent requests under one key
   * agree on one answer. A key whose quote has expired is free again.
   * Saving a second quote with an existing `quoteId` rejects with DuplicateQuoteIdError.
   */
  save(quote: QuoteResult, expiresAt: Date, idempotency?: IdempotencyRecord, extras?: SaveExtras): Promise<StoredQuote>;
  /**
   * The quote with this id, while `now` is before its expiry. With a `reader`
   * (an API key's name), only a quote it owns or one without an owner; without
   * one (no keys configured), any quote.
   */
  get(id: string, now: Date, reader?: string): Promise<QuoteResult | undefined>;
  /** The unexpired quote made under this (scoped) idempotency key. */
  findByIdempotencyKey(key: string, now: Date): Promise<StoredQuote | undefined>;
  /** Delete every quote that expired at or before `now`; returns how many went. */
  purgeExpired(now: Date): Promise<number>;
  /** Bytes of quote JSON kept now, the figure the budget bounds. */
  storedBytes(): Promise<number>;
  close(): Promise<void>;
}

/** A second quote with an existing quoteId: a bug in the id generator, never an outage. */
export class DuplicateQuoteIdError extends Error {
  constructor(readonly quoteId: string) {
    super(`a quote with id ${quoteId} is already stored`);
    this.name = 'DuplicateQuoteIdError';
  }
}

/**
 * Thrown when the backing database fails, so routes can answer 503 instead of
 * 500. `permanent`: retrying cannot help (a damaged file, a database that is
 * not there or cannot be written); the answer then carries no Retry-After.
 */
export class QuoteStoreError extends Error {
  readonly permanent: boolean;

  constructor(message: string, options?: { cause?: unknown; permanent?: boolean }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'QuoteStoreError';
    this.permanent = options?.permanent ?? false;
  }
}
