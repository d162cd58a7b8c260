import type Decimal from 'decimal.js';
import { inForce } from '../domain/dates';
import { D, sum } from '../domain/money';
import type { Note } from '../domain/note';
import type { LocalizedText } from '../schema/primitives';
import type { CarrierRater, ChargeLine, DutyDependentFee, RateRejection, RateResult, RatedService, Refusal, ShipmentToRate } from './carrier-rater';
import type { CarrierFile, CarrierService, Trigger } from './carrier-schema';
import { findRestrictionHits, restrictionKey, restrictionRefusal, restrictionWarnings } from './restrictions';
import { fuelEntryOn, fuelLine } from './table/fuel';
import { measurePiece, pricedWeights } from './table/pieces';
import { checkTable, routeZone } from './table/route-checks';
import { applicableSurcharges, chargedPieceNumbers, dutyFee, isDutyOption, priceSurcharge, type PricingContext } from './table/surcharges';
import type { MeasuredPiece } from './table/table-types';
import { applyExclusions, triggeredPieces, valueTriggerHolds, type ShipmentFacts, type Triggered } from './table/triggers';
import { baseLine, incomplete } from './table/weight-pricing';
import { postcodeMatches } from './table/zones';
import { destinationForRules } from './table/postcode-check';
import { bundledPostcodeFormats, type PostcodeFormats } from './postcode-formats';

/**
 * Prices a shipment from a carrier rate table (`carriers/<id>.json`), in the
 * evaluation order of carriers/README.md ("Evaluation order"): (1) per piece, round
 * the sides, volumetric weight, max(actual, volumetric); (2) round up to the
 * band's step; (3) zone, postcode rule before country rule; (4) base from the
 * breaks or the per-kg bands, then the zone minimum; (5) surcharges; (6) fuel
 * on the base and the surcharges `fuel.appliesTo` lists; (7) value-based
 * charges (insurance, duties-paid fees) without fuel. Amounts keep full
 * precision; the quote rounds each reported line once.
 *
 * Pure once built: `rate` does no I/O and reads no clock; the ship date and
 * the currency converter come in the shipment.
 */
export class TableCarrierRater implements CarrierRater {
  readonly id: string;
  readonly name: string;
  /** A table's price depends on the declared value only through value triggers or value percentages. */
  readonly reuse: 'always' | 'sameValue';
  /** Every declared-value trigger of the table, when triggers are its only use of the value (besides insurance). */
  private readonly valueTriggers: Trigger[] | undefined;
  /** Its insurance is a price of the declared value alone (no triggers, no exclusions): see CarrierRater. */
  readonly insuranceByValue: boolean;
  private readonly postcodeFormats: PostcodeFormats | undefined;

  /**
   * `postcodeFormats`: the countries' postcode patterns, by default the bundled table
   * (data/reference/world/countries.csv, read once per process), so that every table rater, also
   * the fallback of a live carrier, treats postcodes alike; `null` uses every postcode as given.
   */
  constructor(
    private readonly table: CarrierFile,
    postcodeFormats: PostcodeFormats | null = bundledPostcodeFormats(),
  ) {
    this.postcodeFormats = postcodeFormats ?? undefined;
    this.id = table.id;
    this.name = table.name;
    this.valueTriggers = valueTriggersOf(table);
    this.reuse = this.valueTriggers === undefined || this.valueTriggers.length > 0 ? 'sameValue' : 'always';
    const insurance = table.surcharges.filter((s) => s.option === 'insurance');
    const codes = new Set(insurance.map((s) => s.code));
    this.insuranceByValue =
      insurance.every((s) => (s.triggers ?? []).length === 0 && (s.excludes ?? []).length === 0) &&
      !table.surcharges.some((s) => (s.excludes ?? []).some((code) => codes.has(code)));
  }

  restrictionKey(shipment: ShipmentToRate): string {
    return restrictionKey(this.table, shipment);
  }

  /** Which of the table's declared-value thresholds the value passes ("10"), when thresholds are its only value rules. */
  valueKey(shipment: ShipmentToRate): string | undefined {
    const triggers = this.valueTriggers;
    if (triggers === undefined) return undefined;
    const { amount, currency: from } = shipment.declaredValue;
    const valueIn = (currency: string | undefined) => {
      const target = currency ?? this.table.currency;
      return from === target ? amount : shipment.convert(amount, from, target);
    };
    return triggers.map((t) => (valueTriggerHolds(t, valueIn) ? '1' : '0')).join('');
  }

  rate(shipment: ShipmentToRate): RateResult {
    const result: RateResult = { options: [], rejections: [] };
    for (const service of this.table.services) {
      const outcome = rateService(this.table, service, shipment, this.postcodeFormats);
      if (outcome === undefined) continue;
      if ('reason' in outcome) result.rejections.push(outcome);
      else result.options.push(outcome);
    }
    return result;
  }
}

/**
 * The declared-value triggers of the table's charges (the loader allows them on surcharges only), or
 * undefined when a charge other than insurance is a percentage of the value (then the value itself counts).
 */
function valueTriggersOf(table: CarrierFile): Trigger[] | undefined {
  const charges = table.surcharges.filter((s) => s.option !== 'insurance');
  if (charges.some((s) => s.percentOf === 'declaredValue')) return undefined;
  return charges.flatMap((s) => (s.triggers ?? []).filter((t) => t.field === 'declaredValue'));
}

function note(code: string, severity: Note['severity'], text: LocalizedText): Note {
  return { code, severity, text };
}

const SAMPLE_RATES = note('SAMPLE_RATES', 'warning', {
  es: 'Tarifas de muestra: cargue su tabla negociada',
  en: 'Sample rates: load your negotiated table',
});

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
  insureFor?: (declaredValue: ShipmentToRate['declaredValue']) => ChargeLine;
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
    ...(insured === undefined
      ? {}
      : {
          insurance: toLine(insured),
          // The same surcharge on the same pieces for another declared value (used only when it has no triggers or exclusions).
          insureFor: (declaredValue: ShipmentToRate['declaredValue']) => ({
            code: insured.surcharge.code,
            name: insured.surcharge.name,
            ...priceSurcharge(insured.surcharge, chargedPieceNumbers(insured, pieces), { ...ctx, shipment: { ...shipment, declaredValue } }),
          }),
        }),
    dutyFees: charged.flatMap((t) => (isDutyOption(t.surcharge) ? [{ ...dutyFee(t.surcharge, chargedPieceNumbers(t, pieces), ctx), status: table.status }] : [])),
    notes,
  };
}

function rateService(table: CarrierFile, service: CarrierService, asked: ShipmentToRate, formats: PostcodeFormats | undefined): RatedService | RateRejection | undefined {
  const reject = (r: Refusal): RateRejection => ({ carrier: table.id, service: service.id, ...r });
  const tableRefusal = checkTable(table, asked);
  if (tableRefusal !== undefined) return reject(tableRefusal);
  if (!inForce(service, asked.shipDate)) return undefined;
  // The postcode rules see the postcode only when it looks like one of the country's.
  const forRules = destinationForRules(service, asked.destination, formats, table.name);
  const shipment: ShipmentToRate = { ...asked, destination: forRules.destination };
  // Restricted goods before pricing (carriers/README.md, "Restricted goods").
  const restricted = findRestrictionHits(table, shipment, service.id);
  const refusal = restrictionRefusal(restricted, table, service.name);
  if (refusal !== undefined) return reject(refusal);

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
  const missingPostcode = postcodeNote(table, service, asked.destination);
  const notes = [
    ...(table.status === 'illustrative' ? [SAMPLE_RATES] : []),
    ...chargeNotes,
    ...restrictionWarnings(restricted, table, service.name),
    ...(missingPostcode === undefined ? [] : [missingPostcode]),
    ...(forRules.note === undefined ? [] : [forRules.note]),
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
