import { z } from 'zod';
import { amountSchema, currencyCodeSchema, datedFields, hsPrefixSchema, localizedTextSchema, percentSchema, sourcedFields } from '../schema/primitives';

/**
 * Excise rules of a tariff file (`excise`, top level, each dated): alcohol and tobacco taxes
 * charged at import whatever the consignment's value (issue 12, item 1). Documented in
 * tariffs/README.md "Excise".
 */

/**
 * What a specific excise is charged per. Alcohol units use the item's volume and strength:
 * litres of alcohol = litres × ABV / 100; proof gallons = US gallons × 2 × ABV / 100
 * (26 U.S.C. 5002(a)(10)); a US gallon is 3.785411784 l exactly.
 */
export const exciseUnitSchema = z.enum(['litreOfAlcohol', 'proofGallon', 'litre', 'usGallon', 'unit', 'kg']);

/** What an ad valorem excise is charged on (Mexico's IEPS: customs value + IGI + DTA, LIEPS art. 14). */
export const exciseBaseComponentSchema = z.enum(['goods', 'shipping', 'insurance', 'customsValue', 'duties', 'fees']);

const specificExciseSchema = z.object({
  type: z.literal('specific'),
  amount: amountSchema,
  currency: currencyCodeSchema,
  per: exciseUnitSchema,
  /** The amount is per this many units: "100" for per hectolitre, "1000" for per kilolitre. Default 1. */
  quantity: amountSchema.optional(),
  /** Plus `amount` (per the same unit) for each percentage point of strength above `abv` (Japan's liquor tax from 37 %). */
  perAbvPointAbove: z.object({ abv: percentSchema, amount: amountSchema }).optional(),
});

const adValoremExciseSchema = z.object({
  type: z.literal('adValorem'),
  percent: percentSchema,
  base: z.array(exciseBaseComponentSchema).min(1),
});

/** A percentage of an earlier excise rule of the file on the same item (Korea's education tax: 30 % of the liquor tax). */
const percentOfExciseSchema = z.object({
  type: z.literal('percentOfExcise'),
  excise: z.string().min(1),
  percent: percentSchema,
});

export const exciseChargeSchema = z.discriminatedUnion('type', [specificExciseSchema, adValoremExciseSchema, percentOfExciseSchema]);

/**
 * A strength band: at most one lower bound (`abvFrom` ≥, `abvAbove` >) and one upper bound
 * (`abvBelow` <, `abvUpTo` ≤), in % vol, so each law's wording is written as it is
 * (UK: "at least 8.5 % and not exceeding 22 %"; Mexico: "más de 14 y hasta 20 °GL").
 */
export const exciseBandSchema = z
  .object({
    abvFrom: percentSchema.optional(),
    abvAbove: percentSchema.optional(),
    abvBelow: percentSchema.optional(),
    abvUpTo: percentSchema.optional(),
    charge: exciseChargeSchema,
  })
  .refine((b) => !(b.abvFrom !== undefined && b.abvAbove !== undefined), { error: 'give "abvFrom" or "abvAbove", not both', path: ['abvAbove'] })
  .refine((b) => !(b.abvBelow !== undefined && b.abvUpTo !== undefined), { error: 'give "abvBelow" or "abvUpTo", not both', path: ['abvUpTo'] });

/**
 * One excise rule: the HS prefixes it covers and either one `charge`, strength `bands` (the
 * first band holding the item's strength applies; none: not charged), or `notModelled` — the
 * rule exists but its rate is unknown or not expressible, and the answer warns naming it.
 */
export const exciseRuleSchema = z
  .object({
    id: z.string().min(1),
    name: localizedTextSchema,
    hs: z.array(hsPrefixSchema).min(1),
    excludeHs: z.array(hsPrefixSchema).optional(),
    /**
     * Special territories of the file (ids of `territories`) where this rule applies only
     * (the Canary Islands' own alcohol-tax rates) or does not apply (the mainland rate there).
     * Omitted: the mainland and every territory that is not refused.
     */
    territories: z.array(z.string().min(1)).min(1).optional(),
    exceptTerritories: z.array(z.string().min(1)).min(1).optional(),
    charge: exciseChargeSchema.optional(),
    bands: z.array(exciseBandSchema).min(1).optional(),
    /** Why the rule is not modelled, shown in the EXCISE_NOT_MODELLED warning. */
    notModelled: localizedTextSchema.optional(),
    ...datedFields,
    ...sourcedFields,
  })
  .refine((r) => [r.charge, r.bands, r.notModelled].filter((x) => x !== undefined).length === 1, {
    error: 'give exactly one of "charge", "bands" or "notModelled"',
    path: ['charge'],
  });

export type ExciseRule = z.output<typeof exciseRuleSchema>;
export type ExciseCharge = z.output<typeof exciseChargeSchema>;
export type ExciseBand = z.output<typeof exciseBandSchema>;
export type ExciseUnit = z.infer<typeof exciseUnitSchema>;
export type ExciseBaseComponent = z.infer<typeof exciseBaseComponentSchema>;
