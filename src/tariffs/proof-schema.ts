import { z } from 'zod';
import { amountSchema, currencyCodeSchema, localizedTextSchema, sourcedFields } from '../schema/primitives';

/**
 * The proof of origin an agreement requires (`agreements.<ID>.proof`), named in the
 * PROOF_OF_ORIGIN note of a quote that claims its preference (issue 12 item 6). Documented in
 * tariffs/README.md "Agreements".
 */
export const proofOfOriginSchema = z.object({
  /** What the proof is and who makes it out or issues it, as a seller reads it. */
  text: localizedTextSchema,
  /** How long the proof is valid, where the source says. */
  validity: localizedTextSchema.optional(),
  /**
   * No proof is required when the consignment's customs value is at or under this amount
   * (USMCA into the US: USD 2,500; CPTPP: USD 1,000 or more by party). The origin still has to
   * be true.
   */
  waiver: z.object({ upTo: amountSchema, currency: currencyCodeSchema, text: localizedTextSchema.optional() }).optional(),
  ...sourcedFields,
});

export type ProofOfOrigin = z.output<typeof proofOfOriginSchema>;
