import { meetsConfidence, type Confidence } from '../domain/confidence';
import type { FieldError } from './quote-error';
import type { Locale } from './quote-input';
import { quoteConfidence } from './option-confidence';
import type { QuoteOption, QuoteResult } from './quote-result';

/** One figure of a refused quote below the level asked: where it is in the answer and what it is. */
export interface ConfidenceFieldError extends FieldError {
  carrier: string;
  service: string;
  /** duty, tax or fee line; or a consignment figure (valuation, regime, threshold). */
  kind: 'duty' | 'tax' | 'fee' | 'valuation' | 'regime' | 'threshold';
  /** The tax or fee code, the regime or threshold id. */
  code?: string;
  rule?: string;
  confidence: Confidence;
}

/** No option of the quote reaches the caller's `minConfidence`: the quote is refused, line by line. */
export class MinConfidenceError extends Error {
  readonly code = 'MIN_CONFIDENCE_NOT_MET';
  constructor(readonly min: Confidence, readonly errors: ConfidenceFieldError[], readonly detail: string) {
    super(detail);
  }
}

const KIND = {
  es: { duty: 'arancel', tax: 'impuesto', fee: 'cargo', valuation: 'base de valoración', regime: 'régimen', threshold: 'umbral' },
  en: { duty: 'duty', tax: 'tax', fee: 'fee', valuation: 'valuation basis', regime: 'regime', threshold: 'threshold' },
} as const;

function below(o: QuoteOption, i: number, min: Confidence, locale: Locale): ConfidenceFieldError[] {
  const out: ConfidenceFieldError[] = [];
  const add = (path: string, e: Omit<ConfidenceFieldError, 'path' | 'message' | 'carrier' | 'service'>) => {
    const what = [KIND[locale][e.kind], e.code, e.rule].filter(Boolean).join(' ');
    const message = locale === 'es'
      ? `${o.carrier}/${o.service}: ${what} es "${e.confidence}", por debajo de minConfidence "${min}"`
      : `${o.carrier}/${o.service}: ${what} is "${e.confidence}", below minConfidence "${min}"`;
    out.push({ path, message, carrier: o.carrier, service: o.service, ...e });
  };
  const p = `options[${i}]`;
  o.duties.lines.forEach((l, j) => {
    if (!meetsConfidence(l.confidence, min)) add(`${p}.duties.lines[${j}]`, { kind: 'duty', ...(l.hsCode ? { code: l.hsCode } : {}), rule: l.rule, confidence: l.confidence });
  });
  o.taxes.lines.forEach((l, j) => {
    if (!meetsConfidence(l.confidence, min)) add(`${p}.taxes.lines[${j}]`, { kind: 'tax', code: l.code, rule: l.rule, confidence: l.confidence });
  });
  o.fees.lines.forEach((l, j) => {
    if (!meetsConfidence(l.confidence, min)) add(`${p}.fees.lines[${j}]`, { kind: 'fee', code: l.code, rule: l.rule, confidence: l.confidence });
  });
  o.confidence.figures.forEach((f, j) => {
    if (!meetsConfidence(f.confidence, min)) add(`${p}.confidence.figures[${j}]`, { kind: f.kind, ...(f.id ? { code: f.id } : {}), confidence: f.confidence });
  });
  return out;
}

/**
 * The caller's `minConfidence` (README "Confidence"): options below it are
 * dropped and a note names them; when no option reaches it, the whole quote
 * is refused (MinConfidenceError, 422) naming every line and figure below
 * it, so a checkout never charges a guess. A quote with no option at all
 * has nothing to refuse and is answered as it is.
 */
export function applyMinConfidence(quote: QuoteResult, min: Confidence | undefined, locale: Locale): QuoteResult {
  if (min === undefined || quote.options.length === 0) return quote;
  const kept = quote.options.filter((o) => meetsConfidence(o.confidence.level, min));
  if (kept.length === 0) {
    const errors = quote.options.flatMap((o, i) => below(o, i, min, locale));
    const n = errors.length;
    const detail = locale === 'es'
      ? `Ninguna opción alcanza la confianza mínima "${min}": ${n} ${n === 1 ? 'cifra está' : 'cifras están'} por debajo (vea "errors"). Sin minConfidence se responde con esas cifras.`
      : `No option reaches the minimum confidence "${min}": ${n} ${n === 1 ? 'figure is' : 'figures are'} below it (see "errors"). Without minConfidence the quote is answered with those figures.`;
    throw new MinConfidenceError(min, errors, detail);
  }
  if (kept.length === quote.options.length) return quote;
  const dropped = quote.options.filter((o) => !kept.includes(o)).map((o) => `${o.carrier}/${o.service} (${o.confidence.level})`).join(', ');
  return {
    ...quote,
    options: kept,
    confidence: quoteConfidence(kept),
    notes: [
      ...quote.notes,
      {
        code: 'MIN_CONFIDENCE_DROPPED',
        severity: 'warning',
        text: locale === 'es'
          ? `Se omitieron las opciones por debajo de minConfidence "${min}": ${dropped}.`
          : `Options below minConfidence "${min}" were left out: ${dropped}.`,
      },
    ],
  };
}
