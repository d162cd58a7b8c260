import { join } from 'node:path';
import { loadCuratedProducts, type CuratedProduct } from './curated-products';
import { loadHsNomenclature, type HsSubheading } from './hs-nomenclature';
import { TextIndex } from './text-index';

export type HsLocale = 'es' | 'en';

/** One suggestion for the HS code field. */
export interface HsSuggestion {
  /** As a person writes it: "6109.10". */
  code: string;
  hs6: string;
  /** The product name in `lang`: a curated name, or the nomenclature text (English). */
  label: string;
  lang: HsLocale;
  /** The HS 2022 subheading text (English, UN Comtrade), to check the choice against. */
  official: string;
  source: 'curated' | 'hs2022';
}

export function formatHs6(hs6: string): string {
  return `${hs6.slice(0, 4)}.${hs6.slice(4)}`;
}

/** Curated names rank above a nomenclature line of equal score: they are what shops sell. */
const CURATED_BOOST = 1.2;
const SYNONYM_WEIGHT = 0.9;
/** The heading's text helps ("Articles of leather; …") but less than the subheading's own. */
const HEADING_WEIGHT = 0.4;

type Hit = { kind: 'curated'; product: CuratedProduct } | { kind: 'hs'; line: HsSubheading };

/**
 * HS code suggestions: Spanish over the curated product list, English over
 * the curated English names and the whole HS 2022 nomenclature; digits
 * ("6109", "6109.10") list the subheadings under that code. Both indexes are
 * built once, when the search is created.
 */
export class HsSearch {
  private readonly official = new Map<string, HsSubheading>();
  private readonly es: TextIndex<Hit>;
  private readonly en: TextIndex<Hit>;

  constructor(
    private readonly nomenclature: readonly HsSubheading[],
    private readonly curated: readonly CuratedProduct[],
  ) {
    for (const line of nomenclature) this.official.set(line.hs6, line);
    const unknown = curated.filter((p) => !this.official.has(p.hs6));
    if (unknown.length > 0) {
      throw new Error(`curated products with a code that is not an HS 2022 subheading: ${unknown.map((p) => `${p.es} (${p.hs6})`).join(', ')}`);
    }
    this.es = new TextIndex<Hit>(curated.map((product) => ({
      value: { kind: 'curated', product },
      fields: [{ text: product.es, weight: 1 }, ...product.synonyms.map((s) => ({ text: s, weight: SYNONYM_WEIGHT }))],
    })));
    this.en = new TextIndex<Hit>([
      ...curated.map((product) => ({ value: { kind: 'curated', product } as Hit, fields: [{ text: product.en, weight: 1 }], boost: CURATED_BOOST })),
      ...nomenclature.map((line) => ({
        value: { kind: 'hs', line } as Hit,
        fields: [{ text: line.description, weight: 1 }, { text: line.headingDescription, weight: HEADING_WEIGHT }],
        descriptive: true,
      })),
    ]);
  }

  get counts(): { subheadings: number; curated: number } {
    return { subheadings: this.nomenclature.length, curated: this.curated.length };
  }

  private fromCurated(product: CuratedProduct, locale: HsLocale): HsSuggestion {
    return { code: formatHs6(product.hs6), hs6: product.hs6, label: product[locale], lang: locale, official: this.official.get(product.hs6)!.description, source: 'curated' };
  }

  private fromLine(line: HsSubheading): HsSuggestion {
    return { code: formatHs6(line.hs6), hs6: line.hs6, label: line.description, lang: 'en', official: line.description, source: 'hs2022' };
  }

  private toSuggestion(hit: Hit, locale: HsLocale): HsSuggestion {
    return hit.kind === 'curated' ? this.fromCurated(hit.product, locale) : this.fromLine(hit.line);
  }

  /** Curated products under the code first, then the subheadings no curated product names, in code order. */
  private byCode(digits: string, locale: HsLocale, limit: number): HsSuggestion[] {
    const prefix = digits.slice(0, 6);
    const curated = this.curated.filter((p) => p.hs6.startsWith(prefix)).map((p) => this.fromCurated(p, locale));
    const named = new Set(curated.map((s) => s.hs6));
    const lines = this.nomenclature.filter((l) => l.hs6.startsWith(prefix) && !named.has(l.hs6)).map((l) => this.fromLine(l));
    return [...curated, ...lines].slice(0, limit);
  }

  search(query: string, locale: HsLocale, limit = 8): HsSuggestion[] {
    const digits = query.replace(/[.\s]/g, '');
    if (/^\d{2,10}$/.test(digits)) return this.byCode(digits, locale, limit);
    if (locale === 'es') {
      const hits = this.es.search(query, limit);
      // Nothing in the Spanish list: the user may have typed English ("leather bag").
      if (hits.length > 0) return hits.map((h) => this.toSuggestion(h.value, 'es'));
    }
    const out: HsSuggestion[] = [];
    const curatedCodes = new Set<string>();
    for (const { value } of this.en.search(query, limit * 3)) {
      // A nomenclature line is left out when a curated product above it already suggests that code.
      if (value.kind === 'hs' && curatedCodes.has(value.line.hs6)) continue;
      if (value.kind === 'curated') curatedCodes.add(value.product.hs6);
      out.push(this.toSuggestion(value, 'en'));
      if (out.length === limit) break;
    }
    return out;
  }
}

/** The bundled data: `data/hs/harmonized-system.csv` and `data/hs/curated-products.json`. */
export const BUNDLED_HS_DIR = join(__dirname, '..', '..', 'data', 'hs');

export function loadHsSearch(dir: string = BUNDLED_HS_DIR): HsSearch {
  return new HsSearch(loadHsNomenclature(join(dir, 'harmonized-system.csv')), loadCuratedProducts(join(dir, 'curated-products.json')).products);
}
