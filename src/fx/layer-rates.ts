import type Decimal from 'decimal.js';
import { originOf, type RateOrigin, type RateTable } from './rate-table';

/**
 * One rate table from several with the same base, in order of preference:
 * each currency takes its rate from the first table that quotes it. The
 * first table is the main one (its date and source head the result); a
 * currency taken from a later table keeps that table's date, publisher and
 * status in `origins`, so the answer can say which rate is official and
 * how old each one is. Crossing still goes through the one base, so
 * `convert` stays exact and consistent (A→B→C equals A→C).
 */
export function layerRates(main: RateTable, ...fillers: readonly RateTable[]): RateTable {
  const rates = new Map<string, Decimal>(main.rates);
  const origins = new Map<string, RateOrigin>(main.origins ?? []);
  for (const t of fillers) {
    if (t.base !== main.base) throw new Error(`cannot fill ${main.source} (per ${main.base}) from ${t.source} (per ${t.base})`);
    for (const [code, rate] of t.rates) {
      if (code === main.base || rates.has(code)) continue;
      rates.set(code, rate);
      origins.set(code, originOf(t, code));
    }
  }
  return { ...main, rates, origins };
}

/** The table without the currencies whose rate is older than `date` by more than `days` (a stale official rate a fresher feed replaces). */
export function withoutRatesOlderThan(table: RateTable, date: string, days: number): RateTable {
  const limit = new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  const kept = new Map([...table.rates].filter(([code]) => originOf(table, code).asOf >= limit));
  return { ...table, rates: kept, origins: new Map([...(table.origins ?? [])].filter(([code]) => kept.has(code))) };
}
