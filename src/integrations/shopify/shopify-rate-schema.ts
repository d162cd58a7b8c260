import { z } from 'zod';
import { describeInput } from '../../schema/describe-input';
import { countryCodeSchema, currencyCodeSchema } from '../../schema/primitives';

/**
 * Shopify's CarrierService callback (shopify.dev, REST Admin API
 * "CarrierService", and GraphQL DeliveryCarrierService): Shopify POSTs
 * `{ "rate": { origin, destination, items[], currency, locale } }` and reads
 * `{ "rates": [...] }` back. Field names are Shopify's, snake_case. Unknown
 * fields are ignored so a newer API version does not break the callback.
 */

const got = describeInput;
const optionalText = z.string().nullable().optional();

export const shopifyAddressSchema = z.object({
  country: countryCodeSchema,
  postal_code: optionalText,
  province: optionalText,
  city: optionalText,
  name: optionalText,
  address1: optionalText,
  address2: optionalText,
  address3: optionalText,
  phone: optionalText,
  fax: optionalText,
  email: optionalText,
  address_type: optionalText,
  company_name: optionalText,
});

const wholeNumber = (what: string, min: number) =>
  z
    .number({ error: (i) => `expected ${what} as a whole number, got ${got(i.input)}` })
    .int({ error: (i) => `expected ${what} as a whole number, got ${got(i.input)}` })
    .min(min, { error: (i) => `expected ${what} of at least ${min}, got ${got(i.input)}` });

export const shopifyItemSchema = z.object({
  name: optionalText,
  sku: optionalText,
  quantity: wholeNumber('a quantity', 1).max(1_000_000, { error: 'expected a quantity of at most 1000000' }),
  /** Weight of one unit in grams (Shopify's product weight). */
  grams: wholeNumber('a weight in grams', 0).default(0),
  /** Unit price in subunits of `rate.currency` (1999 = 19.99). */
  price: wholeNumber('a price in subunits such as 1999', 0),
  vendor: optionalText,
  requires_shipping: z.boolean().default(true),
  taxable: z.boolean().optional(),
  fulfillment_service: optionalText,
  properties: z.unknown().optional(),
  product_id: z.number().int().nullable().optional(),
  variant_id: z.number().int().nullable().optional(),
});

export const shopifyRateRequestSchema = z.object({
  rate: z.object({
    origin: shopifyAddressSchema,
    destination: shopifyAddressSchema,
    items: z
      .array(shopifyItemSchema, { error: (i) => `expected a list of items, got ${got(i.input)}` })
      .max(1000, { error: 'expected at most 1000 items' }),
    currency: currencyCodeSchema,
    locale: optionalText,
    order_totals: z.object({ subtotal_price: z.number().optional(), total_price: z.number().optional(), discount_amount: z.number().optional() }).nullable().optional(),
    customer: z.unknown().optional(),
  }),
});

export type ShopifyRateRequest = z.output<typeof shopifyRateRequestSchema>;
export type ShopifyItem = z.output<typeof shopifyItemSchema>;

/** "2013-04-12 14:48:45 -0400", the format of Shopify's own example. */
const shopifyDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/).describe('YYYY-MM-DD HH:MM:SS ±HHMM');

export const shopifyRateSchema = z.strictObject({
  service_name: z.string().min(1).describe('Shown to the buyer at checkout'),
  service_code: z.string().min(1).describe('Stable across requests: <carrier>:<service>, or the fallback code'),
  total_price: z.string().regex(/^\d+$/).describe('Subunits as Shopify counts them: amount × 100, also for currencies without minor units'),
  currency: z.string().length(3),
  description: z.string(),
  min_delivery_date: shopifyDateTime.optional(),
  max_delivery_date: shopifyDateTime.optional(),
  phone_required: z.boolean().optional(),
  metafields: z.array(z.strictObject({ namespace: z.string(), key: z.string(), value: z.string(), type: z.string() })).optional(),
});

export const shopifyRateResponseSchema = z.strictObject({ rates: z.array(shopifyRateSchema) });

export type ShopifyRate = z.output<typeof shopifyRateSchema>;
