import { describeInput } from './describe-input';

/**
 * The `POST /quote` request schema's field messages in each language: the
 * schema is built once per language from these (quote-request-schema.ts), so
 * a field error comes in the request's language. Each says what was expected
 * and what came; an input that is not what the field holds (a product name
 * in the HS code field) is not echoed as if it were one.
 */

export type Measure = 'weight' | 'volume' | 'length' | 'width' | 'height';

const MEASURE_EN: Record<Measure, string> = { weight: 'a weight', volume: 'a volume', length: 'a length', width: 'a width', height: 'a height' };
const MEASURE_ES: Record<Measure, string> = { weight: 'un peso', volume: 'un volumen', length: 'un largo', width: 'un ancho', height: 'un alto' };

const EN = {
  amountType: (g: string) => `expected an amount as a decimal string such as "350.00", got ${g}`,
  amountFormat: (g: string) => `expected a non-negative decimal string such as "350.00", got ${g}`,
  positiveType: (w: Measure, g: string) => `expected ${MEASURE_EN[w]} as a positive number, got ${g}`,
  positiveMin: (w: Measure, g: string) => `expected ${MEASURE_EN[w]} greater than 0, got ${g}`,
  positiveMax: (w: Measure) => `expected ${MEASURE_EN[w]} of at most 1000000`,
  abvType: (g: string) => `expected the alcoholic strength as a number of % vol such as 40, got ${g}`,
  abvMin: (g: string) => `expected a strength of at least 0 % vol, got ${g}`,
  abvMax: (g: string) => `expected a strength of at most 100 % vol, got ${g}`,
  abvDecimals: (g: string) => `expected a strength with at most two decimals such as 40 or 12.5, got ${g}`,
  hsType: (g: string) => `expected an HS code as a string such as "6109.10", got ${g}`,
  hsDigits: (g: string) => `expected an HS code of 6 to 10 digits (dots and spaces allowed) such as "6109.10", got ${g}`,
  hsNotACode: 'is not an HS code: type the product name in the search box, or 6 to 10 digits such as "6109.10"',
  quantityType: (g: string) => `expected a quantity as a whole number, got ${g}`,
  quantityInt: (g: string) => `expected a whole number of units, got ${g}`,
  quantityMin: (g: string) => `expected a quantity of at least 1, got ${g}`,
  quantityMax: 'expected a quantity of at most 1000000',
  itemsType: (g: string) => `expected a list of items, got ${g}`,
  itemsMin: 'expected at least one item',
  itemsMax: 'expected at most 1000 items',
  parcelsMin: 'expected at least one parcel, or leave "parcels" out',
  carriersType: (g: string) => `expected a list of carrier ids, got ${g}`,
  carriersMax: (max: number) => `expected at most ${max} carrier ids`,
  minConfidence: (g: string) => `expected "confirmed", "secondary" or "estimated", got ${g}`,
  country: (g: string) => `expected an ISO 3166-1 alpha-2 country code such as "MX", got ${g}`,
  currency: (g: string) => `expected an ISO 4217 currency code such as "USD", got ${g}`,
  dateFormat: (g: string) => `expected a date as YYYY-MM-DD, got ${g}`,
  dateCalendar: (g: string) => `${g} is not a calendar date`,
};

export type RequestMessages = typeof EN;

const ES: RequestMessages = {
  amountType: (g) => `se esperaba un importe como texto decimal, p. ej. "350.00"; llegó ${g}`,
  amountFormat: (g) => `se esperaba un texto decimal no negativo, p. ej. "350.00"; llegó ${g}`,
  positiveType: (w, g) => `se esperaba ${MEASURE_ES[w]} como número positivo; llegó ${g}`,
  positiveMin: (w, g) => `se esperaba ${MEASURE_ES[w]} mayor que 0; llegó ${g}`,
  positiveMax: (w) => `se esperaba ${MEASURE_ES[w]} de 1000000 como máximo`,
  abvType: (g) => `se esperaba la graduación alcohólica como número de % vol, p. ej. 40; llegó ${g}`,
  abvMin: (g) => `se esperaba una graduación de al menos 0 % vol; llegó ${g}`,
  abvMax: (g) => `se esperaba una graduación de 100 % vol como máximo; llegó ${g}`,
  abvDecimals: (g) => `se esperaba una graduación con dos decimales como máximo, p. ej. 40 o 12.5; llegó ${g}`,
  hsType: (g) => `se esperaba un código SA como texto, p. ej. "6109.10"; llegó ${g}`,
  hsDigits: (g) => `se esperaba un código SA de 6 a 10 dígitos (se admiten puntos y espacios), p. ej. "6109.10"; llegó ${g}`,
  hsNotACode: 'no es un código SA: escriba el nombre del producto en el buscador, o de 6 a 10 dígitos, p. ej. "6109.10"',
  quantityType: (g) => `se esperaba una cantidad como número entero; llegó ${g}`,
  quantityInt: (g) => `se esperaba un número entero de unidades; llegó ${g}`,
  quantityMin: (g) => `se esperaba una cantidad de al menos 1; llegó ${g}`,
  quantityMax: 'se esperaba una cantidad de 1000000 como máximo',
  itemsType: (g) => `se esperaba una lista de artículos; llegó ${g}`,
  itemsMin: 'se esperaba al menos un artículo',
  itemsMax: 'se esperaban 1000 artículos como máximo',
  parcelsMin: 'se esperaba al menos un bulto, o bien omita "parcels"',
  carriersType: (g) => `se esperaba una lista de identificadores de transportista; llegó ${g}`,
  carriersMax: (max) => `se esperaban ${max} identificadores de transportista como máximo`,
  minConfidence: (g) => `se esperaba "confirmed", "secondary" o "estimated"; llegó ${g}`,
  country: (g) => `se esperaba un código de país ISO 3166-1 alfa-2, p. ej. "MX"; llegó ${g}`,
  currency: (g) => `se esperaba un código de moneda ISO 4217, p. ej. "USD"; llegó ${g}`,
  dateFormat: (g) => `se esperaba una fecha como AAAA-MM-DD; llegó ${g}`,
  dateCalendar: (g) => `${g} no es una fecha del calendario`,
};

export const REQUEST_MESSAGES: Record<'es' | 'en', RequestMessages> = { es: ES, en: EN };

/** An input as quoted in a message: "nothing" / "nada" when absent (describeInput otherwise). */
export function quoted(input: unknown, locale: 'es' | 'en'): string {
  return input === undefined && locale === 'es' ? 'nada' : describeInput(input);
}
