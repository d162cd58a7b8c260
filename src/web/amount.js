import currency from './vendor/currency.js';

/**
 * Amounts as people type them: "350", "350,50", "1.234,50", "1,234.50",
 * "$ 1 234.5". currency.js does the parsing and the formatting once the
 * decimal mark is known; the request carries a decimal string with a point
 * ("350.50"), never a float.
 *
 * Which mark is the decimal one:
 * - both "," and "." present: the last one ("1.234,50", "1,234.50");
 * - one mark, several times: it groups thousands ("1.234.567");
 * - one mark once, followed by 1, 2 or 4+ digits: it is the decimal mark ("350,50");
 * - one mark once, followed by exactly 3 digits: the page's convention
 *   decides: es-MX and en-US both group thousands with "," and write
 *   decimals with ".", so "1,234" is 1234 and "1.234" is 1.234.
 */

/** Significant digits currency.js keeps exact (it stores the amount × 10^decimals in a float). */
const MAX_DIGITS = 15;
const MAX_DECIMALS = 6;

function decimalMark(text) {
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) return lastComma > lastDot ? ',' : '.';
  const mark = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : undefined;
  if (!mark) return undefined;
  if (text.indexOf(mark) !== text.lastIndexOf(mark)) return mark === ',' ? '.' : ',';
  const after = text.length - text.indexOf(mark) - 1;
  if (after !== 3) return mark;
  return '.';
}

/**
 * Read an amount. Returns `{ value: "1234.50" }` (a decimal string with at
 * least `minDecimals` decimals) or `{ error: 'required' | 'invalid' | 'tooLong' }`.
 */
export function parseAmount(raw, minDecimals = 2) {
  // Spaces, a "$" and a currency code around the digits ("MXN 350", "350 USD") are not part of the amount.
  const text = String(raw ?? '').replace(/[\s\u00a0$]/g, '').replace(/^[A-Za-z]{3}(?=\d)|(?<=\d)[A-Za-z]{3}$/g, '');
  if (text === '') return { error: 'required' };
  if (!/^\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) return { error: 'invalid' };
  const decimal = decimalMark(text) ?? '.';
  const separator = decimal === ',' ? '.' : ',';
  const [whole, fraction = ''] = text.split(decimal);
  if (text.split(decimal).length > 2 || fraction.includes(separator)) return { error: 'invalid' };
  const decimals = Math.max(fraction.length, minDecimals);
  const digits = whole.replaceAll(separator, '').replace(/^0+(?=\d)/, '');
  if (decimals > MAX_DECIMALS || digits.length + decimals > MAX_DIGITS) return { error: 'tooLong' };
  const amount = currency(text, { decimal, separator, precision: decimals, errorOnInvalid: true });
  return { value: amount.toString() };
}

/** A plain number (weights, sizes, volume, strength) typed with "," or "." as the decimal mark; NaN when it is not one. */
export function parseNumber(raw) {
  const parsed = parseAmount(raw, 0);
  return parsed.value === undefined ? Number.NaN : Number(parsed.value);
}

/** The minor units of a currency (MXN 2, JPY 0), from the browser's Intl data. */
export function minorUnits(code) {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits;
  } catch {
    return 2;
  }
}

/**
 * A decimal string ("1234.50") as the page's locale writes it ("1,234.50"),
 * with currency.js: what the field shows once the user leaves it, so they
 * see how "1.234,50" was read.
 */
export function formatAmount(value, locale) {
  const decimals = (value.split('.')[1] ?? '').length;
  const parts = new Intl.NumberFormat(locale === 'es' ? 'es-MX' : 'en-US').formatToParts(1234.5);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  return currency(value, { precision: decimals }).format({ symbol: '', separator: group, decimal });
}
