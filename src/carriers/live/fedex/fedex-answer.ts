import type Decimal from 'decimal.js';
import type { Note } from '../../../domain/note';
import { z } from 'zod';
import { ZERO } from '../../../domain/money';
import { isCurrencyCode } from '../../../schema/iso4217';
import type { ShipmentToRate } from '../../carrier-rater';
import type { LiveAnswer } from '../live-carrier-rater';
import { isoDateOf, type LiveLine, type LiveQuote } from '../live-option';
import { DISCOUNT, FUEL, daysOfWords, decimalOf, kgOf, sameText, slug } from '../vendor-format';

/**
 * The parts of the FedEx rate answer Frontera uses (contract schema
 * RatcResponseVO; source as in fedex-request.ts). Prices are JSON numbers.
 * Fields Frontera only reads for dates, names or days are tolerant
 * (`catch`): FedEx's own examples send some of them in other shapes.
 */
const text = z.string().optional().catch(undefined);
const amount = z.number().finite();
const charge = z.object({ type: text, description: text, amount: amount.optional() });

const ratedShipmentDetailSchema = z.object({
  rateType: text,
  currency: text,
  totalNetCharge: amount,
  totalBaseCharge: amount.optional(),
  totalDiscounts: amount.optional(),
  shipmentRateDetail: z
    .object({
      currency: text,
      rateZone: text,
      totalFreightDiscount: amount.optional(),
      surCharges: z.array(charge).optional(),
      taxes: z.array(charge).optional(),
      totalBillingWeight: z.object({ units: z.string(), value: z.number().min(0) }).optional().catch(undefined),
    })
    .optional(),
});

const replyDetailSchema = z.object({
  serviceType: z.string().min(1),
  serviceName: text,
  ratedShipmentDetails: z.array(ratedShipmentDetailSchema).min(1),
  commit: z
    .object({
      dateDetail: z.object({ dayFormat: text }).optional().catch(undefined),
      transitDays: z.object({ minimumTransitTime: text, maximumTransitTime: text }).optional().catch(undefined),
      daysInTransit: text,
    })
    .optional()
    .catch(undefined),
  operationalDetail: z.object({ deliveryDate: text, transitTime: text }).optional().catch(undefined),
});

export const fedexRatesAnswerSchema = z.object({
  output: z.object({
    rateReplyDetails: z.array(replyDetailSchema).max(50),
    quoteDate: text,
    alerts: z.array(z.object({ code: text, message: text })).optional().catch(undefined),
  }),
});
type ReplyDetail = z.output<typeof replyDetailSchema>;
type RatedDetail = z.output<typeof ratedShipmentDetailSchema>;

/** FedEx service types with a service in carriers/fedex.json (FedEx renamed Priority with a FEDEX_ prefix). */
const TABLE_SERVICE: Record<string, string> = {
  INTERNATIONAL_PRIORITY: 'international-priority',
  FEDEX_INTERNATIONAL_PRIORITY: 'international-priority',
  INTERNATIONAL_ECONOMY: 'international-economy',
  FEDEX_INTERNATIONAL_ECONOMY: 'international-economy',
};

export function fedexLiveAnswer(answer: z.output<typeof fedexRatesAnswerSchema>, s: ShipmentToRate): LiveAnswer {
  const quotes: LiveQuote[] = [];
  const rejections: LiveAnswer['rejections'] = [];
  const priceDate = isoDateOf(answer.output.quoteDate);
  for (const reply of answer.output.rateReplyDetails) {
    const q = fedexQuote(reply, s, priceDate);
    if ('reason' in q) rejections.push(q);
    else quotes.push(q);
  }
  if (answer.output.rateReplyDetails.length === 0) {
    rejections.push({ service: '*', code: 'NO_LIVE_SERVICE', reason: { es: 'FedEx no ofreció ningún servicio para este envío.', en: 'FedEx offered no service for this shipment.' } });
  }
  const warnings = (answer.output.alerts ?? []).map((a) => a.message ?? a.code).filter((m) => m !== undefined);
  const notes: Note[] = warnings.length > 0 ? [{ code: 'CARRIER_WARNING', severity: 'warning', text: sameText(`FedEx: ${warnings.join('; ')}`) }] : [];
  return { quotes, covered: true, notes, rejections };
}

function fedexQuote(reply: ReplyDetail, s: ShipmentToRate, priceDate: string | undefined): LiveQuote | LiveAnswer['rejections'][number] {
  const service = TABLE_SERVICE[reply.serviceType] ?? slug(reply.serviceType);
  // ACCOUNT is the account's own rate (what was asked); another type is said in a note.
  const detail = reply.ratedShipmentDetails.find((d) => d.rateType === 'ACCOUNT') ?? (reply.ratedShipmentDetails[0] as RatedDetail);
  const currency = detail.currency ?? detail.shipmentRateDetail?.currency;
  if (currency === undefined || !isCurrencyCode(currency)) {
    return { service, code: 'LIVE_INCOMPLETE', reason: sameText(`FedEx priced ${reply.serviceType} without a known currency.`) };
  }
  const { lines, insurance } = fedexLines(detail, s.insure);
  const billing = detail.shipmentRateDetail?.totalBillingWeight;
  const kg = billing === undefined ? undefined : kgOf(decimalOf(billing.value), billing.units);
  const date = isoDateOf(reply.commit?.dateDetail?.dayFormat) ?? isoDateOf(reply.operationalDetail?.deliveryDate);
  const transit = fedexTransitDays(reply);
  const zone = detail.shipmentRateDetail?.rateZone;
  const notes: Note[] =
    detail.rateType === 'ACCOUNT' || detail.rateType === undefined
      ? []
      : [{ code: 'NOT_ACCOUNT_RATE', severity: 'warning', text: sameText(`FedEx answered with ${detail.rateType} rates, not your account's (ACCOUNT).`) }];
  return {
    service,
    serviceName: sameText(reply.serviceName ?? reply.serviceType),
    currency,
    total: decimalOf(detail.totalNetCharge),
    lines,
    ...(insurance === undefined ? {} : { insurance }),
    ...(kg === undefined || kg.isZero() ? {} : { chargeableKg: kg }),
    ...(zone === undefined || zone === '' ? {} : { zone }),
    ...(date === undefined ? {} : { deliveryDate: date }),
    ...(transit === undefined ? {} : { transitDays: transit }),
    ...(priceDate === undefined ? {} : { priceDate }),
    notes,
  };
}

/** Base, the freight discount, each surcharge (FUEL as fuel, INSURED_VALUE apart when insurance was asked), each tax. */
function fedexLines(d: RatedDetail, insure: boolean): { lines: LiveLine[]; insurance?: Decimal } {
  const lines: LiveLine[] = [];
  let insurance: Decimal | undefined;
  if (d.totalBaseCharge !== undefined) lines.push({ code: 'base', name: { es: 'Tarifa base', en: 'Base rate' }, amount: decimalOf(d.totalBaseCharge) });
  const discount = d.shipmentRateDetail?.totalFreightDiscount ?? d.totalDiscounts;
  if (discount !== undefined && discount > 0) lines.push({ code: 'DISCOUNT', name: DISCOUNT, amount: decimalOf(discount).negated() });
  for (const c of d.shipmentRateDetail?.surCharges ?? []) {
    if (c.amount === undefined) continue;
    const value = decimalOf(c.amount);
    if (c.type === 'INSURED_VALUE' && insure) insurance = (insurance ?? ZERO).plus(value);
    else if (c.type === 'FUEL') lines.push({ code: 'fuel', name: FUEL, amount: value });
    else lines.push({ code: c.type ?? 'SURCHARGE', name: sameText(c.description ?? c.type ?? 'FedEx surcharge'), amount: value });
  }
  for (const t of d.shipmentRateDetail?.taxes ?? []) {
    if (t.amount !== undefined) lines.push({ code: `TAX_${t.type ?? 'OTHER'}`, name: sameText(t.description ?? t.type ?? 'FedEx tax'), amount: decimalOf(t.amount) });
  }
  return { lines, ...(insurance === undefined ? {} : { insurance }) };
}

function fedexTransitDays(reply: ReplyDetail): { min: number; max: number } | undefined {
  const min = daysOfWords(reply.commit?.transitDays?.minimumTransitTime);
  const max = daysOfWords(reply.commit?.transitDays?.maximumTransitTime);
  if (min !== undefined && max !== undefined && min <= max) return { min, max };
  const one = daysOfWords(reply.commit?.daysInTransit) ?? daysOfWords(reply.operationalDetail?.transitTime) ?? max ?? min;
  return one === undefined ? undefined : { min: one, max: one };
}
