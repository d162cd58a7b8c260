import type { RatedService } from '../carriers/carrier-rater';
import { inForce } from '../domain/dates';
import { formatAmount } from '../domain/money';
import type { Note } from '../domain/note';
import type { LocalizedText } from '../schema/primitives';
import { matchesAnyPrefix } from '../domain/hs-code';
import { sourceIdOf, type LoadedTariff } from '../tariffs/tariff-index';
import type { DutyLineCalc } from '../tariffs/resolve-duty';
import type { OptionCalc, QuoteContext } from './quote-context';
import type { QuoteInput } from './quote-input';
import type { NoteOut, PricedOption, QuoteResult } from './quote-result';
import { exchangeRatesNote } from './exchange-rates-out';
import { exciseNotModelledNotes } from './excise-lines';
import { exportNotes, UNCONFIRMED_SUFFIX } from './export-notes';

function out(n: Note, tariff: LoadedTariff | undefined, locale: 'es' | 'en'): NoteOut {
  const id = tariff ? sourceIdOf(tariff, n.sourceKey) : undefined;
  return { code: n.code, severity: n.severity, text: n.text[locale], ...(id ? { sourceId: id } : {}) };
}

type TariffNote = LoadedTariff['file']['notes'][number];
/** Answer notes of the destination files' notes, by tariff, note and language. */
const DESTINATION_NOTES = new WeakMap<LoadedTariff, WeakMap<TariffNote, Partial<Record<'es' | 'en', NoteOut>>>>();

/**
 * A tariff file's note as an answer note ("(Unconfirmed.)" added where the file is unsure): the same
 * in every answer of a data snapshot, so made once per language (issue 17).
 */
function destinationNote(n: TariffNote, tariff: LoadedTariff, locale: 'es' | 'en'): NoteOut {
  let byNote = DESTINATION_NOTES.get(tariff);
  if (byNote === undefined) DESTINATION_NOTES.set(tariff, (byNote = new WeakMap()));
  let made = byNote.get(n);
  if (made === undefined) byNote.set(n, (made = {}));
  const text = n.confidence === 'unconfirmed' ? { es: n.text.es + UNCONFIRMED_SUFFIX.es, en: n.text.en + UNCONFIRMED_SUFFIX.en } : n.text;
  return (made[locale] ??= out({ code: n.code, severity: n.severity, text, sourceKey: n.source }, tariff, locale));
}

function dedupe(notes: NoteOut[]): NoteOut[] {
  const seen = new Set<string>();
  return notes.filter((n) => (seen.has(n.code) ? false : (seen.add(n.code), true)));
}

/**
 * Notes for the whole answer: destination rules and territory (`territory`: the id of the special
 * territory the postcode is in), unavailable carriers, data dates, what the estimate is.
 */
export function collectQuoteNotes(input: QuoteInput, ctx: QuoteContext, options: readonly PricedOption[], fx: QuoteResult['exchangeRates'], extra: readonly Note[] = [], territory?: string): NoteOut[] {
  const t = ctx.tariff;
  const destination = t.file.notes
    .filter((n) => inForce(n, input.shipDate) && (!n.hs || input.items.some((i) => matchesAnyPrefix(i.hs, n.hs))))
    .map((n) => destinationNote(n, t, input.locale));
  const notes: Note[] = [];
  for (const r of ctx.rated.rejections) {
    notes.push({ code: `CARRIER_UNAVAILABLE:${r.carrier}/${r.service}`, severity: 'warning', text: r.reason });
  }
  if (ctx.rated.options.length === 0) {
    notes.push({
      code: 'NO_CARRIER_OPTION',
      severity: 'warning',
      text: {
        es: `Ningún transportista cargado puede llevar este envío de ${input.origin.country} a ${input.destination.country}.`,
        en: `No loaded carrier can take this shipment from ${input.origin.country} to ${input.destination.country}.`,
      },
    });
  }
  if (input.parcelsPacked) {
    const p = input.parcels[0];
    notes.push({
      code: 'PARCEL_PACKED',
      severity: 'info',
      text: {
        es: `Sin "parcels": se empacó todo en un paquete de ${p?.weightKg.toString()} kg (peso de los artículos) y ${p?.lengthCm.toString()}×${p?.widthCm.toString()}×${p?.heightCm.toString()} cm. Envíe las medidas reales para un flete exacto.`,
        en: `No "parcels" given: everything was packed in one ${p?.weightKg.toString()} kg parcel (the items' weight) of ${p?.lengthCm.toString()}×${p?.widthCm.toString()}×${p?.heightCm.toString()} cm. Send the real sizes for exact shipping.`,
      },
    });
  }
  notes.push(...exciseNotModelledNotes(t, input, territory));
  if (ctx.rated.options.length > 0) notes.push(...calendarNotes(input, ctx));
  notes.push(exchangeRatesNote(fx, ctx.now, ctx.fxMaxAgeDays), estimateNote(ctx));
  const answer = (ns: readonly Note[]) => ns.map((n) => out(n, t, input.locale));
  return dedupe([...answer(extra), ...destination, ...answer(notes), ...exportNotes(ctx.originTariff, input, options, ctx.rates)]);
}

const DAY_NAMES = {
  es: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
} as const;

/**
 * Where the holiday calendar has no data for the origin or the destination, the delivery dates
 * skip only that country's weekend days (landed-cost step 11): the answer says so, since a public
 * holiday there can delay the parcel.
 */
function calendarNotes(input: QuoteInput, ctx: QuoteContext): Note[] {
  const covers = ctx.holidays.coversHolidays;
  if (covers === undefined) return [];
  const unknown = [...new Set([input.origin.country, input.destination.country])].filter((c) => !covers(c));
  return unknown.map((country) => {
    const days = [...(ctx.holidays.weekendDays?.(country) ?? [6, 0])];
    const names = (lang: 'es' | 'en') => days.map((d) => DAY_NAMES[lang][d] ?? String(d)).join(lang === 'es' ? ' y ' : ' and ');
    return {
      code: `HOLIDAYS_UNKNOWN:${country}`,
      severity: 'warning' as const,
      text: {
        es: `No hay calendario de feriados para ${country} (date-holidays no lo cubre): las fechas de entrega solo saltan los fines de semana (${names('es')}); un feriado puede retrasar el paquete.`,
        en: `There is no public-holiday calendar for ${country} (date-holidays does not cover it): delivery dates skip only its weekend (${names('en')}); a public holiday may delay the parcel.`,
      },
    };
  });
}

/** What the whole estimate is (and is not). */
function estimateNote(ctx: QuoteContext): Note {
  return {
    code: 'ESTIMATE',
    severity: 'info',
    text: {
      es: `Estimación con reglas publicadas (datos arancelarios revisados el ${ctx.tariff.reviewed}), no una resolución aduanera. La aduana decide la clasificación, el valor y el origen.`,
      en: `An estimate from published rules (tariff data reviewed ${ctx.tariff.reviewed}), not a customs ruling. Customs decides classification, value and origin.`,
    },
  };
}

const DE_MINIMIS_TEXT = (what: LocalizedText, applied: boolean, value: string, limit: string, id: string): LocalizedText => ({
  es: `${what.es}: el valor ${value} ${applied ? 'no supera' : 'supera'} el umbral de ${limit} (${id}); ${applied ? 'no se cobra' : 'se cobra'}.`,
  en: `${what.en}: the value ${value} is ${applied ? 'at or under' : 'over'} the ${limit} threshold (${id}); ${applied ? 'not collected' : 'collected'}.`,
});

/** Notes that belong to one carrier option: its rates, which de minimis or regime applied, estimates. */
export function optionNotes(svc: RatedService, calc: OptionCalc, ctx: QuoteContext, input: QuoteInput): NoteOut[] {
  const notes: Note[] = svc.notes.map((n) => ({ code: n.code, severity: n.severity, text: n.text }));
  const thresholds = [
    { code: 'DUTY', what: { es: 'Umbral de minimis de aranceles', en: 'Duty de minimis' }, d: calc.dutyDecision },
    { code: 'TAX', what: { es: 'Umbral de minimis de impuestos', en: 'Tax de minimis' }, d: calc.taxDecision },
  ];
  for (const { code, what, d } of thresholds) {
    if (d.outcome === 'none') continue;
    const limit = `${d.threshold.amount.toString()} ${d.threshold.currency}`;
    const value = `${formatAmount(d.value, d.threshold.currency)} ${d.threshold.currency}`;
    notes.push({
      code: `${code}_DE_MINIMIS_${d.outcome === 'applied' ? 'APPLIED' : 'NOT_APPLIED'}`,
      severity: 'info',
      text: DE_MINIMIS_TEXT(what, d.outcome === 'applied', value, limit, d.threshold.id),
      sourceKey: d.threshold.source,
    });
  }
  if (calc.regime) {
    const r = calc.regime;
    const value = `${formatAmount(r.value, r.regime.currency)} ${r.regime.currency}`;
    notes.push({
      code: `REGIME:${r.regime.id}`,
      severity: 'info',
      text: {
        es: `${r.regime.name.es}: sustituye ${r.regime.replaces.map((x) => (x === 'duty' ? 'aranceles' : 'impuestos')).join(' e ')} (valor ${value}).`,
        en: `${r.regime.name.en}: replaces ${r.regime.replaces.map((x) => (x === 'duty' ? 'duties' : 'taxes')).join(' and ')} (value ${value}).`,
      },
      sourceKey: r.regime.source,
    });
  }
  notes.push(...calc.notes);
  return dedupe(notes.map((n) => out(n, ctx.tariff, input.locale)));
}

/** A warning when a duty line is an estimate (proof of origin: proof-notes.ts). */
export function dutyFlagNotes(lines: readonly DutyLineCalc[]): Note[] {
  const notes: Note[] = [];
  const estimated = lines.filter((l) => l.estimated);
  if (estimated.length > 0) {
    const which = [...new Set(estimated.map((l) => `${l.item ?? '-'}:${l.rule}`))].join(', ');
    notes.push({
      code: 'DUTY_ESTIMATED',
      severity: 'warning',
      text: {
        es: `Algunas tasas no son específicas del código HS o no están confirmadas (artículo:regla ${which}); el arancel real puede diferir.`,
        en: `Some rates are not specific to the HS code or are unconfirmed (item:rule ${which}); the real duty may differ.`,
      },
    });
  }
  return notes;
}
