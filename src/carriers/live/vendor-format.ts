import Decimal from 'decimal.js';
import { D, allocate, roundHalfUp } from '../../domain/money';
import type { ShipmentToRate } from '../carrier-rater';
import type { LocalizedText } from '../../schema/primitives';

/** Small conversions between Frontera's decimals and the vendors' JSON. */

/** A weight or size for a vendor that takes JSON numbers, rounded up to `places` so nothing is declared below its real value. */
export function upTo(value: Decimal, places: number): number {
  return Number(value.toDecimalPlaces(places, Decimal.ROUND_UP).toString());
}

/** The same as a decimal string (UPS takes strings). */
export function upToText(value: Decimal, places: number): string {
  return value.toDecimalPlaces(places, Decimal.ROUND_UP).toString();
}

/**
 * A vendor's JSON number as a Decimal through its shortest round-trip text
 * (157.95 → "157.95"): exact for the 2- or 3-decimal prices vendors send.
 */
export function decimalOf(n: number): Decimal {
  return new D(String(n));
}

/** 1 lb = 0.45359237 kg (international avoirdupois pound, exact by definition). */
const KG_PER_LB = new D('0.45359237');

export function kgOf(value: Decimal, unit: string): Decimal | undefined {
  const u = unit.toUpperCase();
  if (u === 'KG' || u === 'KGS') return value;
  if (u === 'LB' || u === 'LBS') return value.times(KG_PER_LB);
  return undefined;
}

/** "EXPRESS 12:00" → "express-12-00": a service id out of a vendor's name or code. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "EXPRESS WORLDWIDE" → "Express Worldwide", for names vendors send in capitals. */
export function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s(/-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** The vendor's own words in both languages: the vendors name their charges in English only. */
export function sameText(text: string): LocalizedText {
  return { es: text, en: text };
}

export const FUEL: LocalizedText = { es: 'Recargo por combustible', en: 'Fuel surcharge' };
export const DISCOUNT: LocalizedText = { es: 'Descuento', en: 'Discount' };

/** The goods value split over the parcels by weight (to the cent), for vendors that declare a value per package. */
export function valuePerParcel(s: ShipmentToRate): Decimal[] {
  const { amount, currency } = s.declaredValue;
  return allocate(roundHalfUp(amount, currency), s.parcels.map((p) => p.weightKg), currency);
}

/** FedEx writes transit times as words ("THREE_DAYS"); 1 to 20 days. */
const DAY_WORDS = ['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE', 'TEN', 'ELEVEN', 'TWELVE', 'THIRTEEN', 'FOURTEEN', 'FIFTEEN', 'SIXTEEN', 'SEVENTEEN', 'EIGHTEEN', 'NINETEEN', 'TWENTY'];

export function daysOfWords(value: string | undefined): number | undefined {
  const m = /^([A-Z]+)_DAYS?$/.exec(value ?? '');
  const index = m === null ? -1 : DAY_WORDS.indexOf(m[1] as string);
  return index === -1 ? undefined : index + 1;
}
