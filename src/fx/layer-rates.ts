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

/**
 * The table without the rates that `fresher` also quotes from more than `days` later: a
 * bundled official rate months old gives way to a live market rate of today (ARS loses
 * value by the week), while one the fresher table lacks, or about as recent, stays.
 */
export function withoutRatesStaleAgainst(table: RateTable, fresher: RateTable, days: number): RateTable {
  const stale = (code: string) => {
    if (!fresher.rates.has(code)) return false;
    const limit = new Date(Date.parse(`${originOf(fresher, code).asOf}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    return originOf(table, code).asOf < limit;
  };
  const kept = new Map([...table.rates].filter(([code]) => !stale(code)));
  return { ...table, rates: kept, origins: new Map([...(table.origins ?? [])].filter(([code]) => kept.has(code))) };
}
