import type { DutyExpressionInput } from '../duty-expression-schema';
import { adValorem, combine, specific } from './duty-json';

export type EuDutyParse =
  | { ok: true; duty: DutyExpressionInput; grossWeight: boolean }
  | { ok: false; reason: 'agricultural-component' | 'alcohol-strength' | 'sugar-content' | 'unit'; detail: string };

function simple(text: string, gross: { seen: boolean }): DutyExpressionInput | undefined {
  const t = text.trim();
  const pct = /^(\d+(?:\.\d+)?) ?%$/.exec(t);
  if (pct) return adValorem(pct[1] as string);
  const hl = /^(\d+(?:\.\d+)?) EUR \/ hl$/.exec(t);
  if (hl) return specific(hl[1] as string, 'EUR', 'litre', 100);
  const kg = /^(\d+(?:\.\d+)?) EUR \/ 100 kg(\/br)?$/.exec(t);
  if (kg) {
    // "/br" is gross weight; a quote only knows net weight, so it is used instead (flagged).
    if (kg[2]) gross.seen = true;
    return specific(kg[1] as string, 'EUR', 'kg', 100);
  }
  const each = /^(\d+(?:\.\d+)?) EUR \/ p\/st$/.exec(t);
  if (each) return specific(each[1] as string, 'EUR', 'unit');
  return undefined;
}

function sumOf(text: string, gross: { seen: boolean }): DutyExpressionInput | undefined {
  const parts: DutyExpressionInput[] = [];
  for (const p of text.split(/\s\+\s?/)) {
    const e = simple(p, gross);
    if (!e) return undefined;
    parts.push(e);
  }
  return combine('sum', parts);
}

function why(text: string): 'agricultural-component' | 'alcohol-strength' | 'sugar-content' | 'unit' {
  if (/(^|[^A-Z])(EAR?|ADSZR?|ADFMR?)([^A-Z]|$)/.test(text)) return 'agricultural-component';
  if (/% vol/.test(text)) return 'alcohol-strength';
  if (/sacchar/.test(text)) return 'sugar-content';
  return 'unit';
}

/**
 * One TARIC duty text ("12 %", "10.2 % + 93.1 EUR / 100 kg", "3.8 % MIN 0.4 EUR / 100 kg",
 * "7.9 % + 54 EUR / 100 kg MAX 17.8 % + 6.9 EUR / 100 kg") as a duty expression. In TARIC,
 * "A MIN B" means B is a minimum (the higher of A and B) and "A MAX B" a ceiling (the lower).
 */
export function parseEuDuty(text: string): EuDutyParse {
  const t = text.trim().replace(/\s+/g, ' ');
  const gross = { seen: false };
  let duty: DutyExpressionInput | undefined;
  const floor = t.split(' MIN ');
  const ceiling = t.split(' MAX ');
  if (floor.length === 2) {
    const [a, b] = floor.map((x) => sumOf(x, gross));
    duty = a && b ? { type: 'max', of: [a, b] } : undefined;
  } else if (ceiling.length === 2) {
    const [a, b] = ceiling.map((x) => sumOf(x, gross));
    duty = a && b ? { type: 'min', of: [a, b] } : undefined;
  } else if (floor.length === 1 && ceiling.length === 1) duty = sumOf(t, gross);
  return duty ? { ok: true, duty, grossWeight: gross.seen } : { ok: false, reason: why(t), detail: t };
}
