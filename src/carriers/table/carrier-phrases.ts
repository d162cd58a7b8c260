import { phrases } from '../../domain/wording';

/**
 * The words of the carrier tables' workings in English and Spanish
 * (src/domain/wording.ts): weights, sizes, zones and amounts stay in the
 * text around them. The English templates are the workings as they have
 * always read.
 */

const plural = (n: string, one: string, many: string) => (n === '1' ? one : many);

export const C = phrases({
  pieceActual: { en: (n: string, kg: string) => `piece ${n}: ${kg} kg actual`, es: (n: string, kg: string) => `bulto ${n}: ${kg} kg reales` },
  volumetric: { en: (kg: string) => `${kg} kg volumetric`, es: (kg: string) => `${kg} kg volumétricos` },
  atLeast: { en: (name: string, kg: string) => ` (${name}: at least ${kg} kg)`, es: (name: string, kg: string) => ` (${name}: al menos ${kg} kg)` },
  shipmentMax: { en: (a: string, v: string, kg: string) => `shipment: max(${a}, ${v}) kg → ${kg} kg`, es: (a: string, v: string, kg: string) => `envío: máx(${a}, ${v}) kg → ${kg} kg` },
  shipmentKg: { en: (kg: string) => `shipment ${kg} kg`, es: (kg: string) => `envío ${kg} kg` },
  belowMinimum: { en: (min: string) => `, below the minimum ${min} → ${min}`, es: (min: string) => `, por debajo del mínimo ${min} → ${min}` },
  label: { en: (label: string) => ` label "${label}"`, es: (label: string) => ` etiqueta "${label}"` },
  perStep: { en: (kg: string) => `per ${kg} kg`, es: (kg: string) => `por cada ${kg} kg` },
  zone: { en: (zone: string) => `zone ${zone}`, es: (zone: string) => `zona ${zone}` },
  piece: { en: (n: string, w: string) => `piece ${n}: ${w}`, es: (n: string, w: string) => `bulto ${n}: ${w}` },
  total: { en: (amount: string) => `total ${amount}`, es: (amount: string) => `total ${amount}` },
  fuelFrom: { en: (percent: string, date: string) => `${percent}% (from ${date})`, es: (percent: string, date: string) => `${percent}% (desde el ${date})` },
  pieces: { en: (n: string, list: string) => `${plural(n, 'piece', 'pieces')} ${list}`, es: (n: string, list: string) => `${plural(n, 'bulto', 'bultos')} ${list}` },
  minimum: { en: (amount: string) => `, minimum ${amount}`, es: (amount: string) => `, mínimo ${amount}` },
  maximum: { en: (amount: string) => `, maximum ${amount}`, es: (amount: string) => `, máximo ${amount}` },
  nothingToAdvance: { en: () => 'no duties or taxes to advance', es: () => 'no hay aranceles ni impuestos que adelantar' },
  rateService: { en: (name: string, host: string) => `${name} rate service (${host})`, es: (name: string, host: string) => `servicio de tarifas de ${name} (${host})` },
});

/** What a percentage surcharge is taken of. */
export const PERCENT_OF = {
  declaredValue: { en: 'declared value', es: 'valor declarado' },
  dutiesTaxes: { en: 'duties and taxes', es: 'aranceles e impuestos' },
  base: { en: 'base', es: 'tarifa base' },
};
