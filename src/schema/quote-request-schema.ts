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
  /** Needed only where a duty is charged per litre (spirits, wine). */
  unitVolume: z.object({ value: positiveNumber('a volume'), unit: z.enum(['l', 'ml']) }).optional(),
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
  locale: z.enum(['es', 'en']).optional(),
});

export type QuoteRequestBody = z.output<typeof quoteRequestSchema>;
