import type { FileConfidence } from '../schema/primitives';
import type { Note } from './note';

/** A figure a quote used, with the confidence its tariff file gives it. */
export interface UsedFigure {
  label: string;
  kind: 'valuation' | 'regime' | 'threshold' | 'tax' | 'fee' | 'excise';
  /** The regime or threshold id, the tax or fee code. */
  id?: string;
  confidence?: FileConfidence | undefined;
}

interface Scoped {
  id: string;
  confidence?: UsedFigure['confidence'];
}

/** What one carrier option used from the tariff period, in the shapes the engine already has. */
export interface OptionFigures {
  valuation: { confidence?: UsedFigure['confidence'] };
  regime?: { regime: Scoped } | undefined;
  dutyDecision: { outcome: string; threshold?: Scoped };
  taxDecision: { outcome: string; threshold?: Scoped };
  taxes: readonly { code: string; rate: { toString(): string }; confidence?: UsedFigure['confidence'] }[];
  fees: readonly { code: string; confidence?: UsedFigure['confidence'] }[];
  excise?: readonly { id: string; confidence?: UsedFigure['confidence'] }[];
}

/** The figures of an option: valuation basis, regime, thresholds, tax rates and fees. */
export function optionFigures(f: OptionFigures): UsedFigure[] {
  const out: UsedFigure[] = [{ label: 'valuation basis', kind: 'valuation', confidence: f.valuation.confidence }];
  if (f.regime) out.push({ label: `regime ${f.regime.regime.id}`, kind: 'regime', id: f.regime.regime.id, confidence: f.regime.regime.confidence });
  for (const d of [f.dutyDecision, f.taxDecision]) {
    if (d.outcome !== 'none' && d.threshold) out.push({ label: `threshold ${d.threshold.id}`, kind: 'threshold', id: d.threshold.id, confidence: d.threshold.confidence });
  }
  for (const t of f.taxes) out.push({ label: `${t.code} ${t.rate.toString()}%`, kind: 'tax', id: t.code, confidence: t.confidence });
  for (const fee of f.fees) out.push({ label: `fee ${fee.code}`, kind: 'fee', id: fee.code, confidence: fee.confidence });
  for (const e of f.excise ?? []) out.push({ label: `excise ${e.id}`, kind: 'excise', id: e.id, confidence: e.confidence });
  return out;
}

/**
 * Tariff files mark some figures unconfirmed (conflicting or general knowledge) or estimated (a
 * stand-in for the legal figure); they are still used, and the answer says which ones so that
 * nobody mistakes them for checked rates.
 */
export function unconfirmedFiguresNotes(figures: readonly UsedFigure[]): Note[] {
  const labels = [...new Set(figures.filter((f) => f.confidence === 'unconfirmed' || f.confidence === 'estimated').map((f) => f.label))];
  if (labels.length === 0) return [];
  return [
    {
      code: 'UNCONFIRMED_FIGURES',
      severity: 'warning',
      text: {
        es: `Estas cifras de la estimación no están confirmadas en fuentes oficiales: ${labels.join(', ')}. Verifíquelas antes de usarlas.`,
        en: `These figures of the estimate are not confirmed by official sources: ${labels.join(', ')}. Check them before relying on them.`,
      },
    },
  ];
}
