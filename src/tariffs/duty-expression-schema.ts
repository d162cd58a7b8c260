import { z } from 'zod';
import { amountSchema, currencyCodeSchema, percentSchema } from '../schema/primitives';

/** A duty is typed components combined with +, MIN and MAX (UK tariff calculator model). */
export type DutyExpressionInput =
  | { type: 'adValorem'; percent: string }
  | { type: 'specific'; amount: string; currency: string; per: 'unit' | 'kg' | 'litre' | 'proofLitre'; quantity?: string }
  | { type: 'sum' | 'min' | 'max'; of: DutyExpressionInput[] };

const adValoremSchema = z.object({ type: z.literal('adValorem'), percent: percentSchema });
const specificSchema = z.object({
  type: z.literal('specific'),
  amount: amountSchema,
  currency: currencyCodeSchema,
  /** `proofLitre`: a litre at 50 % alcohol, i.e. litres × ABV / 50 (US HTS "pf. liter"). */
  per: z.enum(['unit', 'kg', 'litre', 'proofLitre']),
  /** The amount is per this many units, e.g. "100" for "EUR 93.1 / 100 kg". Default 1. */
  quantity: amountSchema.optional(),
});

export const dutyExpressionSchema: z.ZodType<DutyExpression, DutyExpressionInput> = z.lazy(() =>
  z.discriminatedUnion('type', [
    adValoremSchema,
    specificSchema,
    z.object({ type: z.enum(['sum', 'min', 'max']), of: z.array(dutyExpressionSchema).min(2) }),
  ]),
);
export type DutyExpression =
  | z.output<typeof adValoremSchema>
  | z.output<typeof specificSchema>
  | { type: 'sum' | 'min' | 'max'; of: DutyExpression[] };
