/* global document, fetch, Blob, URL, window */
import { el } from './dom.js';
import { date, money } from './format.js';
import { t } from './i18n.js';

/**
 * "¿Dónde vender? / Where to sell": the form's cart sent to `POST /compare`,
 * drawn as a ranking. Each destination is a list item: its name and landed
 * cost, a small hand-written SVG bar split into goods, shipping, duties and
 * taxes (no chart library, nothing from a CDN), and the delivery days beside
 * it. Text stays HTML, so it reads at any width; the bar only scales.
 * A region filter (continents from the answer) and a CSV download of the
 * price list, optionally in each destination's own currency.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const CONTINENTS = ['AF', 'AS', 'EU', 'NA', 'OC', 'SA'];

/** The bar's parts, in the legend's order; shipping includes insurance, taxes include fees (their sum is the landed cost). */
const PARTS = [
  { key: 'goods', amounts: (d) => [d.goodsValue] },
  { key: 'shipping', amounts: (d) => [d.cheapest.shipping, d.cheapest.insurance] },
  { key: 'duties', amounts: (d) => [d.cheapest.duties] },
  { key: 'taxes', amounts: (d) => [d.cheapest.taxes, d.cheapest.fees] },
];

const $ = (id) => document.getElementById(id);
const state = { answer: undefined, body: undefined };
let hooks;

/** Geometry only (bar lengths in SVG units): money is never added in floats for display, amounts are shown as the API sent them. */
const size = (amounts) => amounts.reduce((a, x) => a + Number(x), 0);

function svg(tag, attrs) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** One bar: the parts side by side, as long as the landed cost against the dearest destination shown. */
function bar(d, max) {
  const s = svg('svg', { class: 'wts-bar', viewBox: '0 0 100 10', preserveAspectRatio: 'none', role: 'img', focusable: 'false' });
  const c = d.cheapest;
  const label = t('wts.bar', {
    goods: money(d.goodsValue, d.currency), shipping: money(c.shipping, d.currency), insurance: money(c.insurance, d.currency),
    duties: money(c.duties, d.currency), taxes: money(c.taxes, d.currency), fees: money(c.fees, d.currency),
  });
  s.setAttribute('aria-label', label);
  let x = 0;
  for (const part of PARTS) {
    const w = max > 0 ? (size(part.amounts(d)) / max) * 100 : 0;
    if (w > 0) s.append(svg('rect', { class: `wts-${part.key}`, x: x.toFixed(3), y: 0, width: w.toFixed(3), height: 10 }));
    x += w;
  }
  return s;
}

function delivery(c) {
  const days = t('delivery.days', { min: c.deliveryDays.min, max: c.deliveryDays.max });
  return `${days} · ${date(c.estimatedDelivery.earliest)} – ${date(c.estimatedDelivery.latest)}`;
}

function row(d, rank, max) {
  const c = d.cheapest;
  const fastest = d.fastest.carrier !== c.carrier || d.fastest.service !== c.service
    ? el('p', { class: 'wts-fastest', text: t('wts.fastest', { service: d.fastest.serviceName, cost: money(d.fastest.landedCost, d.currency), days: delivery(d.fastest) }) })
    : undefined;
  return el(
    'li',
    { class: 'wts-row', 'data-country': d.country, 'data-continent': d.continent ?? '', 'data-landed-cost': c.landedCost },
    el('p', { class: 'wts-head' }, el('span', { class: 'wts-rank', text: `${rank}.` }), ' ', el('span', { class: 'wts-name', text: d.name }), ' ', el('strong', { class: 'wts-total', text: money(c.landedCost, d.currency) })),
    bar(d, max),
    el('p', { class: 'wts-delivery', text: `${delivery(c)} · ${c.serviceName}` }),
    fastest,
  );
}

function legend() {
  return PARTS.map((p) => el('li', {}, (() => {
    const s = svg('svg', { class: 'wts-swatch', viewBox: '0 0 10 10', 'aria-hidden': 'true', focusable: 'false' });
    s.append(svg('rect', { class: `wts-${p.key}`, x: 0, y: 0, width: 10, height: 10 }));
    return s;
  })(), ` ${t(`wts.part.${p.key}`)}`));
}

function fillRegions() {
  const select = $('wts-region');
  const value = select.value;
  const present = new Set((state.answer?.destinations ?? []).map((d) => d.continent));
  select.replaceChildren(el('option', { value: '', text: t('wts.region.all') }), ...CONTINENTS.filter((c) => present.has(c)).map((c) => el('option', { value: c, text: t(`wts.continent.${c}`) })));
  select.value = [...select.options].some((o) => o.value === value) ? value : '';
}

/** Draw the ranking for the region chosen; bars are scaled to the dearest destination shown. */
function render() {
  const answer = state.answer;
  if (!answer) return;
  const region = $('wts-region').value;
  const shown = answer.destinations.filter((d) => !region || d.continent === region);
  const max = Math.max(0, ...shown.map((d) => Number(d.cheapest.landedCost)));
  $('wts-list').replaceChildren(...shown.map((d, i) => row(d, i + 1, max)));
  $('wts-legend').replaceChildren(...legend());
  $('wts-summary').textContent = t('wts.summary', { shown: shown.length, total: answer.destinations.length, currency: answer.currency, date: date(answer.shipDate) });
  $('wts-refused-summary').textContent = t('wts.refused', { count: answer.refused.length });
  $('wts-refused').replaceChildren(...answer.refused.map((r) => el('li', {}, el('strong', { text: r.country }), ` (${r.code}): ${r.message}`)));
  $('wts-refused-block').hidden = answer.refused.length === 0;
}

async function post(body, accept) {
  return fetch('/compare', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: accept, 'Accept-Language': body.locale, ...hooks.headers() },
    body: JSON.stringify(body),
  });
}

/** The form's cart without its destination; the form's answer currency, else USD. */
function compareBody(quoteBody) {
  const cart = { ...quoteBody };
  delete cart.destination;
  return cart;
}

/** Ask for the ranking and show it; problems go next to the form's fields, as for a quote. */
export async function showWhereToSell() {
  const quoteBody = await hooks.cart();
  if (!quoteBody) return;
  const body = compareBody(quoteBody);
  const status = $('wts-status');
  status.textContent = t('wts.loading');
  $('where-to-sell-button').disabled = true;
  try {
    const res = await post(body, 'application/json, application/problem+json');
    const payload = (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : undefined;
    if (!res.ok) {
      status.textContent = '';
      hooks.problem(payload ?? { detail: t('errors.unexpected', { status: res.status }) });
      return;
    }
    Object.assign(state, { answer: payload, body });
    fillRegions();
    render();
    $('where-to-sell').hidden = false;
    status.textContent = t('wts.done', { count: payload.destinations.length });
    $('wts-heading').focus();
  } catch {
    status.textContent = '';
    hooks.problem({ detail: t('errors.network') });
  } finally {
    $('where-to-sell-button').disabled = false;
  }
}

/** The price list as a file: the same cart, `Accept: text/csv`, in one currency or each destination's own. */
async function downloadCsv() {
  if (!state.body) return;
  const body = { ...state.body, priceIn: $('wts-local').checked ? 'destination' : 'currency' };
  const res = await post(body, 'text/csv');
  if (!res.ok) return;
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'frontera-where-to-sell.csv';
  const a = el('a', { href: URL.createObjectURL(new Blob([await res.arrayBuffer()], { type: 'text/csv' })), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(a.href), 0);
}

/** After a language switch: names, dates and reasons come from the API in the answer's language, so ask again. */
export async function refreshWhereToSell() {
  if (!$('where-to-sell').hidden) await showWhereToSell();
}

/**
 * Wire the view. `cart()` gives the checked /quote body (undefined after showing the form's errors),
 * `headers()` the API key header, `problem(p)` shows an API problem next to the form's fields.
 */
export function attachWhereToSell(options) {
  hooks = options;
  $('where-to-sell-button').addEventListener('click', () => showWhereToSell());
  $('wts-region').addEventListener('change', render);
  $('wts-csv').addEventListener('click', () => downloadCsv());
}
