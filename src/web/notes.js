import { t } from './i18n.js';
import { el } from './dom.js';

/**
 * The answer's notes, which run to a dozen or twenty: warnings first, in
 * view, each tagged with its topic; every other note folded under
 * "More notes", grouped by topic. The topic is read from the note's code:
 * engine codes name it (FX_RATES_OLD, PARCEL_PACKED, PROOF_OF_ORIGIN:USMCA),
 * and tariff-file codes start with their country ("US-USMCA-CERTIFICATION",
 * "MX-EXPORT-CFDI").
 */

const TOPICS = ['duties', 'taxes', 'export', 'shipping', 'currency', 'rules', 'general'];

const SHIPPING = /^(CARRIER|PARCEL|PACK|OVER_|NO_ZONE|NO_RATE|NO_PIECES|NO_CARRIER|TOO_MANY|LIVE_|INSURANCE|SAMPLE_RATES|ORIGIN_NOT_SERVED|NOT_OFFERED|SUSPENDED|INVALID_DELIVERY)/;
const CURRENCY = /^(FX_|CURRENCY)/;
const TAXES = /(^|[-_:])(VAT|TAX|GST|HST|PST|QST|IVA|IOSS|ICMS|CONSUMPTION)([-_:]|$)|SALES-TAX/;
const DUTIES = /(DUTY|DE-?MINIMIS|USMCA|T-MEC|SEC\d|SECTION|PREFERENCE|PROOF_OF_ORIGIN|REGIME|AGREEMENT|LVC|MFN|TARIFF|ADDITIONAL|ORIGIN|FTA|CERT)/;

/** The topic of a note from its code; `origin` is the request's origin country ("MX"). */
export function noteTopic(code, origin) {
  const c = String(code).toUpperCase();
  if (SHIPPING.test(c)) return 'shipping';
  if (CURRENCY.test(c)) return 'currency';
  if (origin && c.startsWith(`${origin}-`)) return 'export';
  if (TAXES.test(c)) return 'taxes';
  if (DUTIES.test(c)) return 'duties';
  if (/^[A-Z]{2}-/.test(c)) return 'rules';
  return 'general';
}


/**
 * The source a line or note names: by `sourceId` in the answer's `sources` (answers since
 * issue 17), or inline `source` / `sourceDate` (answers stored before, served as they were).
 */
export function sourceOf(answer, x) {
  if (x.sourceId !== undefined) {
    const s = answer.sources?.[x.sourceId];
    return s ? { title: s.title, date: s.reviewed } : { title: x.sourceId, date: '' };
  }
  return x.source ? { title: x.source, date: x.sourceDate ?? '' } : undefined;
}

/** An option's notes: its `noteIds` resolved in the answer's `optionNotes`, or the notes an older stored answer carried inline. */
export function optionNotesOf(answer, o) {
  if (Array.isArray(o.noteIds)) return o.noteIds.map((id) => answer.optionNotes?.[id]).filter(Boolean);
  return o.notes ?? [];
}

export function noteItem(n, topic, answer) {
  const src = answer ? sourceOf(answer, n) : undefined;
  return el('li', { class: `note ${n.severity}`, 'data-code': n.code, 'data-topic': topic },
    topic ? el('span', { class: 'topic', text: t(`notes.topic.${topic}`) }) : undefined,
    el('span', { class: 'text', text: n.text }),
    src ? el('span', { class: 'source', text: src.date ? `${src.title} (${src.date})` : src.title }) : undefined);
}

/** Fill `container` with the notes: warnings in view, the rest folded by topic. */
export function renderNotes(container, notes, origin, answer) {
  const withTopic = notes.map((n) => ({ note: n, topic: noteTopic(n.code, origin) }));
  const byTopic = (a, b) => TOPICS.indexOf(a.topic) - TOPICS.indexOf(b.topic);
  const warnings = withTopic.filter((x) => x.note.severity === 'warning').sort(byTopic);
  const others = withTopic.filter((x) => x.note.severity !== 'warning');
  const parts = [];
  if (warnings.length > 0) {
    parts.push(el('h4', { class: 'notes-group', text: t('notes.warnings', { count: warnings.length }) }),
      el('ul', { class: 'notes warnings' }, ...warnings.map((x) => noteItem(x.note, x.topic, answer))));
  }
  if (others.length > 0) {
    const groups = TOPICS.map((topic) => ({ topic, items: others.filter((x) => x.topic === topic) })).filter((g) => g.items.length > 0);
    const summary = el('summary', { text: t('notes.more', { count: others.length, topics: groups.map((g) => t(`notes.topic.${g.topic}`)).join(' · ') }) });
    parts.push(el('details', { class: 'more-notes' }, summary, ...groups.flatMap((g) => [
      el('h4', { class: 'notes-group', text: t(`notes.topic.${g.topic}`) }),
      el('ul', { class: 'notes' }, ...g.items.map((x) => noteItem(x.note, undefined, answer))),
    ])));
  }
  container.replaceChildren(...parts);
}
