import type Decimal from 'decimal.js';
import { z } from 'zod';
import { isCurrencyCode } from '../../../schema/iso4217';
import type { ShipmentToRate } from '../../carrier-rater';
import type { LiveAnswer } from '../live-carrier-rater';
import { hhmmOf, isoDateOf, type LiveLine, type LiveQuote } from '../live-option';
import { FUEL, decimalOf, sameText, slug, titleCase } from '../vendor-format';

/**
 * The parts of the MyDHL API rate answer Frontera uses (contract schema
 * supermodelIoLogisticsExpressRates; source as in dhl-express-request.ts).
 * Prices are JSON numbers there.
 */
const breakdownSchema = z.object({
  name: z.string().optional(),
  serviceCode: z.string().optional(),
  price: z.number().finite().optional(),
});

const productSchema = z.object({
  productName: z.string().optional(),
  productCode: z.string().min(1),
  weight: z.object({ volumetric: z.number().min(0).optional(), provided: z.number().min(0).optional(), unitOfMeasurement: z.string().optional() }),
  totalPrice: z.array(z.object({ currencyType: z.string().optional(), priceCurrency: z.string().optional(), price: z.number().finite().min(0) })).min(1),
  detailedPriceBreakdown: z
    .array(z.object({ currencyType: z.string().optional(), priceCurrency: z.string(), breakdown: z.array(breakdownSchema).optional() }))
    .optional(),
  pickupCapabilities: z.object({ localCutoffDateAndTime: z.string().optional() }).optional(),
  deliveryCapabilities: z.object({ estimatedDeliveryDateAndTime: z.string().optional(), totalTransitDays: z.number().int().min(0).optional() }).optional(),
  pricingDate: z.string().optional(),
});

export const dhlRatesAnswerSchema = z.object({
  products: z.array(productSchema).max(50),
  warnings: z.array(z.string()).optional(),
});
type DhlProduct = z.output<typeof productSchema>;

/** DHL's global product codes with a service in carriers/dhl-express.json. */
const TABLE_SERVICE: Record<string, string> = { P: 'express-worldwide' };

export function dhlLiveAnswer(answer: z.output<typeof dhlRatesAnswerSchema>, s: ShipmentToRate): LiveAnswer {
  const quotes: LiveQuote[] = [];
  const rejections: LiveAnswer['rejections'] = [];
  for (const p of answer.products) {
    const q = dhlQuote(p, s);
    if ('reason' in q) rejections.push(q);
    else quotes.push(q);
  }
  const warnings = (answer.warnings ?? []).join('; ');
  if (answer.products.length === 0) {
    const why = warnings === '' ? '' : ` (${warnings})`;
    rejections.push({
      service: '*',
      code: 'NO_LIVE_SERVICE',
      reason: { es: `DHL Express no ofreció ningún servicio para este envío${why}.`, en: `DHL Express offered no service for this shipment${why}.` },
    });
  }
  const notes = quotes.length > 0 && warnings !== '' ? [{ code: 'CARRIER_WARNING', severity: 'warning' as const, text: sameText(`DHL Express: ${warnings}`) }] : [];
  return { quotes, covered: true, notes, rejections };
}

function dhlQuote(p: DhlProduct, s: ShipmentToRate): LiveQuote | LiveAnswer['rejections'][number] {
  const service = TABLE_SERVICE[p.productCode] ?? (slug(p.productName ?? '') || `product-${slug(p.productCode)}`);
  // The billing currency (BILLC) is what the account pays; otherwise the first price DHL gives.
  const total = p.totalPrice.find((t) => t.currencyType === 'BILLC') ?? p.totalPrice[0];
  const detail = p.detailedPriceBreakdown?.find((d) => d.currencyType === (total?.currencyType ?? 'BILLC')) ?? p.detailedPriceBreakdown?.[0];
  const currency = total?.priceCurrency ?? detail?.priceCurrency;
  if (total === undefined || currency === undefined || !isCurrencyCode(currency)) {
    return { service, code: 'LIVE_INCOMPLETE', reason: sameText(`DHL Express priced product ${p.productCode} without a known currency.`) };
  }
  const { lines, insurance } = dhlLines(detail?.priceCurrency === currency ? (detail.breakdown ?? []) : [], s.insure);
  const provided = p.weight.provided ?? 0;
  const volumetric = p.weight.volumetric ?? 0;
  const date = isoDateOf(p.deliveryCapabilities?.estimatedDeliveryDateAndTime);
  const cutoff = hhmmOf(p.pickupCapabilities?.localCutoffDateAndTime);
  const priceDate = isoDateOf(p.pricingDate);
  const transit = p.deliveryCapabilities?.totalTransitDays;
  return {
    service,
    serviceName: sameText(`DHL ${titleCase(p.productName ?? p.productCode)}`),
    currency,
    total: decimalOf(total.price),
    lines,
    ...(insurance === undefined ? {} : { insurance }),
    ...(provided > 0 || volumetric > 0 ? { chargeableKg: decimalOf(Math.max(provided, volumetric)) } : {}),
    ...(date === undefined ? {} : { deliveryDate: date }),
    ...(transit === undefined ? {} : { transitDays: { min: transit, max: transit } }),
    ...(cutoff === undefined ? {} : { cutoffLocal: cutoff }),
    ...(priceDate === undefined ? {} : { priceDate }),
  };
}

/**
 * The first breakdown item is the product's own (weight) charge; FF is the
 * fuel surcharge; II, shipment insurance, is reported apart when asked for;
 * the rest are DHL's surcharges under their service codes.
 */
function dhlLines(breakdown: z.output<typeof breakdownSchema>[], insure: boolean): { lines: LiveLine[]; insurance?: Decimal } {
  const lines: LiveLine[] = [];
  let insurance: Decimal | undefined;
  breakdown.forEach((b, i) => {
    if (b.price === undefined) return;
    const amount = decimalOf(b.price);
    if (i === 0) lines.push({ code: 'base', name: { es: 'Tarifa base', en: 'Base rate' }, amount });
    else if (b.serviceCode === 'II' && insure) insurance = amount;
    else if (b.serviceCode === 'FF') lines.push({ code: 'fuel', name: FUEL, amount });
    else lines.push({ code: b.serviceCode ?? slug(b.name ?? 'charge').toUpperCase(), name: sameText(titleCase(b.name ?? b.serviceCode ?? 'DHL charge')), amount });
  });
  return { lines, ...(insurance === undefined ? {} : { insurance }) };
}
