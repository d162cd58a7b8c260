import { z } from 'zod';
import { describeInput } from './describe-input';
import { countryCodeSchema, currencyCodeSchema } from './primitives';
import { quoteRequestSchemaIn, type quoteRequestSchema } from './quote-request-schema';
import { confidenceSchema } from './quote-response-schema';

/**
 * `POST /compare` ("¿Dónde vender? / Where to sell", README): one cart quoted to many
 * destinations with the `/quote` engine. The request is the `/quote` body without
 * `destination`; the answer keeps, per destination, its cheapest and its fastest option.
 */

/** Most destinations one request may name (every loaded tariff file is fewer than this). */
export const MAX_COMPARE_DESTINATIONS = 250;
/**
 * Most items a compared cart may hold (README "Limits"): every item is priced once per
 * destination, so the /quote limit (1,000) times ~170 destinations would hold the service for minutes.
 */
export const MAX_COMPARE_ITEMS = 100;

/** The messages of the fields `/compare` adds, in each language (the /quote fields keep theirs: request-messages.ts). */
const MESSAGES = {
  en: {
    items: `expected at most ${MAX_COMPARE_ITEMS} items in a comparison`,
    destinationsType: (g: string) => `expected a list of ISO 3166-1 alpha-2 country codes, got ${g}`,
    destinationsMin: 'expected at least one destination, or leave "destinations" out for every destination with a tariff file',
    destinationsMax: `expected at most ${MAX_COMPARE_DESTINATIONS} destinations`,
    regionsMax: `expected at most ${MAX_COMPARE_DESTINATIONS} regions`,
    priceIn: (g: string) => `expected "currency" or "destination", got ${g}`,
  },
  es: {
    items: `se esperaban como máximo ${MAX_COMPARE_ITEMS} artículos en una comparación`,
    destinationsType: (g: string) => `se esperaba una lista de códigos de país ISO 3166-1 alfa-2, llegó ${g}`,
    destinationsMin: 'se esperaba al menos un destino, u omita "destinations" para todos los destinos con archivo arancelario',
    destinationsMax: `se esperaban como máximo ${MAX_COMPARE_DESTINATIONS} destinos`,
    regionsMax: `se esperaban como máximo ${MAX_COMPARE_DESTINATIONS} regiones`,
    priceIn: (g: string) => `se esperaba "currency" o "destination", llegó ${g}`,
  },
};

/** The /compare body in one language: the /quote body of that language without `destination`, plus what a comparison adds. */
function compareSchemaFrom(base: typeof quoteRequestSchema, m: (typeof MESSAGES)['en']) {
  return base.omit({ destination: true }).extend({
    items: base.shape.items.max(MAX_COMPARE_ITEMS, { error: m.items }),
    destinations: z
      .array(countryCodeSchema, { error: (i) => m.destinationsType(describeInput(i.input)) })
      .min(1, { error: m.destinationsMin })
      .max(MAX_COMPARE_DESTINATIONS, { error: m.destinationsMax })
      .optional()
      .describe('ISO 3166-1 alpha-2 codes; default every destination with a tariff file'),
    regions: z
      .record(countryCodeSchema, z.string().min(1).max(10))
      .refine((r) => Object.keys(r).length <= MAX_COMPARE_DESTINATIONS, { error: m.regionsMax })
      .optional()
      .describe('The region to quote in a destination whose taxes depend on it ({"CA": "ON", "BR": "SP"}); without one, that destination is refused with REGION_REQUIRED'),
    currency: currencyCodeSchema.default('USD').describe('The one currency of the answer and of the ranking (default USD)'),
    priceIn: z
      .enum(['currency', 'destination'], { error: (i) => m.priceIn(describeInput(i.input)) })
      .default('currency')
      .describe('currency: every row in `currency`; destination: each row in the destination\'s own currency (a price list per marketplace), still ranked by its landed cost in `currency`'),
  });
}

export const compareRequestSchemaIn = { en: compareSchemaFrom(quoteRequestSchemaIn.en, MESSAGES.en), es: compareSchemaFrom(quoteRequestSchemaIn.es, MESSAGES.es) };
/** The English one: what /openapi.json documents (the fields are the same in both). */
export const compareRequestSchema = compareRequestSchemaIn.en;

export type CompareRequestBody = z.output<typeof compareRequestSchema>;

const amount = z.string().regex(/^-?\d+(\.\d+)?$/).describe('Decimal string in the row\'s currency');

/** One quote option, summed: the same figures `/quote` answers for that carrier service. */
export const compareOptionSchema = z.strictObject({
  carrier: z.string(),
  carrierName: z.string(),
  service: z.string(),
  serviceName: z.string(),
  landedCost: amount,
  payableAtCheckout: amount,
  payableOnDelivery: amount,
  shipping: amount,
  insurance: amount,
  duties: amount,
  taxes: amount,
  fees: amount,
  deliveryDays: z.strictObject({ min: z.number().int(), max: z.number().int() }),
  estimatedDelivery: z.strictObject({ earliest: z.string(), latest: z.string(), pickup: z.string() }),
});

export const continentCodeSchema = z.enum(['AF', 'AN', 'AS', 'EU', 'NA', 'OC', 'SA']).describe('Continent (countries-list 3.4.1): AF Africa, AN Antarctica, AS Asia, EU Europe, NA North America, OC Oceania, SA South America');

export const compareRowSchema = z.strictObject({
  country: z.string(),
  name: z.string().describe('The destination\'s name in the answer\'s language'),
  continent: continentCodeSchema.optional(),
  region: z.string().optional().describe('The region quoted (from `regions`)'),
  currency: z.string(),
  goodsValue: amount,
  cheapest: compareOptionSchema.describe('The option /quote lists first: lowest landed cost, then shortest delivery'),
  fastest: compareOptionSchema.describe('The option delivered soonest (latest estimated day, then earliest, then lowest landed cost)'),
  confidence: confidenceSchema.describe('The cheapest option\'s confidence level'),
  warnings: z.array(z.strictObject({ code: z.string(), text: z.string() })).describe('Warning notes of the cheapest option and of the quote, without repeats'),
});

export const compareRefusalSchema = z.strictObject({
  country: z.string(),
  code: z.string().describe('UNSUPPORTED_DESTINATION, NO_CARRIER_OPTION, REGION_REQUIRED, UNKNOWN_REGION, NO_EXCHANGE_RATE, MIN_CONFIDENCE_NOT_MET, NO_TARIFF_PERIOD, …'),
  message: z.string().describe('Why, in the answer\'s language'),
});

export const compareResponseSchema = z.strictObject({
  currency: z.string().describe('The ranking currency; every row is in it unless priceIn is "destination"'),
  priceIn: z.enum(['currency', 'destination']),
  locale: z.enum(['es', 'en']),
  shipDate: z.string(),
  destinations: z.array(compareRowSchema).describe('Ranked by the cheapest option\'s landed cost in `currency`, lowest first'),
  refused: z.array(compareRefusalSchema).describe('Destinations that could not be quoted, by country code'),
});

export type CompareOption = z.output<typeof compareOptionSchema>;
export type CompareRow = z.output<typeof compareRowSchema>;
export type CompareRefusal = z.output<typeof compareRefusalSchema>;
export type CompareResult = z.output<typeof compareResponseSchema>;
