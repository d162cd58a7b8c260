import type { z } from 'zod';
import type { dutyLineSchema, feeLineSchema, noteSchema, optionSchema, quoteResponseSchema, taxLineSchema } from '../schema/quote-response-schema';

/** The `/quote` answer types, inferred from the response schema (the contract). */
export type DutyLineOut = z.output<typeof dutyLineSchema>;
export type TaxLineOut = z.output<typeof taxLineSchema>;
export type FeeLineOut = z.output<typeof feeLineSchema>;
export type NoteOut = z.output<typeof noteSchema>;
export type QuoteOption = z.output<typeof optionSchema>;
export type QuoteResult = z.output<typeof quoteResponseSchema>;
export type SourceRef = QuoteResult['sources'][string];

/** An option as priced, before the answer writes its notes once for all options (`noteIds`). */
export type PricedOption = Omit<QuoteOption, 'noteIds'> & { notes: NoteOut[] };
