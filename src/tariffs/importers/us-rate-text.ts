import { D } from '../../domain/money';
import type { DutyExpressionInput } from '../duty-expression-schema';
import { adValorem, combine, specific } from './duty-json';

/** What a rate component is charged on that the measure's description should say. */
export type UsRateFlag = 'proof-litre' | 'vinegar-proof-litre' | 'pair';

export type UsRateParse =
  | { ok: true; duty: DutyExpressionInput; flags: UsRateFlag[] }
  | { ok: false; reason: 'ensemble' | 'by-reference' | 'unit'; detail: string };

/**
 * Units of the HTS general and special rate columns, as the number of item units (or kg, litres)
 * the amount is charged per. A proof litre is a litre at 50 % alcohol: litres × ABV / 50, from the
 * request's unitVolume and alcoholByVolume (HTSUS ch. 22 additional U.S. note 1: duty on the
 * quantities subject to internal-revenue tax, i.e. proof quantities).
 */
const UNITS: { re: RegExp; per: 'unit' | 'kg' | 'litre' | 'proofLitre'; quantity?: number; flag?: UsRateFlag }[] = [
  { re: /^\/kg$/, per: 'kg' },
  { re: /^\/liter$/, per: 'litre' },
  { re: /^\/pf\.\s?liter( on ethyl alcohol content)?$/, per: 'proofLitre', flag: 'proof-litre' },
  { re: /^\/pr\.$/, per: 'unit', flag: 'pair' },
  { re: /^ each$/, per: 'unit' },
  { re: /^\/doz\.$/, per: 'unit', quantity: 12 },
  { re: /^\/doz\. pr\.$/, per: 'unit', quantity: 12, flag: 'pair' },
  { re: /^\/gross$/, per: 'unit', quantity: 144 },
  { re: /^\/thousand$/, per: 'unit', quantity: 1000 },
];

function component(text: string, flags: Set<UsRateFlag>): DutyExpressionInput | undefined {
  const t = text.trim();
  if (t === 'Free') return adValorem('0');
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(t);
  if (pct) return adValorem(pct[1] as string);
  const money = /^(?:(\d+(?:\.\d+)?)¢|\$(\d+(?:\.\d+)?))(.*)$/.exec(t);
  if (!money) return undefined;
  // "2.8¢" is USD 0.028; "$1.25" is USD 1.25.
  const amount = money[1] !== undefined ? new D(money[1]).div(100) : new D(money[2] as string);
  const unit = UNITS.find((u) => u.re.test(money[3] as string));
  if (!unit) return undefined;
  if (unit.flag) flags.add(unit.flag);
  return specific(amount, 'USD', unit.per, unit.quantity);
}

/**
 * One HTS rate text ("Free", "16.5%", "2.8¢/kg + 5%", "76¢/pr. + 32%", "$1.25/kg") as a duty
 * expression. Rates that refer to another article ("The rate applicable to each garment in the
 * ensemble…") or use a unit the format has no quantity for (per m², per kg of total sugars) are
 * reported with the reason, never guessed.
 */
export function parseUsRate(text: string): UsRateParse {
  const t = text.trim().replace(/\s+/g, ' ');
  if (/^The rate applicable to each (garment|article) in the (in the )?ensemble/.test(t)) return { ok: false, reason: 'ensemble', detail: t };
  if (/^The rate applicable/.test(t)) return { ok: false, reason: 'by-reference', detail: t };
  const flags = new Set<UsRateFlag>();
  const parts: DutyExpressionInput[] = [];
  for (const p of t.split(/\s\+\s/)) {
    const e = component(p, flags);
    if (!e) return { ok: false, reason: 'unit', detail: p.trim() };
    parts.push(e);
  }
  return { ok: true, duty: combine('sum', parts), flags: [...flags] };
}

/** One group of the special column: a rate and the programme codes in brackets after it. */
export interface SpecialGroup {
  rate: string;
  codes: string[];
}

/**
 * The special-rate column: `Free (A+,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG) 3.2% (JP)`.
 * Codes are trimmed (the export writes "AU,BH, CL"); a group whose rate is "See 9823.xx" points
 * to chapter 98 and is returned as such for the caller to skip.
 */
export function parseUsSpecial(text: string): SpecialGroup[] {
  const out: SpecialGroup[] = [];
  for (const m of text.matchAll(/([^()]*?)\s*\(([^)]*)\)/g)) {
    const codes = (m[2] as string).split(',').map((c) => c.trim()).filter((c) => c !== '');
    out.push({ rate: (m[1] as string).trim(), codes });
  }
  return out;
}
