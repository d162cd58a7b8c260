import { inForce } from '../domain/dates';
import { ZERO } from '../domain/money';
import { convert, hasRate, type RateTable } from '../fx/rate-table';
import { matchesAnyPrefix } from '../domain/hs-code';
import { sourceTitle, type LoadedTariff } from '../tariffs/tariff-index';
import type { QuoteInput } from './quote-input';
import type { NoteOut, QuoteOption } from './quote-result';

/**
 * Export-side notes of the ORIGIN country's tariff file (`exportNotes`, e.g. Mexico's export
 * pedimento, CFDI with the foreign-trade complement, certification of origin), shown on every
 * quote shipped from that country when their conditions hold. The goods value is compared at
 * full precision; a threshold in a currency the rate table lacks is treated as exceeded, so the
 * document is never silently left out.
 */
export function exportNotes(origin: LoadedTariff | undefined, input: QuoteInput, options: readonly QuoteOption[], rates: RateTable): NoteOut[] {
  if (!origin?.file.exportNotes || origin.file.country !== input.origin.country) return [];
  const preferenceClaimed = options.some((o) => o.duties.lines.some((l) => l.rule.startsWith('preferential:')));
  const out: NoteOut[] = [];
  for (const n of origin.file.exportNotes) {
    if (!inForce(n, input.shipDate)) continue;
    if (n.hs && !input.items.some((i) => matchesAnyPrefix(i.hs, n.hs))) continue;
    if (n.when?.preferenceClaimed && !preferenceClaimed) continue;
    const above = n.when?.goodsValueAbove;
    if (above && input.items.every((i) => hasRate(rates, i.priceCurrency)) && hasRate(rates, above.currency)) {
      const goods = input.items.reduce((acc, i) => acc.plus(convert(i.quantity.times(i.unitPrice), i.priceCurrency, above.currency, rates)), ZERO);
      if (!goods.gt(above.amount)) continue;
    }
    const src = origin.file.sources[n.source];
    const unconfirmed = n.confidence === 'unconfirmed' ? UNCONFIRMED_SUFFIX[input.locale] : '';
    out.push({
      code: n.code,
      severity: n.severity,
      text: `${n.text[input.locale]}${unconfirmed}`,
      ...(src ? { source: `${sourceTitle(src, input.locale)} (${src.reviewed})` } : {}),
    });
  }
  return out;
}

/** Appended to the text of a tariff-file note whose figure or rule is marked unconfirmed (a conflicting or unverified source). */
export const UNCONFIRMED_SUFFIX = { es: ' (Dato sin confirmar.)', en: ' (Unconfirmed.)' } as const;
