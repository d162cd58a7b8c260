import type Decimal from 'decimal.js';
import { currencyCodeSchema } from '../schema/primitives';
import { parseCsvRecords, requireColumns } from '../schema/csv';
import type { RateOrigin, RateTable } from './rate-table';
import { cellProblem, rateCellSchema, rateDateSchema } from './rate-cells';

export const OFFICIAL_SOURCE = 'central banks\' official euro rates';

const WHAT = 'official rates CSV';

/**
 * Parse the bundled central-bank table (`date,currency,units_per_EUR,publisher`, several days):
 * each currency takes its newest row, with that row's date and publisher (BCRA for ARS,
 * Banco de la República for COP, CBUAE for AED). Official rates.
 */
export function parseOfficialRatesCsv(text: string, suffix = ' (bundled)'): RateTable {
  const rows = parseCsvRecords(text);
  requireColumns(rows, ['date', 'currency', 'units_per_EUR', 'publisher'], WHAT);
  const newest = new Map<string, { rate: Decimal; origin: RateOrigin }>();
  rows.forEach((row, i) => {
    const code = (row.currency ?? '').trim();
    const line = i + 2;
    if (!currencyCodeSchema.safeParse(code).success) throw new Error(`${WHAT} line ${line}: "${code}" is not an ISO 4217 currency`);
    const rate = rateCellSchema.safeParse(row.units_per_EUR);
    if (!rate.success) throw new Error(cellProblem(WHAT, line, code, rate.error));
    const date = rateDateSchema.safeParse((row.date ?? '').trim());
    if (!date.success) throw new Error(cellProblem(WHAT, line, code, date.error));
    const publisher = (row.publisher ?? '').trim();
    if (publisher === '') throw new Error(`${WHAT} line ${line}: ${code}: the publisher is missing`);
    const held = newest.get(code);
    if (!held || date.data > held.origin.asOf) newest.set(code, { rate: rate.data, origin: { asOf: date.data, source: `${publisher}${suffix}`, official: true } });
  });
  if (newest.size === 0) throw new Error(`${WHAT}: no currency rates found`);
  const asOf = [...newest.values()].map((n) => n.origin.asOf).sort().at(-1)!;
  return {
    asOf,
    source: `${OFFICIAL_SOURCE}${suffix}`,
    base: 'EUR',
    rates: new Map([...newest].map(([c, n]) => [c, n.rate])),
    origins: new Map([...newest].map(([c, n]) => [c, n.origin])),
  };
}
