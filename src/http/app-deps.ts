import type { Logger } from 'pino';
import type { DataStatus } from '../data/data-store';
import type { ShopifyConfig } from '../integrations/shopify/shopify-config';
import type { QuoteDeps } from '../quote/quote-deps';
import type { QuoteStore } from '../store/quote-store';
import type { AccessConfig } from './access/access-config';
import type { RateLimitStores } from './access/rate-limit';
import type { QuoteResponseCache } from './quote-cache';

/** The app's dependencies: the use case's, plus what only HTTP needs (logs, limits, store, access, caches). */
export interface AppDeps extends QuoteDeps {
  logger: Logger;
  /** Largest accepted body, e.g. "1mb". */
  bodyLimit?: string;
  /** `GET /data/status` is served when given (the hot-reloading DataStore and the FX feeds). */
  dataStatus?: () => DataStatus;
  /** Where answered quotes are kept until they expire; without it nothing is kept and GET /quotes/:id answers 404. */
  store?: QuoteStore;
  /** API keys, rate limits and CORS; without it every route is open and there are no CORS headers. */
  access?: AccessConfig;
  /** `POST /integrations/shopify/rates` is served when given. */
  shopify?: ShopifyConfig;
  /** Repeated identical requests get the same answer from here; without it every request runs the engine. */
  quoteCache?: QuoteResponseCache;
  /** Largest answer one request may keep, in bytes; default MAX_STORED_QUOTE_BYTES (4 MiB). */
  maxStoredQuoteBytes?: number;
  /** Where rate-limit counts live; default this process's memory (under the cluster module: the primary's). */
  rateLimitStores?: RateLimitStores;
  /** Express "trust proxy": which hops' X-Forwarded-For gives the client address; default none (the socket's address). */
  trustProxy?: boolean | number | string;
}
