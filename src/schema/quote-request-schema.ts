import { z } from 'zod';
import { describeInput } from './describe-input';
import { countryCodeSchema, currencyCodeSchema, isoDateSchema } from './primitives';

/**
 * `POST /quote` request body (the contract: README "Ask for a quote", served as /openapi.json). Field names are the
 * contract; every message names what was expected and what came.
 */

const got = describeInput;

/** Most carrier ids a request may filter by (README "Limits"); there are far fewer carriers. */
export const MAX_CARRIER_FILTER = 50;
/** Longest carrier id accepted in the filter. */
const MAX_CARRIER_ID_LENGTH = 64;

const moneyAmountSchema = z
  .string({ error: (i) => `expected an amount as a decimal string such as "350.00", got ${got(i.input)}` })
  .regex(/^\d{1,15}(\.\d{1,10})?$/, { error: (i) => `expected a non-negative decimal string such as "350.00", got ${got(i.input)}` });

const positiveNumber = (what: string) =>
  z
    .number({ error: (i) => `expected ${what} as a positive number, got ${got(i.input)}` })
    .positive({ error: (i) => `expected ${what} greater than 0, got ${got(i.input)}` })
    .max(1e6, { error: `expected ${what} of at most 1000000` });

/**
 * Alcoholic strength by volume, a JSON number from 0 to 100 with at most two decimals ("40",
 * "12.5"): a percentage as labels print it, read through its decimal text (never as a float).
 */
export const alcoholByVolumeSchema = z
  .number({ error: (i) => `expected the alcoholic strength as a number of % vol such as 40, got ${got(i.input)}` })
  .min(0, { error: (i) => `expected a strength of at least 0 % vol, got ${got(i.input)}` })
  .max(100, { error: (i) => `expected a strength of at most 100 % vol, got ${got(i.input)}` })
  .refine((v) => /^\d{1,3}(\.\d{1,2})?$/.test(String(v)), { error: (i) => `expected a strength with at most two decimals such as 40 or 12.5, got ${got(i.input)}` });

export const hsCodeSchema = z
  .string({ error: (i) => `expected an HS code as a string such as "6109.10", got ${got(i.input)}` })
  .transform((s) => s.replace(/[.\s]/g, ''))
  .refine((s) => /^\d{6,10}$/.test(s), {
    error: (i) => `expected an HS code of 6 to 10 digits (dots and spaces allowed) such as "6109.10", got ${got(i.input)}`,
  });

export const addressSchema = z.object({
  country: countryCodeSchema,
  region: z.string().min(1).max(10).optional(),
  postalCode: z.string().min(1).max(20).optional(),
  /** Sent to carriers whose rating API needs it (DHL Express); tables do not use it. */
  city: z.string().trim().min(1).max(45).optional(),
});

export const itemSchema = z.object({
  description: z.string().max(500).default(''),
  hsCode: hsCodeSchema,
  originCountry: countryCodeSchema.optional(),
  claimPreference: z.boolean().default(true),
  quantity: z
    .number({ error: (i) => `expected a quantity as a whole number, got ${got(i.input)}` })
    .int({ error: (i) => `expected a whole number of units, got ${got(i.input)}` })
    .positive({ error: (i) => `expected a quantity of at least 1, got ${got(i.input)}` })
    .max(1_000_000, { error: 'expected a quantity of at most 1000000' }),
  unitPrice: z.object({ amount: moneyAmountSchema, currency: currencyCodeSchema }),
  unitWeight: z.object({ value: positiveNumber('a weight'), unit: z.enum(['kg', 'lb']) }).optional(),
  /** Needed where a duty or an excise is charged per litre (spirits, wine, beer). */
  unitVolume: z.object({ value: positiveNumber('a volume'), unit: z.enum(['l', 'ml']) }).optional(),
  /** Alcoholic strength in % vol (40 for a 40 % tequila): needed where an excise or a duty depends on it. */
  alcoholByVolume: alcoholByVolumeSchema.optional(),
});

export const parcelSchema = z.object({
  length: positiveNumber('a length'),
  width: positiveNumber('a width'),
  height: positiveNumber('a height'),
  dimensionUnit: z.enum(['cm', 'in']),
  weight: positiveNumber('a weight'),
  weightUnit: z.enum(['kg', 'lb']),
});

export const quoteRequestSchema = z.object({
  origin: addressSchema,
  destination: addressSchema,
  currency: currencyCodeSchema.optional(),
  incoterm: z.enum(['DDP', 'DAP']).default('DAP'),
  shipDate: isoDateSchema.optional(),
  items: z
    .array(itemSchema, { error: (i) => `expected a list of items, got ${got(i.input)}` })
    .min(1, { error: 'expected at least one item' })
    .max(1000, { error: 'expected at most 1000 items' }),
  parcels: z.array(parcelSchema).min(1, { error: 'expected at least one parcel, or leave "parcels" out' }).max(50).optional(),
  carriers: z
    .array(z.string().min(1).max(MAX_CARRIER_ID_LENGTH), { error: (i) => `expected a list of carrier ids, got ${got(i.input)}` })
    .max(MAX_CARRIER_FILTER, { error: `expected at most ${MAX_CARRIER_FILTER} carrier ids` })
    .optional(),
  insure: z.boolean().default(false),
  /** Who receives the goods: carriers' restricted-goods rules and some national parcel charges depend on it. */
  buyer: z.enum(['consumer', 'business']).default('consumer'),
  locale: z.enum(['es', 'en']).optional(),
  minConfidence: z
    .enum(['confirmed', 'secondary', 'estimated'], { error: (i) => `expected "confirmed", "secondary" or "estimated", got ${got(i.input)}` })
    .optional()
    .describe('Refuse to quote below this confidence: options under it are left out, and with none left the answer is 422 MIN_CONFIDENCE_NOT_MET naming the lines'),
});

export type QuoteRequestBody = z.output<typeof quoteRequestSchema>;
