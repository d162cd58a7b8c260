import { z } from 'zod';
import type { Note } from '../../../domain/note';
import { isCurrencyCode } from '../../../schema/iso4217';
import type { LiveAnswer } from '../live-carrier-rater';
import { isoDateOf, type LiveLine, type LiveQuote } from '../live-option';
import { FUEL, decimalOf, sameText, slug, titleCase } from '../vendor-format';

/**
 * The parts of karrio's rate answer Frontera uses (schema RateResponse, with
 * Rate, Charge and Message; source as in karrio-request.ts). Amounts are JSON
 * numbers; karrio writes absent values as null.
 */
const maybeText = z.string().nullish().catch(undefined);
const chargeSchema = z.object({ name: maybeText, amount: z.number().finite().nullish(), currency: maybeText });
const rateSchema = z.object({
  carrier_name: z.string().min(1),
  carrier_id: z.string().min(1),
  currency: maybeText,
  service: maybeText,
  total_charge: z.number().finite().min(0),
  transit_days: z.number().int().min(0).nullish().catch(undefined),
  extra_charges: z.array(chargeSchema).nullish(),
  estimated_delivery: maybeText,
  meta: z.record(z.string(), z.unknown()).nullish().catch(undefined),
  test_mode: z.boolean(),
});
const messageSchema = z.object({ message: maybeText, code: maybeText, level: maybeText, carrier_name: maybeText });

export const karrioRatesAnswerSchema = z.object({
  rates: z.array(rateSchema).max(200),
  messages: z.array(messageSchema).nullish(),
});
export type KarrioAnswer = z.output<typeof karrioRatesAnswerSchema>;
export type KarrioRate = z.output<typeof rateSchema>;

/** karrio's carrier_name as a Frontera carrier id: `dhl_express` → `dhl-express`, so it meets the table of the same id. */
export function karrioCarrierId(carrierName: string): string {
  return carrierName.toLowerCase().replace(/_/g, '-');
}

/** The rates of one carrier (by Frontera id) as quotes, and karrio's messages about that carrier. */
export function karrioLiveAnswer(answer: KarrioAnswer, carrierId: string): LiveAnswer {
  const rates = answer.rates.filter((r) => karrioCarrierId(r.carrier_name) === carrierId);
  const quotes: LiveQuote[] = [];
  const rejections: LiveAnswer['rejections'] = [];
  for (const rate of rates) {
    const q = karrioQuote(rate, carrierId);
    if ('reason' in q) rejections.push(q);
    else quotes.push(q);
  }
  const said = karrioMessages(answer, carrierId);
  const notes: Note[] = said === undefined ? [] : [{ code: 'CARRIER_WARNING', severity: 'warning', text: sameText(`karrio: ${said}`) }];
  return { quotes, covered: rates.length > 0, notes, rejections };
}

/** What karrio said about one carrier (its errors and warnings), joined; undefined when nothing. */
export function karrioMessages(answer: KarrioAnswer, carrierId: string): string | undefined {
  const said = (answer.messages ?? [])
    .filter((m) => m.carrier_name !== undefined && m.carrier_name !== null && karrioCarrierId(m.carrier_name) === carrierId)
    .map((m) => m.message ?? m.code)
    .filter((m): m is string => typeof m === 'string' && m !== '');
  return said.length === 0 ? undefined : said.join('; ');
}

function karrioQuote(r: KarrioRate, carrierId: string): LiveQuote | LiveAnswer['rejections'][number] {
  // karrio names services "<carrier>_<service>"; without the carrier prefix they can meet the table's ids (ups_worldwide_saver → worldwide-saver).
  const full = slug(r.service ?? 'service');
  const service = full.startsWith(`${carrierId}-`) ? full.slice(carrierId.length + 1) : full;
  const currency = r.currency ?? undefined;
  if (currency === undefined || !isCurrencyCode(currency)) {
    return { service, code: 'LIVE_INCOMPLETE', reason: sameText(`karrio priced ${r.service ?? 'a service'} of ${r.carrier_name} without a known currency.`) };
  }
  const metaName = r.meta?.['service_name'];
  const date = isoDateOf(r.estimated_delivery ?? undefined);
  const days = r.transit_days ?? undefined;
  const notes: Note[] = r.test_mode
    ? [{ code: 'KARRIO_TEST_MODE', severity: 'warning', text: { es: 'karrio respondió en modo de prueba: precios de prueba del transportista.', en: "karrio answered in test mode: the carrier's test prices." } }]
    : [];
  return {
    service,
    serviceName: sameText(typeof metaName === 'string' && metaName !== '' ? metaName : titleCase((r.service ?? service).replace(/_/g, ' '))),
    currency,
    total: decimalOf(r.total_charge),
    lines: karrioLines(r, currency),
    ...(date === undefined ? {} : { deliveryDate: date }),
    ...(days === undefined ? {} : { transitDays: { min: days, max: days } }),
    notes,
  };
}

/** karrio's extra charges in the rate's currency: a "base" one as the base, a "fuel" one as fuel, the rest by name. */
function karrioLines(r: KarrioRate, currency: string): LiveLine[] {
  const lines: LiveLine[] = [];
  for (const c of r.extra_charges ?? []) {
    if (c.amount === undefined || c.amount === null || (c.currency !== undefined && c.currency !== null && c.currency !== currency)) continue;
    const name = c.name ?? 'Charge';
    const amount = decimalOf(c.amount);
    if (/base/i.test(name)) lines.push({ code: 'base', name: { es: 'Tarifa base', en: 'Base rate' }, amount });
    else if (/fuel/i.test(name)) lines.push({ code: 'fuel', name: FUEL, amount });
    else lines.push({ code: slug(name).toUpperCase().replace(/-/g, '_') || 'CHARGE', name: sameText(name), amount });
  }
  return lines;
}
