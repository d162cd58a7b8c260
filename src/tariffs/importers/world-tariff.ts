import { D } from '../../schema/decimal';
import { ISO4217_MINOR_UNITS, isCurrencyCode } from '../../schema/iso4217';
import type { LocalizedText } from '../../schema/primitives';
import type { JsonObject } from './tariff-writer';
import { deMinimisNote, estimateNote, noThresholdNote } from './world-notes';
import { applyWorldOverlay } from './world-overlay';
import { planThresholds, type ThresholdPlan } from './world-thresholds';
import { WORLD_FILES, WORLD_OVERLAYS, type CountryRow, type VatRow, type WorldTables } from './world-tables';

/** The command named in every generated file's marker. */
export const WORLD_COMMAND = 'npm run import:world';
/** Where the tables live in the repository (the marker's `from` paths). */
export const WORLD_DIR = 'data/reference/world';
/** Every tariff file covers ship dates from this day on (tariffs/README.md, "Periods"). */
const FIRST_DAY = '2025-01-01';

/** The tax names of vat-standard-rates-worldwide.csv; a name not listed stops that country. */
const TAX_NAMES: Readonly<Record<string, { code: string; name: LocalizedText; short: LocalizedText }>> = {
  VAT: { code: 'VAT', name: { es: 'Impuesto al valor agregado (IVA)', en: 'Value added tax (VAT)' }, short: { es: 'IVA', en: 'VAT' } },
  GST: { code: 'GST', name: { es: 'Impuesto sobre bienes y servicios (GST)', en: 'Goods and services tax (GST)' }, short: { es: 'GST', en: 'GST' } },
  'VAT/TC': { code: 'VAT', name: { es: 'Impuesto al valor agregado o al consumo (VAT/TC)', en: 'Value added or consumption tax (VAT/TC)' }, short: { es: 'impuesto al valor agregado', en: 'VAT' } },
  VAGST: { code: 'VAGST', name: { es: 'Impuesto al valor agregado sobre bienes y servicios (VAGST)', en: 'Value added goods and services tax (VAGST)' }, short: { es: 'VAGST', en: 'VAGST' } },
  GCT: { code: 'GCT', name: { es: 'Impuesto general al consumo (GCT)', en: 'General consumption tax (GCT)' }, short: { es: 'GCT', en: 'GCT' } },
  TCA: { code: 'TCA', name: { es: 'Impuesto sobre el volumen de negocios (TCA)', en: 'Turnover tax (TCA)' }, short: { es: 'TCA', en: 'TCA' } },
  ABST: { code: 'ABST', name: { es: 'Impuesto sobre las ventas de Antigua y Barbuda (ABST)', en: 'Antigua and Barbuda sales tax (ABST)' }, short: { es: 'ABST', en: 'ABST' } },
  'ABST (sales tax)': { code: 'ABST', name: { es: 'Impuesto sobre las ventas de Antigua y Barbuda (ABST)', en: 'Antigua and Barbuda sales tax (ABST)' }, short: { es: 'ABST', en: 'ABST' } },
  'sales tax': { code: 'SALES-TAX', name: { es: 'Impuesto sobre las ventas', en: 'Sales tax' }, short: { es: 'impuesto sobre las ventas', en: 'sales tax' } },
  'sales/import tax': { code: 'SALES-TAX', name: { es: 'Impuesto sobre las ventas y la importación', en: 'Sales and import tax' }, short: { es: 'impuesto sobre las ventas', en: 'sales tax' } },
  'consumption tax': { code: 'CT', name: { es: 'Impuesto al consumo', en: 'Consumption tax' }, short: { es: 'impuesto al consumo', en: 'consumption tax' } },
};
/** Rows that say the country levies no VAT/GST (rate 0). */
const NO_TAX_NAMES = new Set(['none', 'NONE']);

export type WorldOutcome = { ok: true; json: JsonObject; remarks: string[] } | { ok: false; reason: string };

export interface WorldOptions {
  /** Whether the bundled exchange rates quote a currency (a threshold in another one cannot be converted). */
  isQuoted: (currency: string) => boolean;
}

const esNames = new Intl.DisplayNames(['es'], { type: 'region', style: 'short' });
const enNames = new Intl.DisplayNames(['en'], { type: 'region', style: 'short' });

/** The country's currency: the VAT row's where countries.csv lists it among several, else the first listed. */
function pickCurrency(country: CountryRow, vat: VatRow): { code: string; minorUnit?: string } | undefined {
  const single = vat.currency.length === 1 ? vat.currency[0] : undefined;
  const index = single !== undefined && country.currency.includes(single) ? country.currency.indexOf(single) : 0;
  const code = country.currency[index];
  if (code === undefined) return undefined;
  const minorUnit = country.currency_minor_unit[index];
  return { code, ...(minorUnit === undefined ? {} : { minorUnit }) };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The first whole address in a citation ("…" marks a shortened one, which is no address). */
function firstUrl(text: string): string | undefined {
  return text.split(/[\s;]+/).find((w) => /^https?:\/\/\S+$/.test(w) && !w.includes('...'));
}

/** "2026-01-01" when the cell is a full date; "2014-11" or "2025" are older than any ship date we quote. */
function fullDate(cell: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(cell) ? cell : undefined;
}

/** high → secondary (never confirmed from an aggregate); medium, low → unconfirmed. */
function confidenceOf(row: { confidence: string }): 'secondary' | 'unconfirmed' {
  return row.confidence === 'high' ? 'secondary' : 'unconfirmed';
}

function sourcesOf(cc: string, t: WorldTables, vat: VatRow, year: string, percent: string): JsonObject {
  const table = (file: string) => t.tables[file] ?? { title: `${WORLD_DIR}/${file}` };
  const at = t.gathered;
  const vatTable = table(WORLD_FILES.vat);
  const wb = table(WORLD_FILES.tariffMean);
  const dm = table(WORLD_FILES.deMinimis);
  const countries = table(WORLD_FILES.countries);
  const dmRow = t.deMinimis.get(cc);
  const vatUrl = firstUrl(vat.source) ?? vatTable.url;
  const dmUrl = dmRow ? firstUrl(dmRow.source) : undefined;
  return {
    'WORLD-VAT': {
      title: `${vat.tax_name} ${vat.standard_rate_pct}%, row ${cc} of ${WORLD_DIR}/${WORLD_FILES.vat} (confidence ${vat.confidence}): ${vat.source || 'no source given'}${vat.notes ? `; notes: ${vat.notes}` : ''}`,
      ...(vatUrl ? { url: vatUrl } : {}),
      reviewed: at,
      ...(vat.source.includes('node-sales-tax') ? { licence: 'MIT' } : {}),
    },
    'WB-TARIFF': { title: `${wb.title}: ${cc} ${year}, ${percent}%`, ...(wb.url ? { url: wb.url } : {}), reviewed: at, ...(wb.licence ? { licence: wb.licence } : {}) },
    'WORLD-DE-MINIMIS': {
      title: dmRow
        ? `De minimis, row ${cc} of ${WORLD_DIR}/${WORLD_FILES.deMinimis} (confidence ${dmRow.confidence}): ${dmRow.source}`
        : `${dm.title}: no verified row for ${cc}`,
      ...(dmUrl ? { url: dmUrl } : {}),
      reviewed: at,
    },
    'WORLD-COUNTRIES': { title: countries.title, ...(countries.url ? { url: countries.url } : {}), reviewed: at, ...(countries.licence ? { licence: countries.licence } : {}) },
    'FRONTERA-ASSUMED': {
      title: 'Frontera assumption for generated files, not a source for this country: customs value CIF (goods + international shipping + insurance) and VAT/GST on customs value + duty, as most customs administrations apply them',
      reviewed: at,
    },
  };
}

interface Parts {
  cc: string;
  name: LocalizedText;
  vat: VatRow;
  tax: (typeof TAX_NAMES)[string] | undefined;
  thresholds: ThresholdPlan | undefined;
  start: string;
}

function periodOf(p: Parts): JsonObject {
  const taxes = p.tax
    ? [{ code: p.tax.code, name: p.tax.name, rate: p.vat.standard_rate_pct, base: ['customsValue', 'duties'], source: 'WORLD-VAT', confidence: confidenceOf(p.vat) }]
    : [];
  return {
    effectiveFrom: p.start,
    valuation: { basis: 'CIF', source: 'FRONTERA-ASSUMED', confidence: 'unconfirmed' },
    deMinimis: { duty: p.thresholds?.duty ?? [], tax: p.thresholds?.tax ?? [] },
    regimes: [],
    taxes,
    fees: [],
  } as unknown as JsonObject;
}

/** Why a country gets no file, or its rows and the parts they give. */
function readRows(cc: string, t: WorldTables, options: WorldOptions): { reason: string } | { parts: Parts; currency: string; timeZone: string; remarks: string[] } {
  const vat = t.vat.get(cc);
  if (!vat || vat.confidence === 'none' || vat.standard_rate_pct === '') return { reason: 'no usable VAT/GST row (flagged none or no rate)' };
  const country = t.countries.get(cc);
  if (!country) return { reason: 'no row in countries.csv (not an ISO 3166-1 country?)' };
  if (!t.tariffMean.get(cc)) return { reason: 'no World Bank average applied tariff: the duty would be a guess' };
  const currency = pickCurrency(country, vat);
  if (!currency || !isCurrencyCode(currency.code)) return { reason: `currency "${country.currency.join(',')}" is not an ISO 4217 code the project knows` };
  if (!isTimeZone(country.capital_timezone)) return { reason: `no valid capital time zone ("${country.capital_timezone}")` };
  const noTax = NO_TAX_NAMES.has(vat.tax_name) && new D(vat.standard_rate_pct).isZero();
  const tax = TAX_NAMES[vat.tax_name];
  if (!noTax && !tax) return { reason: `tax name "${vat.tax_name}" is not one import:world knows (TAX_NAMES)` };
  const dmRow = t.deMinimis.get(cc);
  const wording = t.deMinimisNotes.get(cc);
  if (dmRow && !wording) return { reason: `a verified de minimis row exists: write its es/en wording in ${WORLD_DIR}/${WORLD_FILES.deMinimisNotes}` };
  const remarks: string[] = [];
  if (vat.currency.join(',') !== currency.code) remarks.push(`currency ${currency.code} (countries.csv ${country.currency.join(',')}; VAT row ${vat.currency.join(',') || 'none'})`);
  if (currency.minorUnit !== undefined && String(ISO4217_MINOR_UNITS[currency.code]) !== currency.minorUnit) {
    remarks.push(`minor unit of ${currency.code}: countries.csv ${currency.minorUnit}, the project's ISO 4217 table ${ISO4217_MINOR_UNITS[currency.code]} (the project's is used)`);
  }
  const start = [FIRST_DAY, fullDate(vat.effective_from), dmRow ? fullDate(dmRow.effective_from) : undefined].filter((d): d is string => d !== undefined).sort().at(-1) as string;
  if (start !== FIRST_DAY) remarks.push(`starts ${start} (the rows' effective date; earlier ship dates are not covered)`);
  const name = { es: esNames.of(cc) ?? cc, en: enNames.of(cc) ?? cc };
  const thresholds = dmRow ? planThresholds(cc, dmRow, options.isQuoted) : undefined;
  return { parts: { cc, name, vat, tax: noTax ? undefined : tax, thresholds, start }, currency: currency.code, timeZone: country.capital_timezone, remarks };
}

/**
 * The generated tariff file of one country (tariffs/README.md, "Generated files"): its currency
 * and capital's time zone, the VAT/GST standard rate on customs value + duty, de minimis only from
 * a verified row, CIF valuation marked assumed, and as duty the World Bank average applied tariff
 * flagged `estimated`; then the researched overlay, if the country has one (world-overlay.ts). Keys
 * are written in a fixed order, so the same tables give the same bytes.
 */
export function buildWorldTariff(cc: string, t: WorldTables, options: WorldOptions): WorldOutcome {
  const rows = readRows(cc, t, options);
  if ('reason' in rows) return { ok: false, reason: rows.reason };
  const { parts } = rows;
  const mean = t.tariffMean.get(cc) as NonNullable<ReturnType<typeof t.tariffMean.get>>;
  const percent = new D(mean.applied_simple_mean_all_products_pct).toString();
  const wording = t.deMinimisNotes.get(cc);
  const doubted = /verif|outdated|not checked|disagree/i.test(parts.vat.notes);
  const from = [WORLD_FILES.countries, WORLD_FILES.vat, WORLD_FILES.tariffMean, WORLD_FILES.deMinimis, ...(wording ? [WORLD_FILES.deMinimisNotes] : [])];
  const json = {
    $schema: './schema.json',
    country: cc,
    name: parts.name,
    currency: rows.currency,
    timeZone: rows.timeZone,
    generated: { by: WORLD_COMMAND, from: from.map((f) => `${WORLD_DIR}/${f}`), at: t.gathered },
    sources: sourcesOf(cc, t, parts.vat, mean.year, percent),
    periods: [periodOf(parts)],
    agreements: {},
    duties: {
      default: { duty: { type: 'adValorem', percent }, source: 'WB-TARIFF', confidence: 'estimated' },
      mfn: [],
      preferential: [],
      additional: [],
    },
    notes: [
      estimateNote({ name: parts.name, dutyPercent: percent, dutyYear: mean.year, ...(parts.tax ? { tax: { short: parts.tax.short, rate: parts.vat.standard_rate_pct, doubted } } : {}) }),
      wording && parts.thresholds ? deMinimisNote(wording, parts.thresholds.sentences) : noThresholdNote(parts.name),
    ],
  };
  const overlay = t.overlays.get(cc);
  const merged = overlay ? applyWorldOverlay(json as unknown as JsonObject, overlay, `${WORLD_DIR}/${WORLD_OVERLAYS}/${cc}.json`) : (json as unknown as JsonObject);
  return { ok: true, json: merged, remarks: overlay ? [...rows.remarks, `researched overlay merged (${WORLD_OVERLAYS}/${cc}.json)`] : rows.remarks };
}
