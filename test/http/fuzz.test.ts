import fc from 'fast-check';
import request from 'supertest';
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
