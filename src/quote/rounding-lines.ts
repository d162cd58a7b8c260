import { fromFileMark } from '../domain/confidence';
import type Decimal from 'decimal.js';
import type { ExciseLineCalc } from '../domain/excise';
import { ZERO, roundHalfUp, sum } from '../domain/money';
import { applyRounding, ruleWords } from '../domain/rounding';
import type { TaxLineCalc } from '../domain/tax';
import type { DutyLineCalc } from '../tariffs/resolve-duty';
import type { RoundingRule } from '../tariffs/rounding-schema';
import type { QuoteRun } from './quote-context';
import { P, WORD } from '../domain/engine-phrases';
import type { Wording } from '../domain/wording';

/** Rounding differences of an option: duty lines, and tax lines for excise and for taxes. */
export interface RoundingLines {
  duties: DutyLineCalc[];
  excise: TaxLineCalc[];
  taxes: TaxLineCalc[];
}

interface Adjustment {
  rule: RoundingRule;
  total: Decimal;
  amount: Decimal;
  working: Wording;
}

/**
 * The difference between the lines as shown (each rounded half-up to the answer currency) and
 * the legally rounded total of the lines the rule covers; zero when they already agree. Taken
 * against the shown lines, so the answer's lines add up to the legal total exactly.
 */
function adjustment(run: QuoteRun, rule: RoundingRule, amounts: readonly Decimal[], label: Wording): Adjustment | undefined {
  if (amounts.length === 0) return undefined;
  const ccy = run.input.currency;
  const total = sum(amounts);
  const legal = applyRounding(total, rule, ccy, run.cv);
  const amount = roundHalfUp(legal.value, ccy).minus(sum(amounts.map((a) => roundHalfUp(a, ccy))));
  if (amount.isZero()) return undefined;
  return { rule, total, amount, working: P.total(label, legal.working ?? WORD.unchanged) };
}

function taxAdjustment(a: Adjustment, code: string, name: TaxLineCalc['name'], what: 'tax' | 'excise'): TaxLineCalc {
  return {
    code,
    name: { es: `${name.es} (redondeo legal)`, en: `${name.en} (legal rounding)` },
    rate: ZERO,
    rateText: ruleWords(a.rule),
    base: a.total,
    amount: a.amount,
    rule: `rounding:${what}`,
    working: a.working,
    collectedAt: 'import',
    sourceKey: a.rule.source,
    ...(a.rule.confidence ? { confidence: a.rule.confidence } : {}),
  };
}

const covers = (rule: RoundingRule, code: string) => rule.codes === undefined || rule.codes.includes(code);

/**
 * Declaration totals rounded by law (rules `at: total`; Japan: duty, each consumption tax and the
 * liquor tax to JPY 100, on the sum of the line amounts). Seller-collected taxes are left alone:
 * the rules are those of the import declaration.
 */
export function totalRoundingLines(run: QuoteRun, duties: readonly DutyLineCalc[], excise: readonly ExciseLineCalc[], taxes: readonly TaxLineCalc[]): RoundingLines {
  const out: RoundingLines = { duties: [], excise: [], taxes: [] };
  for (const rule of run.period.rounding.filter((r) => r.at === 'total')) {
    if (rule.what === 'duty') {
      const a = adjustment(run, rule, duties.map((l) => l.amount), WORD.duty);
      if (a) out.duties.push({ rate: ruleWords(rule), base: a.total, amount: a.amount, rule: 'rounding:duty', working: a.working, estimated: false, confidence: fromFileMark(rule.confidence), sourceKey: rule.source });
    } else if (rule.what === 'excise') {
      const covered = excise.filter((l) => covers(rule, l.id));
      const a = adjustment(run, rule, covered.map((l) => l.amount), WORD.excise);
      if (a) out.excise.push(taxAdjustment(a, rule.codes?.join('+') ?? 'EXCISE', covered.length === 1 ? covered[0]!.name : { es: 'Impuestos especiales', en: 'Excise' }, 'excise'));
    } else if (rule.what === 'tax') {
      const covered = taxes.filter((l) => l.collectedAt === 'import' && covers(rule, l.code));
      const a = adjustment(run, rule, covered.map((l) => l.amount), covered[0]?.code ?? 'tax');
      if (a) out.taxes.push(taxAdjustment(a, covered[0]!.code, covered[0]!.name, 'tax'));
    }
  }
  return out;
}

/** Tax lines with each rounding difference right after the last line of its tax. */
export function withRounding(lines: readonly TaxLineCalc[], adjustments: readonly TaxLineCalc[]): TaxLineCalc[] {
  const out = [...lines];
  for (const a of adjustments) {
    const last = out.map((l) => l.code).lastIndexOf(a.code);
    out.splice(last < 0 ? out.length : last + 1, 0, a);
  }
  return out;
}
