import type { ExciseLineCalc } from '../domain/excise';
import { fromFileMark } from '../domain/confidence';
import type { FeeLineCalc } from '../domain/fees';
import { formatAmount, formatRate } from '../domain/money';
import type { TaxLineCalc } from '../domain/tax';
import type { FileConfidence } from '../schema/primitives';
import type { DutyLineCalc } from '../tariffs/resolve-duty';
import { sourceOf, sourceTitle, type LoadedTariff } from '../tariffs/tariff-index';
import type { Locale } from './quote-input';
import type { DutyLineOut, FeeLineOut, TaxLineOut } from './quote-result';
import { say } from '../domain/wording';

/**
 * The answer's lines (landed-cost step 9): each amount rounded once to the
 * answer currency, the text in the request's language, the source by title
 * and review date.
 */
export interface LineFormat {
  tariff: LoadedTariff;
  currency: string;
  locale: Locale;
}

function sourceFields(f: LineFormat, key: string | undefined): { source?: string; sourceDate?: string } {
  const s = key ? sourceOf(f.tariff, key) : undefined;
  return s ? { source: sourceTitle(s, f.locale), sourceDate: s.reviewed } : {};
}

export function dutyOut(l: DutyLineCalc, f: LineFormat): DutyLineOut {
  return {
    ...(l.item !== undefined ? { item: l.item } : {}),
    ...(l.hs ? { hsCode: l.hs } : {}),
    ...(l.matchedHs ? { matchedHs: l.matchedHs } : {}),
    rate: say(l.rate, f.locale),
    base: formatAmount(l.base, f.currency),
    amount: formatAmount(l.amount, f.currency),
    rule: l.rule,
    working: say(l.working, f.locale),
    ...(l.estimated ? { estimated: true } : {}),
    confidence: l.confidence,
    ...sourceFields(f, l.sourceKey),
  };
}

/**
 * A tax line is as sure as its rate (the reduced rate's, where one applied); one
 * waived by the tax de minimis is as sure as the threshold (`exemptBy`) that waives it.
 */
export function taxOut(l: TaxLineCalc, f: LineFormat, exemptBy?: FileConfidence): TaxLineOut {
  return {
    code: l.code,
    name: l.name[f.locale],
    rate: l.rateText !== undefined ? say(l.rateText, f.locale) : formatRate(l.rate),
    base: formatAmount(l.base, f.currency),
    amount: formatAmount(l.amount, f.currency),
    rule: l.rule,
    working: say(l.working, f.locale),
    collectedAt: l.collectedAt,
    confidence: fromFileMark(l.rule === 'de-minimis' ? exemptBy : l.confidence),
    ...sourceFields(f, l.sourceKey),
  };
}

/**
 * An excise line as a tax line (rule `excise:<id>`, collected at import): a specific excise has
 * no money base, its quantity is in the working.
 */
export function exciseOut(l: ExciseLineCalc, f: LineFormat): TaxLineOut {
  return {
    code: l.id,
    name: `${l.name[f.locale]} (${f.locale === 'es' ? 'artículo' : 'item'} ${l.item})`,
    rate: say(l.rate, f.locale),
    ...(l.base ? { base: formatAmount(l.base, f.currency) } : {}),
    amount: formatAmount(l.amount, f.currency),
    rule: `excise:${l.id}`,
    working: say(l.working, f.locale),
    collectedAt: 'import',
    confidence: fromFileMark(l.confidence),
    ...sourceFields(f, l.sourceKey),
  };
}

export function feeOut(l: FeeLineCalc, f: LineFormat): FeeLineOut {
  return {
    code: l.code,
    name: l.name[f.locale],
    ...(l.rate ? { rate: formatRate(l.rate) } : {}),
    ...(l.base ? { base: formatAmount(l.base, f.currency) } : {}),
    amount: formatAmount(l.amount, f.currency),
    rule: l.rule,
    working: say(l.working, f.locale),
    payer: l.payer,
    inTaxBase: l.inTaxBase,
    confidence: fromFileMark(l.confidence),
    ...sourceFields(f, l.sourceKey),
  };
}
