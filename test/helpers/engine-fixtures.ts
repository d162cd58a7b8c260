import type { RatedService, RateResult } from '../../src/carriers/carrier-rater';
import type { HolidayCalendar } from '../../src/domain/delivery-window';
import { D } from '../../src/domain/money';
import type { RateTable } from '../../src/fx/rate-table';
import { buildQuote } from '../../src/quote/build-quote';
import type { QuoteInput, QuoteItem } from '../../src/quote/quote-input';
import type { QuoteResult } from '../../src/quote/quote-result';
import { indexTariff, type LoadedTariff } from '../../src/tariffs/tariff-index';
import { tariffFileSchema } from '../../src/tariffs/tariff-schema';
import { notesOf } from './answer-notes';

/**
 * Round-number test data: 1 EUR = 1.25 USD = 20 MXN = 1.5 CAD = 160 JPY = 0.8 GBP.
 * So 1 USD = 16 MXN, 1 MXN = 0.0625 USD = 0.075 CAD, 1 USD = 128 JPY.
 */
export const RATES: RateTable = {
  asOf: '2026-11-20',
  source: 'test rates',
  base: 'EUR',
  rates: new Map([
    ['USD', new D('1.25')],
    ['MXN', new D('20')],
    ['CAD', new D('1.5')],
    ['JPY', new D('160')],
    ['GBP', new D('0.8')],
  ]),
};

export const NO_HOLIDAYS: HolidayCalendar = { isHoliday: () => false };

const SRC = { source: 'test', confidence: 'confirmed' as const };

/** A minimal valid tariff file; override any part. */
export function tariffJson(over: Record<string, unknown> = {}, period: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    country: 'US',
    name: { es: 'Prueba', en: 'Test' },
    currency: 'USD',
    timeZone: 'America/New_York',
    sources: { test: { title: 'Test source', reviewed: '2026-11-25' } },
    periods: [
      {
        effectiveFrom: '2020-01-01',
        valuation: { basis: 'FOB', ...SRC },
        deMinimis: { duty: [], tax: [] },
        taxes: [],
        ...period,
      },
    ],
    duties: {
      default: { duty: { type: 'adValorem', percent: '5' }, ...SRC },
      mfn: [{ hs: '610910', duty: { type: 'adValorem', percent: '10' }, ...SRC }],
    },
    ...over,
  };
}

export function tariff(over: Record<string, unknown> = {}, period: Record<string, unknown> = {}): LoadedTariff {
  return indexTariff(tariffFileSchema.parse(tariffJson(over, period)));
}

export function item(over: Partial<QuoteItem> = {}): QuoteItem {
  return {
    index: 0,
    description: 'Cotton T-shirt',
    hs: '610910',
    originCountry: 'MX',
    claimPreference: true,
    quantity: new D(1),
    unitPrice: new D('100.00'),
    priceCurrency: 'USD',
    unitKg: new D('0.2'),
    ...over,
  };
}

export function input(over: Partial<QuoteInput> = {}): QuoteInput {
  return {
    origin: { country: 'MX', postalCode: '64000' },
    destination: { country: 'US' },
    currency: 'USD',
    incoterm: 'DAP',
    shipDate: '2026-11-26',
    items: [item()],
    parcels: [{ lengthCm: new D(30), widthCm: new D(20), heightCm: new D(10), weightKg: new D('1.2') }],
    parcelsPacked: false,
    insure: false,
    buyer: 'consumer',
    locale: 'en',
    ...over,
  };
}

/** One carrier option charging `shipping` (in `currency`) as a single base line. */
export function service(shipping: string, currency = 'USD', over: Partial<RatedService> = {}): RatedService {
  return {
    carrier: 'test-carrier',
    carrierName: 'Test Carrier',
    service: 'express',
    serviceName: { es: 'Exprés', en: 'Express' },
    channel: 'courier',
    status: 'sourced',
    currency,
    zone: '1',
    chargeableKg: new D('1.5'),
    lines: [{ code: 'base', name: { es: 'Tarifa base', en: 'Base rate' }, amount: new D(shipping), working: 'test' }],
    dutyFees: [],
    transitDays: { min: 1, max: 2 },
    customsDays: { min: 0, max: 1 },
    cutoffLocal: '17:00',
    dataDate: '2026-01-01',
    notes: [],
    ...over,
  };
}

export function quote(t: LoadedTariff, q: QuoteInput, services: RatedService[] = [service('0')]): QuoteResult {
  const rated: RateResult = { options: services, rejections: [] };
  return buildQuote(q, {
    tariff: t,
    rates: RATES,
    rated,
    holidays: NO_HOLIDAYS,
    originTimeZone: 'America/Mexico_City',
    now: new Date('2026-11-25T15:00:00Z'),
    quoteId: 'q_test',
    validForHours: 24,
  });
}

/** The only option of a quote, with its notes resolved from the answer's `optionNotes`. */
export function only(q: QuoteResult) {
  const o = q.options[0];
  if (!o || q.options.length !== 1) throw new Error(`expected one option, got ${q.options.length}`);
  return { ...o, notes: notesOf(q, o) };
}
