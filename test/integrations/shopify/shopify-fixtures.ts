import { buildCatalogue, catalogueEntrySchema } from '../../../src/integrations/shopify/catalogue';
import type { ShopifyConfig } from '../../../src/integrations/shopify/shopify-config';

/** Illustrative test catalogue: a T-shirt with an origin and weight, a bag with a size; no real products. */
export function testCatalogue() {
  return buildCatalogue(
    [
      { sku: 'CAM-ALG-M', variantId: 40000000001, description: 'Cotton T-shirt', hsCode: '6109.10', originCountry: 'MX' },
      { sku: 'BOLSA-PIEL', hsCode: '4202.21', originCountry: 'MX', unitWeight: { value: 0.5, unit: 'kg' }, unitSize: { length: 40, width: 30, height: 10, unit: 'cm' } },
      { sku: 'SIN-ORIGEN', hsCode: '6109.10' },
    ].map((e) => catalogueEntrySchema.parse(e)),
    'test',
  );
}

export function shopifyConfig(over: Partial<ShopifyConfig> = {}): ShopifyConfig {
  return { catalogue: testCatalogue(), defaults: {}, timeBudgetMs: 2500, incoterm: 'DDP', ...over };
}

const address = (country: string, postal: string, province: string, city: string) => ({
  country, postal_code: postal, province, city, name: null, address1: '100 Example St', address2: '', address3: null,
  phone: null, fax: null, email: null, address_type: null, company_name: null,
});

export function shopifyItem(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Camiseta de algodón - M', sku: 'CAM-ALG-M', quantity: 2, grams: 200, price: 2500, vendor: 'Taller Norte',
    requires_shipping: true, taxable: true, fulfillment_service: 'manual', properties: null, product_id: 7000000001, variant_id: 40000000001,
    ...over,
  };
}

/** A rate request as Shopify sends it: a Monterrey shop, a Toronto buyer, prices in CAD subunits. */
export function shopifyRequest(items: Record<string, unknown>[] = [shopifyItem()], over: Record<string, unknown> = {}) {
  return {
    rate: {
      origin: address('MX', '64000', 'NL', 'Monterrey'),
      destination: address('CA', 'M5V 2T6', 'ON', 'Toronto'),
      items,
      currency: 'CAD',
      locale: 'en',
      ...over,
    },
  };
}
