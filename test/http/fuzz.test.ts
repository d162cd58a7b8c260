import fc from 'fast-check';
import request from 'supertest';
import { join } from 'node:path';
import { defaultDataPaths, loadDataSnapshot } from '../../src/data/load-data';
import { countryTimeZone, createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { exampleBody, testApp } from '../helpers/http-fixtures';

const app = testApp();

// Hundreds of requests per property: generous, since CI machines are small.
jest.setTimeout(120_000);

/** Any JSON value, as garbage or in place of a field of a valid body. */
const weird = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant('__proto__'),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.constantFrom(-1, 0, 1e308, Number.MAX_SAFE_INTEGER, '1e309', 'NaN', '-0.00', '9'.repeat(40), 'MX', 'XX', 'JPY', '2026-02-30', '6109.10.00.12.34'),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
);

/** Paths into the api.md example body where a fuzzer swaps the value. */
const PATHS = [
  ['origin'], ['origin', 'country'], ['destination'], ['destination', 'country'], ['destination', 'region'], ['destination', 'postalCode'],
  ['currency'], ['incoterm'], ['shipDate'], ['items'], ['items', 0], ['items', 0, 'hsCode'], ['items', 0, 'quantity'],
  ['items', 0, 'unitPrice'], ['items', 0, 'unitPrice', 'amount'], ['items', 0, 'unitPrice', 'currency'], ['items', 0, 'unitWeight'],
  ['items', 0, 'unitWeight', 'value'], ['items', 0, 'originCountry'], ['items', 0, 'claimPreference'], ['items', 0, 'unitVolume'],
  ['parcels'], ['parcels', 0], ['parcels', 0, 'weight'], ['parcels', 0, 'length'], ['parcels', 0, 'dimensionUnit'],
  ['carriers'], ['insure'], ['locale'],
] as const;

function setPath(body: Record<string, unknown>, path: readonly (string | number)[], value: unknown): Record<string, unknown> {
  let node: Record<string | number, unknown> = body;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return body;
}

async function expectNo5xx(payload: string, contentType = 'application/json') {
  const res = await request(app).post('/quote').set('Content-Type', contentType).send(payload);
  expect(res.status).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(res.text) as { status: number; title: string; detail: string };
    expect(body.status).toBe(res.status);
    expect(body.detail.length).toBeGreaterThan(0);
    expect(res.text).not.toMatch(/\/work\/|node_modules|at .*\.ts:\d+/);
  } else {
    expect(res.status).toBe(200);
  }
}

describe('fuzzing POST /quote: no body, however malformed, gets a 5xx', () => {
  it('when valid-looking bodies go to every real destination with the real tariffs and carriers, then no answer is a 5xx', async () => {
    const { snapshot } = loadDataSnapshot(defaultDataPaths(join(__dirname, '../..')));
    const real = testApp({ data: () => snapshot, holidays: createHolidayCalendar(), timeZoneOf: countryTimeZone });
    const destinations = [...snapshot.tariffs.keys()];
    const body = fc.record({
      dest: fc.constantFrom(...destinations),
      region: fc.constantFrom(undefined, 'ON', 'QC', 'BC', 'SP', 'CA', 'ZZ'),
      hs: fc.constantFrom('6109.10', '4202.21', '2208.90', '0901.21', '7113.11', '9503.00', '6403.99', '2103.90', '1806.32', '3304.99'),
      origin: fc.constantFrom('MX', 'CN', 'US', 'CA', 'JP', 'BR'),
      claim: fc.boolean(),
      qty: fc.integer({ min: 1, max: 50 }),
      price: fc.integer({ min: 1, max: 5_000_000 }).map((c) => (c / 100).toFixed(2)),
      ccy: fc.constantFrom('MXN', 'USD', 'EUR', 'JPY'),
      answer: fc.constantFrom(undefined, 'USD', 'MXN', 'JPY', 'EUR', 'CLP'),
      incoterm: fc.constantFrom('DDP', 'DAP'),
      kg: fc.constantFrom(undefined, 0.05, 0.7, 12, 90),
      litres: fc.constantFrom(undefined, 0.75),
      parcels: fc.boolean(),
      insure: fc.boolean(),
      shipDate: fc.constantFrom('2025-06-01', '2026-02-22', '2026-07-24', '2026-12-24', '2027-03-01'),
    });
    const statuses: number[] = [];
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const payload = {
          origin: { country: 'MX', postalCode: '64000' },
          destination: { country: b.dest, ...(b.region ? { region: b.region } : {}), postalCode: '10001' },
          ...(b.answer ? { currency: b.answer } : {}),
          incoterm: b.incoterm,
          shipDate: b.shipDate,
          items: [{
            hsCode: b.hs, originCountry: b.origin, claimPreference: b.claim, quantity: b.qty,
            unitPrice: { amount: b.price, currency: b.ccy },
            ...(b.kg ? { unitWeight: { value: b.kg, unit: 'kg' } } : {}),
            ...(b.litres ? { unitVolume: { value: b.litres, unit: 'l' } } : {}),
          }],
          ...(b.parcels ? { parcels: [{ length: 40, width: 30, height: 20, dimensionUnit: 'cm', weight: 3, weightUnit: 'kg' }] } : {}),
          insure: b.insure,
        };
        const res = await request(real).post('/quote').set('Content-Type', 'application/json').send(JSON.stringify(payload));
        statuses.push(res.status);
        expect(res.status).toBeLessThan(500);
        if (res.status === 200) {
          for (const o of res.body.options as { landedCost: string }[]) expect(o.landedCost).toMatch(/^\d+(\.\d+)?$/);
        } else {
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        }
      }),
      { numRuns: 150 },
    );
    // The generator reaches the engine, not only the validation: most bodies are priced.
    expect(statuses.filter((x) => x === 200).length).toBeGreaterThan(statuses.length / 2);
  });

  it('when a field of a valid body is replaced by anything, then the answer is 200 or a problem+json 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), weird, async (path, value) => {
        await expectNo5xx(JSON.stringify(setPath(exampleBody(), path, value)));
      }),
      { numRuns: 400 },
    );
  });

  it('when the body is any JSON value, then the answer is a problem+json 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json({ maxDepth: 4 }), async (json) => {
        await expectNo5xx(json);
      }),
      { numRuns: 200 },
    );
  });

  it('when the body is arbitrary text under any content type, then the answer is a problem+json 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'), async (text, ct) => {
        await expectNo5xx(text, ct);
      }),
      { numRuns: 200 },
    );
  });
});
