import type { Logger } from 'pino';
import type { CarrierRater } from '../carriers/carrier-rater';
import type { HolidayCalendar } from '../domain/delivery-window';
import type { RateTable } from '../fx/rate-table';
import type { LoadedTariff } from '../tariffs/tariff-index';

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
}
