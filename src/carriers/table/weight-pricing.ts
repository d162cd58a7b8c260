import type Decimal from 'decimal.js';
import { ZERO, sum } from '../../domain/money';
import type { LocalizedText } from '../../schema/primitives';
import type { ChargeLine, Refusal } from '../carrier-rater';
import type { CarrierService } from '../carrier-schema';
import type { MeasuredPiece, Rates, WeightRules } from './table-types';
import { moneyText, quantityText } from './working-text';
import { joined, w, type Wording } from '../../domain/wording';
import { C } from './carrier-phrases';

const BASE_NAME: LocalizedText = { es: 'Tarifa base', en: 'Base rate' };

function describePiece(p: MeasuredPiece, weight: WeightRules): Wording {
  const actual = C.pieceActual(String(p.number), quantityText(p.actualKg));
  if (weight.volumetricDivisor === null) return actual;
  const sides = p.sidesCm.map(quantityText).join('×');
  return w`${actual}, ${sides} cm / ${String(weight.volumetricDivisor)} = ${C.volumetric(quantityText(p.volumetricKg))}`;
}

function minimumText(p: MeasuredPiece): Wording {
  return p.minimum === undefined ? '' : C.atLeast(p.minimum.name, String(p.minimum.minKg));
}

/** How the priced weights came about, for the base line's working. */
function describeWeights(pieces: readonly MeasuredPiece[], weight: WeightRules, weights: readonly Decimal[]): Wording {
  const each = pieces.map((p) => describePiece(p, weight));
  if (weight.chargeableScope === 'shipment') {
    const actual = quantityText(sum(pieces.map((p) => p.actualKg)));
    const volumetric = quantityText(sum(pieces.map((p) => p.volumetricKg)));
    return w`${joined(each, '; ')}; ${C.shipmentMax(actual, volumetric, quantityText(weights[0] ?? ZERO))}`;
  }
  const rounded = pieces.map((p) => w`${each[p.number - 1] ?? ''} → ${quantityText(p.chargeableKg)} kg${minimumText(p)}`);
  if (weights.length === pieces.length) return joined(rounded, '; ');
  return w`${joined(rounded, '; ')}; ${C.shipmentKg(quantityText(weights[0] ?? ZERO))}`;
}

export type Priced = { ok: true; amount: Decimal; working: Wording } | ({ ok: false } & Refusal);

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
    return { ok: true, amount: minimum, working: w`${found.working}${C.belowMinimum(show(minimum))}` };
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
    const label = brk.label === undefined ? '' : C.label(brk.label);
    return { ok: true, amount: price, working: w`${quantityText(weightKg)} kg →${label} ${show(price)}` };
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
    working: w`${quantityText(weightKg)} kg: ${String(last.maxKg)} kg → ${show(lastPrice)} + ${quantityText(steps)} × ${show(rate)} ${C.perStep(String(band.stepKg))} = ${show(amount)}`,
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
  const priced: Wording[] = [];
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
      ? w`${C.zone(zone)}, ${priced[0] ?? ''}`
      : w`${C.zone(zone)}, ${joined(priced.map((x, i) => C.piece(String(i + 1), x)), '; ')}; ${C.total(moneyText(total, currency))}`;
  return { code: 'base', name: BASE_NAME, amount: total, working: w`${measured}; ${prices}` };
}
