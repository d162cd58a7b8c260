import type Decimal from 'decimal.js';
import { D } from '../domain/money';

/** Reference rates: units of each currency per one unit of `base`, as of one date. */
export interface RateTable {
  asOf: string;
  source: string;
  base: string;
  rates: ReadonlyMap<string, Decimal>;
}

export class MissingRateError extends Error {
  readonly code = 'NO_EXCHANGE_RATE';
  constructor(readonly currency: string, readonly table: RateTable) {
    super(`No exchange rate for ${currency} in the ${table.source} of ${table.asOf}`);
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

/** Convert at full precision, crossing through the table's base (EUR for the ECB). */
export function convert(amount: Decimal, from: string, to: string, table: RateTable): Decimal {
  if (from === to) return amount;
  return amount.div(rateOf(table, from)).times(rateOf(table, to));
}

/** Units of `to` per one `from`, for the answer's `exchangeRates`. */
export function crossRate(from: string, to: string, table: RateTable): Decimal {
  return convert(new D(1), from, to, table);
}
