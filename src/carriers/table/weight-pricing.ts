import type Decimal from 'decimal.js';
import { ZERO, sum } from '../../domain/money';
import type { LocalizedText } from '../../schema/primitives';
import type { ChargeLine, Refusal } from '../carrier-rater';
import type { CarrierService } from '../carrier-schema';
import type { MeasuredPiece, Rates, WeightRules } from './table-types';
import { moneyText, quantityText } from './working-text';

const BASE_NAME: LocalizedText = { es: 'Tarifa base', en: 'Base rate' };

function describePiece(p: MeasuredPiece, weight: WeightRules): string {
  const actual = `${quantityText(p.actualKg)} kg actual`;
  if (weight.volumetricDivisor === null) return `piece ${p.number}: ${actual}`;
  const sides = p.sidesCm.map(quantityText).join('×');
  return `piece ${p.number}: ${actual}, ${sides} cm / ${weight.volumetricDivisor} = ${quantityText(p.volumetricKg)} kg volumetric`;
}

function minimumText(p: MeasuredPiece): string {
  return p.minimum === undefined ? '' : ` (${p.minimum.name.en}: at least ${p.minimum.minKg} kg)`;
}

/** How the priced weights came about, for the base line's working. */
function describeWeights(pieces: readonly MeasuredPiece[], weight: WeightRules, weights: readonly Decimal[]): string {
  const each = pieces.map((p) => describePiece(p, weight));
  if (weight.chargeableScope === 'shipment') {
    const actual = quantityText(sum(pieces.map((p) => p.actualKg)));
    const volumetric = quantityText(sum(pieces.map((p) => p.volumetricKg)));
    return `${each.join('; ')}; shipment: max(${actual}, ${volumetric}) kg → ${quantityText(weights[0] ?? ZERO)} kg`;
  }
  const rounded = pieces.map((p) => `${each[p.number - 1] ?? ''} → ${quantityText(p.chargeableKg)} kg${minimumText(p)}`);
  if (weights.length === pieces.length) return rounded.join('; ');
  return `${rounded.join('; ')}; shipment ${quantityText(weights[0] ?? ZERO)} kg`;
}

export type Priced = { ok: true; amount: Decimal; working: string } | ({ ok: false } & Refusal);

function lastBreak(rates: Rates): Rates['breaks'][number] | undefined {
  return rates.breaks.reduce<Rates['breaks'][number] | undefined>((top, b) => (top === undefined || b.maxKg > top.maxKg ? b : top), undefined);
}

/** The heaviest weight the table prices for a zone (null: no ceiling), for the NO_RATE message. */
function tableCeilingKg(rates: Rates, zone: string): number | null {
  let ceiling = lastBreak(rates)?.maxKg ?? 0;
  for (const band of rates.beyond) {
    if (band.byZone[zone] === undefined) continue;
    if (band.toKg === null) return null;
    ceiling = Math.max(ceiling, band.toKg);
  }
  return ceiling;
}

function noRate(rates: Rates, zone: string, weightKg: Decimal, serviceName: LocalizedText): Refusal {
  const ceiling = tableCeilingKg(rates, zone);
  const upToEs = ceiling === null ? '' : ` (la tabla llega a ${ceiling} kg)`;
  const upToEn = ceiling === null ? '' : ` (the table goes up to ${ceiling} kg)`;
  return {
    code: 'NO_RATE',
    reason: {
      es: `${serviceName.es} no tiene precio para un peso cobrable de ${quantityText(weightKg)} kg a la zona ${zone}${upToEs}.`,
      en: `${serviceName.en} has no price for a chargeable weight of ${quantityText(weightKg)} kg to zone ${zone}${upToEn}.`,
    },
  };
}

export function incomplete(what: LocalizedText, zone: string): Refusal {
  return {
    code: 'TABLE_INCOMPLETE',
    reason: { es: `La tabla no tiene ${what.es} para la zona ${zone}.`, en: `The table has no ${what.en} for zone ${zone}.` },
  };
}

/**
 * Base price of one chargeable weight: the first break whose maxKg is at or
 * above it; past the breaks, the `beyond` band containing it (perKgWhole:
 * rate × the whole weight, DHL's "multiplier"; addPerStep: last break + rate
 * per started step); then the zone's minimum charge.
 */
export function priceWeight(rates: Rates, zone: string, weightKg: Decimal, currency: string, serviceName: LocalizedText): Priced {
  const show = (a: Decimal) => moneyText(a, currency);
  const found = priceBeforeMinimum(rates, zone, weightKg, show, serviceName);
  if (!found.ok) return found;
  const minimum = rates.minCharge?.[zone];
  if (minimum !== undefined && found.amount.lt(minimum)) {
    return { ok: true, amount: minimum, working: `${found.working}, below the minimum ${show(minimum)} → ${show(minimum)}` };
  }
  return found;
}

function priceBeforeMinimum(rates: Rates, zone: string, weightKg: Decimal, show: (a: Decimal) => string, serviceName: LocalizedText): Priced {
  const brk = rates.breaks.find((b) => weightKg.lte(b.maxKg));
  if (brk !== undefined) {
    const price = brk.byZone[zone];
    if (price === undefined) {
      return { ok: false, ...incomplete({ es: `precio en el escalón de ${brk.maxKg} kg`, en: `price in the ${brk.maxKg} kg break` }, zone) };
    }
    const label = brk.label === undefined ? '' : ` label "${brk.label}"`;
    return { ok: true, amount: price, working: `${quantityText(weightKg)} kg →${label} ${show(price)}` };
  }
  const band = rates.beyond.find((b) => weightKg.gte(b.fromKg) && (b.toKg === null || weightKg.lte(b.toKg)));
  const rate = band?.byZone[zone];
  if (band === undefined || rate === undefined) return { ok: false, ...noRate(rates, zone, weightKg, serviceName) };
  if (band.mode === 'perKgWhole') {
    const amount = rate.times(weightKg);
    return { ok: true, amount, working: `${quantityText(weightKg)} kg × ${show(rate)}/kg = ${show(amount)}` };
  }
  const last = lastBreak(rates);
  const lastPrice = last?.byZone[zone];
  if (last === undefined || lastPrice === undefined) {
    return { ok: false, ...incomplete({ es: 'precio en el último escalón', en: 'price in the last break' }, zone) };
  }
  const steps = weightKg.minus(last.maxKg).div(band.stepKg).ceil();
  const amount = lastPrice.plus(rate.times(steps));
  return {
    ok: true,
    amount,
    working: `${quantityText(weightKg)} kg: ${last.maxKg} kg → ${show(lastPrice)} + ${quantityText(steps)} × ${show(rate)} per ${band.stepKg} kg = ${show(amount)}`,
  };
}

/** Base line: one for the shipment, or one whose working lists the priced pieces. */
export function baseLine(
  service: CarrierService,
  zone: string,
  pieces: readonly MeasuredPiece[],
  weights: readonly Decimal[],
  currency: string,
): ChargeLine | Refusal {
  const priced: string[] = [];
  let total = ZERO;
  for (const w of weights) {
    const p = priceWeight(service.rates, zone, w, currency, service.name);
    if (!p.ok) return { code: p.code, reason: p.reason };
    total = total.plus(p.amount);
    priced.push(p.working);
  }
  const measured = describeWeights(pieces, service.weight, weights);
  const prices =
    weights.length === 1
      ? `zone ${zone}, ${priced[0] ?? ''}`
      : `zone ${zone}, ${priced.map((w, i) => `piece ${i + 1}: ${w}`).join('; ')}; total ${moneyText(total, currency)}`;
  return { code: 'base', name: BASE_NAME, amount: total, working: `${measured}; ${prices}` };
}
