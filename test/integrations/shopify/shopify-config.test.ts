import { buildCatalogue } from '../../../src/integrations/shopify/catalogue';
import { ShopifyConfigError, shopifyConfigFromEnv } from '../../../src/integrations/shopify/shopify-config';

const empty = buildCatalogue([], 'test');
const load = (path: string) => {
  expect(path).toBe('/srv/frontera/data/catalogue.json');
  return empty;
};

describe('Shopify configuration from the environment', () => {
  it('when SHOPIFY_CATALOGUE is not set, then the integration is off', () => {
    expect(shopifyConfigFromEnv({}, '/srv/frontera', load)).toBeUndefined();
  });

  it('when only the catalogue is set, then DDP, a 2500 ms budget, no secret, no fallback and a 900 s replay window', () => {
    expect(shopifyConfigFromEnv({ SHOPIFY_CATALOGUE: 'data/catalogue.json' }, '/srv/frontera', load)).toEqual({
      catalogue: empty, defaults: {}, timeBudgetMs: 2500, incoterm: 'DDP', replayWindowMs: 900_000,
    });
  });

  it('when every variable is set, then each lands in the config', () => {
    const c = shopifyConfigFromEnv({
      SHOPIFY_CATALOGUE: 'data/catalogue.json', SHOPIFY_HMAC_SECRET: 'shpss_0123456789', SHOPIFY_DEFAULT_HS_CODE: '6109.10',
      SHOPIFY_DEFAULT_ORIGIN_COUNTRY: 'MX', SHOPIFY_DEFAULT_UNIT_GRAMS: '250', SHOPIFY_INCOTERM: 'DAP', SHOPIFY_TIME_BUDGET_MS: '1800',
      SHOPIFY_CARRIERS: 'dhl-express, fedex', SHOPIFY_FALLBACK_PRICE: '25.00 USD', SHOPIFY_FALLBACK_NAME: 'Envío internacional',
    }, '/srv/frontera', load);
    expect(c).toMatchObject({
      defaults: { hsCode: '610910', originCountry: 'MX', unitGrams: 250 }, hmacSecret: 'shpss_0123456789', incoterm: 'DAP', timeBudgetMs: 1800,
      carriers: ['dhl-express', 'fedex'],
      fallback: { serviceName: 'Envío internacional', serviceCode: 'frontera:fallback', currency: 'USD' },
    });
    expect(c?.fallback?.amount.toFixed(2)).toBe('25.00');
  });

  it.each([
    [{ SHOPIFY_TIME_BUDGET_MS: '20000' }, 'SHOPIFY_TIME_BUDGET_MS: expected at most 10000 ms (Shopify waits 10 s at the most)'],
    [{ SHOPIFY_FALLBACK_PRICE: '25 dollars' }, 'SHOPIFY_FALLBACK_PRICE: expected an amount and an ISO 4217 code such as "25.00 USD", got "25 dollars"'],
    [{ SHOPIFY_FALLBACK_PRICE: '25.00 XXY' }, 'SHOPIFY_FALLBACK_PRICE: expected an ISO 4217 currency code such as "USD", got "XXY"'],
    [{ SHOPIFY_INCOTERM: 'EXW' }, 'SHOPIFY_INCOTERM: expected DDP or DAP'],
    [{ SHOPIFY_DEFAULT_HS_CODE: '61' }, 'SHOPIFY_DEFAULT_HS_CODE: expected an HS code of 6 to 10 digits (dots and spaces allowed) such as "6109.10", got "61"'],
  ])('when %j, then the error names the variable', (env, message) => {
    expect(() => shopifyConfigFromEnv({ SHOPIFY_CATALOGUE: 'data/catalogue.json', ...env }, '/srv/frontera', load)).toThrow(new ShopifyConfigError(message));
  });
});
