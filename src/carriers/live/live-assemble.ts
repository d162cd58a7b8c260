import type Decimal from 'decimal.js';
import type { Note } from '../../domain/note';
import { D, sum } from '../../domain/money';
import type { LocalizedText } from '../../schema/primitives';
import type { ChargeLine, RatedService, ShipmentToRate } from '../carrier-rater';
import { feeInCurrency } from './live-fallback';
import type { Wording } from '../../domain/wording';

/** What a live answer gives for one service, before the table fills in the rest. */
export interface LiveOptionParts {
  carrier: string;
  carrierName: string;
  service: string;
  serviceName: LocalizedText;
  status: RatedService['status'];
  currency: string;
  zone: string | undefined;
  chargeableKg: Decimal | undefined;
  lines: ChargeLine[];
  insurance: Decimal | undefined;
  /** Where the prices come from, on the insurance line. */
  working: Wording;
  /** The table's option for the same service, if any. */
  known: RatedService | undefined;
  shipment: ShipmentToRate;
  transitDays: { min: number; max: number };
  customsDays: { min: number; max: number };
  deliveryDate?: string;
  cutoffLocal: string;
  dataDate: string;
  notes: Note[];
}

/**
 * A live service as an option, the same way for the generic HTTP carriers
 * and the vendor adapters: the table's service gives the channel, the zone
 * and weight the answer lacks, and its duties-paid and collection fees
 * (re-expressed in the answer's currency); insurance asked but not priced is said.
 */
export function assembleLiveOption(p: LiveOptionParts): RatedService {
  const { known, shipment } = p;
  const insurance: ChargeLine | undefined =
    p.insurance === undefined ? undefined : { code: 'INSURANCE', name: { es: 'Seguro', en: 'Insurance' }, amount: p.insurance, working: p.working };
  const notes = [...p.notes];
  if (shipment.insure && insurance === undefined) {
    notes.push({
      code: 'INSURANCE_UNAVAILABLE',
      severity: 'warning',
      text: { es: `${p.carrierName} no cotizó seguro para ${p.serviceName.es}.`, en: `${p.carrierName} quoted no insurance for ${p.serviceName.en}.` },
    });
  }
  return {
    carrier: p.carrier,
    carrierName: p.carrierName,
    service: p.service,
    serviceName: p.serviceName,
    channel: known?.channel ?? 'courier',
    status: p.status,
    currency: p.currency,
    zone: p.zone ?? known?.zone ?? '-',
    chargeableKg: p.chargeableKg ?? known?.chargeableKg ?? sum(shipment.parcels.map((x) => new D(x.weightKg))),
    lines: p.lines,
    ...(insurance === undefined ? {} : { insurance }),
    dutyFees: (known?.dutyFees ?? []).map((f) => feeInCurrency(f, known?.currency ?? p.currency, p.currency, shipment)),
    transitDays: p.transitDays,
    customsDays: p.customsDays,
    ...(p.deliveryDate === undefined ? {} : { deliveryDate: p.deliveryDate }),
    cutoffLocal: p.cutoffLocal,
    dataDate: p.dataDate,
    notes,
  };
}
