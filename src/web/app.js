/* global document, window, fetch, navigator, history, location, sessionStorage, Blob, URL, URLSearchParams, CSS */
import { clearErrors, showProblem } from './field-errors.js';
import { exampleState, fromQuery, readForm, rowIndexes, toQuery, toRequestBody, today } from './form-model.js';
import { attachHsCombobox } from './hs-combobox.js';
import { applyTranslations, loadStrings, locale, setLocale, t } from './i18n.js';
import { chooseOption, fillRegionSelect, fillSelects, loadOptions, regionsOf } from './options.js';
import { renderResults } from './results.js';
import { RowList } from './rows.js';

/**
 * The quote form: starts with a working example (or the state of a shared
 * link, which it then quotes), sends `POST /quote`, and shows the options
 * or the API's errors next to their fields.
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
}

function setupItem(row) {
  fillSelects(row);
  chooseOption(row.querySelector('[data-field="originCountry"]'), $('origin-country').value || 'MX');
  const previous = row.previousElementSibling?.querySelector('[data-field="unitPrice.currency"]')?.value;
  chooseOption(row.querySelector('[data-field="unitPrice.currency"]'), previous || 'MXN');
  attachHsCombobox(row.querySelector('[data-field="hsCode"]'), { description: row.querySelector('[data-field="description"]') });
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

/** Put a state (example or shared link) into the form. */
function fillForm(flat) {
  for (const el of form.querySelectorAll('input[type="checkbox"], input[type="radio"]')) el.checked = false;
  for (const el of form.querySelectorAll('input[type="text"], input[type="date"]')) el.value = '';
  setControl('destination.country', flat['destination.country'] ?? 'US');
  updateRegion();
  for (const [prefix, list] of [['items', items], ['parcels', parcels]]) {
    const indexes = rowIndexes(flat, prefix);
    list.resize(indexes.length);
    indexes.forEach((idx, k) => {
      for (const [key, value] of Object.entries(flat)) {
        if (key.startsWith(`${prefix}.${idx}.`)) setControl(`${prefix}.${k}.${key.slice(`${prefix}.${idx}.`.length)}`, value);
      }
    });
  }
  for (const [key, value] of Object.entries(flat)) {
    if (!key.startsWith('items.') && !key.startsWith('parcels.') && key !== 'destination.country') setControl(key, value);
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
  fillForm(shared ?? exampleState(locale(), today()));
  restoreApiKey();
  wire();
  document.documentElement.dataset.ready = 'true';
  if (shared) await submitQuote();
}

boot();
