import type Decimal from 'decimal.js';
import type { Note } from '../../domain/note';
import { D, ZERO } from '../../domain/money';
import type { LocalizedText } from '../../schema/primitives';
import type { CarrierRater, DutyDependentFee, RateRejection, RateResult, ShipmentToRate } from '../carrier-rater';
import { w } from '../../domain/wording';

/**
 * What every live adapter does around the carrier's answer: price the table
 * too (the fallback), fall back to it with a note that says why, and report
 * the table services the live answer did not offer. Shared by the generic
 * `HttpCarrierRater` and the vendor adapters.
 */
export interface NamedCarrier {
  readonly id: string;
  readonly name: string;
}

/** The table's prices, or undefined when there is no table or it failed (a table bug must not cost the live price). */
export async function rateTableSafely(table: CarrierRater | undefined, shipment: ShipmentToRate): Promise<RateResult | undefined> {
  if (table === undefined) return undefined;
  try {
    return await table.rate(shipment);
  } catch {
    return undefined;
  }
}

/** Table options with a warning, or, without a table, a rejection that says why. */
export function fallBack(carrier: NamedCarrier, table: RateResult | undefined, why: LocalizedText): RateResult {
  if (table === undefined) {
    return {
      options: [],
      rejections: [
        {
          carrier: carrier.id,
          service: '*',
          code: 'LIVE_RATES_FAILED',
          reason: { es: `${carrier.name}: las tarifas en vivo fallaron (${why.es}).`, en: `${carrier.name}: live rates failed (${why.en}).` },
        },
      ],
    };
  }
  const warning: Note = {
    code: 'LIVE_RATES_UNAVAILABLE',
    severity: 'warning',
    text: {
      es: `No se obtuvieron tarifas en vivo de ${carrier.name} (${why.es}); se muestran las de su tabla.`,
      en: `Live rates from ${carrier.name} failed (${why.en}); its table prices are shown.`,
    },
  };
  return withNotes(table, [warning]);
}

/** Every option of `result` with `notes` first. */
export function withNotes(result: RateResult, notes: readonly Note[]): RateResult {
  if (notes.length === 0) return result;
  return { options: result.options.map((o) => ({ ...o, notes: [...notes, ...o.notes] })), rejections: result.rejections };
}

/**
 * The table's side once live prices came: each table service the live answer
 * did not offer is left out with the reason (never shown at a table price
 * beside live ones), and the table's own rejections of services not offered
 * live are kept.
 */
export function tableLeftovers(carrier: NamedCarrier, table: RateResult | undefined, offered: ReadonlySet<string>): RateRejection[] {
  const rejections: RateRejection[] = [];
  for (const o of table?.options ?? []) {
    if (offered.has(o.service)) continue;
    rejections.push({
      carrier: carrier.id,
      service: o.service,
      code: 'NOT_OFFERED_LIVE',
      reason: {
        es: `${carrier.name} no ofreció ${o.serviceName.es} para este envío en su servicio de tarifas.`,
        en: `${carrier.name}'s rate service did not offer ${o.serviceName.en} for this shipment.`,
      },
    });
  }
  rejections.push(...(table?.rejections ?? []).filter((r) => !offered.has(r.service)));
  return rejections;
}

/** A live service without the days a delivery window needs, and no table service to take them from. */
export function liveIncomplete(carrier: NamedCarrier, service: string, serviceName: LocalizedText, missing: LocalizedText): RateRejection {
  return {
    carrier: carrier.id,
    service,
    code: 'LIVE_INCOMPLETE',
    reason: {
      es: `${carrier.name} cotizó ${serviceName.es} sin ${missing.es} y su tabla no tiene ese servicio.`,
      en: `${carrier.name} priced ${serviceName.en} without ${missing.en} and its table has no such service.`,
    },
  };
}

/** A currency the quote cannot convert would fail the whole quote later; it is refused here instead. */
export function unusableCurrency(currency: string, shipment: ShipmentToRate): LocalizedText | undefined {
  try {
    shipment.convert(new D(1), currency, shipment.declaredValue.currency);
    return undefined;
  } catch {
    return { es: `moneda ${currency} sin tipo de cambio`, en: `currency ${currency} has no exchange rate` };
  }
}

/** A table's duty fee (priced in the table currency) re-expressed in the live answer's currency. */
export function feeInCurrency(fee: DutyDependentFee, from: string, to: string, shipment: ShipmentToRate): DutyDependentFee {
  if (from === to) return fee;
  return {
    ...fee,
    price: (dutiesAndTaxes: Decimal) => {
      const priced = fee.price(dutiesAndTaxes.lte(0) ? ZERO : shipment.convert(dutiesAndTaxes, to, from));
      return { amount: shipment.convert(priced.amount, from, to), working: w`${priced.working} ${from} → ${to}` };
    },
  };
}
