import { z } from 'zod';
import { countryCodeSchema, datedFields, localizedTextSchema, sourcedFields } from '../schema/primitives';

/**
 * Special territories recognised by postcode (issue 12, item 5; tariffs/README.md,
 * "Territories"): the postcode rule and what applies there — the mainland's taxes, the
 * territory's own taxes, or a refusal naming the territory.
 */


function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/**
 * How a postcode is recognised. The postcode is trimmed, upper-cased and its inner spaces
 * collapsed to one before the (anchored) `regex` is tested; `prefixes` are compared with the
 * postcode without spaces or hyphens. Either is enough.
 */
export const territoryPostcodesSchema = z
  .object({
    regex: z
      .string()
      .min(1)
      .refine(compiles, { error: (iss) => `not a valid regular expression: ${JSON.stringify(iss.input)}` })
      .refine((r) => r.startsWith('^') && r.endsWith('$'), { error: 'anchor the expression with ^ and $ so that it matches the whole postcode' })
      .optional(),
    prefixes: z.array(z.string().min(1)).min(1).optional(),
    /** Postcodes the rule must match: the loader checks them. */
    examples: z.array(z.string().min(1)).optional(),
  })
  .refine((p) => p.regex !== undefined || p.prefixes !== undefined, { error: 'give "regex" or "prefixes"' });

/**
 * A territory of a tariff file, built on the file's tax and threshold schemas (passed in, so
 * that this module does not import tariff-schema.ts, which imports it).
 */
export function territorySchemaOf<Tax extends z.ZodType, Threshold extends z.ZodType>(taxSchema: Tax, thresholdSchema: Threshold) {
  const territoryTreatmentSchema = z.discriminatedUnion('type', [
    /** Same taxes as the mainland (Monaco, the Isle of Man); the answer notes the territory. */
    z.object({ type: z.literal('mainland') }),
    /** The territory's own taxes replace the mainland's (Canary Islands: IGIC 7 % instead of IVA); [] = none. */
    z.object({
      type: z.literal('ownTaxes'),
      taxes: z.array(taxSchema),
      /** mainland: the file's duties; none: no customs duty (Norfolk Island). */
      duties: z.enum(['mainland', 'none']).default('mainland'),
      /** Replaces the mainland's tax de minimis; omitted: the mainland's apply. */
      taxDeMinimis: z.array(thresholdSchema).optional(),
    }),
    /** No estimate: 422 UNSUPPORTED_TERRITORY with the reason; `useCountry`: quote it as that country instead. */
    z.object({ type: z.literal('refuse'), reason: localizedTextSchema, useCountry: countryCodeSchema.optional() }),
  ]);

  return z.object({
    /** Stable id, e.g. "ES-CANARIAS"; fee scopes name it in `exceptTerritories`. */
    id: z.string().min(1),
    name: localizedTextSchema,
    /** Its own ISO 3166-1 code, where it has one (PR, JE, GP…): the answer says which code to use. */
    isoCode: countryCodeSchema.optional(),
    postcodes: territoryPostcodesSchema,
    /** Inside or outside the mainland's customs territory and VAT (or sales-tax) area. */
    customs: z.enum(['inside', 'outside']),
    vat: z.enum(['inside', 'outside']),
    treatment: territoryTreatmentSchema,
    /** Shown with every quote to the territory (what is and is not modelled). */
    note: localizedTextSchema.optional(),
    ...datedFields,
    ...sourcedFields,
  });
}
