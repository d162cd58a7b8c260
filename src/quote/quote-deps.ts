import type { CarrierRater } from '../carriers/carrier-rater';
import type { HolidayCalendar } from '../domain/delivery-window';
import type { RateTable } from '../fx/rate-table';
import type { HsNomenclature } from '../hs/hs-validity';
import type { LoadedTariff } from '../tariffs/tariff-index';

/** The data one request works on; swapped whole, never mutated, so an answer never mixes old and new data. */
export interface DataSnapshot {
  tariffs: ReadonlyMap<string, LoadedTariff>;
  carriers: readonly CarrierRater[];
  rates: RateTable;
  /** The HS 2022 subheadings an item's code is checked against (UNKNOWN_HS_CODE). */
  hs: HsNomenclature;
}

/** What the use case `quoteLandedCost` needs from the outside world: data, calendars, the clock, ids. */
export interface QuoteDeps {
  data: () => DataSnapshot;
  holidays: HolidayCalendar;
  /** IANA time zone of an origin country (cut-off times, "today"). */
  timeZoneOf: (country: string) => string;
  clock: () => Date;
  newId: () => string;
  carrierTimeoutMs?: number;
  quoteValidHours?: number;
  /** Exchange rates older than this many days get the FX_RATES_OLD warning (default 7). */
  fxMaxAgeDays?: number;
}
