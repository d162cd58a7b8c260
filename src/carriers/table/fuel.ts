import type Decimal from 'decimal.js';
import { formatRate, sum } from '../../domain/money';
import type { LocalizedText } from '../../schema/primitives';
import type { ChargeLine } from '../carrier-rater';
import type { CarrierFile } from '../carrier-schema';
import { moneyText } from './working-text';
import { w } from '../../domain/wording';
import { C } from './carrier-phrases';

const FUEL_NAME: LocalizedText = { es: 'Recargo por combustible', en: 'Fuel surcharge' };

/** The fuel entry in force: the latest `from` on or before the ship date. */
export function fuelEntryOn(fuel: CarrierFile['fuel'], date: string): CarrierFile['fuel']['history'][number] | undefined {
  return fuel.history.filter((h) => h.from <= date).reduce<CarrierFile['fuel']['history'][number] | undefined>(
    (latest, h) => (latest === undefined || h.from > latest.from ? h : latest),
    undefined,
  );
}

/** Fuel on the base and on the surcharge lines `fuel.appliesTo` names; the carrier's published list of what fuel applies to is the authority. */
export function fuelLine(entry: { from: string; percent: Decimal }, appliesTo: readonly string[], lines: readonly ChargeLine[], currency: string): ChargeLine {
  const on = lines.filter((l) => appliesTo.includes(l.code));
  const amount = entry.percent.div(100).times(sum(on.map((l) => l.amount)));
  const parts = on.length === 0 ? '0' : on.map((l) => moneyText(l.amount, currency)).join(' + ');
  return {
    code: 'fuel',
    name: FUEL_NAME,
    amount,
    working: w`${C.fuelFrom(formatRate(entry.percent), entry.from)} × (${parts}) = ${moneyText(amount, currency)}`,
  };
}
