import Decimal from 'decimal.js';
import { inForce } from '../domain/dates';
import { D, ZERO, formatRate, minorUnits, sum } from '../domain/money';
import { ceilToStep } from '../domain/units';
import type { LocalizedText } from '../schema/primitives';
import type { CarrierFile, CarrierService, PostcodeRule, Surcharge, Trigger } from './carrier-schema';
import type { Note } from '../domain/note';
import type {
  CarrierRater,
  ChargeLine,
  DutyDependentFee,
  NormalisedParcel,
  RateRejection,
  RateResult,
  RatedService,
  ShipmentToRate,
} from './carrier-rater';

/**
 * Prices a shipment from a carrier rate table (`carriers/<id>.json`), in the
 * evaluation order of shared/research/carriers.md §1: (1) per piece, round
 * the sides, volumetric weight, max(actual, volumetric); (2) round up to the
 * band's step; (3) zone, postcode rule before country rule; (4) base from the
 * breaks or the per-kg bands, then the zone minimum; (5) surcharges; (6) fuel
 * on the base and the surcharges `fuel.appliesTo` lists; (7) value-based
 * charges (insurance, duties-paid fees) without fuel. Amounts keep full
 * precision; the quote rounds each reported line once.
 *
 * Pure: no I/O, no clock; the ship date and the currency converter come in
 * the shipment.
 */
export class TableCarrierRater implements CarrierRater {
  readonly id: string;
  readonly name: string;
  /** A table's price depends on the declared value only through value triggers or value percentages. */
  readonly reuse: 'always' | 'sameValue';

  constructor(private readonly table: CarrierFile) {
    this.id = table.id;
    this.name = table.name;
    const valueSensitive = table.surcharges.some(
      (s) => s.option !== 'insurance' && (s.percentOf === 'declaredValue' || (s.triggers ?? []).some((t) => t.field === 'declaredValue')),
    );
    this.reuse = valueSensitive ? 'sameValue' : 'always';
  }

  rate(shipment: ShipmentToRate): RateResult {
    const result: RateResult = { options: [], rejections: [] };
    for (const service of this.table.services) {
      const outcome = rateService(this.table, service, shipment);
      if (outcome === undefined) continue;
      if ('reason' in outcome) result.rejections.push(outcome);
      else result.options.push(outcome);
    }
    return result;
  }
}

type Dated = { effectiveFrom?: string; effectiveTo?: string };
type Zone = CarrierService['zones'][number];
type Rates = CarrierService['rates'];
type WeightRules = CarrierService['weight'];
type Limits = CarrierService['limits'];
/** Why a service cannot take the shipment: a stable code and a sentence in both languages. */
export type Refusal = { code: string; reason: LocalizedText };

/** One parcel as the carrier measures it. */
export interface MeasuredPiece {
  /** 1-based, as a shop owner counts them. */
  number: number;
  actualKg: Decimal;
  volumetricKg: Decimal;
  /** max(actual, volumetric) rounded up to the step of its band, then raised to a `minimumBillable` that applies. */
  chargeableKg: Decimal;
  /** The `minimumBillable` rule that raised the chargeable weight, if any. */
  minimum?: { minKg: number; name: LocalizedText };
  /** Sides after `dimRounding`, longest first. */
  sidesCm: Decimal[];
  /** Longest side + 2 × (the other two). */
  lengthPlusGirthCm: Decimal;
}

/** Both ends inclusive: a window "to 2026-02-16" still applies on the 16th (one rule for tariffs and carriers). */
export { inForce };

export function normalisePostcode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/**
 * A prefix rule matches when the postcode starts with it; a range rule
 * compares the postcode's first `from.length` characters with `from` and `to`
 * (so "995"–"999" takes "99501"), both with spaces removed, case-insensitive.
 */
export function postcodeMatches(rule: PostcodeRule, country: string, postalCode: string | undefined): boolean {
  if (rule.country !== country || postalCode === undefined) return false;
  const code = normalisePostcode(postalCode);
  if (code === '') return false;
  if (rule.prefix !== undefined) return code.startsWith(normalisePostcode(rule.prefix));
  if (rule.from === undefined || rule.to === undefined) return false;
  const from = normalisePostcode(rule.from);
  const to = normalisePostcode(rule.to);
  const head = code.slice(0, from.length);
  return head.length === from.length && from <= head && head <= to;
}

/** A postcode rule beats a country rule (carriers.md §1, zones). */
export function findZone(zones: readonly Zone[], destination: { country: string; postalCode?: string }): string | undefined {
  const byPostcode = zones.find((z) => z.postcodes.some((r) => postcodeMatches(r, destination.country, destination.postalCode)));
  if (byPostcode !== undefined) return byPostcode.id;
  return zones.find((z) => z.countries.includes(destination.country))?.id;
}

export function roundSide(cm: Decimal, mode: WeightRules['dimRounding']): Decimal {
  if (mode === 'nearest') return cm.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  if (mode === 'up') return cm.ceil();
  return cm;
}

/** Rounds up to the step of the first band whose ceiling is at or above the weight. */
export function roundChargeable(kg: Decimal, bands: WeightRules['rounding']): Decimal {
  const band = bands.find((b) => b.upToKg === null || kg.lte(b.upToKg)) ?? bands[bands.length - 1];
  return band === undefined ? kg : ceilToStep(kg, new D(band.stepKg));
}

export function measurePiece(parcel: NormalisedParcel, index: number, weight: WeightRules): MeasuredPiece {
  // Re-wrapped in the money clone (precision 40) whatever Decimal the caller built.
  const actualKg = new D(parcel.weightKg);
  const sidesCm = [parcel.lengthCm, parcel.widthCm, parcel.heightCm]
    .map((s) => roundSide(new D(s), weight.dimRounding))
    .sort((a, b) => b.comparedTo(a));
  const [longest = ZERO, second = ZERO, third = ZERO] = sidesCm;
  const volumetricKg =
    weight.volumetricDivisor === null ? ZERO : longest.times(second).times(third).div(weight.volumetricDivisor);
  const piece: MeasuredPiece = {
    number: index + 1,
    actualKg,
    volumetricKg,
    chargeableKg: roundChargeable(D.max(actualKg, volumetricKg), weight.rounding),
    sidesCm,
    lengthPlusGirthCm: longest.plus(second.plus(third).times(2)),
  };
  return applyMinimumBillable(piece, weight.minimumBillable);
}

/** The highest `minimumBillable` whose trigger holds on the piece and is above its chargeable weight. */
function applyMinimumBillable(piece: MeasuredPiece, rules: WeightRules['minimumBillable']): MeasuredPiece {
  const raising = rules
    .filter((r) => r.triggers.some((t) => pieceTriggerHolds(t, piece)) && piece.chargeableKg.lt(r.minKg))
    .sort((a, b) => b.minKg - a.minKg)[0];
  if (raising === undefined) return piece;
  return { ...piece, chargeableKg: new D(raising.minKg), minimum: { minKg: raising.minKg, name: raising.name } };
}

/** The weights the base price is looked up on: one per piece, or one for the shipment. */
export function pricedWeights(pieces: readonly MeasuredPiece[], weight: WeightRules): Decimal[] {
  if (weight.chargeableScope === 'shipment') {
    // Scope shipment: actual and volumetric are summed over the pieces before the max.
    const actual = sum(pieces.map((p) => p.actualKg));
    const volumetric = sum(pieces.map((p) => p.volumetricKg));
    return [roundChargeable(D.max(actual, volumetric), weight.rounding)];
  }
  const each = pieces.map((p) => p.chargeableKg);
  if ((weight.priceBy ?? 'piece') === 'piece') return each;
  // Per-piece chargeable weights added, re-rounded: past 30 kg the step may be coarser.
  return [roundChargeable(sum(each), weight.rounding)];
}

function kg(value: Decimal): string {
  return value.toFixed();
}

/** At least the currency's minor units, more when the amount has them (nothing hidden). */
function money(amount: Decimal, currency: string): string {
  const units = minorUnits(currency);
  // Exact sub-unit results (a fuel of 436.7125) are shown to 4 more places, not 40.
  return amount.decimalPlaces() <= units ? amount.toFixed(units) : amount.toDecimalPlaces(units + 4).toFixed();
}

function describePiece(p: MeasuredPiece, weight: WeightRules): string {
  const actual = `${kg(p.actualKg)} kg actual`;
  if (weight.volumetricDivisor === null) return `piece ${p.number}: ${actual}`;
  const sides = p.sidesCm.map(kg).join('×');
  return `piece ${p.number}: ${actual}, ${sides} cm / ${weight.volumetricDivisor} = ${kg(p.volumetricKg)} kg volumetric`;
}

function minimumText(p: MeasuredPiece): string {
  return p.minimum === undefined ? '' : ` (${p.minimum.name.en}: at least ${p.minimum.minKg} kg)`;
}

/** How the priced weights came about, for the base line's working. */
function describeWeights(pieces: readonly MeasuredPiece[], weight: WeightRules, weights: readonly Decimal[]): string {
  const each = pieces.map((p) => describePiece(p, weight));
  if (weight.chargeableScope === 'shipment') {
    const actual = kg(sum(pieces.map((p) => p.actualKg)));
    const volumetric = kg(sum(pieces.map((p) => p.volumetricKg)));
    return `${each.join('; ')}; shipment: max(${actual}, ${volumetric}) kg → ${kg(weights[0] ?? ZERO)} kg`;
  }
  const rounded = pieces.map((p) => `${each[p.number - 1] ?? ''} → ${kg(p.chargeableKg)} kg${minimumText(p)}`);
  if (weights.length === pieces.length) return rounded.join('; ');
  return `${rounded.join('; ')}; shipment ${kg(weights[0] ?? ZERO)} kg`;
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
      es: `${serviceName.es} no tiene precio para un peso cobrable de ${kg(weightKg)} kg a la zona ${zone}${upToEs}.`,
      en: `${serviceName.en} has no price for a chargeable weight of ${kg(weightKg)} kg to zone ${zone}${upToEn}.`,
    },
  };
}

function incomplete(what: LocalizedText, zone: string): Refusal {
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
  const show = (a: Decimal) => money(a, currency);
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
    return { ok: true, amount: price, working: `${kg(weightKg)} kg →${label} ${show(price)}` };
  }
  const band = rates.beyond.find((b) => weightKg.gte(b.fromKg) && (b.toKg === null || weightKg.lte(b.toKg)));
  const rate = band?.byZone[zone];
  if (band === undefined || rate === undefined) return { ok: false, ...noRate(rates, zone, weightKg, serviceName) };
  if (band.mode === 'perKgWhole') {
    const amount = rate.times(weightKg);
    return { ok: true, amount, working: `${kg(weightKg)} kg × ${show(rate)}/kg = ${show(amount)}` };
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
    working: `${kg(weightKg)} kg: ${last.maxKg} kg → ${show(lastPrice)} + ${kg(steps)} × ${show(rate)} per ${band.stepKg} kg = ${show(amount)}`,
  };
}

/** The first limit the shipment breaks, with the limit and the value in the message. */
export function checkLimits(limits: Limits, pieces: readonly MeasuredPiece[], name: LocalizedText): Refusal | undefined {
  if (limits.maxPieces !== undefined && pieces.length > limits.maxPieces) {
    return {
      code: 'TOO_MANY_PIECES',
      reason: {
        es: `El envío tiene ${pieces.length} bultos; ${name.es} acepta como máximo ${limits.maxPieces} bultos por envío.`,
        en: `The shipment has ${pieces.length} pieces; ${name.en} takes at most ${limits.maxPieces} pieces per shipment.`,
      },
    };
  }
  const totalKg = sum(pieces.map((p) => p.actualKg));
  if (limits.maxShipmentKg !== undefined && totalKg.gt(limits.maxShipmentKg)) {
    return {
      code: 'OVER_SHIPMENT_WEIGHT',
      reason: {
        es: `El envío pesa ${kg(totalKg)} kg; ${name.es} acepta como máximo ${limits.maxShipmentKg} kg por envío.`,
        en: `The shipment weighs ${kg(totalKg)} kg; ${name.en} takes at most ${limits.maxShipmentKg} kg per shipment.`,
      },
    };
  }
  for (const piece of pieces) {
    const refusal = checkPieceLimits(limits, piece, name);
    if (refusal !== undefined) return refusal;
  }
  return undefined;
}

/** Limits use the actual weight and the sides as the carrier rounds them. */
function checkPieceLimits(limits: Limits, p: MeasuredPiece, name: LocalizedText): Refusal | undefined {
  if (p.actualKg.gt(limits.maxPieceKg)) {
    return {
      code: 'OVER_PIECE_WEIGHT',
      reason: {
        es: `El bulto ${p.number} pesa ${kg(p.actualKg)} kg; ${name.es} acepta como máximo ${limits.maxPieceKg} kg por bulto.`,
        en: `Piece ${p.number} weighs ${kg(p.actualKg)} kg; ${name.en} takes at most ${limits.maxPieceKg} kg per piece.`,
      },
    };
  }
  const longest = p.sidesCm[0] ?? ZERO;
  if (limits.maxLengthCm !== undefined && longest.gt(limits.maxLengthCm)) {
    return {
      code: 'OVER_SIZE',
      reason: {
        es: `El bulto ${p.number} mide ${kg(longest)} cm de largo; ${name.es} acepta como máximo ${limits.maxLengthCm} cm en el lado más largo.`,
        en: `Piece ${p.number} is ${kg(longest)} cm long; ${name.en} takes at most ${limits.maxLengthCm} cm on the longest side.`,
      },
    };
  }
  // Largest box: longest side against the largest figure, and so on (Estafeta 150 × 115 × 115 cm).
  const maxBox = limits.maxSidesCm === undefined ? undefined : [...limits.maxSidesCm].sort((a, b) => b - a);
  if (maxBox !== undefined && maxBox.some((max, i) => (p.sidesCm[i] ?? ZERO).gt(max))) {
    const box = maxBox.join(' × ');
    const sides = p.sidesCm.map(kg).join(' × ');
    return {
      code: 'OVER_SIZE',
      reason: {
        es: `El bulto ${p.number} mide ${sides} cm; ${name.es} acepta como máximo ${box} cm.`,
        en: `Piece ${p.number} measures ${sides} cm; ${name.en} takes at most ${box} cm.`,
      },
    };
  }
  if (limits.maxLengthPlusGirthCm !== undefined && p.lengthPlusGirthCm.gt(limits.maxLengthPlusGirthCm)) {
    const [l = ZERO, w = ZERO, h = ZERO] = p.sidesCm;
    const size = `${kg(p.lengthPlusGirthCm)} cm (${kg(l)} + 2 × (${kg(w)} + ${kg(h)}))`;
    return {
      code: 'OVER_SIZE',
      reason: {
        es: `El bulto ${p.number} mide ${size} de largo más contorno; ${name.es} acepta como máximo ${limits.maxLengthPlusGirthCm} cm.`,
        en: `Piece ${p.number} measures ${size} in length plus girth; ${name.en} takes at most ${limits.maxLengthPlusGirthCm} cm.`,
      },
    };
  }
  return undefined;
}

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

/** A trigger on a piece field (pieceKg, longestSideCm…); false for any other field. */
export function pieceTriggerHolds(t: Trigger, piece: MeasuredPiece): boolean {
  const field = PIECE_FIELDS[t.field];
  return field !== undefined && typeof t.value === 'number' && compare(field(piece), t.op, t.value);
}

/** Per piece: does the surcharge apply to it? Any one trigger is enough; none means always. */
function triggeredPieces(s: Surcharge, pieces: readonly MeasuredPiece[], facts: ShipmentFacts): boolean[] {
  const triggers = s.triggers ?? [];
  return pieces.map((p) => triggers.length === 0 || triggers.some((t) => triggerHolds(t, p, facts)));
}

interface Triggered {
  surcharge: Surcharge;
  pieces: boolean[];
}

/**
 * `excludes`: a surcharge is not charged where a code it names is charged
 * (UPS additional handling vs large package; DHL non-conveyable vs
 * overweight/oversize, carriers.md §1). Piece surcharges compare piece by
 * piece; the others compare the whole shipment. Exclusion looks at what
 * triggered, before any exclusion, so the result does not depend on order.
 */
function applyExclusions(triggered: readonly Triggered[]): Triggered[] {
  const charged = (code: string, i: number) =>
    triggered.some((t) => t.surcharge.code === code && (t.surcharge.basis === 'piece' ? t.pieces[i] === true : t.pieces.some(Boolean)));
  return triggered
    .map((t) => ({ ...t, pieces: t.pieces.map((on, i) => on && !(t.surcharge.excludes ?? []).some((code) => charged(code, i))) }))
    .filter((t) => t.pieces.some(Boolean));
}

interface PricingContext {
  currency: string;
  shipment: ShipmentToRate;
  chargeableKg: Decimal;
  base: Decimal;
}

/** A surcharge figure in the table currency, with how it was converted. */
function inTableCurrency(value: Decimal, s: Surcharge, ctx: PricingContext): { value: Decimal; text: string } {
  if (s.currency === undefined || s.currency === ctx.currency) return { value, text: money(value, ctx.currency) };
  const converted = new D(ctx.shipment.convert(value, s.currency, ctx.currency));
  return { value: converted, text: `${money(converted, ctx.currency)} (${s.currency} ${money(value, s.currency)})` };
}

function declaredValueInTableCurrency(ctx: PricingContext): Decimal {
  const { amount, currency } = ctx.shipment.declaredValue;
  return new D(currency === ctx.currency ? amount : ctx.shipment.convert(amount, currency, ctx.currency));
}

function percentBase(s: Surcharge, ctx: PricingContext, dutiesTaxes: Decimal | undefined): { value: Decimal; label: string } {
  if (s.percentOf === 'declaredValue') return { value: declaredValueInTableCurrency(ctx), label: 'declared value' };
  if (s.percentOf === 'dutiesTaxes') return { value: dutiesTaxes ?? ZERO, label: 'duties and taxes' };
  return { value: ctx.base, label: 'base' };
}

/** Amount before min/max: shipment once, piece per triggering piece, kg per chargeable kg, percent of its base. */
function rawSurcharge(s: Surcharge, pieceNumbers: number[], ctx: PricingContext, dutiesTaxes?: Decimal): { amount: Decimal; working: string } {
  const show = (a: Decimal) => money(a, ctx.currency);
  switch (s.basis) {
    case 'shipment': {
      const flat = inTableCurrency(s.amount ?? ZERO, s, ctx);
      return { amount: flat.value, working: flat.text };
    }
    case 'piece': {
      const each = inTableCurrency(s.amount ?? ZERO, s, ctx);
      const amount = each.value.times(pieceNumbers.length);
      const which = `piece${pieceNumbers.length === 1 ? '' : 's'} ${pieceNumbers.join(', ')}`;
      return { amount, working: `${pieceNumbers.length} × ${each.text} (${which}) = ${show(amount)}` };
    }
    case 'kg': {
      const perKg = inTableCurrency(s.perKg ?? ZERO, s, ctx);
      const amount = perKg.value.times(ctx.chargeableKg);
      return { amount, working: `${perKg.text}/kg × ${kg(ctx.chargeableKg)} kg = ${show(amount)}` };
    }
    case 'percent': {
      const rate = s.percent ?? ZERO;
      const of = percentBase(s, ctx, dutiesTaxes);
      const amount = rate.div(100).times(of.value);
      return { amount, working: `${formatRate(rate)}% × ${show(of.value)} ${of.label} = ${show(amount)}` };
    }
  }
}

function priceSurcharge(s: Surcharge, pieceNumbers: number[], ctx: PricingContext, dutiesTaxes?: Decimal): { amount: Decimal; working: string } {
  const raw = rawSurcharge(s, pieceNumbers, ctx, dutiesTaxes);
  const min = s.min === undefined ? undefined : inTableCurrency(s.min, s, ctx);
  const max = s.max === undefined ? undefined : inTableCurrency(s.max, s, ctx);
  if (min !== undefined && raw.amount.lt(min.value)) return { amount: min.value, working: `${raw.working}, minimum ${min.text}` };
  if (max !== undefined && raw.amount.gt(max.value)) return { amount: max.value, working: `${raw.working}, maximum ${max.text}` };
  return raw;
}

function chargedPieceNumbers(t: Triggered, pieces: readonly MeasuredPiece[]): number[] {
  return pieces.filter((_, i) => t.pieces[i] === true).map((p) => p.number);
}

/** The fuel entry in force: the latest `from` on or before the ship date. */
export function fuelEntryOn(fuel: CarrierFile['fuel'], date: string): CarrierFile['fuel']['history'][number] | undefined {
  return fuel.history.filter((h) => h.from <= date).reduce<CarrierFile['fuel']['history'][number] | undefined>(
    (latest, h) => (latest === undefined || h.from > latest.from ? h : latest),
    undefined,
  );
}

const FUEL_NAME: LocalizedText = { es: 'Recargo por combustible', en: 'Fuel surcharge' };
const BASE_NAME: LocalizedText = { es: 'Tarifa base', en: 'Base rate' };

/** Fuel on the base and on the surcharge lines `fuel.appliesTo` names; it is the authority (carriers.md §2.1). */
export function fuelLine(entry: { from: string; percent: Decimal }, appliesTo: readonly string[], lines: readonly ChargeLine[], currency: string): ChargeLine {
  const on = lines.filter((l) => appliesTo.includes(l.code));
  const amount = entry.percent.div(100).times(sum(on.map((l) => l.amount)));
  const parts = on.length === 0 ? '0' : on.map((l) => money(l.amount, currency)).join(' + ');
  return {
    code: 'fuel',
    name: FUEL_NAME,
    amount,
    working: `${formatRate(entry.percent)}% (from ${entry.from}) × (${parts}) = ${money(amount, currency)}`,
  };
}

function note(code: string, severity: Note['severity'], text: LocalizedText): Note {
  return { code, severity, text };
}

const SAMPLE_RATES = note('SAMPLE_RATES', 'warning', {
  es: 'Tarifas de muestra: cargue su tabla negociada',
  en: 'Sample rates: load your negotiated table',
});

function period(d: Dated): LocalizedText {
  return {
    es: `${d.effectiveFrom === undefined ? '' : `desde el ${d.effectiveFrom}`}${d.effectiveTo === undefined ? '' : ` hasta el ${d.effectiveTo}`}`.trim(),
    en: `${d.effectiveFrom === undefined ? '' : `from ${d.effectiveFrom}`}${d.effectiveTo === undefined ? '' : ` to ${d.effectiveTo}`}`.trim(),
  };
}

/**
 * Whole-table refusals are reported per service so that a caller who asked
 * for this carrier learns why it gave no option (api.md: the reason is a note).
 */
function checkTable(table: CarrierFile, shipment: ShipmentToRate): Refusal | undefined {
  if (!inForce(table, shipment.shipDate)) {
    const p = period(table);
    return {
      code: 'NOT_IN_FORCE',
      reason: {
        es: `La tabla de ${table.name} está vigente ${p.es}; la fecha de envío es ${shipment.shipDate}.`,
        en: `The ${table.name} table is in force ${p.en}; the ship date is ${shipment.shipDate}.`,
      },
    };
  }
  if (!table.origins.includes(shipment.origin.country)) {
    const origins = table.origins.join(', ');
    return {
      code: 'ORIGIN_NOT_SERVED',
      reason: {
        es: `La tabla de ${table.name} cubre envíos desde ${origins}, no desde ${shipment.origin.country}.`,
        en: `The ${table.name} table covers shipments from ${origins}, not from ${shipment.origin.country}.`,
      },
    };
  }
  return undefined;
}

function destinationText(d: ShipmentToRate['destination']): LocalizedText {
  if (d.postalCode === undefined) return { es: d.country, en: d.country };
  return { es: `${d.country} (código postal ${d.postalCode})`, en: `${d.country} (postcode ${d.postalCode})` };
}

/** Suspensions first (the more specific reason), then the zone, then the limits. */
function routeZone(service: CarrierService, shipment: ShipmentToRate, pieces: readonly MeasuredPiece[]): { zone: string } | Refusal {
  if (pieces.length === 0) {
    return { code: 'NO_PIECES', reason: { es: 'El envío no tiene bultos que tarifar.', en: 'The shipment has no pieces to rate.' } };
  }
  const suspension = service.unavailable.find((u) => u.countries.includes(shipment.destination.country) && inForce(u, shipment.shipDate));
  if (suspension !== undefined) return { code: 'SUSPENDED', reason: suspension.reason };
  const zone = findZone(service.zones, shipment.destination);
  if (zone === undefined) {
    const where = destinationText(shipment.destination);
    return {
      code: 'NO_ZONE',
      reason: {
        es: `${service.name.es} no entrega en ${where.es}: ninguna zona de la tabla lo cubre.`,
        en: `${service.name.en} does not deliver to ${where.en}: no zone of the table covers it.`,
      },
    };
  }
  return checkLimits(service.limits, pieces, service.name) ?? { zone };
}

/** Base line: one for the shipment, or one whose working lists the priced pieces. */
function baseLine(
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
      : `zone ${zone}, ${priced.map((w, i) => `piece ${i + 1}: ${w}`).join('; ')}; total ${money(total, currency)}`;
  return { code: 'base', name: BASE_NAME, amount: total, working: `${measured}; ${prices}` };
}

function applicableSurcharges(table: CarrierFile, service: CarrierService, shipment: ShipmentToRate): Surcharge[] {
  return table.surcharges.filter(
    (s) =>
      inForce(s, shipment.shipDate) &&
      (s.services === undefined || s.services.includes(service.id)) &&
      (s.option !== 'insurance' || shipment.insure),
  );
}

function dutyFee(s: Surcharge & { option: 'ddp' | 'dap' }, pieceNumbers: number[], ctx: PricingContext): DutyDependentFee {
  return {
    code: s.code,
    name: s.name,
    option: s.option,
    // Nothing advanced, nothing to charge for: the minimum applies only when duties or taxes are paid.
    price: (dutiesAndTaxes) =>
      dutiesAndTaxes.lte(0)
        ? { amount: ZERO, working: 'no duties or taxes to advance' }
        : priceSurcharge(s, pieceNumbers, ctx, new D(dutiesAndTaxes)),
  };
}

function isDutyOption(s: Surcharge): s is Surcharge & { option: 'ddp' | 'dap' } {
  return s.option === 'ddp' || s.option === 'dap';
}

function postcodeNote(table: CarrierFile, service: CarrierService, destination: ShipmentToRate['destination']): Note | undefined {
  if (destination.postalCode !== undefined) return undefined;
  const rules = [...service.zones.flatMap((z) => z.postcodes), ...service.remoteAreas];
  if (!rules.some((r) => r.country === destination.country)) return undefined;
  return note('POSTCODE_MISSING', 'info', {
    es:
      `Sin código postal la zona de ${table.name} se elige por país; ` +
      `algunos códigos postales de ${destination.country} tienen otra zona o recargo de zona remota.`,
    en:
      `Without a postcode the ${table.name} zone is chosen by country; ` +
      `some ${destination.country} postcodes are in another zone or a remote area.`,
  });
}

interface Charges {
  lines: ChargeLine[];
  insurance?: ChargeLine;
  dutyFees: DutyDependentFee[];
  notes: Note[];
}

/** Steps 5 to 7 of the evaluation order: surcharges, fuel, then the options (insurance, duty fees) without fuel. */
function priceCharges(
  table: CarrierFile,
  service: CarrierService,
  shipment: ShipmentToRate,
  pieces: readonly MeasuredPiece[],
  base: ChargeLine,
  chargeableKg: Decimal,
): Charges {
  const remote = service.remoteAreas.filter((r) => postcodeMatches(r, shipment.destination.country, shipment.destination.postalCode));
  const facts: ShipmentFacts = {
    destination: shipment.destination.country,
    remoteArea: remote.length > 0,
    remoteAreas: new Set(remote.map((r) => r.area ?? 'remote')),
    shipmentKg: sum(pieces.map((p) => p.actualKg)),
    declaredValueIn: (currency) => {
      const target = currency ?? table.currency;
      const { amount, currency: from } = shipment.declaredValue;
      return new D(from === target ? amount : shipment.convert(amount, from, target));
    },
  };
  const ctx: PricingContext = { currency: table.currency, shipment, chargeableKg, base: base.amount };
  const charged = applyExclusions(
    applicableSurcharges(table, service, shipment).map((s) => ({ surcharge: s, pieces: triggeredPieces(s, pieces, facts) })),
  );
  const toLine = (t: Triggered): ChargeLine => ({
    code: t.surcharge.code,
    name: t.surcharge.name,
    ...priceSurcharge(t.surcharge, chargedPieceNumbers(t, pieces), ctx),
  });

  const lines: ChargeLine[] = [base, ...charged.filter((t) => t.surcharge.option === undefined).map(toLine)];
  const notes: Note[] = [];
  const fuel = fuelEntryOn(table.fuel, shipment.shipDate);
  if (fuel !== undefined) lines.push(fuelLine(fuel, table.fuel.appliesTo, lines, table.currency));
  else {
    notes.push(
      note('FUEL_UNKNOWN', 'warning', {
        es: `La tabla no tiene recargo por combustible vigente el ${shipment.shipDate}; no se cobró.`,
        en: `The table has no fuel surcharge in force on ${shipment.shipDate}; none was charged.`,
      }),
    );
  }

  const insured = charged.find((t) => t.surcharge.option === 'insurance');
  if (shipment.insure && insured === undefined) {
    notes.push(
      note('INSURANCE_UNAVAILABLE', 'warning', {
        es: `${service.name.es} no ofrece seguro en esta tabla.`,
        en: `${service.name.en} offers no insurance in this table.`,
      }),
    );
  }
  return {
    lines,
    ...(insured === undefined ? {} : { insurance: toLine(insured) }),
    dutyFees: charged.flatMap((t) => (isDutyOption(t.surcharge) ? [dutyFee(t.surcharge, chargedPieceNumbers(t, pieces), ctx)] : [])),
    notes,
  };
}

function rateService(table: CarrierFile, service: CarrierService, shipment: ShipmentToRate): RatedService | RateRejection | undefined {
  const reject = (r: Refusal): RateRejection => ({ carrier: table.id, service: service.id, ...r });
  const tableRefusal = checkTable(table, shipment);
  if (tableRefusal !== undefined) return reject(tableRefusal);
  if (!inForce(service, shipment.shipDate)) return undefined;

  const pieces = shipment.parcels.map((p, i) => measurePiece(p, i, service.weight));
  const route = routeZone(service, shipment, pieces);
  if (!('zone' in route)) return reject(route);
  const { zone } = route;
  const transit = service.transit.byZone[zone];
  if (transit === undefined) return reject(incomplete({ es: 'tiempo de tránsito', en: 'transit time' }, zone));
  const weights = pricedWeights(pieces, service.weight);
  const base = baseLine(service, zone, pieces, weights, table.currency);
  if (!('amount' in base)) return reject(base);

  const chargeableKg = sum(weights);
  const { notes: chargeNotes, ...charges } = priceCharges(table, service, shipment, pieces, base, chargeableKg);
  const missingPostcode = postcodeNote(table, service, shipment.destination);
  const notes = [
    ...(table.status === 'illustrative' ? [SAMPLE_RATES] : []),
    ...chargeNotes,
    ...(missingPostcode === undefined ? [] : [missingPostcode]),
  ];
  const customs = service.transit.customsDays;
  return {
    carrier: table.id,
    carrierName: table.name,
    service: service.id,
    serviceName: service.name,
    channel: service.channel,
    status: table.status,
    currency: table.currency,
    zone,
    chargeableKg,
    ...charges,
    transitDays: { min: transit.min, max: transit.max },
    customsDays: customs[shipment.destination.country] ?? customs.default ?? { min: 0, max: 0 },
    cutoffLocal: service.transit.cutoffLocal,
    // The date of the price table (the later of the file's and the service's start);
    // the fuel percentage's own date is in the fuel line's working.
    dataDate: service.effectiveFrom !== undefined && service.effectiveFrom > table.effectiveFrom ? service.effectiveFrom : table.effectiveFrom,
    notes,
  };
}
