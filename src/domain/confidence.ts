import type { FileConfidence } from '../schema/primitives';

/**
 * How far a figure of the answer can be trusted (README "Confidence"):
 * `confirmed` (official text or several consistent sources), `secondary`
 * (one secondary source), `estimated` (a rate that is not the HS code's own,
 * a figure the research could not confirm, a generated estimate, sample
 * carrier prices).
 */
export type Confidence = 'confirmed' | 'secondary' | 'estimated';

/** Lowest first. */
export const CONFIDENCE_LEVELS: readonly Confidence[] = ['estimated', 'secondary', 'confirmed'];

function rank(level: Confidence): number {
  return CONFIDENCE_LEVELS.indexOf(level);
}

/**
 * A data file's mark as an answer level. `unconfirmed` and `estimated` are
 * estimates. An unmarked figure has a source but nobody said how sure it is:
 * it counts as `secondary` (one source), never as confirmed.
 */
export function fromFileMark(mark: FileConfidence | undefined): Confidence {
  if (mark === 'confirmed' || mark === 'secondary') return mark;
  return mark === undefined ? 'secondary' : 'estimated';
}

/** A file mark that makes a duty rate an estimate, and the `estimated:<why>` it gives. */
export function uncertainMark(mark: FileConfidence | undefined): 'unconfirmed' | 'file-estimate' | undefined {
  if (mark === 'unconfirmed') return 'unconfirmed';
  return mark === 'estimated' ? 'file-estimate' : undefined;
}

/**
 * A carrier's duty-paid or disbursement fee is as sure as its table:
 * `sourced` (transcribed from the carrier's own tariff or contract) is
 * confirmed; `illustrative` (sample prices) is an estimate.
 */
export function fromCarrierStatus(status: 'sourced' | 'illustrative' | 'contract'): Confidence {
  return status === 'illustrative' ? 'estimated' : 'confirmed';
}

/** The lowest level of several; undefined for none. */
export function lowestConfidence(levels: Iterable<Confidence>): Confidence | undefined {
  let low: Confidence | undefined;
  for (const l of levels) if (low === undefined || rank(l) < rank(low)) low = l;
  return low;
}

/** True when `level` is at or above `min`. */
export function meetsConfidence(level: Confidence, min: Confidence): boolean {
  return rank(level) >= rank(min);
}
