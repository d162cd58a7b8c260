/* global document, window, fetch, navigator, history, location, sessionStorage, Blob, URL, URLSearchParams, CSS */
import { formatAmount, minorUnits, parseAmount } from './amount.js';
import { clearErrors, showProblem } from './field-errors.js';
import { blankState, exampleState, fromQuery, readForm, rowIndexes, toQuery, toRequestBody, today } from './form-model.js';
import { attachHsCombobox } from './hs-combobox.js';
import { applyTranslations, loadStrings, locale, setLocale, t } from './i18n.js';
import { updateItemFields } from './item-fields.js';
import { chooseOption, fillCurrencySelect, fillRegionSelect, fillSelects, loadOptions, regionsOf } from './options.js';
import { renderResults } from './results.js';
import { RowList } from './rows.js';
import { checkForm } from './validate.js';
import { attachWhereToSell, refreshWhereToSell } from './where-to-sell.js';

/**
 * The quote form: starts with a working example, marked as one (or the
 * state of a shared link, which it then quotes), checks what it can itself,
 * sends `POST /quote`, and shows the options or the errors next to their
 * fields.
 */

const $ = (id) => document.getElementById(id);
const form = $('quote-form');
const session = { answer: undefined, request: undefined, outcome: undefined };
let items;
let parcels;

function initialLocale() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'es' || fromUrl === 'en') return fromUrl;
  // The server sets this from Accept-Language when it sends the page.
  const fromServer = document.documentElement.dataset.defaultLocale;
  if (fromServer === 'es' || fromServer === 'en') return fromServer;
  return navigator.language?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Show the province list where the destination's taxes depend on it (Canada), a free text field elsewhere. */
function updateRegion() {
  const regions = regionsOf($('destination-country').value);
  const select = $('destination-region-select');
  const text = $('destination-region-text');
  $('destination-region-choice').hidden = !regions;
  select.disabled = !regions;
  $('destination-region-free').hidden = Boolean(regions);
  text.disabled = Boolean(regions);
  if (regions) fillRegionSelect(select, regions);
  // "The destination's (CAD)": the default answer currency follows the destination.
  fillCurrencySelect($('currency'));
}

/** Show the unit price as the page's locale writes it once the user leaves it ("1.234,5" → "1,234.50"). */
function formatPrice(row) {
  const input = row.querySelector('[data-field="unitPrice.amount"]');
  const currency = row.querySelector('[data-field="unitPrice.currency"]').value;
  const parsed = parseAmount(input.value, minorUnits(currency));
  if (parsed.value !== undefined) input.value = formatAmount(parsed.value, locale());
}

function setupItem(row) {
  fillSelects(row);
  chooseOption(row.querySelector('[data-field="originCountry"]'), $('origin-country').value || 'MX');
  const previous = row.previousElementSibling?.querySelector('[data-field="unitPrice.currency"]')?.value;
  chooseOption(row.querySelector('[data-field="unitPrice.currency"]'), previous || 'MXN');
  const hs = row.querySelector('[data-field="hsCode"]');
  attachHsCombobox(hs, { description: row.querySelector('[data-field="description"]') });
  for (const type of ['input', 'change']) hs.addEventListener(type, () => updateItemFields(row));
  row.querySelector('[data-field="unitPrice.amount"]').addEventListener('blur', () => formatPrice(row));
  updateItemFields(row);
}

function setupParcel(row) {
  fillSelects(row);
}

function setControl(name, value) {
  const controls = [...form.querySelectorAll(`[name="${CSS.escape(name)}"]`)].filter((c) => !c.disabled);
  for (const c of controls) {
    if (c.type === 'radio') c.checked = c.value === value;
    else if (c.type === 'checkbox') c.checked = value === 'true';
    else if (c.tagName === 'SELECT') chooseOption(c, value);
    else c.value = value;
  }
}

/** Put a state (example, blank or shared link) into the form; the example is marked as one. */
function fillForm(flat, { example = false } = {}) {
  for (const el of form.querySelectorAll('input[type="checkbox"], input[type="radio"]')) el.checked = false;
  for (const el of form.querySelectorAll('input[type="text"], input[type="date"]')) el.value = '';
  setControl('destination.country', flat['destination.country'] ?? 'US');
  updateRegion();
  for (const [prefix, list] of [['items', items], ['parcels', parcels]]) {
    const indexes = rowIndexes(flat, prefix);
    list.resize(indexes.length);
    indexes.forEach((idx, k) => {
      // The HS code first: it decides whether the volume fields are enabled to take their values.
      setControl(`${prefix}.${k}.hsCode`, flat[`${prefix}.${idx}.hsCode`] ?? '');
      if (prefix === 'items') updateItemFields(list.rows()[k]);
      for (const [key, value] of Object.entries(flat)) {
        if (key.startsWith(`${prefix}.${idx}.`)) setControl(`${prefix}.${k}.${key.slice(`${prefix}.${idx}.`.length)}`, value);
      }
    });
  }
  for (const [key, value] of Object.entries(flat)) {
    if (!key.startsWith('items.') && !key.startsWith('parcels.') && key !== 'destination.country') setControl(key, value);
  }
  for (const row of items.rows()) {
    delete row.dataset.volumeAskedFor;
    updateItemFields(row);
    delete row.querySelector('[data-field="description"]').dataset.autofill;
  }
  // The example's description gives way to the first product picked; a notice says the data are an example.
  if (example) items.rows()[0].querySelector('[data-field="description"]').dataset.autofill = 'true';
  $('example-note').hidden = !example;
}

/** After an API error naming an item's volume or strength, show those fields even if the code did not ask for them. */
function revealAskedFields(problem) {
  for (const err of problem?.errors ?? []) {
    const m = /^items\.(\d+)\.(unitVolume|alcoholByVolume)/.exec(err.path ?? '');
    const row = m ? items.rows()[Number(m[1])] : undefined;
    if (row) updateItemFields(row, true);
  }
}

function shareUrl(flat) {
  return `${location.origin}${location.pathname}?${toQuery(flat, locale())}`;
}

/**
 * A key for services that ask for one (401): kept in this tab's session
 * storage, sent as X-Api-Key, never written into the shareable link.
 */
const API_KEY_STORAGE = 'frontera.apiKey';

function apiKeyHeader() {
  const key = $('api-key').value.trim();
  if (key) sessionStorage.setItem(API_KEY_STORAGE, key);
  return key ? { 'X-Api-Key': key } : {};
}

function restoreApiKey() {
  const key = sessionStorage.getItem(API_KEY_STORAGE);
  if (!key) return;
  $('api-key').value = key;
  $('api-key-field').hidden = false;
}

async function submitQuote() {
  const local = await checkForm(form);
  if (local.length > 0) {
    Object.assign(session, { answer: undefined, outcome: 'problem' });
    $('results').hidden = true;
    $('status').textContent = t('status.error');
    showProblem(form, { code: 'FORM', errors: local });
    return;
  }
  const flat = readForm(form);
  const body = toRequestBody(flat, locale());
  history.replaceState(null, '', shareUrl(flat));
  $('share-link').value = location.href;
  const status = $('status');
  status.textContent = t('status.loading');
  $('submit').disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    const res = await fetch('/quote', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json', 'Accept-Language': locale(), ...apiKeyHeader() },
      body: JSON.stringify(body),
    });
    const payload = (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : undefined;
    if (res.ok) {
      clearErrors(form);
      Object.assign(session, { answer: payload, request: body, outcome: 'answer' });
      renderResults(payload, body);
      $('results').hidden = false;
      status.textContent = t('status.done', { count: payload.options.length });
      $('results-heading').focus();
    } else {
      Object.assign(session, { answer: undefined, request: body, outcome: 'problem' });
      $('results').hidden = true;
      status.textContent = t('status.error');
      if (res.status === 401) $('api-key-field').hidden = false;
      revealAskedFields(payload);
      showProblem(form, payload ?? { detail: t('errors.unexpected', { status: res.status }) });
    }
  } catch {
    session.outcome = 'problem';
    $('results').hidden = true;
    status.textContent = '';
    showProblem(form, { detail: t('errors.network') });
  } finally {
    $('submit').disabled = false;
    form.removeAttribute('aria-busy');
  }
}

/** The checked cart for "Where to sell" (where-to-sell.js), or undefined once the form's errors are shown. */
async function readCart() {
  const local = await checkForm(form);
  if (local.length > 0) {
    $('status').textContent = t('status.error');
    showProblem(form, { code: 'FORM', errors: local });
    return undefined;
  }
  clearErrors(form);
  return toRequestBody(readForm(form), locale());
}

async function switchLanguage(next) {
  setLocale(next);
  applyTranslations();
  fillSelects();
  updateRegion();
  const url = new URL(location.href);
  url.searchParams.set('lang', next);
  history.replaceState(null, '', url);
  // Notes, service names and error messages come from the API in the answer's language: ask again.
  if (session.outcome) await submitQuote();
  await refreshWhereToSell();
}

function downloadJson() {
  if (!session.answer) return;
  const blob = new Blob([`${JSON.stringify(session.answer, null, 2)}\n`], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `frontera-${session.answer.quoteId}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(a.href), 0);
}

async function copyLink() {
  const input = $('share-link');
  try {
    await navigator.clipboard.writeText(input.value);
    $('status').textContent = t('actions.copied');
  } catch {
    // No clipboard (plain http, or permission refused): select the link for the user to copy.
    input.focus();
    input.select();
  }
}

function wire() {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitQuote();
  });
  $('destination-country').addEventListener('change', updateRegion);
  $('add-item').addEventListener('click', () => items.add().querySelector('input').focus());
  $('add-parcel').addEventListener('click', () => parcels.add().querySelector('input').focus());
  form.addEventListener('rows-changed', () => clearErrors(form));
  $('lang').addEventListener('change', (e) => switchLanguage(e.target.value));
  $('print').addEventListener('click', () => window.print());
  $('download-json').addEventListener('click', downloadJson);
  $('copy-link').addEventListener('click', copyLink);
  attachWhereToSell({ cart: readCart, headers: apiKeyHeader, problem: (p) => { revealAskedFields(p); showProblem(form, p); } });
  // The example notice goes once the user changes something; "Start blank" clears the product, price and weight.
  form.addEventListener('input', (e) => {
    if (e.isTrusted) $('example-note').hidden = true;
  });
  $('clear-example').addEventListener('click', () => {
    clearErrors(form);
    fillForm(blankState(readForm(form)));
    $('items-0-description').focus();
  });
}

async function boot() {
  setLocale(initialLocale());
  $('lang').value = locale();
  await Promise.all([loadStrings(), loadOptions()]);
  applyTranslations();
  items = new RowList({ container: $('item-rows'), template: $('item-template'), prefix: 'items', min: 1, setup: setupItem });
  parcels = new RowList({ container: $('parcel-rows'), template: $('parcel-template'), prefix: 'parcels', min: 0, setup: setupParcel });
  fillSelects();
  const shared = fromQuery(location.search);
  fillForm(shared ?? exampleState(locale(), today()), { example: !shared });
  restoreApiKey();
  wire();
  document.documentElement.dataset.ready = 'true';
  if (shared) await submitQuote();
}

boot();
