import type Decimal from 'decimal.js';
import type { RatedService, RateResult } from '../carriers/carrier-rater';
import type { RegimeDecision, ThresholdDecision } from '../domain/de-minimis';
import type { HolidayCalendar } from '../domain/delivery-window';
import type { Note } from '../domain/note';
import type { RateTable } from '../fx/rate-table';
import type { ItemDutyResult } from '../tariffs/resolve-duty';
import type { LoadedTariff } from '../tariffs/tariff-index';
import type { TariffPeriod } from '../tariffs/tariff-schema';
import type { QuoteInput } from './quote-input';
import type { UsedFigure } from '../domain/unconfirmed';
import type { DutyLineOut, FeeLineOut, TaxLineOut } from './quote-result';

/** Everything `buildQuote` works on besides the request: data, carrier prices, calendars, the clock. */
export interface QuoteContext {
  tariff: LoadedTariff;
  rates: RateTable;
  rated: RateResult;
  holidays: HolidayCalendar;
  originTimeZone: string;
  now: Date;
  quoteId: string;
  validForHours: number;
  /** Exchange rates older than this many days get a warning note; default FX_MAX_AGE_DAYS. */
  fxMaxAgeDays?: number;
  /** Tariff file of the ORIGIN country, for its export-side notes (Mexico: pedimento, CFDI, certification of origin). */
  originTariff?: LoadedTariff;
}

/** Converts an amount between currencies with the quote's rate table, full precision. */
export type Convert = (amount: Decimal, from: string, to: string) => Decimal;

/** Item duty results of one quote by item index and customs value. */
export type DutyMemo = Map<string, ItemDutyResult>;

/** One quote being priced: what every carrier option shares. */
export interface QuoteRun {
  input: QuoteInput;
  ctx: QuoteContext;
  period: TariffPeriod;
  /** Each item's goods value in the answer currency, full precision. */
  itemGoods: Decimal[];
  /** Their sum, rounded to the answer currency. */
  goodsValue: Decimal;
  cv: Convert;
  dutyMemo: DutyMemo;
  /**
   * Answer lines of the memoised item duty lines (dutyMemo's lines are the same objects for
   * every option that shares a customs value): each formatted once per quote.
   */
  dutyOutMemo: WeakMap<object, DutyLineOut>;
  /** The consignments priced so far, for the next options to share (src/quote/price-customs.ts). */
  customsMemo: CustomsMemoEntry[];
  /** Id of the special territory the destination postcode is in (src/quote/territory-step.ts). */
  territory?: string;
}

/** What decided the consignment's duties and taxes for one option, and the notes gathered on the way. */
export interface OptionCalc {
  regime?: RegimeDecision;
  dutyDecision: ThresholdDecision;
  taxDecision: ThresholdDecision;
  notes: Note[];
}

/** Duties, taxes and customs fees of a consignment, as answer lines and rounded totals (no carrier fee yet). */
export interface CustomsPriced {
  calc: OptionCalc;
  duties: DutyLineOut[];
  taxes: TaxLineOut[];
  fees: FeeLineOut[];
  /** The tariff figures the option used, with their marks (valuation, regime, thresholds, taxes, fees). */
  figures: UsedFigure[];
  totals: { duties: Decimal; taxes: Decimal; importTaxes: Decimal; fees: Decimal; buyerFees: Decimal };
}

/**
 * One priced consignment of a quote, and what it was priced with: the carrier channel, and the
 * shipping and insurance only if any rule read them (a CIF customs value, a tax base or a
 * threshold measured with shipping). `undefined` there means "priced without looking at them".
 */
export interface CustomsMemoEntry {
  channel: RatedService['channel'];
  shipping?: { total: Decimal; insurance: Decimal };
  priced: CustomsPriced;
}
