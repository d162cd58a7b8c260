import type { LocalizedText } from '../schema/primitives';
import { phrases } from './wording';

/**
 * The words of the duty, tax, fee, excise and rounding workings, in English
 * and Spanish (src/domain/wording.ts). Numbers, codes and units stay in the
 * text around them; only the words are here. The English templates are the
 * workings as they have always read.
 */

const plural = (n: string, one: string, many: string) => (n === '1' ? one : many);

/** Components of a value or tax base (tariff files name them by these identifiers). */
export const COMPONENT: Record<string, LocalizedText> = {
  goods: { en: 'goods', es: 'mercancía' },
  goodsPlusShipping: { en: 'goodsPlusShipping', es: 'mercancía + envío' },
  shipping: { en: 'shipping', es: 'envío' },
  insurance: { en: 'insurance', es: 'seguro' },
  customsValue: { en: 'customsValue', es: 'valor en aduana' },
  duties: { en: 'duties', es: 'aranceles' },
  fees: { en: 'fees', es: 'cargos' },
  excise: { en: 'excise', es: 'impuestos especiales' },
};

export function componentWord(c: string): LocalizedText | string {
  return COMPONENT[c] ?? c;
}

/** Units a specific duty or excise is charged per. */
export const UNIT: Record<string, LocalizedText | string> = {
  unit: { en: 'unit', es: 'unidad' },
  kg: 'kg',
  litre: 'l',
  proofLitre: { en: 'proof l', es: 'l prueba' },
  litreOfAlcohol: { en: 'l of alcohol', es: 'l de alcohol' },
  proofGallon: { en: 'proof gal', es: 'gal prueba' },
  usGallon: { en: 'US gal', es: 'gal EE. UU.' },
};

export const WORD = {
  and: { en: 'and', es: 'y' },
  duty: { en: 'duty', es: 'arancel' },
  excise: { en: 'excise', es: 'impuestos especiales' },
  unchanged: { en: 'unchanged', es: 'sin cambio' },
  base: { en: 'base', es: 'base' },
} satisfies Record<string, LocalizedText>;

export const OWED_BY = {
  buyer: { en: 'owed by the buyer', es: 'a cargo del comprador' },
  seller: { en: 'owed by the seller', es: 'a cargo del vendedor' },
  platform: { en: 'owed by the platform or seller', es: 'a cargo de la plataforma o del vendedor' },
  carrier: { en: 'billed to the carrier, passed on with the import charges', es: 'facturado al transportista, que lo repercute con los cargos de importación' },
} satisfies Record<string, LocalizedText>;

export const P = phrases({
  /** Duty over several tariff lines under a short code. */
  highestOf: { en: (n: string, prefix: string, range: string) => ` (highest of ${n} lines under ${prefix}: ${range})`, es: (n: string, prefix: string, range: string) => ` (la más alta de ${n} líneas bajo ${prefix}: ${range})` },
  sourceRange: {
    en: (low: string, high: string, hs: string) => ` (the source gives ${low} – ${high} over the lines under ${hs}; the higher is used)`,
    es: (low: string, high: string, hs: string) => ` (la fuente da ${low} – ${high} para las líneas bajo ${hs}; se usa la más alta)`,
  },
  noDuty: { en: (value: string, limit: string, id: string) => `consignment ${value} ≤ ${limit} (${id}): no duty`, es: (value: string, limit: string, id: string) => `envío ${value} ≤ ${limit} (${id}): sin arancel` },
  inBand: { en: (basis: string, value: string, lo: string, hi: string) => `${basis} ${value} in band ${lo}–${hi}`, es: (basis: string, value: string, lo: string, hi: string) => `${basis} ${value} en el tramo ${lo}–${hi}` },
  exempt: { en: (head: string) => `${head}: exempt`, es: (head: string) => `${head}: exento` },
  perItemCategory: { en: (amount: string) => `${amount} per item category`, es: (amount: string) => `${amount} por categoría de artículo` },
  forHs: {
    en: (amount: string, hs: string, _n: string, items: string) => `${amount} for HS ${hs} (items ${items})`,
    es: (amount: string, hs: string, n: string, items: string) => `${amount} por HS ${hs} (${plural(n, 'artículo', 'artículos')} ${items})`,
  },
  customsValue: { en: (w: string) => `customs value ${w}`, es: (w: string) => `valor en aduana ${w}` },
  line: { en: (w: string) => `line ${w}`, es: (w: string) => `línea ${w}` },
  item: { en: (i: string, w: string) => `item ${i}: ${w}`, es: (i: string, w: string) => `artículo ${i}: ${w}` },
  total: { en: (label: string, w: string) => `${label} total ${w}`, es: (label: string, w: string) => `total de ${label} ${w}` },
  /** A tax under the tax de minimis. */
  notCollected: { en: (formula: string) => `under the tax de minimis: not collected (${formula} would apply)`, es: (formula: string) => `bajo el umbral de minimis de impuestos: no se cobra (se aplicaría ${formula})` },
  /** Rounding rules. */
  roundedDown: { en: (to: string) => `rounded down to ${to}`, es: (to: string) => `redondeado hacia abajo a ${to}` },
  roundedUp: { en: (to: string) => `rounded up to ${to}`, es: (to: string) => `redondeado hacia arriba a ${to}` },
  roundedHalfUp: { en: (to: string) => `rounded half-up to ${to}`, es: (to: string) => `redondeado al más cercano (mitad hacia arriba) a ${to}` },
  roundedHalfDown: { en: (to: string) => `rounded half-down to ${to}`, es: (to: string) => `redondeado al más cercano (mitad hacia abajo) a ${to}` },
  /** Customs fees. */
  flat: { en: (amount: string) => `flat ${amount}`, es: (amount: string) => `fijo ${amount}` },
  parcels: { en: (n: string) => `${n} ${plural(n, 'parcel', 'parcels')}`, es: (n: string) => `${n} ${plural(n, 'paquete', 'paquetes')}` },
  hsLines: {
    en: (n: string, digits: string, list: string) => `${n} HS${digits} ${plural(n, 'line', 'lines')} (${list})`,
    es: (n: string, digits: string, list: string) => `${n} ${plural(n, 'línea', 'líneas')} HS${digits} (${list})`,
  },
  raisedToMinimum: { en: (amount: string) => `, raised to the minimum ${amount}`, es: (amount: string) => `, elevado al mínimo de ${amount}` },
  cappedAtMaximum: { en: (amount: string) => `, capped at the maximum ${amount}`, es: (amount: string) => `, limitado al máximo de ${amount}` },
  taxOnFee: {
    en: (percent: string, name: string, total: string) => `; + ${percent}% ${name} on the fee = ${total}`,
    es: (percent: string, name: string, total: string) => `; + ${percent}% de ${name} sobre el cargo = ${total}`,
  },
  /** Excise. */
  band: { en: (band: string, w: string) => `band ${band}: ${w}`, es: (band: string, w: string) => `tramo ${band}: ${w}` },
  pointsAbove: {
    en: (base: string, step: string, points: string, abv: string) => ` (${base} + ${step} × ${points} points above ${abv}%)`,
    es: (base: string, step: string, points: string, abv: string) => ` (${base} + ${step} × ${points} puntos por encima de ${abv}%)`,
  },
});
