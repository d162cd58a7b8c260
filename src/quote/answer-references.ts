import { sourceTitle, type LoadedTariff } from '../tariffs/tariff-index';
import type { Locale } from './quote-input';
import type { NoteOut, PricedOption, QuoteOption, SourceRef } from './quote-result';

/**
 * The answer by reference (issue 17): a note several options share is written
 * once in `optionNotes` (each option lists its ids in `noteIds`), and every
 * source a line or note names by `sourceId` is written once in `sources`.
 * Nothing is dropped: each id resolves in the same answer.
 */
export function notesByReference(priced: readonly PricedOption[]): { options: QuoteOption[]; optionNotes: Record<string, NoteOut> } {
  const optionNotes: Record<string, NoteOut> = {};
  // Notes written so far, by code: the same code worded differently gets code#2, code#3…
  const byCode = new Map<string, { note: NoteOut; id: string }[]>();
  const same = (a: NoteOut, b: NoteOut) => a.severity === b.severity && a.text === b.text && a.sourceId === b.sourceId;
  const idOf = (n: NoteOut): string => {
    let written = byCode.get(n.code);
    if (written === undefined) byCode.set(n.code, (written = []));
    const hit = written.find((w) => w.note === n || same(w.note, n));
    if (hit) return hit.id;
    const id = written.length === 0 ? n.code : `${n.code}#${written.length + 1}`;
    written.push({ note: n, id });
    optionNotes[id] = n;
    return id;
  };
  const options = priced.map(({ notes, ...option }) => ({ ...option, noteIds: notes.map(idOf) }));
  return { options, optionNotes };
}

/** What may carry a `sourceId`: the lines of every option and the notes. */
interface Referencing {
  options: readonly Pick<QuoteOption, 'duties' | 'taxes' | 'fees'>[];
  notes: readonly NoteOut[];
  optionNotes: Readonly<Record<string, NoteOut>>;
}

/** Every source id the answer uses, resolved in the tariff files it came from ("<file country>:<key>"), titled in the answer's language. */
export function sourcesUsed(answer: Referencing, tariffs: readonly (LoadedTariff | undefined)[], locale: Locale): Record<string, SourceRef> {
  const ids = new Set<string>();
  const add = (x: { sourceId?: string | undefined }) => {
    if (x.sourceId !== undefined) ids.add(x.sourceId);
  };
  for (const o of answer.options) {
    o.duties.lines.forEach(add);
    o.taxes.lines.forEach(add);
    o.fees.lines.forEach(add);
  }
  answer.notes.forEach(add);
  Object.values(answer.optionNotes).forEach(add);
  const byCountry = new Map<string, LoadedTariff>();
  for (const t of tariffs) if (t && !byCountry.has(t.file.country)) byCountry.set(t.file.country, t);
  const sources: Record<string, SourceRef> = {};
  for (const id of [...ids].sort()) {
    const cut = id.indexOf(':');
    const entry = byCountry.get(id.slice(0, cut))?.file.sources[id.slice(cut + 1)];
    if (entry) sources[id] = { title: sourceTitle(entry, locale), ...(entry.url ? { url: entry.url } : {}), reviewed: entry.reviewed };
  }
  return sources;
}
