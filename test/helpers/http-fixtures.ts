import pino from 'pino';
import type request from 'supertest';
import { problemSchema } from '../../src/schema/quote-response-schema';
import type { CarrierRater, ShipmentToRate } from '../../src/carriers/carrier-rater';
import { D } from '../../src/domain/money';
import type { AppDeps } from '../../src/http/app-deps';
import type { DataSnapshot } from '../../src/quote/quote-deps';
import { createApp } from '../../src/http/app';
import { bundledHsNomenclature } from '../../src/hs/hs-validity';
import { NO_HOLIDAYS, RATES, service, tariff } from './engine-fixtures';

const SRC = { source: 'test' };

/** A carrier that charges 20.00 USD a kg of actual weight, or throws / hangs on demand. */
export class FakeCarrier implements CarrierRater {
  constructor(
    readonly id = 'fake',
    readonly name = 'Fake Express',
    private readonly behaviour: 'ok' | 'throw' | 'hang' = 'ok',
  ) {}
  rate(s: ShipmentToRate) {
    if (this.behaviour === 'throw') throw new Error('upstream 503');
    if (this.behaviour === 'hang') return new Promise<never>(() => undefined);
    const kg = s.parcels.reduce((a, p) => a.plus(p.weightKg), new D(0));
    return {
      options: [service(kg.times(20).toString(), 'USD', { carrier: this.id, carrierName: this.name })],
      rejections: [],
    };
  }
}

export function testSnapshot(carriers: CarrierRater[] = [new FakeCarrier()]): DataSnapshot {
  const us = tariff();
  const ca = tariff(
    {
      country: 'CA',
      currency: 'CAD',
      timeZone: 'America/Toronto',
      regions: { ON: { es: 'Ontario', en: 'Ontario' }, BC: { es: 'Columbia Británica', en: 'British Columbia' } },
    },
    {
      taxes: [
        { code: 'HST', name: { es: 'HST', en: 'HST' }, rate: '13', regions: ['ON'], base: ['customsValue', 'duties'], ...SRC },
        { code: 'GST', name: { es: 'GST', en: 'GST' }, rate: '5', regions: ['BC'], base: ['customsValue', 'duties'], ...SRC },
      ],
    },
  );
  return { tariffs: new Map([['US', us], ['CA', ca]]), carriers, rates: RATES, hs: bundledHsNomenclature() };
}

export function testApp(over: Partial<AppDeps> = {}) {
  const deps: AppDeps = {
    data: () => testSnapshot(),
    holidays: NO_HOLIDAYS,
    timeZoneOf: () => 'America/Mexico_City',
    clock: () => new Date('2026-11-25T15:00:00Z'),
    newId: () => 'q_test',
    logger: pino({ level: 'silent' }),
    bodyLimit: '100kb',
    carrierTimeoutMs: 200,
    ...over,
  };
  return createApp(deps);
}

/** The api.md example body, as a fresh object per call. */
export function exampleBody(): Record<string, unknown> {
  return {
    origin: { country: 'MX', postalCode: '64000' },
    destination: { country: 'CA', region: 'ON', postalCode: 'M5V 2T6' },
    currency: 'CAD',
    incoterm: 'DDP',
    shipDate: '2026-11-26',
    items: [
      {
        description: 'Cotton T-shirt',
        hsCode: '6109.10',
        originCountry: 'MX',
        claimPreference: true,
        quantity: 2,
        unitPrice: { amount: '350.00', currency: 'MXN' },
        unitWeight: { value: 0.2, unit: 'kg' },
      },
    ],
    parcels: [{ length: 30, width: 20, height: 10, dimensionUnit: 'cm', weight: 1.2, weightUnit: 'kg' }],
    insure: true,
    locale: 'es',
  };
}

/** A 4xx/5xx answer is problem+json with this status and code (and names `path`, when given). */
export function expectProblem(res: request.Response, status: number, code: string, path?: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = problemSchema.parse(JSON.parse(res.text));
  expect(body.code).toBe(code);
  expect(body.status).toBe(status);
  if (path) expect(body.errors?.map((e) => e.path)).toContain(path);
  return body;
}
