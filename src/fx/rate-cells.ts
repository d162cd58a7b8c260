import { z } from 'zod';
import { D } from '../domain/money';
import { isoDateSchema } from '../schema/primitives';

const RATE = /^\d+(\.\d+)?$/;

/** A rate cell of a bundled table or feed: a positive decimal written out ("1099.4163"), never 0 or a word. */
export const rateCellSchema = z
  .string()
  .trim()
  .regex(RATE, { error: (i) => `expected a positive rate, got ${JSON.stringify(i.input)}` })
  // zod runs every check: the zero test must not parse what the pattern refused.
  .refine((s) => !RATE.test(s) || !new D(s).isZero(), { error: 'expected a positive rate, got 0' })
  .transform((s) => new D(s));

/** A date cell, YYYY-MM-DD. */
export const rateDateSchema = isoDateSchema;

/** "line 12: USD: expected a positive rate…" from a failed parse of one cell. */
export function cellProblem(what: string, line: number, code: string, error: z.ZodError): string {
  return `${what} line ${line}: ${code}: ${error.issues[0]?.message ?? 'unreadable'}`;
}
