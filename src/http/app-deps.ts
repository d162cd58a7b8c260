import type { Logger } from 'pino';
import type { CarrierRater } from '../carriers/carrier-rater';
import type { DataStatus } from '../data/data-store';
import type { HolidayCalendar } from '../domain/delivery-window';
import type { RateTable } from '../fx/rate-table';
import type { LoadedTariff } from '../tariffs/tariff-index';
import type { ShopifyConfig } from '../integrations/shopify/shopify-config';
import type { QuoteStore } from '../store/quote-store';
import type { AccessConfig } from './access/access-config';
import type { QuoteResponseCache } from './quote-cache';

/** The data one request works on; swapped whole, never mutated, so an answer never mixes old and new data. */
export interface DataSnapshot {
  tariffs: ReadonlyMap<string, LoadedTariff>;
  carriers: readonly CarrierRater[];
  rates: RateTable;
}

export interface AppDeps {
  data: () => DataSnapshot;
  holidays: HolidayCalendar;
  /** IANA time zone of an origin country (cut-off times, "today"). */
  timeZoneOf: (country: string) => string;
  clock: () => Date;
  newId: () => string;
  logger: Logger;
  /** Largest accepted body, e.g. "1mb". */
  bodyLimit?: string;
  carrierTimeoutMs?: number;
  quoteValidHours?: number;
  /** `GET /data/status` is served when given (the hot-reloading DataStore and the FX feeds). */
  dataStatus?: () => DataStatus;
  /** Exchange rates older than this many days get the FX_RATES_OLD warning (default 7). */
  fxMaxAgeDays?: number;
  /** Where answered quotes are kept until they expire; without it nothing is kept and GET /quotes/:id answers 404. */
  store?: QuoteStore;
  /** API keys, rate limits and CORS; without it every route is open and there are no CORS headers. */
  access?: AccessConfig;
  /** `POST /integrations/shopify/rates` is served when given. */
  shopify?: ShopifyConfig;
  /** Repeated identical requests get the same answer from here; without it every request runs the engine. */
  quoteCache?: QuoteResponseCache;
}
