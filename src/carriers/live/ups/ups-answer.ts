import type Decimal from 'decimal.js';
import type { Note } from '../../../domain/note';
import { z } from 'zod';
import { ZERO } from '../../../domain/money';
import { isCurrencyCode } from '../../../schema/iso4217';
import { signedDecimalSchema } from '../../../schema/primitives';
import type { ShipmentToRate } from '../../carrier-rater';
import type { LiveAnswer } from '../live-carrier-rater';
import { isoDateOf, type LiveLine, type LiveQuote } from '../live-option';
import { kgOf, sameText, slug } from '../vendor-format';

/**
 * The parts of the UPS rate answer Frontera uses (contract schema
 * RATEResponseWrapper; source as in ups-request.ts). UPS amounts are decimal
 * strings. Below v2409 a list of one came as a bare object: both are read.
 */
const text = z.string().optional().catch(undefined);
const listOf = <T extends z.ZodType>(item: T, max = 200) => z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(item).max(max));
const money = z.object({ CurrencyCode: z.string(), MonetaryValue: signedDecimalSchema });
const itemized = z.object({ Code: z.string(), Description: text, CurrencyCode: z.string(), MonetaryValue: signedDecimalSchema, SubType: text });

const ratedShipmentSchema = z.object({
  Service: z.object({ Code: z.string().min(1), Description: text }),
  Zone: text,
  BillingWeight: z.object({ UnitOfMeasurement: z.object({ Code: z.string() }), Weight: signedDecimalSchema }).optional().catch(undefined),
  TransportationCharges: money,
  BaseServiceCharge: money.optional(),
  ItemizedCharges: listOf(itemized).optional(),
  ServiceOptionsCharges: money,
  TotalCharges: money,
  NegotiatedRateCharges: z
    .object({ BaseServiceCharge: listOf(money).optional(), ItemizedCharges: listOf(itemized).optional(), TotalCharge: money })
    .optional(),
  RatedPackage: listOf(z.object({ ItemizedCharges: listOf(itemized).optional(), NegotiatedCharges: z.object({ ItemizedCharges: listOf(itemized).optional() }).optional() })).optional(),
  TimeInTransit: z
    .object({ ServiceSummary: z.object({ EstimatedArrival: z.object({ Arrival: z.object({ Date: text }).optional(), BusinessDaysInTransit: text }) }) })
    .optional()
    .catch(undefined),
  RatedShipmentAlert: listOf(z.object({ Code: text, Description: text })).optional().catch(undefined),
});

export const upsRatesAnswerSchema = z.object({
  RateResponse: z.object({
    Response: z.object({ ResponseStatus: z.object({ Code: z.string() }) }),
    RatedShipment: listOf(ratedShipmentSchema, 50),
  }),
});
type RatedShipment = z.output<typeof ratedShipmentSchema>;

/**
 * UPS service codes (the contract's Service.Code list) as Frontera services:
 * the ones in carriers/ups.json keep the table's ids.
 */
const SERVICES: Record<string, { id: string; name: string }> = {
  '01': { id: 'next-day-air', name: 'UPS Next Day Air' },
  '02': { id: '2nd-day-air', name: 'UPS 2nd Day Air' },
  '03': { id: 'ground', name: 'UPS Ground' },
  '07': { id: 'worldwide-express', name: 'UPS Worldwide Express' },
  '08': { id: 'worldwide-expedited', name: 'UPS Worldwide Expedited' },
  '11': { id: 'standard', name: 'UPS Standard' },
  '12': { id: '3-day-select', name: 'UPS 3 Day Select' },
  '13': { id: 'next-day-air-saver', name: 'UPS Next Day Air Saver' },
  '14': { id: 'next-day-air-early', name: 'UPS Next Day Air Early' },
  '54': { id: 'worldwide-express-plus', name: 'UPS Worldwide Express Plus' },
  '59': { id: '2nd-day-air-am', name: 'UPS 2nd Day Air A.M.' },
  '65': { id: 'worldwide-saver', name: 'UPS Worldwide Saver' },
  '71': { id: 'worldwide-express-freight-midday', name: 'UPS Worldwide Express Freight Midday' },
  '75': { id: 'heavy-goods', name: 'UPS Heavy Goods' },
  '96': { id: 'worldwide-express-freight', name: 'UPS Worldwide Express Freight' },
};

export function upsLiveAnswer(answer: z.output<typeof upsRatesAnswerSchema>, s: ShipmentToRate): LiveAnswer {
  const quotes: LiveQuote[] = [];
  const rejections: LiveAnswer['rejections'] = [];
  for (const shipment of answer.RateResponse.RatedShipment) {
    const q = upsQuote(shipment, s);
    if ('reason' in q) rejections.push(q);
    else quotes.push(q);
  }
  if (answer.RateResponse.RatedShipment.length === 0) {
    rejections.push({ service: '*', code: 'NO_LIVE_SERVICE', reason: { es: 'UPS no ofreció ningún servicio para este envío.', en: 'UPS offered no service for this shipment.' } });
  }
  return { quotes, covered: true, notes: [], rejections };
}

function upsQuote(r: RatedShipment, s: ShipmentToRate): LiveQuote | LiveAnswer['rejections'][number] {
  const known = SERVICES[r.Service.Code];
  const service = known?.id ?? `service-${slug(r.Service.Code)}`;
  const negotiated = r.NegotiatedRateCharges;
  const total = negotiated?.TotalCharge ?? r.TotalCharges;
  if (!isCurrencyCode(total.CurrencyCode)) {
    return { service, code: 'LIVE_INCOMPLETE', reason: sameText(`UPS priced service ${r.Service.Code} in an unknown currency.`) };
  }
  // Accessorials come at UPS's published price only (ServiceOptionsCharges); with insurance asked, the declared value is the only one.
  const options = r.ServiceOptionsCharges.MonetaryValue;
  const insurance = s.insure && options.gt(0) ? options : undefined;
  const lines = upsLines(r, total.CurrencyCode, insurance === undefined ? options : ZERO);
  const weight = r.BillingWeight;
  const kg = weight === undefined ? undefined : kgOf(weight.Weight, weight.UnitOfMeasurement.Code);
  const arrival = r.TimeInTransit?.ServiceSummary.EstimatedArrival;
  const date = isoDateOf(arrival?.Arrival?.Date);
  const days = /^\d{1,2}$/.test(arrival?.BusinessDaysInTransit ?? '') ? Number(arrival?.BusinessDaysInTransit) : undefined;
  const alerts = (r.RatedShipmentAlert ?? []).map((a) => a.Description).filter((d) => d !== undefined);
  const notes: Note[] = [];
  if (negotiated === undefined) notes.push({ code: 'PUBLISHED_RATE', severity: 'info', text: sameText('UPS returned no negotiated rate for this shipment: this is the price UPS quotes your account.') });
  if (alerts.length > 0) notes.push({ code: 'CARRIER_WARNING', severity: 'info', text: sameText(`UPS: ${alerts.join('; ')}`) });
  return {
    service,
    serviceName: sameText(known?.name ?? (r.Service.Description || `UPS service ${r.Service.Code}`)),
    currency: total.CurrencyCode,
    total: total.MonetaryValue,
    lines,
    ...(insurance === undefined ? {} : { insurance }),
    ...(kg === undefined || kg.isZero() ? {} : { chargeableKg: kg }),
    ...(r.Zone === undefined || r.Zone === '' ? {} : { zone: r.Zone }),
    ...(date === undefined ? {} : { deliveryDate: date }),
    ...(days === undefined ? {} : { transitDays: { min: days, max: days } }),
    notes,
  };
}

/**
 * The base service charge (transportation less fuel, per the contract), the
 * itemised charges (the shipment's, else the packages' added up by code) and
 * the accessorial options; negotiated figures when UPS gave them.
 */
function upsLines(r: RatedShipment, currency: string, options: Decimal): LiveLine[] {
  const negotiated = r.NegotiatedRateCharges;
  const base = negotiated === undefined ? r.BaseServiceCharge : negotiated.BaseServiceCharge?.[0];
  const shipmentItems = negotiated === undefined ? r.ItemizedCharges : negotiated.ItemizedCharges;
  const packageItems = (r.RatedPackage ?? []).flatMap((p) => (negotiated === undefined ? p.ItemizedCharges : p.NegotiatedCharges?.ItemizedCharges) ?? []);
  const items = shipmentItems ?? packageItems;
  const lines: LiveLine[] = [];
  if (base !== undefined && base.CurrencyCode === currency && base.MonetaryValue.gt(0)) {
    lines.push({ code: 'base', name: { es: 'Tarifa base', en: 'Base rate' }, amount: base.MonetaryValue });
  }
  const byCode = new Map<string, LiveLine>();
  for (const i of items.filter((x) => x.CurrencyCode === currency)) {
    const code = `UPS_${i.Code}`;
    const seen = byCode.get(code);
    const name = sameText([i.Description || `UPS charge ${i.Code}`, i.SubType].filter((t) => t !== undefined && t !== '').join(' — '));
    byCode.set(code, { code, name, amount: (seen?.amount ?? ZERO).plus(i.MonetaryValue) });
  }
  lines.push(...byCode.values());
  if (options.gt(0)) lines.push({ code: 'OPTIONS', name: { es: 'Servicios adicionales', en: 'Service options' }, amount: options });
  return lines;
}
