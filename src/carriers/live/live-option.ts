import type Decimal from 'decimal.js';
import type { Note } from '../../domain/note';
import { addDays } from '../../domain/dates';
import { sum } from '../../domain/money';
import type { LocalizedText } from '../../schema/primitives';
import type { RateRejection, RatedService, ShipmentToRate } from '../carrier-rater';
import { assembleLiveOption } from './live-assemble';
import { liveIncomplete } from './live-fallback';

/** One charge of a vendor's price, in the quote's currency, as the vendor itemised it. */
export interface LiveLine {
  code: string;
  name: LocalizedText;
  amount: Decimal;
}

/** One service priced by a vendor's rating API, in the vendor's words and currency. */
export interface LiveQuote {
  /** Frontera's service id: the table's id when the table has the service (e.g. DHL "P" → express-worldwide). */
  service: string;
  serviceName: LocalizedText;
  currency: string;
  /** What the vendor charges for the service, insurance included when priced. */
  total: Decimal;
  /** The vendor's itemised charges; what they leave out of `total` becomes a line that says so. */
  lines: LiveLine[];
  insurance?: Decimal;
  chargeableKg?: Decimal;
  zone?: string;
  /** YYYY-MM-DD, the vendor's estimated delivery for a hand-over on the ship date. */
  deliveryDate?: string;
  /** Business days, when the vendor gives a count instead of (or besides) a date. */
  transitDays?: { min: number; max: number };
  cutoffLocal?: string;
  /** YYYY-MM-DD of the vendor's prices; omitted: the day of the call. */
  priceDate?: string;
  notes?: Note[];
}

export interface LiveOptionContext {
  carrier: string;
  carrierName: string;
  /** The API and host named in every line's working, e.g. "DHL Express MyDHL API (express.api.dhl.com)". */
  source: string;
  shipment: ShipmentToRate;
  /** The table's option for the same service: fills in the cut-off, channel, duty fees, and the days when the vendor gave none. */
  known: RatedService | undefined;
  /** YYYY-MM-DD at the call, for the data date. */
  today: string;
  defaultCutoff: string;
}

const BASE: LocalizedText = { es: 'Tarifa base', en: 'Base rate' };
const OTHER: LocalizedText = { es: 'Otros cargos (sin desglose del transportista)', en: 'Other charges (not itemised by the carrier)' };

/**
 * The vendor's quote as an option of the shop's own price (`contract`). The
 * lines add up to exactly the vendor's total (less insurance, reported
 * apart): a base the vendor did not name is the total less its other lines,
 * and anything else the lines miss is a line of its own. The vendor's date
 * or days are door to door: no customs days are added on top.
 */
export function liveOption(q: LiveQuote, ctx: LiveOptionContext): RatedService | RateRejection {
  const { known } = ctx;
  const serviceName = known?.serviceName ?? q.serviceName;
  const timing = liveTiming(q, ctx);
  if (timing === undefined) {
    return liveIncomplete({ id: ctx.carrier, name: ctx.carrierName }, q.service, serviceName, { es: 'fecha ni días de entrega', en: 'a delivery date or days' });
  }
  return assembleLiveOption({
    carrier: ctx.carrier,
    carrierName: ctx.carrierName,
    service: q.service,
    serviceName,
    status: 'contract',
    currency: q.currency,
    zone: q.zone,
    chargeableKg: q.chargeableKg,
    lines: shippingLines(q).map((l) => ({ ...l, working: ctx.source })),
    insurance: q.insurance,
    working: ctx.source,
    known,
    shipment: ctx.shipment,
    transitDays: timing.transitDays,
    customsDays: timing.customsDays,
    ...(timing.deliveryDate === undefined ? {} : { deliveryDate: timing.deliveryDate }),
    cutoffLocal: q.cutoffLocal ?? known?.cutoffLocal ?? ctx.defaultCutoff,
    dataDate: q.priceDate ?? ctx.today,
    notes: [...liveNotes(q, ctx, timing), ...(q.notes ?? [])],
  });
}

function shippingLines(q: LiveQuote): LiveLine[] {
  const shippingTotal = q.insurance === undefined ? q.total : q.total.minus(q.insurance);
  const lines = q.lines.filter((l) => !l.amount.isZero());
  const rest = shippingTotal.minus(sum(lines.map((l) => l.amount)));
  if (rest.isZero() && lines.length > 0) return lines;
  if (!lines.some((l) => l.code === 'base')) return [{ code: 'base', name: BASE, amount: rest }, ...lines];
  return [...lines, { code: 'OTHER', name: OTHER, amount: rest }];
}

interface Timing {
  transitDays: { min: number; max: number };
  customsDays: { min: number; max: number };
  deliveryDate?: string;
  fromTable: boolean;
}

/** A vendor date or day count beyond this is not believed (and would stretch the delivery window past its checks). */
const MAX_VENDOR_DAYS = 90;

function liveTiming(q: LiveQuote, ctx: LiveOptionContext): Timing | undefined {
  const none = { min: 0, max: 0 };
  const shipDate = ctx.shipment.shipDate;
  if (q.deliveryDate !== undefined && q.deliveryDate >= shipDate && q.deliveryDate <= addDays(shipDate, MAX_VENDOR_DAYS)) {
    const days = weekdaysAfter(shipDate, q.deliveryDate);
    return { transitDays: { min: days, max: days }, customsDays: none, deliveryDate: q.deliveryDate, fromTable: false };
  }
  const t = q.transitDays;
  if (t !== undefined && Number.isInteger(t.min) && Number.isInteger(t.max) && t.min >= 0 && t.min <= t.max && t.max <= MAX_VENDOR_DAYS) {
    return { transitDays: t, customsDays: none, fromTable: false };
  }
  if (ctx.known !== undefined) return { transitDays: ctx.known.transitDays, customsDays: ctx.known.customsDays, fromTable: true };
  return undefined;
}

function liveNotes(q: LiveQuote, ctx: LiveOptionContext, timing: Timing): Note[] {
  const notes: Note[] = [
    {
      code: 'LIVE_RATES',
      severity: 'info',
      text: { es: `Su precio de ${ctx.carrierName}, de ${ctx.source}.`, en: `Your own ${ctx.carrierName} price, from ${ctx.source}.` },
    },
  ];
  if (timing.deliveryDate !== undefined) {
    notes.push({
      code: 'CARRIER_DELIVERY_DATE',
      severity: 'info',
      text: {
        es: `${ctx.carrierName} estima la entrega el ${timing.deliveryDate} si el paquete se entrega el ${ctx.shipment.shipDate}.`,
        en: `${ctx.carrierName} estimates delivery on ${timing.deliveryDate} for a hand-over on ${ctx.shipment.shipDate}.`,
      },
    });
  }
  if (timing.fromTable) {
    notes.push({
      code: 'TABLE_DELIVERY_DAYS',
      severity: 'warning',
      text: {
        es: `${ctx.carrierName} no dio fecha ni días de entrega: los días son los de su tabla.`,
        en: `${ctx.carrierName} gave no delivery date or days: the days are its table's.`,
      },
    });
  }
  if ((ctx.known?.dutyFees.length ?? 0) > 0 && ctx.known?.status === 'illustrative') {
    notes.push({
      code: 'TABLE_DUTY_FEES',
      severity: 'warning',
      text: {
        es: `Los cargos de ${ctx.carrierName} por pagar o adelantar impuestos son los de la tabla de muestra, no los de su cuenta.`,
        en: `${ctx.carrierName}'s fees for paying or advancing duties and taxes are the sample table's, not your account's.`,
      },
    });
  }
  return notes;
}

/** Monday-to-Friday days in (from, to]: the vendor's date as transit days, for the record (the window uses the date itself). */
export function weekdaysAfter(from: string, to: string): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    const day = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (day !== 0 && day !== 6) count++;
  }
  return count;
}

/** YYYY-MM-DD out of a vendor's date ("2026-05-07T23:59:00", "20260507"), or undefined when it is not a real date. */
export function isoDateOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|T)/.exec(value.trim());
  if (m === null) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(iso) ? iso : undefined;
}

/** "HH:MM" out of a vendor's time ("2026-05-04T19:00:00", "19:00:00", "1900"), or undefined. */
export function hhmmOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /(?:^|T)([01]\d|2[0-3]):?([0-5]\d)(?::?[0-5]\d)?$/.exec(value.trim());
  return m === null ? undefined : `${m[1]}:${m[2]}`;
}
