import type { LocalizedText } from '../schema/primitives';

/**
 * A request the engine cannot answer because of something the caller can
 * fix (a missing region, a weight a specific duty needs). Reported as 422
 * problem+json naming the field.
 */
export class QuoteError extends Error {
  constructor(
    readonly code: string,
    readonly path: string,
    readonly text: LocalizedText,
  ) {
    super(text.en);
  }
}
