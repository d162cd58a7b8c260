import type Decimal from 'decimal.js';
import type { HsMatch } from './hs-index';
import { matchesAnyPrefix } from '../domain/hs-code';
import { isMemberOn, originCovered, type LoadedTariff } from './tariff-index';
import type { Exemption } from './tariff-schema';
import type { DutyExpression } from './duty-expression-schema';
import { inForce } from '../domain/dates';
import { evaluateDuty, plainPercent, type DutyBase, type DutyEvaluation } from '../domain/duty-expression';
import { formatRate } from '../domain/money';
import { fromFileMark, uncertainMark, type Confidence } from '../domain/confidence';
import type { Note } from '../domain/note';
import type { FileConfidence } from '../schema/primitives';
import { P } from '../domain/engine-phrases';
import { joined, say, sayBoth, type Wording } from '../domain/wording';

/** A duty line before rounding. */
export interface DutyLineCalc {
  item?: number;
  hs?: string;
  matchedHs?: string;
  rate: Wording;
  base: Decimal;
  amount: Decimal;
  rule: string;
  working: Wording;
  estimated: boolean;
  /** estimated for any `estimated:*` rule; otherwise the file's mark of the rate used. */
  confidence: Confidence;
  sourceKey?: string;
}

export interface ItemForDuty {
  index: number;
  hs: string;
  originCountry: string;
  claimPreference: boolean;
}

export interface ItemDutyResult {
  lines: DutyLineCalc[];
  /** Agreement whose preference was used, if any. */
  preference?: string;
  notes: Note[];
}

interface Priced {
  eval: DutyEvaluation;
  matchedHs?: string;
  estimated: boolean;
  why?: string;
  /** The file's mark of the entry used. */
  mark: FileConfidence | undefined;
  sourceKey: string;
}

function rateText(expr: DutyExpression, ev: DutyEvaluation): Wording {
  const p = plainPercent(expr);
  return p !== undefined ? formatRate(p) : ev.rate;
}

/**
 * Price a tariff-line match. Exact or 6+ digit ancestors are the legal rate;
 * a heading or chapter ancestor is an estimate; several lines under a short
 * code are evaluated and the highest is used, flagged when they differ.
 */
function priceMatch<T extends { duty: DutyExpression; hs: string; source: string; confidence?: FileConfidence | undefined; range?: { low: string; high: string } | undefined }>(
  match: HsMatch<T>,
  base: DutyBase,
): Priced {
  if (match.kind === 'descendants') {
    const priced = match.entries.map((e) => ({ e, ev: evaluateDuty(e.duty, base) }));
    const top = priced.reduce((a, b) => (b.ev.amount.gt(a.ev.amount) ? b : a));
    // Rates told apart by their English text: the same expression reads the same in both languages.
    const distinct = new Map(priced.map((p) => rateText(p.e.duty, p.ev)).map((r) => [say(r, 'en'), r]));
    const range = joined([...distinct.values()], ' / ');
    const why = distinct.size > 1 ? 'subheading-range' : uncertainMark(top.e.confidence);
    return {
      eval: distinct.size > 1 ? { ...top.ev, working: [top.ev.working, P.highestOf(String(priced.length), match.prefix, range)] } : top.ev,
      matchedHs: top.e.hs,
      estimated: why !== undefined,
      ...(why ? { why } : {}),
      mark: top.e.confidence,
      sourceKey: top.e.source,
    };
  }
  const raw = evaluateDuty(match.entry.duty, base);
  const range = match.entry.range;
  // The source gives only a range over the national lines (EU: CN codes under an HS6): the higher end is charged and flagged.
  const ev = range ? { ...raw, working: [raw.working, P.sourceRange(range.low, range.high, match.entry.hs)] } : raw;
  const shallow = match.kind === 'ancestor' && match.prefix.length < 6;
  const why = shallow
    ? match.prefix.length < 4
      ? 'chapter'
      : 'heading'
    : range
      ? 'subheading-range'
      : uncertainMark(match.entry.confidence);
  return {
    eval: ev,
    matchedHs: match.prefix,
    estimated: why !== undefined,
    ...(why ? { why } : {}),
    mark: match.entry.confidence,
    sourceKey: match.entry.source,
  };
}

function lineFrom(item: ItemForDuty, base: DutyBase, p: Priced, expr: DutyExpression | undefined, rule: string): DutyLineCalc {
  return {
    item: item.index,
    hs: item.hs,
    ...(p.matchedHs ? { matchedHs: p.matchedHs } : {}),
    rate: expr && plainPercent(expr) !== undefined ? formatRate(plainPercent(expr) as Decimal) : p.eval.rate,
    base: base.customsValue,
    amount: p.eval.amount,
    rule: p.estimated && p.why ? `estimated:${p.why}` : rule,
    working: p.eval.working,
    estimated: p.estimated,
    confidence: p.estimated ? 'estimated' : fromFileMark(p.mark),
    sourceKey: p.sourceKey,
  };
}

function mfnFor(tariff: LoadedTariff, item: ItemForDuty, date: string, base: DutyBase): { priced: Priced; expr?: DutyExpression } {
  const match = tariff.mfn.lookup(item.hs, date);
  if (match) {
    const priced = priceMatch(match, base);
    return match.kind === 'descendants' ? { priced } : { priced, expr: match.entry.duty };
  }
  const d = tariff.file.duties.default;
  return {
    priced: { eval: evaluateDuty(d.duty, base), estimated: true, why: 'country-default', mark: d.confidence, sourceKey: d.source },
    expr: d.duty,
  };
}

/** The best preference among the agreements whose members include the item's origin. */
function preferenceFor(tariff: LoadedTariff, item: ItemForDuty, date: string, base: DutyBase): { id: string; priced: Priced; expr?: DutyExpression } | undefined {
  let best: { id: string; priced: Priced; expr?: DutyExpression } | undefined;
  for (const [id, agreement] of Object.entries(tariff.file.agreements)) {
    if (!isMemberOn(agreement, item.originCountry, date)) continue;
    const index = tariff.preferential.get(id);
    const match = index?.lookup(item.hs, date);
    // The agreement's default does not reach the HS prefixes it leaves out (CUSMA: Canada's supply-managed goods).
    const defaultDuty = matchesAnyPrefix(item.hs, agreement.excludeHs) ? undefined : agreement.defaultDuty;
    let candidate: { id: string; priced: Priced; expr?: DutyExpression } | undefined;
    if (match && !(match.kind === 'ancestor' && match.prefix.length < 6 && defaultDuty)) {
      candidate = { id, priced: priceMatch(match, base), ...(match.kind !== 'descendants' ? { expr: match.entry.duty } : {}) };
    } else if (defaultDuty) {
      candidate = {
        id,
        priced: agreementDefault(evaluateDuty(defaultDuty, base), agreement),
        expr: defaultDuty,
      };
    }
    if (candidate && (!best || candidate.priced.eval.amount.lt(best.priced.eval.amount))) best = candidate;
  }
  return best;
}

/** An agreement's default duty (CUSMA 0 % on originating goods), an estimate when the file is unsure of it. */
function agreementDefault(ev: DutyEvaluation, agreement: { source: string; confidence?: FileConfidence | undefined }): Priced {
  const why = uncertainMark(agreement.confidence);
  return { eval: ev, estimated: why !== undefined, ...(why ? { why } : {}), mark: agreement.confidence, sourceKey: agreement.source };
}

/** An exemption covers the item when it names the agreement used and, if limited, the item's HS code. */
function exempts(e: Exemption, agreement: string, hs: string): boolean {
  if (typeof e === 'string') return e === agreement;
  if (e.agreement !== agreement) return false;
  if (e.hs && !matchesAnyPrefix(hs, e.hs)) return false;
  return !matchesAnyPrefix(hs, e.excludeHs);
}

/**
 * Duty for one item (landed-cost step 6): the MFN measure of the longest
 * matching HS prefix in force; the preference if the origin qualifies and
 * the caller did not refuse it (the lower of the two is used; a preference
 * equal to MFN is still claimed, since some additional duties exempt goods
 * entered under it); then additional measures by origin and date.
 */
export function resolveItemDuty(tariff: LoadedTariff, item: ItemForDuty, date: string, base: DutyBase): ItemDutyResult {
  const notes: Note[] = [];
  const mfn = mfnFor(tariff, item, date, base);
  const pref = preferenceFor(tariff, item, date, base);
  const lines: DutyLineCalc[] = [];
  let preference: string | undefined;

  if (pref && item.claimPreference && pref.priced.eval.amount.lte(mfn.priced.eval.amount)) {
    preference = pref.id;
    lines.push(lineFrom(item, base, pref.priced, pref.expr, `preferential:${pref.id}`));
  } else {
    lines.push(lineFrom(item, base, mfn.priced, mfn.expr, 'MFN'));
    if (pref && !item.claimPreference && pref.priced.eval.amount.lt(mfn.priced.eval.amount)) {
      const rate = sayBoth(pref.priced.eval.rate);
      notes.push({
        code: 'PREFERENCE_NOT_CLAIMED',
        severity: 'info',
        text: {
          es: `Artículo ${item.index}: se usó la tasa general (NMF) porque se indicó claimPreference=false; con prueba de origen ${pref.id} la tasa sería ${rate.es}.`,
          en: `Item ${item.index}: the general (MFN) rate was used because claimPreference=false; with proof of ${pref.id} origin the rate would be ${rate.en}.`,
        },
      });
    }
  }

  for (const add of tariff.file.duties.additional) {
    if (!inForce(add, date) || !originCovered(tariff, add, item.originCountry, date)) continue;
    if (add.hs && !matchesAnyPrefix(item.hs, add.hs)) continue;
    if (matchesAnyPrefix(item.hs, add.excludeHs)) continue;
    if (preference && add.exemptUnder?.some((e) => exempts(e, preference, item.hs))) {
      notes.push({
        code: `ADDITIONAL_DUTY_EXEMPT:${add.id}`,
        severity: 'info',
        text: {
          es: `${add.name.es}: no se cobra a mercancía importada con preferencia ${preference} (artículo ${item.index}).`,
          en: `${add.name.en}: not charged on goods entered under the ${preference} preference (item ${item.index}).`,
        },
        sourceKey: add.source,
      });
      continue;
    }
    const ev = evaluateDuty(add.duty, base);
    lines.push({
      item: item.index,
      hs: item.hs,
      rate: rateText(add.duty, ev),
      base: base.customsValue,
      amount: ev.amount,
      rule: `additional:${add.id}`,
      working: ev.working,
      estimated: uncertainMark(add.confidence) !== undefined,
      confidence: fromFileMark(add.confidence),
      sourceKey: add.source,
    });
  }
  return { lines, ...(preference ? { preference } : {}), notes };
}
