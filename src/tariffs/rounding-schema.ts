import { z } from 'zod';
import { D } from '../schema/decimal';
import { amountSchema, currencyCodeSchema, sourcedFields } from '../schema/primitives';

/**
 * National rounding rules of a tariff period (`rounding`) and tax shares (`shareOf`), issue 12
 * item 4. Documented in tariffs/README.md "Rounding". Japan: customs value truncated to
 * JPY 1,000, duty and each consumption tax to JPY 100 (国税通則法 arts 118–119 via 関税法 13-4;
 * Japan Customs Answer 1111), local consumption tax = 22/78 of the national one.
 */

/**
 * - `dutyBase`: the customs value ad valorem duty is charged on (Japan's 課税標準), per item.
 * - `duty`, `excise`: duty lines, excise lines (by excise id in `codes`).
 * - `taxBase`: a tax's base per item (tax codes in `codes`).
 * - `tax`: a tax's amount (tax codes in `codes`).
 */
export const roundingTargetSchema = z.enum(['dutyBase', 'duty', 'excise', 'taxBase', 'tax']);

/**
 * - `item`: each item's figure is rounded; the rounded figure is shown, added up and used later.
 * - `nextBase`: each item's figure is rounded only where it enters another base (Japan: the
 *   line's duty, truncated to JPY 100, in the consumption-tax base; the national tax, truncated,
 *   in the local tax).
 * - `total`: the consignment's total of the covered lines is rounded; the difference is an
 *   answer line with rule `rounding:<target>`.
 */
export const roundingAtSchema = z.enum(['item', 'nextBase', 'total']);

export const roundingDirectionSchema = z.enum(['down', 'up', 'halfUp', 'halfDown']);

export const roundingRuleSchema = z
  .object({
    what: roundingTargetSchema,
    /** Tax codes (taxBase, tax) or excise ids (excise) the rule covers; omitted: all of them. */
    codes: z.array(z.string().min(1)).min(1).optional(),
    at: roundingAtSchema,
    /** A multiple of the currency's unit: "1000" truncates JPY 12,345 to 12,000 with direction "down". */
    step: amountSchema.refine((s) => s.gt(0), { error: 'expected a step greater than 0' }),
    direction: roundingDirectionSchema,
    /** The currency the law rounds in; amounts in another answer currency are converted, rounded, converted back. */
    currency: currencyCodeSchema,
    ...sourcedFields,
  })
  .refine((r) => !(r.what === 'dutyBase' || r.what === 'taxBase') || r.at === 'item', {
    error: 'a base (dutyBase, taxBase) is rounded per item: use "at": "item"',
    path: ['at'],
  })
  .refine((r) => r.codes === undefined || r.what === 'excise' || r.what === 'taxBase' || r.what === 'tax', {
    error: '"codes" names taxes or excise rules: only for "taxBase", "tax" or "excise"',
    path: ['codes'],
  });

/** An exact ratio written "22/78": never turned into a float; the engine multiplies first and divides last. */
export const fractionSchema = z
  .string()
  .regex(/^\d+\/\d+$/, { error: (i) => `expected a fraction such as "22/78", got ${JSON.stringify(i.input)}` })
  .transform((s) => {
    const [n, d] = s.split('/') as [string, string];
    return { numerator: new D(n), denominator: new D(d), text: s };
  })
  .refine((f) => !f.denominator.isZero(), { error: 'the denominator of a fraction cannot be 0' });

/**
 * A tax computed as a share of another tax of the same period, after that tax's `nextBase`
 * rounding (Japan's local consumption tax: 22/78 of the national consumption tax, Local Tax
 * Act). The tax's `rate` is then its nominal rate, for information only.
 */
export const taxShareSchema = z.object({ tax: z.string().min(1), fraction: fractionSchema });

export type RoundingRule = z.output<typeof roundingRuleSchema>;
export type RoundingTarget = z.infer<typeof roundingTargetSchema>;
export type RoundingDirection = z.infer<typeof roundingDirectionSchema>;
export type TaxShare = z.output<typeof taxShareSchema>;
