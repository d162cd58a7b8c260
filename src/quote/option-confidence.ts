import { CONFIDENCE_LEVELS, fromFileMark, lowestConfidence, type Confidence } from '../domain/confidence';
import type { UsedFigure } from '../domain/unconfirmed';
import type { QuoteOption, QuoteResult } from './quote-result';

type OptionConfidence = QuoteOption['confidence'];
type ConsignmentFigure = OptionConfidence['figures'][number];

/**
 * An option's confidence: the lowest of its duty, tax and fee lines and of
 * the consignment figures it used besides them (valuation basis, simplified
 * regime, de minimis thresholds that decided: `optionFigures`). Shipping is
 * not part of it: sample carrier prices are `rateStatus: illustrative`.
 */
export function optionConfidence(lines: readonly { confidence: Confidence }[], figures: readonly UsedFigure[]): OptionConfidence {
  const seen = new Set<string>();
  const consignment: ConsignmentFigure[] = [];
  for (const f of figures) {
    if (f.kind !== 'valuation' && f.kind !== 'regime' && f.kind !== 'threshold') continue;
    const key = `${f.kind}:${f.id ?? ''}`;
    if (seen.has(key)) continue; // one threshold can decide both duty and tax
    seen.add(key);
    consignment.push({ kind: f.kind, ...(f.id ? { id: f.id } : {}), confidence: fromFileMark(f.confidence) });
  }
  const level = lowestConfidence([...lines.map((l) => l.confidence), ...consignment.map((f) => f.confidence)]) ?? 'confirmed';
  return { level, figures: consignment };
}

/** The quote's summary: the lowest option level and how many options are at each level. */
export function quoteConfidence(options: readonly QuoteOption[]): QuoteResult['confidence'] {
  const byLevel = Object.fromEntries(CONFIDENCE_LEVELS.map((l) => [l, 0])) as Record<Confidence, number>;
  for (const o of options) byLevel[o.confidence.level]++;
  const lowest = lowestConfidence(options.map((o) => o.confidence.level));
  return { ...(lowest ? { lowest } : {}), byLevel: { confirmed: byLevel.confirmed, secondary: byLevel.secondary, estimated: byLevel.estimated } };
}
