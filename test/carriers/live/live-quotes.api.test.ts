import { en } from '../../helpers/wording';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { loadCarrierDirectory } from '../../../src/carriers/carrier-loader';
import { buildCarrierRegistry } from '../../../src/carriers/carrier-registry';
import { DataStore } from '../../../src/data/data-store';
import { defaultDataPaths } from '../../../src/data/load-data';
import { countryTimeZone, createHolidayCalendar } from '../../../src/domain/holiday-calendar';
import { loadRateSnapshot } from '../../../src/fx/snapshot-loader';
import type { DataSnapshot } from '../../../src/quote/quote-deps';
import { createApp } from '../../../src/http/app';
import { quoteResponseSchema } from '../../../src/schema/quote-response-schema';
import { bundledHsNomenclature } from '../../../src/hs/hs-validity';
import { loadTariffDirectory } from '../../../src/tariffs/tariff-loader';
import { FakeVendor } from './fake-vendor';
import { SECRETS, answerWell, vendorEnv } from './live-fixtures';
import { notesOf } from '../../helpers/answer-notes';

/**
 * The issue's "done when", through createApp with the real tariffs/,
 * carriers/ and exchange-rate files: with DHL Express, FedEx, UPS and karrio
 * pointing at local servers answering in their documented shapes, a MX → US
 * quote in MXN shows each carrier's option at exactly the price the server
 * returned, with its lines and delivery date; with the servers stopped, the
 * table prices with a fallback note, and no 5xx. No credential appears in an
 * answer, a log line or /data/status.
 */
// Whole quotes with the real data on a machine shared with other work: seconds, not milliseconds.
jest.setTimeout(30_000);

const paths = defaultDataPaths(join(__dirname, '..', '..', '..'));
const tariffs = loadTariffDirectory(paths.tariffsDir).tariffs;
const tables = loadCarrierDirectory(paths.carriersDir).carriers;
const rates = loadRateSnapshot(paths.fxSnapshot);

let fake: FakeVendor;
let env: Record<string, string>;
const logLines: string[] = [];

function appWith(carrierEnv: Record<string, string>) {
  const built = buildCarrierRegistry(tables, carrierEnv);
  expect(built.problems).toEqual([]);
  const snapshot: DataSnapshot = { tariffs, carriers: built.carriers, rates, hs: bundledHsNomenclature() };
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  return createApp({
    data: () => snapshot,
    holidays: createHolidayCalendar(),
    timeZoneOf: countryTimeZone,
    // 09:00 in Monterrey on Monday 2026-05-04: pickup today, before every cut-off.
    clock: () => new Date('2026-05-04T15:00:00Z'),
    newId: () => 'q_live',
    carrierTimeoutMs: 10_000,
    logger: pino({ level: 'info' }, sink),
  });
}

const body = {
  origin: { country: 'MX', postalCode: '64000', city: 'Monterrey' },
  destination: { country: 'US', postalCode: '10001', city: 'New York' },
  currency: 'MXN',
  incoterm: 'DAP',
  shipDate: '2026-05-04',
  items: [{ description: 'Cotton T-shirt', hsCode: '6109.10', quantity: 2, unitPrice: { amount: '500.00', currency: 'MXN' }, unitWeight: { value: 0.5, unit: 'kg' } }],
  parcels: [{ length: 30, width: 20, height: 10, dimensionUnit: 'cm', weight: 1.2, weightUnit: 'kg' }],
  locale: 'en',
};

type Option = ReturnType<typeof quoteResponseSchema.parse>['options'][number];
const find = (options: Option[], carrier: string, service: string) => {
  const o = options.find((x) => x.carrier === carrier && x.service === service);
  if (o === undefined) throw new Error(`no ${carrier}/${service} in ${options.map((x) => `${x.carrier}/${x.service}`).join(', ')}`);
  return o;
};

function expectNoSecret(text: string): void {
  for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
}

beforeAll(async () => {
  fake = await FakeVendor.start();
  answerWell(fake);
  // Generous limits: this is about prices and dates, and a busy test machine can take a second per request (timeouts are tested in live-vendors).
  env = vendorEnv(fake.url, ['dhl', 'fedex', 'ups', 'karrio'], { TIMEOUT_MS: '8000', BUDGET_MS: '9000' });
});
afterAll(() => fake.stop());

describe('MX → US in MXN with every vendor answering', () => {
  it("then each carrier's option is the vendor's price to the cent, its lines, its delivery date, marked as the shop's own", async () => {
    const res = await request(appWith(env)).post('/quote').send(body);
    expect(res.status).toBe(200);
    const quote = quoteResponseSchema.parse(res.body);
    // [carrier, service, shipping, lines, delivery date, business days after pickup]: pickup is Monday 2026-05-04, before every cut-off,
    // the hand-over each vendor dated its delivery for.
    const expected: Array<[string, string, string, Array<[string, string]>, string, number]> = [
      ['dhl-express', 'express-worldwide', '1234.56', [['base', '987.65'], ['fuel', '246.91']], '2026-05-06', 2],
      ['fedex', 'international-priority', '1364.12', [['base', '1100.10'], ['fuel', '264.02']], '2026-05-07', 3],
      ['ups', 'worldwide-saver', '1250.50', [['base', '1000.00'], ['UPS_375', '250.50']], '2026-05-06', 2],
      ['estafeta', 'internacional', '845.50', [['base', '800.00'], ['fuel', '45.50']], '2026-05-11', 5],
    ];
    for (const [carrier, service, amount, lines, date, days] of expected) {
      const o = find(quote.options, carrier, service);
      expect([o.rateStatus, o.shipping.amount, o.shipping.lines.map((l) => [l.code, l.amount])]).toEqual(['contract', amount, lines]);
      expect([o.estimatedDelivery, o.deliveryDays]).toEqual([{ earliest: date, latest: date, pickup: '2026-05-04' }, { min: days, max: days }]);
    }
    const dhl = find(quote.options, 'dhl-express', 'express-worldwide');
    expect(notesOf(quote, dhl).map((n) => n.code)).toEqual(expect.arrayContaining(['LIVE_RATES', 'CARRIER_DELIVERY_DATE']));
    expect(en(dhl.shipping.lines[0]?.working)).toBe(`DHL Express MyDHL API (${new URL(fake.url).host}) MXN`);
    // Table services the vendors did not price are left out, and said so.
    expect(quote.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['CARRIER_UNAVAILABLE:fedex/international-economy', 'CARRIER_UNAVAILABLE:ups/worldwide-expedited']));
    expectNoSecret(res.text);
    expectNoSecret(logLines.join(''));
  });
});

describe('/data/status with every vendor configured', () => {
  it('then the carriers are built from the environment and no credential is shown', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const store = DataStore.open({ tariffsDir: paths.tariffsDir, carriersDir: paths.carriersDir, rates, logger: pino({ level: 'silent' }) });
      expect(store.snapshot().carriers.map((c) => c.id)).toEqual(expect.arrayContaining(['dhl-express', 'fedex', 'ups', 'karrio']));
      const app = createApp({
        data: () => store.snapshot(),
        dataStatus: () => store.status(),
        holidays: createHolidayCalendar(),
        timeZoneOf: countryTimeZone,
        clock: () => new Date('2026-05-04T15:00:00Z'),
        newId: () => 'q_status',
        logger: pino({ level: 'silent' }),
      });
      const res = await request(app).get('/data/status');
      expect(res.status).toBe(200);
      expectNoSecret(res.text);
    } finally {
      for (const key of Object.keys(env)) if (!(key in saved)) delete process.env[key];
    }
  });
});

describe('MX → US in MXN with the vendor servers stopped', () => {
  it('then each carrier shows its table price with a note saying live rates failed, and the answer is a 200', async () => {
    const tablesOnly = quoteResponseSchema.parse((await request(appWith({})).post('/quote').send(body)).body);
    await fake.stop();
    const res = await request(appWith(env)).post('/quote').send(body);
    expect(res.status).toBe(200);
    const quote = quoteResponseSchema.parse(res.body);
    for (const [carrier, service] of [
      ['dhl-express', 'express-worldwide'],
      ['fedex', 'international-priority'],
      ['ups', 'worldwide-saver'],
      ['estafeta', 'internacional'],
    ] as const) {
      const o = find(quote.options, carrier, service);
      expect(o.rateStatus).toBe('illustrative');
      expect(o.shipping).toEqual(find(tablesOnly.options, carrier, service).shipping);
      expect(notesOf(quote, o)[0]?.code).toBe('LIVE_RATES_UNAVAILABLE');
      // DHL and karrio: "network error: …"; FedEx and UPS fail at the sign-in: "sign-in failed (network error: …)".
      expect(notesOf(quote, o)[0]?.text).toMatch(new RegExp(`^Live rates from ${o.carrierName} failed \\((karrio |sign-in failed \\()?network error: [^)]+\\)+; its table prices are shown\\.$`));
    }
    expect(quote.notes.map((n) => n.code)).toContain('CARRIER_UNAVAILABLE:karrio/*');
    expectNoSecret(res.text);
    expectNoSecret(logLines.join(''));
  });
});
