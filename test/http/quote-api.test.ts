import request from 'supertest';
import { D } from '../../src/domain/money';
import { quoteResponseSchema } from '../../src/schema/quote-response-schema';
import { FakeCarrier, exampleBody, testApp, testSnapshot, expectProblem } from '../helpers/http-fixtures';


describe('POST /quote: the contract', () => {
  it('when the api.md example is sent, then the answer follows the response schema and adds up', async () => {
    const res = await request(testApp()).post('/quote').send(exampleBody());
    expect(res.status).toBe(200);
    const q = quoteResponseSchema.parse(res.body);
    // 2 × 350.00 MXN = 700 MXN × 0.075 CAD/MXN = 52.50 CAD
    expect(q.goodsValue).toBe('52.50');
    expect(q.currency).toBe('CAD');
    expect(q.locale).toBe('es');
    const o = q.options[0]!;
    // fake carrier: 1.2 kg × 20 USD = 24.00 USD × 1.2 CAD/USD = 28.80 CAD; HST 13% × (52.50 + 0 duty: FOB, default 5%?)
    expect(o.shipping.amount).toBe('28.80');
    const parts = [q.goodsValue, o.shipping.amount, o.insurance.amount, o.duties.amount, o.taxes.amount, o.fees.amount];
    expect(parts.reduce((a, p) => a.plus(p), new D(0)).toFixed(2)).toBe(o.landedCost);
    expect(o.payableAtCheckout).toBe(o.landedCost); // DDP
    expect(o.payableOnDelivery).toBe('0.00');
    for (const line of [...o.duties.lines, ...o.taxes.lines]) {
      expect(line.rate).not.toBe('');
      expect(line.base).toMatch(/^\d+\.\d{2}$/);
      expect(line.rule).not.toBe('');
    }
    expect(o.taxes.lines.map((l) => [l.code, l.rate])).toEqual([['HST', '13']]);
  });

  it('when there is no locale in the body, then Accept-Language decides', async () => {
    const body = exampleBody();
    delete body.locale;
    const res = await request(testApp()).post('/quote').set('Accept-Language', 'es-MX,es;q=0.9').send(body);
    expect(res.body.locale).toBe('es');
    const res2 = await request(testApp()).post('/quote').send(body);
    expect(res2.body.locale).toBe('en');
  });

  it('when currency and incoterm are left out, then the destination currency and DAP are used', async () => {
    const body = exampleBody();
    delete body.currency;
    delete body.incoterm;
    const res = await request(testApp()).post('/quote').send(body);
    expect(res.body.currency).toBe('CAD');
    expect(res.body.incoterm).toBe('DAP');
  });

  it('when a carrier throws or hangs, then the quote still answers with the others and a note', async () => {
    const snapshot = testSnapshot([new FakeCarrier('good', 'Good'), new FakeCarrier('bad', 'Bad', 'throw'), new FakeCarrier('slow', 'Slow', 'hang')]);
    const res = await request(testApp({ data: () => snapshot })).post('/quote').send(exampleBody());
    expect(res.status).toBe(200);
    expect(res.body.options.map((o: { carrier: string }) => o.carrier)).toEqual(['good']);
    const codes = res.body.notes.map((n: { code: string }) => n.code);
    expect(codes).toEqual(expect.arrayContaining(['CARRIER_UNAVAILABLE:bad/*', 'CARRIER_UNAVAILABLE:slow/*']));
  });

  it('when the carriers filter names one carrier, then only it is asked', async () => {
    const snapshot = testSnapshot([new FakeCarrier('a', 'A'), new FakeCarrier('b', 'B')]);
    const res = await request(testApp({ data: () => snapshot })).post('/quote').send({ ...exampleBody(), carriers: ['b'] });
    expect(res.body.options.map((o: { carrier: string }) => o.carrier)).toEqual(['b']);
  });

  it('when parcels are left out, then the items are packed into one parcel and a note says so', async () => {
    const body = exampleBody();
    delete body.parcels;
    const res = await request(testApp()).post('/quote').send(body);
    expect(res.status).toBe(200);
    // 2 × 0.2 kg = 0.4 kg × 20 USD = 8.00 USD × 1.2 = 9.60 CAD
    expect(res.body.options[0].shipping.amount).toBe('9.60');
    expect(res.body.notes.map((n: { code: string }) => n.code)).toContain('PARCEL_PACKED');
  });
});

describe('POST /quote: every error path is a 4xx problem+json naming the field', () => {
  const app = testApp();
  const withItem = (over: Record<string, unknown>) => {
    const body = exampleBody();
    body.items = [{ ...(body.items as Record<string, unknown>[])[0], ...over }];
    return body;
  };

  it.each([
    ['an unknown destination country', { ...exampleBody(), destination: { country: 'XX' } }, 'INVALID_REQUEST', 'destination.country'],
    ['a destination with no tariff file', { ...exampleBody(), destination: { country: 'FR' } }, 'UNSUPPORTED_DESTINATION', 'destination.country'],
    ['an unknown currency', { ...exampleBody(), currency: 'ABC' }, 'INVALID_REQUEST', 'currency'],
    ['a currency with no exchange rate', { ...exampleBody(), currency: 'KWD' }, 'NO_EXCHANGE_RATE', 'currency'],
    ['a bad HS code', withItem({ hsCode: '61-09' }), 'INVALID_REQUEST', 'items.0.hsCode'],
    ['a too-short HS code', withItem({ hsCode: '6109' }), 'INVALID_REQUEST', 'items.0.hsCode'],
    ['a negative quantity', withItem({ quantity: -1 }), 'INVALID_REQUEST', 'items.0.quantity'],
    ['a fractional quantity', withItem({ quantity: 1.5 }), 'INVALID_REQUEST', 'items.0.quantity'],
    ['a missing quantity', withItem({ quantity: undefined }), 'INVALID_REQUEST', 'items.0.quantity'],
    ['a price as a number', withItem({ unitPrice: { amount: 350, currency: 'MXN' } }), 'INVALID_REQUEST', 'items.0.unitPrice.amount'],
    ['no items', { ...exampleBody(), items: [] }, 'INVALID_REQUEST', 'items'],
    ['a bad ship date', { ...exampleBody(), shipDate: '2026-02-30' }, 'INVALID_REQUEST', 'shipDate'],
    ['a missing province for Canada', { ...exampleBody(), destination: { country: 'CA' } }, 'REGION_REQUIRED', 'destination.region'],
    ['an unknown province', { ...exampleBody(), destination: { country: 'CA', region: 'ZZ' } }, 'UNKNOWN_REGION', 'destination.region'],
    ['an unknown carrier', { ...exampleBody(), carriers: ['nope'] }, 'UNKNOWN_CARRIER', 'carriers.0'],
    ['a bad incoterm', { ...exampleBody(), incoterm: 'EXW' }, 'INVALID_REQUEST', 'incoterm'],
    ['a zero parcel weight', { ...exampleBody(), parcels: [{ length: 1, width: 1, height: 1, dimensionUnit: 'cm', weight: 0, weightUnit: 'kg' }] }, 'INVALID_REQUEST', 'parcels.0.weight'],
    ['no parcels and no item weight', (() => { const b = withItem({ unitWeight: undefined }); delete b.parcels; return b; })(), 'PARCELS_OR_WEIGHTS_REQUIRED', 'items.0.unitWeight'],
    ['an array body', [1, 2], 'INVALID_REQUEST', '(body)'],
  ])('when the body has %s, then 422 %s names %s', async (_name, body, code, path) => {
    const res = await request(app).post('/quote').send(body as object);
    const p = expectProblem(res, 422, code, path);
    expect(p.detail.length).toBeGreaterThan(0);
  });

  it('when the JSON is malformed, then 400 MALFORMED_JSON', async () => {
    const res = await request(app).post('/quote').set('Content-Type', 'application/json').send('{"origin": ');
    expectProblem(res, 400, 'MALFORMED_JSON', '(body)');
  });

  it('when the content type is not JSON, then 415', async () => {
    const res = await request(app).post('/quote').set('Content-Type', 'text/plain').send('hello');
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('when the body is over the limit, then 413', async () => {
    const res = await request(app).post('/quote').set('Content-Type', 'application/json').send(JSON.stringify({ pad: 'x'.repeat(200_000) }));
    expectProblem(res, 413, 'BODY_TOO_LARGE');
  });

  it('when the Accept-Language is Spanish, then messages are in Spanish', async () => {
    const res = await request(app).post('/quote').set('Accept-Language', 'es').send({ ...exampleBody(), destination: { country: 'FR' }, locale: undefined });
    expect(res.body.errors[0].message).toBe('No hay archivo arancelario para Francia (FR); destinos disponibles: Canadá (CA), Estados Unidos (US)');
  });

  it('when a body carries __proto__ and constructor keys, then nothing is polluted', async () => {
    const res = await request(app).post('/quote').set('Content-Type', 'application/json').send(`{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, ${JSON.stringify(exampleBody()).slice(1)}`);
    expect(res.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('when the route does not exist, then 404 problem+json', async () => {
    expectProblem(await request(app).get('/nope'), 404, 'NOT_FOUND');
  });
});

describe('service endpoints', () => {
  it('when /healthz is asked, then it lists the loaded data', async () => {
    const res = await request(testApp()).get('/healthz');
    expect(res.body).toMatchObject({ status: 'ok', tariffs: ['CA', 'US'], carriers: ['fake'], exchangeRatesAsOf: '2026-11-20' });
  });

  it('when /openapi.json is asked, then it documents /quote with schemas generated from zod', async () => {
    const res = await request(testApp()).get('/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/quote'].post.responses['422']).toBeDefined();
    const req = res.body.components.schemas.QuoteRequest;
    expect(req.required).toEqual(expect.arrayContaining(['origin', 'destination', 'items']));
    expect(Object.keys(res.body.components.schemas.QuoteResponse.properties)).toEqual(expect.arrayContaining(['quoteId', 'options', 'notes', 'exchangeRates']));
  });
});
