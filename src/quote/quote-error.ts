import type { LocalizedText } from '../schema/primitives';

/** A field at fault in a request: its path ("items.0.hsCode") and a sentence in the request's language. */
export interface FieldError {
  path: string;
  message: string;
  /** Codes to try instead (UNKNOWN_HS_CODE: the subheadings or headings that exist nearby). */
  suggestions?: { code: string; description: string }[];
}

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
