import { hasKey, locale, t } from './i18n.js';

const intlLocale = () => (locale() === 'es' ? 'es-MX' : 'en-US');

/**
 * An amount from the API ("1234.50", a decimal string in the currency's minor
 * units) formatted for the currency. The string goes to Intl as is: it
 * formats decimal strings exactly, without a trip through a float.
 */
export function money(amount, currency) {
  const decimals = (String(amount).split('.')[1] ?? '').length;
  const nf = new Intl.NumberFormat(intlLocale(), { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return nf.format(amount);
}

/** Compare two non-negative decimal strings exactly (no floats): -1, 0 or 1. */
export function compareDecimal(a, b) {
  const [ai, af = ''] = String(a).split('.');
  const [bi, bf = ''] = String(b).split('.');
  const ia = ai.replace(/^0+(?=\d)/, '');
  const ib = bi.replace(/^0+(?=\d)/, '');
  if (ia.length !== ib.length) return ia.length < ib.length ? -1 : 1;
  if (ia !== ib) return ia < ib ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const fa = af.padEnd(width, '0');
  const fb = bf.padEnd(width, '0');
  if (fa === fb) return 0;
  return fa < fb ? -1 : 1;
}

/** "2026-12-04" → "4 dic 2026" / "Dec 4, 2026" (a calendar date: no time zone shift). */
export function date(iso) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso ?? '')) return iso ?? '';
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

export function dateTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A rate from the API: "13" is a percentage; an expression ("0.028 USD/kg + 5%") stays as written. */
export function rate(value) {
  if (value === undefined || value === '') return '';
  return /^\d+(\.\d+)?$/.test(value) ? `${value} %` : value;
}

/** "preferential:USMCA" → "preferencial USMCA"; an unknown rule shows as sent. */
export function ruleLabel(rule) {
  const [head, ...rest] = String(rule).split(':');
  const key = `rule.${head}`;
  return hasKey(key) ? t(key, { x: rest.join(':') }).trim() : rule;
}

/** Lower case without accents or surrounding spaces: how two product names are compared. */
export function foldForCompare(text) {
  return String(text ?? '').normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function countryName(code, names) {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
