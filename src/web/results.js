/* global document */
import { compareDecimal, countryName, date, dateTime, money, rate, ruleLabel } from './format.js';
import { locale, t } from './i18n.js';
import { noteItem, noteTopic, optionNotesOf, renderNotes, sourceOf } from './notes.js';
import { el } from './dom.js';

/**
 * The answer as a table: one row per option, sorted by landed cost (then the
 * latest delivery day), each with a disclosure button that shows every line
 * with its rate, base, rule and working. Notes and data dates follow. Every
 * cell carries its column's name (`data-label`): on a narrow screen the
 * stylesheet stacks each option into a card that reads "Total … US$12.34".
 */


const isZero = (amount) => compareDecimal(amount, '0') === 0;

export function sortOptions(options) {
  return [...options].sort((a, b) => compareDecimal(a.landedCost, b.landedCost) || a.deliveryDays.max - b.deliveryDays.max);
}

function columns(answer, showInsurance) {
  const ccy = answer.currency;
  return [
    { key: 'col.shipping', cell: (o) => money(o.shipping.amount, ccy) },
    ...(showInsurance ? [{ key: 'col.insurance', cell: (o) => money(o.insurance.amount, ccy) }] : []),
    { key: 'col.duties', cell: (o) => money(o.duties.amount, ccy) },
    { key: 'col.taxes', cell: (o) => money(o.taxes.amount, ccy) },
    { key: 'col.fees', cell: (o) => money(o.fees.amount, ccy) },
    { key: 'col.total', cell: (o) => money(o.landedCost, ccy), class: 'total' },
    { key: 'col.checkout', cell: (o) => money(o.payableAtCheckout, ccy) },
    { key: 'col.delivery', cell: (o) => money(o.payableOnDelivery, ccy) },
  ];
}

function deliveryCell(o) {
  return el('td', { class: 'dates', 'data-label': t('col.dates') }, el('span', {},
    el('span', { text: t('delivery.days', { min: o.deliveryDays.min, max: o.deliveryDays.max }) }),
    el('br'),
    el('span', { text: t('delivery.range', { earliest: date(o.estimatedDelivery.earliest), latest: date(o.estimatedDelivery.latest) }) })));
}

function sourceText(answer, line) {
  const src = sourceOf(answer, line);
  if (!src) return undefined;
  return el('span', { class: 'source', text: t('details.source', { source: src.title, date: src.date }) });
}

function detailRow(concept, line, ccy, extra = []) {
  const ruleCell = el('td', { 'data-label': t('details.rule') });
  const rule = el('span');
  if (line.rule) rule.append(ruleLabel(line.rule), ' ', el('code', { text: line.rule }));
  if (line.estimated || line.confidence === 'estimated') rule.append(' ', el('span', { class: 'badge conf-estimated', text: t('details.estimated') }));
  if (rule.childNodes.length > 0) ruleCell.append(rule);
  return el('tr', {},
    el('th', { scope: 'row', text: concept }),
    el('td', { class: 'num', 'data-label': t('details.rate'), text: rate(line.rate) }),
    el('td', { class: 'num', 'data-label': t('details.base'), text: line.base !== undefined ? money(line.base, ccy) : '' }),
    el('td', { class: 'num', 'data-label': t('details.amount'), text: money(line.amount, ccy) }),
    ruleCell,
    el('td', { class: 'working', 'data-label': t('details.working') }, line.working ?? '', ...extra.flatMap((x) => (x ? [el('br'), x] : []))));
}

function details(o, answer, optionName) {
  const ccy = answer.currency;
  const rows = [
    ...o.shipping.lines.map((l) => detailRow(`${t('details.shipping')}: ${l.name}`, l, ccy)),
    ...(!isZero(o.insurance.amount) || o.insurance.working ? [detailRow(t('details.insurance'), o.insurance, ccy)] : []),
    ...o.duties.lines.map((l) => detailRow(
      [t('details.duty'), l.item !== undefined ? t('details.item', { n: l.item + 1 }) : '', l.hsCode ? `HS ${l.hsCode}` : ''].filter(Boolean).join(' · '),
      l, ccy, [sourceText(answer, l)])),
    ...o.taxes.lines.map((l) => detailRow(`${t('details.tax')}: ${l.name}`, l, ccy,
      [el('span', { class: 'source', text: t(`details.collected.${l.collectedAt}`) }), sourceText(answer, l)])),
    ...o.fees.lines.map((l) => detailRow(`${t('details.fee')}: ${l.name}`, l, ccy,
      [el('span', { class: 'source', text: t(`details.payer.${l.payer}`) }), sourceText(answer, l)])),
  ];
  const table = el('table', { class: 'lines' },
    el('caption', { text: t('details.caption', { option: optionName }) }),
    el('thead', {}, el('tr', {}, ...['details.concept', 'details.rate', 'details.base', 'details.amount', 'details.rule', 'details.working']
      .map((k) => el('th', { scope: 'col', text: t(k) })))),
    el('tbody', {}, ...rows));
  const facts = el('p', { class: 'facts', text: `${t('details.chargeable', {
    kg: o.shipping.chargeableWeightKg, zone: o.shipping.zone, pickup: date(o.estimatedDelivery.pickup),
  })} ${t('details.deMinimis', { duty: t(`deMinimis.${o.deMinimis.duty}`), tax: t(`deMinimis.${o.deMinimis.tax}`) })}` });
  // The option's own notes are few: warnings first, each with its topic.
  const ordered = [...optionNotesOf(answer, o)].sort((a, b) => (a.severity === 'warning' ? 0 : 1) - (b.severity === 'warning' ? 0 : 1));
  const notes = ordered.length > 0 ? el('ul', { class: 'notes' }, ...ordered.map((n) => noteItem(n, noteTopic(n.code), answer))) : undefined;
  return el('div', { class: 'details-body' }, el('div', { class: 'lines-wrap' }, table), facts, notes);
}

/**
 * How sure the option's duties, taxes and fees are (`options[].confidence.level`,
 * the lowest of its lines and figures): a badge and what it means in a few words.
 */
function confidenceBadge(level) {
  return el('span', { class: 'confidence-level', 'data-confidence': level },
    el('span', { class: `badge conf-${level}`, text: t(`confidence.${level}`) }),
    el('span', { class: 'confidence-why', text: t(`confidence.${level}.why`) }));
}

function optionRow(o, i, answer, cols) {
  const name = `${o.serviceName}`;
  const detailsId = `option-${i}-details`;
  const button = el('button', { type: 'button', class: 'expand', 'aria-expanded': 'false', 'aria-controls': detailsId }, el('span', { class: 'chevron', 'aria-hidden': 'true' }), name);
  const head = el('th', { scope: 'row' }, button, el('span', { class: 'carrier', text: o.carrierName }));
  if (o.rateStatus === 'illustrative') head.append(el('span', { class: 'badge', text: t('rateStatus.illustrative') }));
  head.append(confidenceBadge(o.confidence.level));
  const row = el('tr', { class: 'option', 'data-landed-cost': o.landedCost }, head,
    ...cols.map((c) => el('td', { class: `num ${c.class ?? ''}`.trim(), 'data-label': t(c.key), text: c.cell(o) })), deliveryCell(o));
  const detail = el('tr', { class: 'details', id: detailsId, hidden: '' }, el('td', { colspan: String(cols.length + 2) }, details(o, answer, name)));
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') === 'true';
    button.setAttribute('aria-expanded', String(!open));
    detail.hidden = open;
  });
  return [row, detail];
}

/** Fill the results section from an answer; `request` is the body that was sent (for the summary line). */
export function renderResults(answer, request) {
  const options = sortOptions(answer.options);
  const showInsurance = options.some((o) => !isZero(o.insurance.amount));
  const cols = columns(answer, showInsurance);
  document.getElementById('results-head').replaceChildren(
    el('th', { scope: 'col', text: t('col.option') }),
    ...cols.map((c) => el('th', { scope: 'col', class: 'num', text: t(c.key) })),
    el('th', { scope: 'col', text: t('col.dates') }));
  document.getElementById('results-body').replaceChildren(...options.flatMap((o, i) => optionRow(o, i, answer, cols)));
  document.getElementById('no-options').hidden = options.length > 0;

  const names = new Intl.DisplayNames([locale()], { type: 'region' });
  const place = (a) => [countryName(a.country, names), a.region, a.postalCode].filter(Boolean).join(' ');
  document.getElementById('quote-summary').textContent = t('results.summary', {
    origin: place(request.origin), destination: place(request.destination), goods: money(answer.goodsValue, answer.currency), incoterm: answer.incoterm,
  });
  document.getElementById('quote-id').textContent = t('results.quoteId', { id: answer.quoteId, until: dateTime(answer.validUntil) });
  renderNotes(document.getElementById('notes'), answer.notes, request.origin.country, answer);

  const dates = document.getElementById('data-dates');
  dates.replaceChildren(
    el('dt', { text: t('dates.tariff') }), el('dd', { text: date(answer.dataDates.tariff) }),
    el('dt', { text: t('dates.rates') }), el('dd', { text: `${date(answer.exchangeRates.asOf)} · ${answer.exchangeRates.source}` }),
    ...Object.entries(answer.dataDates.carriers).flatMap(([carrier, d]) => [
      el('dt', { text: t('dates.carrier', { carrier: answer.options.find((o) => o.carrier === carrier)?.carrierName ?? carrier }) }),
      el('dd', { text: date(d) }),
    ]));
}
