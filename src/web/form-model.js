/* global URLSearchParams */
import { minorUnits, parseAmount, parseNumber } from './amount.js';

/**
 * The form's state as a flat map of field names to strings. The names are
 * the API's paths ("items.0.hsCode"), so one map serves three purposes: the
 * query string of a shareable link, the request body, and matching the API's
 * `errors[].path` back to a field.
 */

/** Today in the browser's calendar, YYYY-MM-DD. */
export function today(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The starting example: a cotton T-shirt from Monterrey to Austin, duties
 * paid at checkout. It names no answer currency (the answer comes in the
 * destination's) and no parcel (the items' weight is packed into one), so
 * nothing of it stays behind in a quote once the user changes the product
 * and the destination.
 */
export function exampleState(locale, shipDate) {
  return {
    'origin.country': 'MX',
    'origin.postalCode': '64000',
    'destination.country': 'US',
    'destination.postalCode': '78701',
    incoterm: 'DDP',
    buyer: 'consumer',
    shipDate,
    'items.0.description': locale === 'es' ? 'Playera de algodón' : 'Cotton T-shirt',
    'items.0.hsCode': '6109.10',
    'items.0.originCountry': 'MX',
    'items.0.quantity': '2',
    'items.0.unitPrice.amount': '350.00',
    'items.0.unitPrice.currency': 'MXN',
    'items.0.unitWeight.value': '0.2',
    'items.0.unitWeight.unit': 'kg',
  };
}

/** What "Start blank" leaves: the route and the terms, no product, price or weight. */
export function blankState(flat) {
  const keep = ['origin.country', 'origin.postalCode', 'destination.country', 'destination.region', 'destination.postalCode', 'currency', 'incoterm', 'buyer', 'shipDate', 'insure'];
  const out = Object.fromEntries(keep.filter((k) => flat[k] !== undefined).map((k) => [k, flat[k]]));
  return { ...out, 'items.0.originCountry': flat['origin.country'] ?? 'MX', 'items.0.unitPrice.currency': 'MXN', 'items.0.unitWeight.unit': 'kg' };
}

/** Every named, enabled control's value; empty text is left out, a ticked box is "true". */
export function readForm(form) {
  const flat = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled) continue;
    if (el.type === 'radio' || el.type === 'checkbox') {
      if (el.checked) flat[el.name] = el.type === 'checkbox' ? 'true' : el.value;
      continue;
    }
    const value = el.value.trim();
    if (value !== '') flat[el.name] = value;
  }
  return flat;
}

/** Row indexes present in the state for `prefix` ("items", "parcels"), ascending. */
export function rowIndexes(flat, prefix) {
  const seen = new Set();
  for (const key of Object.keys(flat)) {
    const m = new RegExp(`^${prefix}\\.(\\d+)\\.`).exec(key);
    if (m) seen.add(Number(m[1]));
  }
  return [...seen].sort((a, b) => a - b);
}

/**
 * A number where the text is one, with "," or "." as the decimal mark
 * ("0,2" → 0.2); otherwise the text as typed, so the API's answer names the
 * field and quotes what was wrong.
 */
function numberOrText(text) {
  if (text === undefined) return undefined;
  const n = parseNumber(text);
  return Number.isFinite(n) ? n : text;
}

/** The unit price as a decimal string ("350,5" → "350.50"), or the text as typed when it is not an amount. */
function amountOrText(text, currency) {
  if (text === undefined) return undefined;
  return parseAmount(text, minorUnits(currency)).value ?? text;
}

function address(flat, prefix) {
  const a = { country: flat[`${prefix}.country`] };
  if (flat[`${prefix}.region`]) a.region = flat[`${prefix}.region`];
  if (flat[`${prefix}.postalCode`]) a.postalCode = flat[`${prefix}.postalCode`];
  return a;
}

/** The `POST /quote` body for a state (shared/design/api.md). */
export function toRequestBody(flat, locale) {
  const body = { origin: address(flat, 'origin'), destination: address(flat, 'destination') };
  if (flat.currency) body.currency = flat.currency;
  if (flat.incoterm) body.incoterm = flat.incoterm;
  if (flat.buyer) body.buyer = flat.buyer;
  if (flat.shipDate) body.shipDate = flat.shipDate;
  body.items = rowIndexes(flat, 'items').map((i) => {
    const f = (name) => flat[`items.${i}.${name}`];
    const item = {
      description: f('description') ?? '',
      hsCode: f('hsCode'),
      originCountry: f('originCountry'),
      claimPreference: f('noPreference') !== 'true',
      quantity: numberOrText(f('quantity')),
      unitPrice: { amount: amountOrText(f('unitPrice.amount'), f('unitPrice.currency')), currency: f('unitPrice.currency') },
    };
    if (f('unitWeight.value') !== undefined) item.unitWeight = { value: numberOrText(f('unitWeight.value')), unit: f('unitWeight.unit') };
    // Only where the HS code needs them (the fields are disabled otherwise, so readForm leaves them out).
    if (f('unitVolume.value') !== undefined) item.unitVolume = { value: numberOrText(f('unitVolume.value')), unit: f('unitVolume.unit') };
    if (f('alcoholByVolume') !== undefined) item.alcoholByVolume = numberOrText(f('alcoholByVolume'));
    return item;
  });
  const parcels = rowIndexes(flat, 'parcels').map((i) => {
    const f = (name) => flat[`parcels.${i}.${name}`];
    return {
      length: numberOrText(f('length')),
      width: numberOrText(f('width')),
      height: numberOrText(f('height')),
      dimensionUnit: f('dimensionUnit'),
      weight: numberOrText(f('weight')),
      weightUnit: f('weightUnit'),
    };
  });
  if (parcels.length > 0) body.parcels = parcels;
  body.insure = flat.insure === 'true';
  body.locale = locale;
  return body;
}

/** The query string of a shareable link: the language, then every field. */
export function toQuery(flat, locale) {
  const params = new URLSearchParams({ lang: locale });
  for (const [k, v] of Object.entries(flat)) params.append(k, v);
  return params.toString();
}

/** The state a shared link carries, or undefined when the query has no form in it. */
export function fromQuery(search) {
  const params = new URLSearchParams(search);
  if (!params.has('origin.country')) return undefined;
  const flat = {};
  for (const [k, v] of params) if (k !== 'lang') flat[k] = v;
  return flat;
}
