import { join } from 'node:path';
import type { RatedService } from '../../../src/carriers/carrier-rater';
import type { HolidayCalendar } from '../../../src/domain/delivery-window';
import { D } from '../../../src/domain/money';
import type { RateTable } from '../../../src/fx/rate-table';
import { defaultDataPaths } from '../../../src/data/load-data';
import { loadBundledRates } from '../../../src/fx/snapshot-loader';
import { buildQuote } from '../../../src/quote/build-quote';
import type { QuoteInput } from '../../../src/quote/quote-input';
import type { QuoteResult } from '../../../src/quote/quote-result';
import { loadTariffFile } from '../../../src/tariffs/tariff-loader';
import type { LoadedTariff } from '../../../src/tariffs/tariff-index';
import { input, item, NO_HOLIDAYS, RATES, service } from '../../helpers/engine-fixtures';
import { notesOf } from '../../helpers/answer-notes';

/**
 * Round-number rates for the destination tests (SAR 4.5 per EUR added for the Saudi threshold): the engine fixtures' table (1 EUR = 1.25 USD =
 * 20 MXN = 1.5 CAD = 160 JPY = 0.8 GBP) plus 1 EUR = 6.25 BRL = 1750 KRW = 8.75 CNY = 1.875 AUD,
 * and for the EU members outside the euro 1 EUR = 25 CZK = 7.5 DKK = 400 HUF = 4 PLN = 5 RON = 11 SEK.
 * Per USD: 16 MXN, 1.2 CAD, 128 JPY, 0.64 GBP, 0.8 EUR, 5 BRL, 1400 KRW, 7 CNY, 1.5 AUD.
 * No rate for GTQ, CRC, COP, CLP, PEN or ARS here: the tests of those destinations that answer in their own
 * currency use BUNDLED_RATES, the real bundled tables, and state the rows they use.
 */
export const DEST_RATES: RateTable = {
  asOf: '2026-11-20',
  source: 'test rates',
  base: 'EUR',
  rates: new Map([
    ...RATES.rates,
    ['BRL', new D('6.25')],
    ['KRW', new D('1750')],
    ['CNY', new D('8.75')],
    ['AUD', new D('1.875')],
    ['CZK', new D('25')],
    ['DKK', new D('7.5')],
    ['HUF', new D('400')],
    ['PLN', new D('4')],
    ['RON', new D('5')],
    ['SEK', new D('11')],
    ['SAR', new D('4.5')],
  ]),
};

/**
 * The bundled exchange rates (data/fx): ECB of 2026-04-13 (USD 1.1684 per EUR), the central banks' of
 * 2026-10-08 (ARS 1699.02705 BCRA, COP 3630.1367 Banco de la República per EUR) and the market table of
 * 2026-09-29 for the rest (CLP 1099.4163, PEN 3.8808372, GTQ 8.6748075, CRC 517.15176 per EUR).
 */
export const BUNDLED_RATES: RateTable = loadBundledRates(defaultDataPaths(join(__dirname, '..', '..', '..')));

const cache = new Map<string, LoadedTariff>();

/** The bundled tariff file `tariffs/<country>.json`, parsed and checked like the server does. */
export function realTariff(country: string): LoadedTariff {
  const hit = cache.get(country);
  if (hit) return hit;
  const r = loadTariffFile(join(__dirname, '..', '..', '..', 'tariffs', `${country}.json`));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  cache.set(country, r.value);
  return r.value;
}

/** An item line: HS code, quantity, unit price (USD unless `currency`), preference claimed unless false. */
export interface SimpleItem {
  hs: string;
  qty?: number;
  price: string;
  currency?: string;
  claimPreference?: boolean;
  /** Litres per unit and alcoholic strength (% vol), for drinks. */
  litres?: string;
  abv?: string;
  /** Origin of the goods when not the ship-from country. */
  origin?: string;
}

export interface Parcel {
  dest: string;
  currency: string;
  shipDate?: string;
  region?: string;
  postalCode?: string;
  from?: string;
  items: SimpleItem[];
  /** Shipping in USD, one base line. */
  shippingUsd: string;
  channel?: 'courier' | 'postal';
  incoterm?: 'DDP' | 'DAP';
  /** Default DEST_RATES. */
  rates?: RateTable;
  /** Default NO_HOLIDAYS. */
  holidays?: HolidayCalendar;
  locale?: 'es' | 'en';
}

/** Quote a parcel from Mexico (or `from`) to `dest` with the real tariff file and a fixed carrier price. */
export function quoteParcel(p: Parcel): QuoteResult {
  const from = p.from ?? 'MX';
  const q: QuoteInput = input({
    origin: { country: from },
    destination: { country: p.dest, ...(p.region ? { region: p.region } : {}), ...(p.postalCode ? { postalCode: p.postalCode } : {}) },
    currency: p.currency,
    incoterm: p.incoterm ?? 'DAP',
    shipDate: p.shipDate ?? '2026-11-26',
    ...(p.locale ? { locale: p.locale } : {}),
    items: p.items.map((it, index) =>
      item({
        index,
        hs: it.hs,
        originCountry: it.origin ?? from,
        quantity: new D(it.qty ?? 1),
        unitPrice: new D(it.price),
        priceCurrency: it.currency ?? 'USD',
        claimPreference: it.claimPreference ?? true,
        ...(it.litres ? { unitLitres: new D(it.litres) } : {}),
        ...(it.abv ? { abv: new D(it.abv) } : {}),
      }),
    ),
  });
  const svc: RatedService = service(p.shippingUsd, 'USD', { channel: p.channel ?? 'courier' });
  return buildQuote(q, {
    tariff: realTariff(p.dest),
    rates: p.rates ?? DEST_RATES,
    rated: { options: [svc], rejections: [] },
    holidays: p.holidays ?? NO_HOLIDAYS,
    originTimeZone: 'America/Mexico_City',
    now: new Date('2026-11-25T15:00:00Z'),
    quoteId: 'q_test',
    validForHours: 24,
    ...(from === 'MX' ? { originTariff: realTariff('MX') } : {}),
  });
}

/** The only option's duty, tax and fee lines as [rule or code, amount] pairs. */
export function lines(q: QuoteResult) {
  const o = q.options[0];
  if (!o || q.options.length !== 1) throw new Error(`expected one option, got ${q.options.length}`);
  return {
    duties: o.duties.lines.map((l) => [l.rule, l.amount]),
    taxes: o.taxes.lines.map((l) => [l.code, l.rate, l.base, l.amount, l.collectedAt]),
    fees: o.fees.lines.map((l) => [l.code, l.amount]),
    deMinimis: o.deMinimis,
    landedCost: o.landedCost,
    notes: [...q.notes, ...notesOf(q, o)].map((n) => n.code),
  };
}

