/* global document, CSS */
import { locale, t } from './i18n.js';

/**
 * API errors next to the field they name. A problem+json answer lists
 * `errors[].path` ("items.0.hsCode"); every control carries the same path in
 * `data-path`, so the message goes right after the control, which gets
 * `aria-invalid` and `aria-describedby` pointing at it. A path with no field
 * of its own ("items.0") falls back to the closest enclosing group; what
 * matches nothing is listed in the summary at the top of the form.
 */

/** The API path's last part → the hint shown in Spanish; a whole path wins over its last part. */
const HINTS = {
  'origin.country': 'hint.originCountry',
  'destination.country': 'hint.destinationCountry',
  'destination.region': 'hint.region',
  unitVolume: 'hint.unitVolume',
  alcoholByVolume: 'hint.alcoholByVolume',
  hsCode: 'hint.hsCode',
  quantity: 'hint.quantity',
  amount: 'hint.amount',
  value: 'hint.positive',
  length: 'hint.positive',
  width: 'hint.positive',
  height: 'hint.positive',
  weight: 'hint.positive',
  country: 'hint.country',
  originCountry: 'hint.country',
  currency: 'hint.currency',
  shipDate: 'hint.date',
  items: 'hint.items',
};

function visible(el) {
  return !el.disabled && !el.closest('[hidden]');
}

function findTarget(form, path) {
  let p = path;
  while (p) {
    const el = [...form.querySelectorAll(`[data-path="${CSS.escape(p)}"]`)].find(visible);
    if (el) return el;
    p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '';
  }
  return undefined;
}

/**
 * Schema errors (code INVALID_REQUEST) come in the request's language; in
 * Spanish the field's hint leads and the API's own words (also Spanish)
 * follow. The form's own errors (code FORM) are already in the page's language.
 */
function messageFor(err, code) {
  if (code !== 'INVALID_REQUEST' || locale() === 'en') return { text: err.message };
  const last = err.path.split('.').at(-1);
  const key = HINTS[err.path] ?? HINTS[last] ?? 'hint.generic';
  return { text: t(key), detail: err.message };
}

/**
 * The field's name for the summary, with the group or row it belongs to:
 * "Origen · País", "Artículo 1 · Precio unitario", so two fields with the
 * same label are told apart.
 */
function labelOf(target) {
  const own = target.id ? document.querySelector(`label[for="${CSS.escape(target.id)}"]`) : null;
  const text = own?.textContent ?? target.querySelector('legend')?.textContent ?? '';
  const group = target.parentElement?.closest('.row, .group');
  const groupLabel = group ? group.querySelector('legend')?.textContent : '';
  return [groupLabel, text].filter(Boolean).map((s) => s.replace(/\s+/g, ' ').trim()).join(' · ');
}

function messageElement(id, message) {
  const p = document.createElement('p');
  p.className = 'field-error';
  p.id = id;
  const prefix = document.createElement('span');
  prefix.className = 'visually-hidden';
  prefix.textContent = `${t('errors.prefix')} `;
  p.append(prefix, message.text);
  if (message.detail) {
    const detail = document.createElement('span');
    detail.className = 'detail';
    detail.lang = locale();
    detail.textContent = message.detail;
    p.append(' ', detail);
  }
  return p;
}

function describe(el, id) {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  if (!ids.includes(id)) el.setAttribute('aria-describedby', [id, ...ids].join(' '));
}

function attach(target, message, n) {
  if (!target.id) target.id = `error-target-${n}`;
  const id = `${target.id}-error`;
  const existing = document.getElementById(id);
  if (existing) {
    existing.append(' ', message.text);
    return id;
  }
  const p = messageElement(id, message);
  if (target.tagName === 'FIELDSET') target.querySelector('legend').after(p);
  else (target.closest('.field') ?? target.parentElement).append(p);
  target.setAttribute('aria-invalid', 'true');
  describe(target, id);
  return id;
}

export function clearErrors(form) {
  for (const p of form.querySelectorAll('.field-error')) {
    for (const el of form.querySelectorAll(`[aria-describedby~="${CSS.escape(p.id)}"]`)) {
      const rest = el.getAttribute('aria-describedby').split(/\s+/).filter((x) => x && x !== p.id);
      if (rest.length > 0) el.setAttribute('aria-describedby', rest.join(' '));
      else el.removeAttribute('aria-describedby');
    }
    p.remove();
  }
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const summary = document.getElementById('error-summary');
  summary.hidden = true;
  document.getElementById('error-list').replaceChildren();
}

/** Show a problem+json answer (or a message of our own) and move the focus to the summary. */
export function showProblem(form, problem) {
  clearErrors(form);
  const list = document.getElementById('error-list');
  const errors = problem.errors?.length ? problem.errors : [{ path: '', message: problem.detail ?? problem.title ?? '' }];
  errors.forEach((err, n) => {
    const message = messageFor(err, problem.code);
    const target = err.path ? findTarget(form, err.path) : undefined;
    const li = document.createElement('li');
    if (target) {
      attach(target, message, n);
      const a = document.createElement('a');
      a.href = `#${target.id}`;
      a.textContent = `${labelOf(target)}: ${message.text}`;
      a.addEventListener('click', (e) => {
        e.preventDefault();
        (target.tagName === 'FIELDSET' ? target.querySelector('input, select, button') : target)?.focus();
      });
      li.append(a);
    } else li.textContent = message.text;
    list.append(li);
  });
  const summary = document.getElementById('error-summary');
  summary.hidden = false;
  summary.focus();
}
