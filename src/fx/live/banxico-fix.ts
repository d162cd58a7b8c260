import Decimal from 'decimal.js';
import { z } from 'zod';
import { D } from '../../domain/money';
import { originOf, type RateTable } from '../rate-table';
import { parseJsonAnswer } from './parse-json-answer';

/** Banco de México series SF43718: pesos per US dollar, FIX (DOF publication for obligations in foreign currency). */
export const BANXICO_FIX_SERIES = 'SF43718';

/** One FIX: MXN per USD on a date. */
export interface FixRate {
  date: string;
  mxnPerUsd: Decimal;
}

const sieSchema = z.object({
  bmx: z.object({
    series: z
      .array(
        z.object({
          idSerie: z.string(),
          datos: z.array(z.object({ fecha: z.string(), dato: z.string() })).optional(),
        }),
      )
      .min(1),
  }),
});

/** "01/12/2026" (dd/mm/yyyy, the SIE API's format) to 2026-12-01. */
function sieDate(text: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
  if (!m) throw new Error(`Banxico SIE: unreadable date ${JSON.stringify(text)}`);
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  if (Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) throw new Error(`Banxico SIE: ${JSON.stringify(text)} is not a date`);
  return iso;
}

/**
 * Parse a Banco de México SIE API answer (`/series/SF43718/datos/oportuno`
 * or a date range) and return the newest FIX. Days without a figure are
 * "N/E" and skipped. Throws with a precise message on anything else.
 */
export function parseBanxicoFix(text: string): FixRate {
  const answer = parseJsonAnswer(text, sieSchema, 'Banxico SIE');
  const series = answer.bmx.series.find((s) => s.idSerie === BANXICO_FIX_SERIES);
  if (!series) throw new Error(`Banxico SIE: series ${BANXICO_FIX_SERIES} (FIX) is not in the answer`);
  let newest: FixRate | undefined;
  for (const d of series.datos ?? []) {
    const value = d.dato.replace(/,/g, '').trim();
    if (value === 'N/E') continue;
    if (!/^\d+(\.\d+)?$/.test(value) || new D(value).isZero()) throw new Error(`Banxico SIE: ${d.fecha}: expected a positive rate, got ${JSON.stringify(d.dato)}`);
    const date = sieDate(d.fecha);
    if (!newest || date > newest.date) newest = { date, mxnPerUsd: new D(value) };
  }
  if (!newest) throw new Error(`Banxico SIE: series ${BANXICO_FIX_SERIES} holds no figure`);
  return newest;
}

/**
 * The table with its peso rate replaced by the FIX, crossed through the
 * table's US dollar rate (MXN per base = FIX × USD per base), so MXN ↔ USD
 * converts at exactly the FIX. The peso's rate then has its own date and
 * source (`origins`); an answer that uses it is dated by the older of the
 * FIX and the dollar rate it was crossed with.
 */
export function applyFix(table: RateTable, fix: FixRate, source: string): RateTable {
  const rates = new Map(table.rates);
  const usd = table.base === 'USD' ? new D(1) : table.rates.get('USD');
  if (usd === undefined) throw new Error(`the ${table.source} has no USD rate to cross the FIX with`);
  rates.set('MXN', fix.mxnPerUsd.times(usd));
  const usdDate = originOf(table, 'USD').asOf;
  const origins = new Map(table.origins ?? []);
  origins.set('MXN', { asOf: fix.date < usdDate ? fix.date : usdDate, source: `${source}, crossed with the USD rate of ${usdDate}`, official: true });
  return { ...table, rates, origins };
}
