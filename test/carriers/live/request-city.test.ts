import { mapRateRequest } from '../../../src/integrations/shopify/map-rate-request';
import { shopifyRateRequestSchema } from '../../../src/integrations/shopify/shopify-rate-schema';
import { quoteRequestSchema } from '../../../src/schema/quote-request-schema';
import { normaliseRequest } from '../../../src/quote/normalise-request';
import { shopifyRequest, testCatalogue } from '../../integrations/shopify/shopify-fixtures';

/** Cities reach the carriers (DHL's rating API requires them): from /quote and from Shopify's rate request. */
describe('origin.city and destination.city', () => {
  it('when /quote gives them, then they are trimmed, kept to 45 characters (DHL cityName) and passed to the carriers', () => {
    const body = quoteRequestSchema.parse({
      origin: { country: 'MX', postalCode: '64000', city: ' Monterrey ' },
      destination: { country: 'US', postalCode: '10001', city: 'New York' },
      items: [{ hsCode: '6109.10', quantity: 1, unitPrice: { amount: '100.00', currency: 'MXN' }, unitWeight: { value: 1, unit: 'kg' } }],
    });
    const input = normaliseRequest(body, { defaultCurrency: 'USD', today: '2026-05-04', locale: 'en' });
    expect([input.origin, input.destination]).toEqual([
      { country: 'MX', postalCode: '64000', city: 'Monterrey' },
      { country: 'US', postalCode: '10001', city: 'New York' },
    ]);
    expect(quoteRequestSchema.safeParse({ ...body, destination: { country: 'US', city: 'x'.repeat(46) } }).success).toBe(false);
  });

  it("when Shopify sends the shop's and the buyer's cities, then the /quote body carries them", () => {
    const req = shopifyRateRequestSchema.parse(shopifyRequest());
    const { body } = mapRateRequest(req, { catalogue: testCatalogue(), defaults: {}, incoterm: 'DDP', locale: 'en' });
    expect([body.origin.city, body.destination.city]).toEqual(['Monterrey', 'Toronto']);
  });
});
