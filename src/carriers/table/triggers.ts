import type Decimal from 'decimal.js';
import { ZERO } from '../../domain/money';
import type { Surcharge, Trigger } from '../carrier-schema';
import type { MeasuredPiece } from './table-types';

/** What shipment-level triggers look at. */
export interface ShipmentFacts {
  destination: string;
  remoteArea: boolean;
  /** The `area` of every remote-area rule the destination postcode matches ("remote" when a rule names none). */
  remoteAreas: ReadonlySet<string>;
  /** Sum of the pieces' actual weights. */
  shipmentKg: Decimal;
  /** The goods value in a currency (the trigger's, else the table's). */
  declaredValueIn: (currency: string | undefined) => Decimal;
}

function compare(left: Decimal, op: Trigger['op'], right: number): boolean {
  switch (op) {
    case '>':
      return left.gt(right);
    case '>=':
      return left.gte(right);
    case '<':
      return left.lt(right);
    case '<=':
      return left.lte(right);
    case '=':
      return left.eq(right);
    default:
      return false;
  }
}

const PIECE_FIELDS: Record<string, (p: MeasuredPiece) => Decimal> = {
  pieceKg: (p) => p.actualKg,
  chargeableKg: (p) => p.chargeableKg,
  longestSideCm: (p) => p.sidesCm[0] ?? ZERO,
  secondSideCm: (p) => p.sidesCm[1] ?? ZERO,
  lengthPlusGirthCm: (p) => p.lengthPlusGirthCm,
};

/** A trigger on a piece field looks at that piece; the others at the shipment. */
export function triggerHolds(t: Trigger, piece: MeasuredPiece, facts: ShipmentFacts): boolean {
  if (t.field === 'remoteArea') {
    if (t.op !== '=') return false;
    return typeof t.value === 'string' ? facts.remoteAreas.has(t.value) : t.value === facts.remoteArea;
  }
  if (t.field === 'destination') return t.op === 'in' && Array.isArray(t.value) && t.value.includes(facts.destination);
  if (typeof t.value !== 'number') return false;
  if (t.field === 'shipmentKg') return compare(facts.shipmentKg, t.op, t.value);
  if (t.field === 'declaredValue') return compare(facts.declaredValueIn(t.currency), t.op, t.value);
  return pieceTriggerHolds(t, piece);
}

/** Whether a declared-value trigger holds for a value given in the trigger's currency (else the table's). */
export function valueTriggerHolds(t: Trigger, valueIn: (currency: string | undefined) => Decimal): boolean {
  return t.field === 'declaredValue' && typeof t.value === 'number' && compare(valueIn(t.currency), t.op, t.value);
}

/** A trigger on a piece field (pieceKg, longestSideCm…); false for any other field. */
export function pieceTriggerHolds(t: Trigger, piece: MeasuredPiece): boolean {
  const field = PIECE_FIELDS[t.field];
  return field !== undefined && typeof t.value === 'number' && compare(field(piece), t.op, t.value);
}

/** Per piece: does the surcharge apply to it? Any one trigger is enough; none means always. */
export function triggeredPieces(s: Surcharge, pieces: readonly MeasuredPiece[], facts: ShipmentFacts): boolean[] {
  const triggers = s.triggers ?? [];
  return pieces.map((p) => triggers.length === 0 || triggers.some((t) => triggerHolds(t, p, facts)));
}

export interface Triggered {
  surcharge: Surcharge;
  pieces: boolean[];
}

/**
 * `excludes`: a surcharge is not charged where a code it names is charged
 * (UPS additional handling vs large package; DHL non-conveyable vs
 * overweight/oversize, as the carriers' surcharge guides say). Piece surcharges compare piece by
 * piece; the others compare the whole shipment. Exclusion looks at what
 * triggered, before any exclusion, so the result does not depend on order.
 */
export function applyExclusions(triggered: readonly Triggered[]): Triggered[] {
  const charged = (code: string, i: number) =>
    triggered.some((t) => t.surcharge.code === code && (t.surcharge.basis === 'piece' ? t.pieces[i] === true : t.pieces.some(Boolean)));
  return triggered
    .map((t) => ({ ...t, pieces: t.pieces.map((on, i) => on && !(t.surcharge.excludes ?? []).some((code) => charged(code, i))) }))
    .filter((t) => t.pieces.some(Boolean));
}
