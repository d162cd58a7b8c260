import type { Note } from '../domain/note';
import { crossRate, hasRate, originOf, type RateOrigin, type RateTable } from '../fx/rate-table';
import type { QuoteResult } from './quote-result';

/** Exchange rates older than this many days get a warning note. */
export const FX_MAX_AGE_DAYS = 7;

type ExchangeRatesOut = QuoteResult['exchangeRates'];

/**
 * The answer's `exchangeRates` (landed-cost step 3): one rate per other
 * currency the quote used, in units per one unit of the answer currency,
 * and for the answer currency and each of them where its rate comes from
 * (`details`: date, publisher, official or market). A cross rate is as old
 * as the older of its two legs, so `asOf` is the OLDEST date of the rates
 * used, never a fresher one; `source` names every publisher used.
 */
export function exchangeRatesOut(answerCurrency: string, used: ReadonlySet<string>, rates: RateTable): ExchangeRatesOut {
  const others = [...used].filter((c) => c !== answerCurrency && hasRate(rates, c)).sort();
  const out: Record<string, string> = {};
  for (const c of others) out[c] = crossRate(answerCurrency, c, rates).toSignificantDigits(10).toString();
  const details: Record<string, RateOrigin> = {};
  for (const c of [answerCurrency, ...others]) details[c] = originOf(rates, c);
  // The base's own "rate" is 1 by definition: it has no date of its own to age the answer.
  const dated = [answerCurrency, ...others].filter((c) => c !== rates.base).map((c) => details[c]!);
  const asOf = dated.length > 0 ? dated.map((d) => d.asOf).sort()[0]! : rates.asOf;
  const sources = dated.length > 0 ? [...new Set(dated.map((d) => d.source))] : [rates.source];
  // The main table's publisher first, then the others as met.
  sources.sort((a, b) => Number(b === rates.source) - Number(a === rates.source));
  return { asOf, source: sources.join('; '), base: answerCurrency, rates: out, details };
}

function daysBetween(fromIso: string, to: Date): number {
  return Math.floor((to.getTime() - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

/**
 * How old the rates are (FX_RATES, or the FX_RATES_OLD warning past the
 * limit), and which of them are market rates rather than official ones,
 * each with its date. Publishers are named, feed URLs never.
 */
export function exchangeRatesNote(fx: ExchangeRatesOut, now: Date, maxAgeDays = FX_MAX_AGE_DAYS): Note {
  const age = daysBetween(fx.asOf, now);
  const old = age > maxAgeDays;
  const market = Object.entries(fx.details).filter(([, d]) => !d.official);
  const marketEs = market.map(([c, d]) => ` ${c}: ${d.source} del ${d.asOf}, tipo de mercado, no oficial.`).join('');
  const marketEn = market.map(([c, d]) => ` ${c}: ${d.source} of ${d.asOf}, a market rate, not an official one.`).join('');
  return {
    code: old ? 'FX_RATES_OLD' : 'FX_RATES',
    severity: old || market.length > 0 ? 'warning' : 'info',
    text: {
      es: `Tipos de cambio de referencia del ${fx.asOf} (${fx.source}), con ${age} días de antigüedad${old ? '; el importe real puede variar' : ''}.${marketEs}`,
      en: `Reference exchange rates of ${fx.asOf} (${fx.source}), ${age} days old${old ? '; the real amount may differ' : ''}.${marketEn}`,
    },
  };
}
