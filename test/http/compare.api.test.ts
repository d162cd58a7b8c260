import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { defaultDataPaths, loadDataSnapshot } from '../../src/data/load-data';
import { countryTimeZone, createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { D } from '../../src/domain/money';
import { convert } from '../../src/fx/rate-table';
import { createApp } from '../../src/http/app';
import { compareResponseSchema, type CompareOption, type CompareResult } from '../../src/schema/compare-schema';
import type { QuoteOption, QuoteResult } from '../../src/quote/quote-result';
import { notesOf } from '../helpers/answer-notes';
import { parseCsvRecords } from '../../src/schema/csv';

/** The bundled data, as `npm start` serves it; the clock fixed so ship dates and delivery days are stable. */
const ROOT = join(__dirname, '..', '..');
const { snapshot } = loadDataSnapshot(defaultDataPaths(ROOT));
const app = createApp({
  data: () => snapshot,
  holidays: createHolidayCalendar(),
  timeZoneOf: countryTimeZone,
  clock: () => new Date('2026-12-03T15:00:00Z'),
  newId: () => 'q_compare',
  logger: pino({ level: 'silent' }),
});

/** The product: two cotton T-shirts from Monterrey, 350.00 MXN each, 1.2 kg parcel. */
function cart(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    origin: { country: 'MX', postalCode: '64000' },
    shipDate: '2026-12-07',
    locale: 'en',
    items: [{ description: 'Cotton T-shirt', hsCode: '6109.10', quantity: 2, unitPrice: { amount: '350.00', currency: 'MXN' }, unitWeight: { value: 0.2, unit: 'kg' } }],
    parcels: [{ length: 30, width: 20, height: 10, dimensionUnit: 'cm', weight: 1.2, weightUnit: 'kg' }],
    ...over,
  };
}

/** What /quote answers for the same cart sent to one destination. */
async function quoteTo(country: string, over: Record<string, unknown> = {}): Promise<QuoteResult> {
  const { region, ...rest } = over as { region?: string };
  const res = await request(app).post('/quote').send({ ...cart({ currency: 'USD', ...rest }), destination: { country, ...(region ? { region } : {}) } });
  expect(res.status).toBe(200);
  return res.body as QuoteResult;
}

/** The /quote option's figures as a compare row states them. */
function asRow(o: QuoteOption): CompareOption {
  return {
    carrier: o.carrier, carrierName: o.carrierName, service: o.service, serviceName: o.serviceName,
    landedCost: o.landedCost, payableAtCheckout: o.payableAtCheckout, payableOnDelivery: o.payableOnDelivery,
    shipping: o.shipping.amount, insurance: o.insurance.amount, duties: o.duties.amount, taxes: o.taxes.amount, fees: o.fees.amount,
    deliveryDays: o.deliveryDays, estimatedDelivery: o.estimatedDelivery,
  };
}

let all: CompareResult;
beforeAll(async () => {
  const res = await request(app).post('/compare').send(cart());
  expect(res.status).toBe(200);
  all = compareResponseSchema.parse(res.body);
}, 240_000);

describe('POST /compare: one T-shirt cart from MX to every destination (bundled data)', () => {
  it('when no destinations are named, then every tariff file is either ranked or refused, once, and at least 60 are ranked with delivery dates', () => {
    const seen = [...all.destinations.map((d) => d.country), ...all.refused.map((r) => r.country)].sort();
    expect(seen).toEqual([...snapshot.tariffs.keys()].sort());
    expect(all.destinations.length).toBeGreaterThanOrEqual(60);
    for (const d of all.destinations) {
      expect(d.cheapest.estimatedDelivery.earliest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d.cheapest.estimatedDelivery.latest >= d.cheapest.estimatedDelivery.earliest).toBe(true);
      expect(d.fastest.estimatedDelivery.latest <= d.cheapest.estimatedDelivery.latest).toBe(true);
    }
    expect(all.currency).toBe('USD');
    expect(all.shipDate).toBe('2026-12-07');
  });

  it('when ranked, then rows go from the lowest cheapest landed cost up, all in USD', () => {
    expect(all.destinations.every((d) => d.currency === 'USD')).toBe(true);
    const costs = all.destinations.map((d) => new D(d.cheapest.landedCost));
    for (let i = 1; i < costs.length; i++) expect(costs[i - 1]!.lte(costs[i]!)).toBe(true);
  });

  it('when a row is summed, then landed cost = goods + shipping + insurance + duties + taxes + fees (GT: 40.25 + 41.40 + 0 + 0 + 9.80 + 0 = 91.45)', () => {
    for (const d of all.destinations) {
      const c = d.cheapest;
      expect(new D(d.goodsValue).plus(c.shipping).plus(c.insurance).plus(c.duties).plus(c.taxes).plus(c.fees).toFixed(2)).toBe(c.landedCost);
    }
    // 2 × 350.00 MXN = 700 MXN at the bundled rates = 40.25 USD; GT IVA 12 % of CIF (40.25 + 41.40 = 81.65) = 9.80.
    const gt = all.destinations.find((d) => d.country === 'GT')!;
    expect([gt.goodsValue, gt.cheapest.shipping, gt.cheapest.taxes, gt.cheapest.landedCost]).toEqual(['40.25', '41.40', '9.80', '91.45']);
  });

  it.each(['US', 'DE', 'JP', 'GT', 'AU'])('when %s is ranked, then its cheapest row is /quote\'s first option and its fastest the /quote option delivered soonest, every field', async (country) => {
    const row = all.destinations.find((d) => d.country === country)!;
    const quote = await quoteTo(country);
    expect(row.cheapest).toEqual(asRow(quote.options[0]!));
    const fastest = quote.options.find((o) => o.carrier === row.fastest.carrier && o.service === row.fastest.service)!;
    expect(row.fastest).toEqual(asRow(fastest));
    for (const o of quote.options) expect(o.estimatedDelivery.latest >= row.fastest.estimatedDelivery.latest).toBe(true);
    expect(row.goodsValue).toBe(quote.goodsValue);
    expect(row.confidence).toBe(quote.options[0]!.confidence.level);
    expect(row.name).toBe(snapshot.tariffs.get(country)!.file.name.en);
    const quoteWarnings = [...notesOf(quote, quote.options[0]!), ...quote.notes].filter((n) => n.severity === 'warning').map((n) => n.code);
    expect(row.warnings.map((w) => w.code)).toEqual([...new Set(quoteWarnings)]);
  });

  it('when a destination has no carrier zone or needs a region, then it is refused with its code and reason, never dropped', () => {
    const byCode = (code: string) => all.refused.filter((r) => r.code === code).map((r) => r.country);
    expect(byCode('REGION_REQUIRED').sort()).toEqual(['BR', 'CA']);
    const ca = all.refused.find((r) => r.country === 'CA')!;
    expect(ca.message).toContain('Send "regions": {"CA": "…"}');
    // AG (Antigua and Barbuda) has a tariff file but no carrier zones it.
    expect(all.refused.find((r) => r.country === 'AG')).toEqual({ country: 'AG', code: 'NO_CARRIER_OPTION', message: 'No loaded carrier can take this shipment from MX to AG.' });
  });
});

describe('POST /compare with named destinations', () => {
  it('when a region is given for CA, then CA is ranked and agrees with /quote to CA-ON; an unknown code and a zone-less one are refused in Spanish', async () => {
    const res = await request(app).post('/compare').send(cart({ locale: 'es', destinations: ['CA', 'AQ', 'AG', 'CA'], regions: { CA: 'ON' } }));
    expect(res.status).toBe(200);
    expect(res.body.destinations.map((d: { country: string }) => d.country)).toEqual(['CA']);
    expect(res.body.destinations[0].region).toBe('ON');
    const quote = await quoteTo('CA', { region: 'ON', locale: 'es' });
    expect(res.body.destinations[0].cheapest).toEqual(asRow(quote.options[0]!));
    expect(res.body.refused.map((r: { country: string; code: string }) => [r.country, r.code])).toEqual([['AQ', 'UNSUPPORTED_DESTINATION'], ['AG', 'NO_CARRIER_OPTION']]);
    expect(res.body.refused[1].message).toBe('Ningún transportista cargado puede llevar este envío de MX a AG.');
  });

  it('when priceIn is "destination", then each row is in its own currency, equals /quote without a currency, and the ranking is by the landed cost in USD', async () => {
    const res = await request(app).post('/compare').send(cart({ priceIn: 'destination', destinations: ['JP', 'US', 'DE', 'GB'] }));
    expect(res.status).toBe(200);
    const rows = res.body.destinations as CompareResult['destinations'];
    expect(Object.fromEntries(rows.map((d) => [d.country, d.currency]))).toEqual({ JP: 'JPY', US: 'USD', DE: 'EUR', GB: 'GBP' });
    for (const d of rows) {
      const quote = await quoteTo(d.country, { currency: undefined });
      expect(quote.currency).toBe(d.currency);
      expect(d.cheapest).toEqual(asRow(quote.options[0]!));
    }
    const inUsd = rows.map((d) => convert(new D(d.cheapest.landedCost), d.currency, 'USD', snapshot.rates));
    for (let i = 1; i < inUsd.length; i++) expect(inUsd[i - 1]!.lte(inUsd[i]!)).toBe(true);
  });

  it('when Accept is text/csv, then the price list has a header and one row per ranked destination, in ranking order, as an attachment', async () => {
    const res = await request(app).post('/compare').set('Accept', 'text/csv').send(cart());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="frontera-where-to-sell-MX-2026-12-07-USD.csv"');
    expect(res.headers['x-frontera-refused']).toBe(String(all.refused.length));
    expect(res.text.startsWith('\uFEFFcountry,name,currency,goods_value,carrier,service,shipping,insurance,duties,taxes,fees,landed_cost,payable_at_checkout,payable_on_delivery,delivery_earliest,delivery_latest,confidence\r\n')).toBe(true);
    const records = parseCsvRecords(res.text);
    expect(records.map((r) => r['country'])).toEqual(all.destinations.map((d) => d.country));
    const gt = records.find((r) => r['country'] === 'GT')!;
    expect([gt['goods_value'], gt['shipping'], gt['taxes'], gt['landed_cost'], gt['confidence']]).toEqual(['40.25', '41.40', '9.80', '91.45', 'estimated']);
  });
});

describe('POST /compare: what is wrong with the cart is a 422 for the whole request', () => {
  it.each([
    [{ destinations: ['XX'] }, 'INVALID_REQUEST', 'destinations.0'],
    [{ destinations: [] }, 'INVALID_REQUEST', 'destinations'],
    [{ priceIn: 'local' }, 'INVALID_REQUEST', 'priceIn'],
    [{ carriers: ['nope'] }, 'UNKNOWN_CARRIER', 'carriers.0'],
    [{ currency: 'CLF' }, 'NO_EXCHANGE_RATE', 'currency'],
  ])('when the body has %j, then 422 %s naming %s', async (over, code, path) => {
    const res = await request(app).post('/compare').send(cart(over));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe(code);
    expect(res.body.errors[0].path).toBe(path);
  });

  it('when the body is in Spanish, then the field errors are too (the /quote fields and the ones /compare adds)', async () => {
    const res = await request(app).post('/compare').send(cart({ locale: 'es', priceIn: 'local', destinations: [] }));
    expect(res.status).toBe(422);
    const byPath = Object.fromEntries((res.body.errors as { path: string; message: string }[]).map((e) => [e.path, e.message]));
    expect(byPath['priceIn']).toBe('se esperaba "currency" o "destination", llegó "local"');
    expect(byPath['destinations']).toMatch(/^se esperaba al menos un destino/);
  });

  it('when a cart has 101 items, then 422 names items (a comparison prices each item once per destination)', async () => {
    const item = (cart().items as unknown[])[0];
    const res = await request(app).post('/compare').send(cart({ items: Array.from({ length: 101 }, () => item) }));
    expect([res.status, res.body.errors[0].path]).toEqual([422, 'items']);
  });

  it('when /openapi.json is read, then /compare is documented with schemas generated from zod', async () => {
    const doc = (await request(app).get('/openapi.json')).body;
    expect(doc.paths['/compare'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/CompareRequest');
    expect(Object.keys(doc.components.schemas.CompareResponse.properties)).toEqual(['currency', 'priceIn', 'locale', 'shipDate', 'destinations', 'refused']);
    expect(doc.components.schemas.CompareRequest.properties.destinations.type).toBe('array');
  });
});
