import request from 'supertest';
import { quoteResponseSchema } from '../../src/schema/quote-response-schema';
import { exampleBody, expectProblem, testApp, testSnapshot } from '../helpers/http-fixtures';
import { tariff } from '../helpers/engine-fixtures';
import { BUNDLED_RATES, realTariff } from '../quote/destinations/destination-fixtures';

/**
 * Answers in the destination's currency for the six destinations the ECB does not quote. The api.md example
 * (2 × 350.00 MXN, 1.2 kg; the fake carrier charges USD 20/kg = USD 24) with the bundled rates:
 * ECB 2026-04-13 MXN 20.3203 and USD 1.1684 per EUR; BCRA ARS 1699.02705 and Banco de la República COP 3630.1367
 * per EUR (official, 2026-10-08); market table of 2026-09-29 CLP 1099.4163, PEN 3.8808372, GTQ 8.6748075 and
 * CRC 517.15176 per EUR (not official). Goods = 700 / 20.3203 × rate; shipping = 24 / 1.1684 × rate.
 */
describe('POST /quote: the answer is in the destination currency', () => {
  const snapshot = testSnapshot();
  const data = {
    ...snapshot,
    rates: BUNDLED_RATES,
    tariffs: new Map(['CL', 'CO', 'PE', 'AR', 'GT', 'CR'].map((c) => [c, realTariff(c)])),
  };
  const app = testApp({ data: () => data });

  it.each([
    // 700 × 1099.4163 / 20.3203 = 37873.03 → 37873 (no decimals); 24 × 1099.4163 / 1.1684 = 22583.01 → 22583
    ['CL', 'CLP', '37873', '22583', false],
    // 700 × 3630.1367 / 20.3203 = 125052.0755; 24 × 3630.1367 / 1.1684 = 74566.3136
    ['CO', 'COP', '125052.08', '74566.31', true],
    // 700 × 3.8808372 / 20.3203 = 133.6883; 24 × 3.8808372 / 1.1684 = 79.7159
    ['PE', 'PEN', '133.69', '79.72', false],
    // 700 × 1699.02705 / 20.3203 = 58528.6110; 24 × 1699.02705 / 1.1684 = 34899.5628
    ['AR', 'ARS', '58528.61', '34899.56', true],
    // 700 × 8.6748075 / 20.3203 = 298.8325; 24 × 8.6748075 / 1.1684 = 178.1884
    ['GT', 'GTQ', '298.83', '178.19', false],
    // 700 × 517.15176 / 20.3203 = 17815.0043; 24 × 517.15176 / 1.1684 = 10622.7681
    ['CR', 'CRC', '17815.00', '10622.77', false],
  ])('when a quote to %s names no currency, then it is in %s: goods %s, shipping %s, the rate official=%s', async (country, ccy, goods, shipping, official) => {
    const body = { ...exampleBody(), destination: { country }, currency: undefined, incoterm: 'DAP' };
    const res = await request(app).post('/quote').send(body);
    expect(res.status).toBe(200);
    const q = quoteResponseSchema.parse(res.body);
    expect([q.currency, q.goodsValue, q.options[0]!.shipping.amount]).toEqual([ccy, goods, shipping]);
    expect(q.exchangeRates.base).toBe(ccy);
    expect(Object.keys(q.exchangeRates.rates)).toEqual(['MXN', 'USD']);
    expect(q.exchangeRates.details[ccy]!.official).toBe(official);
    expect(q.exchangeRates.details.MXN).toEqual({ asOf: '2026-04-13', source: 'European Central Bank euro foreign exchange reference rates (bundled snapshot)', official: true });
    // The oldest rate used is the ECB's of 2026-04-13; the answer never looks fresher than that.
    expect([q.exchangeRates.asOf, q.dataDates.exchangeRates]).toEqual(['2026-04-13', '2026-04-13']);
    expect(q.notes.map((n) => n.code)).not.toContain('CURRENCY_FALLBACK');
  });

  it('when the destination currency is one no table quotes (CLF), then 422 NO_EXCHANGE_RATE names destination.country, in Spanish', async () => {
    const clf = tariff({ country: 'CL', currency: 'CLF', timeZone: 'America/Santiago' });
    const odd = { ...data, tariffs: new Map([['CL', clf]]) };
    const body = { ...exampleBody(), destination: { country: 'CL' }, currency: undefined, locale: 'es' };
    const res = await request(testApp({ data: () => odd })).post('/quote').send(body);
    expectProblem(res, 422, 'NO_EXCHANGE_RATE', 'destination.country');
    expect(res.body.errors[0].message).toMatch(/^no hay tipo de cambio para CLF, la moneda de CL en ninguna tabla \(.*\); indique "currency" para cotizar en otra moneda$/);
  });

  it('when the destination currency has no rate but the request names one that has, then the quote answers in it', async () => {
    // The test tariff has no figure in its own currency to convert, so a USD answer needs no CLF rate.
    const clf = tariff({ country: 'CL', currency: 'CLF', timeZone: 'America/Santiago' });
    const odd = { ...data, tariffs: new Map([['CL', clf]]) };
    const res = await request(testApp({ data: () => odd })).post('/quote').send({ ...exampleBody(), destination: { country: 'CL' }, currency: 'USD' });
    expect(res.status).toBe(200);
    // 700 MXN / 20.3203 × 1.1684 = 40.2494 → 40.25 USD
    expect([res.body.currency, res.body.goodsValue]).toEqual(['USD', '40.25']);
  });
});
