import type Decimal from 'decimal.js';
import { D } from '../domain/money';

/** Where one currency's rate comes from: its own date, its publisher, and whether it is an official (central-bank) rate. */
export interface RateOrigin {
  asOf: string;
  source: string;
  /** False for a market rate (an aggregator's, not a central bank's publication). */
  official: boolean;
}

/**
 * Reference rates: units of each currency per one unit of `base`. `asOf` and
 * `source` describe the table's main publisher (the ECB); a currency filled
 * in from another table (a central bank's, or market rates for currencies no
 * official source here quotes) carries its own date and source in `origins`.
 */
export interface RateTable {
  asOf: string;
  source: string;
  base: string;
  rates: ReadonlyMap<string, Decimal>;
  /** Currencies whose rate has its own date or source; the others are the table's. */
  origins?: ReadonlyMap<string, RateOrigin>;
  /** False when the table itself holds market rates, not a central bank's; default true. */
  official?: boolean;
}

export class MissingRateError extends Error {
  readonly code = 'NO_EXCHANGE_RATE';
  constructor(readonly currency: string, readonly table: RateTable) {
    super(`No exchange rate for ${currency} in the ${table.source} of ${table.asOf}`);
  }

  /** The sentence in the request's language (the English one is `message`). */
  text(locale: 'es' | 'en'): string {
    return locale === 'es' ? `No hay tipo de cambio para ${this.currency} en ${this.table.source} del ${this.table.asOf}` : this.message;
  }
}

export function rateOf(table: RateTable, currency: string): Decimal {
  if (currency === table.base) return new D(1);
  const r = table.rates.get(currency);
  if (r === undefined) throw new MissingRateError(currency, table);
  return r;
}

export function hasRate(table: RateTable, currency: string): boolean {
  return currency === table.base || table.rates.has(currency);
}

/** The date, publisher and status of one currency's rate (the base's is the table's own). */
export function originOf(table: RateTable, currency: string): RateOrigin {
  return table.origins?.get(currency) ?? { asOf: table.asOf, source: table.source, official: table.official ?? true };
}

/** Each publisher the table draws on, with its newest date ("… of 2026-04-13"), the main one first. */
export function rateSources(table: RateTable): string[] {
  const newest = new Map<string, string>([[table.source, table.asOf]]);
  for (const o of table.origins?.values() ?? []) if ((newest.get(o.source) ?? '') < o.asOf) newest.set(o.source, o.asOf);
  return [...newest].map(([source, asOf]) => `${source} of ${asOf}`);
}

/** Convert at full precision, crossing through the table's base (EUR for the ECB). */
export function convert(amount: Decimal, from: string, to: string, table: RateTable): Decimal {
  if (from === to) return amount;
  return amount.div(rateOf(table, from)).times(rateOf(table, to));
}

/** Units of `to` per one `from`, for the answer's `exchangeRates`. */
export function crossRate(from: string, to: string, table: RateTable): Decimal {
  return convert(new D(1), from, to, table);
}
