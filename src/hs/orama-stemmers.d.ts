/**
 * Types for the two Snowball stemmers of `@orama/stemmers` the HS search
 * uses. The package publishes them under subpath exports, which this
 * project's `moduleResolution: node` does not read.
 */
declare module '@orama/stemmers/spanish' {
  export function stemmer(word: string): string;
  export const language: string;
}

declare module '@orama/stemmers/english' {
  export function stemmer(word: string): string;
  export const language: string;
}
