import type Decimal from 'decimal.js';
import { currencyCodeSchema } from '../schema/primitives';
import { parseCsvRecords, requireColumns } from '../schema/csv';
import type { RateOrigin, RateTable } from './rate-table';
import { cellProblem, rateCellSchema, rateDateSchema } from './rate-cells';

/**
 * The all-currency table: fawazahmed0/exchange-api (npm @fawazahmed0/currency-api, CC0-1.0).
 * Unofficial: its upstream feeds are not disclosed, so every rate from it is a market rate,
 * not an official one, and the answer says so (data/fx/README.md).
 */
export const MARKET_SOURCE = 'fawazahmed0 currency-api market rates';

const WHAT = 'market rates CSV';

/**
 * Parse the bundled all-currency table (`currency,units_per_EUR,units_per_USD,date`): units of
 * each currency per EUR, each row with its date. Codes that are not active ISO 4217 currencies
 * (gold, silver, SDR) are left out; a bad rate or date stops the load with its line.
 */
export function parseMarketRatesCsv(text: string, source = `${MARKET_SOURCE} (bundled)`): RateTable {
  const rows = parseCsvRecords(text);
  requireColumns(rows, ['currency', 'units_per_EUR', 'date'], WHAT);
  const rates = new Map<string, Decimal>();
  const dates = new Map<string, string>();
  rows.forEach((row, i) => {
    const code = (row.currency ?? '').trim();
    if (code === 'EUR' || !currencyCodeSchema.safeParse(code).success) return;
    const rate = rateCellSchema.safeParse(row.units_per_EUR);
    if (!rate.success) throw new Error(cellProblem(WHAT, i + 2, code, rate.error));
    const date = rateDateSchema.safeParse((row.date ?? '').trim());
    if (!date.success) throw new Error(cellProblem(WHAT, i + 2, code, date.error));
    rates.set(code, rate.data);
    dates.set(code, date.data);
  });
  if (rates.size === 0) throw new Error(`${WHAT}: no currency rates found`);
  const asOf = [...dates.values()].sort().at(-1)!;
  const origins = new Map<string, RateOrigin>();
  for (const [code, date] of dates) if (date !== asOf) origins.set(code, { asOf: date, source, official: false });
  return { asOf, source, base: 'EUR', rates, origins, official: false };
}
