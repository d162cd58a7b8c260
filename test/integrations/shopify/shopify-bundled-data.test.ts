import { resolve } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { defaultDataPaths, loadDataSnapshot } from '../../../src/data/load-data';
import { D } from '../../../src/domain/money';
import { createApp } from '../../../src/http/app';
import { quoteResponseSchema } from '../../../src/schema/quote-response-schema';
import { loadCatalogue } from '../../../src/integrations/shopify/catalogue';
import { shopifyRateResponseSchema } from '../../../src/integrations/shopify/shopify-rate-schema';
import { SqliteQuoteStore } from '../../../src/store/sqlite-quote-store';
import { NO_HOLIDAYS } from '../../helpers/engine-fixtures';
import { shopifyItem, shopifyRequest } from './shopify-fixtures';

/**
 * The whole path with the bundled tariffs, carrier tables and rates, and
 * the example catalogue. The figures depend on data other issues change,
 * so this test checks the contract and the arithmetic between the stored
 * quote and the rate, not fixed prices (those are in shopify-rates.test.ts).
 */
describe('Shopify rates with the bundled data: MX → CA', () => {
  const root = resolve(__dirname, '../../..');
  const { snapshot } = loadDataSnapshot(defaultDataPaths(root));
  const store = new SqliteQuoteStore(':memory:');
  let n = 0;
  const app = createApp({
    data: () => snapshot,
    holidays: NO_HOLIDAYS,
    timeZoneOf: () => 'America/Mexico_City',
    clock: () => new Date('2026-11-25T15:00:00Z'),
    newId: () => `q_bundled_${++n}`,
    logger: pino({ level: 'silent' }),
    store,
    shopify: { catalogue: loadCatalogue(resolve(root, 'data/catalogue.example.json')), defaults: {}, timeBudgetMs: 2500, incoterm: 'DDP' },
  });
  afterAll(() => store.close());

  const cart = shopifyRequest([
    shopifyItem({ sku: 'CAM-ALG-M', variant_id: 40000000000001, quantity: 2, grams: 200, price: 2500 }),
    shopifyItem({ sku: 'TALAVERA-PLATO-25', variant_id: null, quantity: 1, grams: 800, price: 4500 }),
  ]);

  it('when Shopify asks twice, then valid rates with the same stable service codes, in subunits equal to the stored quote\'s checkout amount minus the goods', async () => {
    const res1 = await request(app).post('/integrations/shopify/rates').set('Content-Type', 'application/json').send(JSON.stringify(cart));
    const res2 = await request(app).post('/integrations/shopify/rates').set('Content-Type', 'application/json').send(JSON.stringify(cart));
    expect(res1.status).toBe(200);
    expect(res1.headers['x-frontera-fallback']).toBeUndefined();
    const rates1 = shopifyRateResponseSchema.parse(res1.body).rates;
    const rates2 = shopifyRateResponseSchema.parse(res2.body).rates;
    expect(rates1.length).toBeGreaterThan(0);
    expect(rates1.map((r) => r.service_code)).toContain('dhl-express:express-worldwide');
    expect(rates2.map((r) => r.service_code)).toEqual(rates1.map((r) => r.service_code));
    for (const r of rates1) {
      expect(r.service_code).toMatch(/^[a-z0-9-]+:[a-z0-9-]+$/);
      expect(r.currency).toBe('CAD');
      const quote = quoteResponseSchema.parse((await request(app).get(`/quotes/${r.metafields![0]!.value}`)).body);
      // goods: 2 × 25.00 + 1 × 45.00 = 95.00 CAD
      expect(quote.goodsValue).toBe('95.00');
      const o = quote.options.find((x) => `${x.carrier}:${x.service}` === r.service_code)!;
      const checkoutTaxes = o.taxes.lines.filter((t) => t.collectedAt === 'checkout').reduce((a, t) => a.plus(t.amount), new D(0));
      expect(r.total_price).toBe(new D(o.payableAtCheckout).minus(quote.goodsValue).minus(checkoutTaxes).times(100).toFixed(0));
      expect(o.payableOnDelivery).toBe('0.00');
    }
  });
});
