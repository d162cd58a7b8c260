import { inForce } from '../../domain/dates';
import type { LocalizedText } from '../../schema/primitives';
import type { Refusal, ShipmentToRate } from '../carrier-rater';
import type { CarrierFile, CarrierService } from '../carrier-schema';
import { checkLimits } from './limits';
import type { MeasuredPiece } from './table-types';
import { periodText } from './working-text';
import { findZone } from './zones';

/**
 * Whole-table refusals are reported per service so that a caller who asked
 * for this carrier learns why it gave no option (the reason becomes a note of the answer).
 */
export function checkTable(table: CarrierFile, shipment: ShipmentToRate): Refusal | undefined {
  if (!inForce(table, shipment.shipDate)) {
    const p = periodText(table);
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
export function routeZone(service: CarrierService, shipment: ShipmentToRate, pieces: readonly MeasuredPiece[]): { zone: string } | Refusal {
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
