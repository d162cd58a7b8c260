import { inForce } from '../domain/dates';
import type { Note } from '../domain/note';
import { findTerritory } from '../domain/territory';
import type { LocalizedText } from '../schema/primitives';
import type { LoadedTariff } from '../tariffs/tariff-index';
import type { Regime, TariffPeriod, Territory } from '../tariffs/tariff-schema';
import { QuoteError } from './quote-error';
import type { QuoteInput } from './quote-input';

/** The period the quote works on once the destination's special territory is known, and what to tell. */
export interface TerritoryOutcome {
  period: TariffPeriod;
  territory?: Territory;
  notes: Note[];
}

/**
 * Landed-cost step 4a (docs/landed-cost.md): pick the special territory from
 * destination.postalCode before taxes are chosen. `refuse` is a 422
 * UNSUPPORTED_TERRITORY naming it; `ownTaxes` replaces the mainland's taxes
 * (never the mainland's VAT), and with `duties: none` the mainland's duty and
 * customs fees too; `mainland` keeps the period. No postcode for a country
 * with territories: the mainland, with an info note.
 */
export function applyTerritory(tariff: LoadedTariff, input: QuoteInput, period: TariffPeriod): TerritoryOutcome {
  const all = (tariff.file.territories ?? []).filter((t) => inForce(t, input.shipDate));
  if (all.length === 0) return { period, notes: [] };
  const postalCode = input.destination.postalCode;
  const country = tariff.file.country;
  if (postalCode === undefined || postalCode.trim() === '') return { period, notes: [missingPostcode(country, all)] };
  const t = findTerritory(all, postalCode, input.shipDate);
  if (t === undefined) return { period, notes: [] };
  const where = whereText(t, country, postalCode);
  const treatment = t.treatment;
  if (treatment.type === 'refuse') {
    const use = treatment.useCountry;
    throw new QuoteError('UNSUPPORTED_TERRITORY', 'destination.postalCode', {
      es: `${where.es}: ${treatment.reason.es}; no se cotiza.${use ? ` Cotícelo con destination.country "${use}".` : ''}`,
      en: `${where.en}: ${treatment.reason.en}; no estimate.${use ? ` Quote it with destination.country "${use}".` : ''}`,
    });
  }
  if (treatment.type === 'mainland') {
    return { period, territory: t, notes: [territoryNote(t, where, { es: `mismos impuestos que ${country}`, en: `same taxes as ${country}` })] };
  }
  const replaced: TariffPeriod = {
    ...period,
    taxes: treatment.taxes,
    deMinimis: { duty: period.deMinimis.duty, tax: treatment.taxDeMinimis ?? period.deMinimis.tax },
    ...(treatment.duties === 'none' ? { regimes: [noDutyRegime(t, tariff.file.currency)], fees: [] } : {}),
  };
  return { period: replaced, territory: t, notes: [territoryNote(t, where, ownTaxesText(treatment, period, country))] };
}

function whereText(t: Territory, country: string, postalCode: string): LocalizedText {
  return { es: `${t.name.es} (${country}, código postal ${postalCode})`, en: `${t.name.en} (${country}, postcode ${postalCode})` };
}

function missingPostcode(country: string, territories: readonly Territory[]): Note {
  const names = (locale: 'es' | 'en') => territories.map((t) => t.name[locale]).join(', ');
  return {
    code: 'TERRITORY_POSTCODE_MISSING',
    severity: 'info',
    text: {
      es: `${country} tiene territorios con impuestos propios según el código postal (${names('es')}); sin destination.postalCode se usaron las reglas generales de ${country}.`,
      en: `${country} has territories with their own taxes, decided by postcode (${names('en')}); without destination.postalCode the general ${country} rules were used.`,
    },
  };
}

type OwnTaxes = Extract<Territory['treatment'], { type: 'ownTaxes' }>;

function ownTaxesText(treatment: OwnTaxes, mainland: TariffPeriod, country: string): LocalizedText {
  const list = treatment.taxes.map((x) => `${x.code} ${x.rate.toString()}%`).join(', ');
  const instead = mainland.taxes.map((x) => x.code).join(', ') || '—';
  const taxes: LocalizedText = treatment.taxes.length === 0
    ? { es: `sin impuestos de ${country} (${instead})`, en: `no ${country} taxes (${instead})` }
    : { es: `${list} en lugar de ${instead}`, en: `${list} instead of ${instead}` };
  const duty: LocalizedText = treatment.duties === 'none'
    ? { es: 'sin arancel ni cargos aduaneros', en: 'no customs duty or customs fees' }
    : { es: `arancel como en ${country}`, en: `customs duty as in ${country}` };
  return { es: `${taxes.es}; ${duty.es}`, en: `${taxes.en}; ${duty.en}` };
}

function territoryNote(t: Territory, where: LocalizedText, what: LocalizedText): Note {
  const iso: LocalizedText = t.isoCode
    ? { es: ` Tiene código ISO propio (${t.isoCode}): la etiqueta del transportista puede pedirlo; la estimación usa este archivo.`, en: ` It has its own ISO code (${t.isoCode}): the carrier's label may ask for it; the estimate uses this file.` }
    : { es: '', en: '' };
  const extra = t.note ? { es: ` ${t.note.es}`, en: ` ${t.note.en}` } : { es: '', en: '' };
  return {
    code: `TERRITORY:${t.id}`,
    severity: t.confidence === 'unconfirmed' ? 'warning' : 'info',
    text: { es: `${where.es}: ${what.es}.${iso.es}${extra.es}`, en: `${where.en}: ${what.en}.${iso.en}${extra.en}` },
    sourceKey: t.source,
  };
}

/** Outside the customs territory with nothing due: an exempt "regime" replacing duty, so the working says why. */
function noDutyRegime(t: Territory, currency: string): Regime {
  return {
    id: `TERRITORY:${t.id}`,
    name: { es: `${t.name.es}: sin arancel aduanero`, en: `${t.name.en}: no customs duty` },
    replaces: ['duty'],
    currency,
    basis: 'goods',
    bands: [{ treatment: { type: 'exempt' } }],
    source: t.source,
    ...(t.confidence ? { confidence: t.confidence } : {}),
  };
}
