import type { HsAlternative, HsCodeProblem, HsNomenclature } from '../hs/hs-validity';
import type { FieldError } from './quote-error';
import type { Locale } from './quote-input';

function dotted(code: string): string {
  const parts = [code.slice(0, 4), code.slice(4, 6), code.slice(6, 8), code.slice(8)];
  return parts.filter((p) => p !== '').join('.');
}

function listed(alternatives: readonly HsAlternative[]): string {
  const short = (d: string) => (d.length > 60 ? `${d.slice(0, 57).trimEnd()}...` : d);
  return alternatives.map((a) => `${a.code} (${short(a.description)})`).join('; ');
}

function message(code: string, p: HsCodeProblem, locale: Locale): string {
  const h = p.hs6;
  const near = listed(p.alternatives);
  if (locale === 'es') {
    const why = p.missing === 'subheading' ? `la partida ${h.slice(0, 4)} no tiene la subpartida ${h.slice(4)}; sus subpartidas son: ${near}`
      : p.missing === 'heading' ? `el capítulo ${h.slice(0, 2)} no tiene la partida ${h.slice(0, 4)}; partidas cercanas: ${near}`
        : `el capítulo ${h.slice(0, 2)} no existe; partidas del capítulo más cercano: ${near}`;
    return `"${dotted(code)}" no es una subpartida del Sistema Armonizado 2022: ${why} (descripciones oficiales en inglés). Busque el producto por nombre en el formulario o en GET /hs/search?q=…`;
  }
  const why = p.missing === 'subheading' ? `heading ${h.slice(0, 4)} has no subheading ${h.slice(4)}; its subheadings are: ${near}`
    : p.missing === 'heading' ? `chapter ${h.slice(0, 2)} has no heading ${h.slice(0, 4)}; nearby headings: ${near}`
      : `chapter ${h.slice(0, 2)} does not exist; headings of the nearest chapter: ${near}`;
  return `"${dotted(code)}" is not an HS 2022 subheading: ${why}. Search the product by name in the form or at GET /hs/search?q=…`;
}

/**
 * Every item code whose first six digits are not an HS 2022 subheading, as field errors with
 * the codes that exist nearby. Eight- to ten-digit national codes pass when their six-digit part
 * exists: the destination's schedule then matches its own longest line (landed-cost step 6).
 */
export function unknownHsCodes(codes: readonly string[], hs: HsNomenclature, locale: Locale): FieldError[] {
  const errors: FieldError[] = [];
  codes.forEach((code, i) => {
    const p = hs.check(code);
    if (p) errors.push({ path: `items.${i}.hsCode`, message: message(code, p, locale), suggestions: p.alternatives });
  });
  return errors;
}
