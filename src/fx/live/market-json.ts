import type Decimal from 'decimal.js';
import { z } from 'zod';
import { D } from '../../domain/money';
import { currencyCodeSchema, isoDateSchema } from '../../schema/primitives';
import { MARKET_SOURCE } from '../market-rates-csv';
import type { RateTable } from '../rate-table';
import { parseJsonAnswer } from './parse-json-answer';

/** The project lists about 300 codes (currencies, metals, crypto); far more is not this feed. */
const MAX_CODES = 2000;

const answerSchema = z.object({
  date: isoDateSchema,
  eur: z
    .record(z.string().max(20), z.number().finite().positive({ error: 'expected a positive rate' }))
    .refine((r) => Object.keys(r).length <= MAX_CODES, { error: `more than ${MAX_CODES} rates` }),
});

/**
 * Parse the all-currency feed's EUR answer (fawazahmed0/exchange-api,
 * `{"date": "2026-09-29", "eur": {"clp": 1099.4163, …}}`: units per EUR,
 * lowercase codes) with zod. Only active ISO 4217 codes are kept (no crypto,
 * no metals); an answer without USD and MXN is not this feed. Throws with a
 * precise message on anything else, so a broken answer is never half-used.
 * These are market rates, not official: the table says so.
 */
export function parseMarketJson(text: string, source = `${MARKET_SOURCE} (live feed)`): RateTable {
  const answer = parseJsonAnswer(text, answerSchema, 'market rates feed');
  const rates = new Map<string, Decimal>();
  for (const [key, value] of Object.entries(answer.eur)) {
    const code = key.toUpperCase();
    if (code === 'EUR' || !currencyCodeSchema.safeParse(code).success) continue;
    // A JSON number prints back as its shortest decimal form ("1099.4163"), which is what the feed wrote.
    rates.set(code, new D(String(value)));
  }
  for (const needed of ['USD', 'MXN']) if (!rates.has(needed)) throw new Error(`market rates feed: no ${needed} rate`);
  return { asOf: answer.date, source, base: 'EUR', rates, official: false };
}
