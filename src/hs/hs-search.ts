import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { loadCuratedProducts, type CuratedProduct } from './curated-products';
import { loadHsNomenclature, type HsSubheading } from './hs-nomenclature';
import { searchIndex, typedWords, wordsToRetryWithTypos, type Hit, type TermsOf } from './search-hits';
import { phraseKey, words, wordStem, wordTerms, type TermLanguage } from './search-terms';

export type HsLocale = TermLanguage;

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
  /** The language of `official`: always English (the nomenclature is published in English only; no machine translation). */
  officialLang: 'en';
  source: 'curated' | 'hs2022';
  /** Where the code depends on the material or the form: which case this is and where the other goes, in the request's language. */
  note?: string;
}

export function formatHs6(hs6: string): string {
  return `${hs6.slice(0, 4)}.${hs6.slice(4)}`;
}

interface CuratedDoc {
  id: number;
  nameEs: string;
  nameEn: string;
  synEs: string;
  synEn: string;
}

interface OfficialDoc {
  id: string;
  description: string;
}

/**
 * Field boosts: the product's name in the user's language counts most, its
 * name in the other language next, then the synonyms. Nomenclature lines
 * are indexed by their own text only: the UN Comtrade texts already repeat
 * the heading's words ("Footwear; with outer soles of leather…"), and the
 * heading texts would double the index for little gain.
 */
const CURATED_BOOST: Record<HsLocale, Record<Exclude<keyof CuratedDoc, 'id'>, number>> = {
  es: { nameEs: 4, nameEn: 2.5, synEs: 1.5, synEn: 1 },
  en: { nameEn: 4, nameEs: 2.5, synEn: 1.5, synEs: 1 },
};
const NAME_FIELDS = ['nameEs', 'nameEn'];

/** A ranked candidate: a curated product or a nomenclature line. */
interface Candidate extends Hit {
  /** 0 for curated products, 1 for nomenclature lines: curated first among equal coverage. */
  tier: 0 | 1;
  /** Share of the typed words found in the product's name, not only in its synonyms. */
  nameCoverage: number;
  /** 1 when the query is, word for word (by stem), the product's name or one of its synonyms. */
  phrase: 0 | 1;
  hs6: string;
}

/**
 * The order of suggestions: more typed words matched; then curated products
 * before nomenclature lines; then a match in the name before a match in the
 * synonyms only (so a synonym never outranks a product's name); then words
 * found as typed rather than only through a shared stem ("plata" before
 * "plato", "polo" before "polen"); then the query being a whole name or
 * synonym ("café" is a synonym of roasted coffee); then the BM25 score.
 */
function byRank(a: Candidate, b: Candidate): number {
  return b.coverage - a.coverage || a.tier - b.tier || b.nameCoverage - a.nameCoverage
    || b.literal - a.literal || b.phrase - a.phrase || b.score - a.score;
}

/**
 * Curated names index each word as written and as its stem (so "plata" is
 * told from "plato", both stemmed "plat"), and match a prefix from 2
 * letters. The 5,612 nomenclature lines index the stem only, which halves
 * that index and its build time, and match a prefix from 3 letters ("ca"
 * would reach a fifth of the vocabulary).
 */
const CURATED_TERMS: Record<HsLocale, TermsOf> = {
  es: { of: (w) => wordTerms(w, 'es'), prefixFrom: 2 },
  en: { of: (w) => wordTerms(w, 'en'), prefixFrom: 2 },
};
const OFFICIAL_TERMS: TermsOf = {
  of: (w) => {
    const stem = wordStem(w, 'en');
    return stem === undefined ? [] : [stem];
  },
  prefixFrom: 3,
};

function miniSearch<T>(fields: string[], terms: TermsOf, boost?: Record<string, number>): MiniSearch<T> {
  return new MiniSearch<T>({ fields, tokenize: words, processTerm: (w) => [...terms.of(w)], ...(boost ? { searchOptions: { boost } } : {}) });
}

/**
 * HS code suggestions over the curated products (Spanish and English
 * names and synonyms) and the whole HS 2022 nomenclature, with MiniSearch:
 * BM25 scores, field boosts, the Snowball stem of every word, prefix
 * matching on the word being typed and typo tolerance for words that find
 * nothing as typed. Digits ("6109", "6109.10") list the subheadings under
 * that code. The indexes are built once, when the search is created.
 */
export class HsSearch {
  private readonly official = new Map<string, HsSubheading>();
  /** The first curated product per code: its Spanish name stands for a nomenclature line in Spanish mode. */
  private readonly curatedByHs6 = new Map<string, CuratedProduct>();
  private readonly curatedIndex: Record<HsLocale, MiniSearch<CuratedDoc>>;
  private readonly officialIndex: MiniSearch<OfficialDoc>;
  /** Per product, its names and synonyms as phrases of stems, per search language. */
  private readonly phrases: Record<HsLocale, Set<string>[]>;

  constructor(
    private readonly nomenclature: readonly HsSubheading[],
    private readonly curated: readonly CuratedProduct[],
  ) {
    for (const line of nomenclature) this.official.set(line.hs6, line);
    for (const p of curated) if (!this.curatedByHs6.has(p.hs6)) this.curatedByHs6.set(p.hs6, p);
    const unknown = curated.filter((p) => !this.official.has(p.hs6));
    if (unknown.length > 0) {
      throw new Error(`curated products with a code that is not an HS 2022 subheading: ${unknown.map((p) => `${p.es} (${p.hs6})`).join(', ')}`);
    }
    const docs: CuratedDoc[] = curated.map((p, id) => ({ id, nameEs: p.es, nameEn: p.en, synEs: p.synonyms.es.join(' | '), synEn: p.synonyms.en.join(' | ') }));
    const curatedFields = ['nameEs', 'nameEn', 'synEs', 'synEn'];
    this.curatedIndex = { es: miniSearch(curatedFields, CURATED_TERMS.es, CURATED_BOOST.es), en: miniSearch(curatedFields, CURATED_TERMS.en, CURATED_BOOST.en) };
    this.curatedIndex.es.addAll(docs);
    this.curatedIndex.en.addAll(docs);
    this.officialIndex = miniSearch(['description'], OFFICIAL_TERMS);
    this.officialIndex.addAll(nomenclature.map((l) => ({ id: l.hs6, description: l.description })));
    const phrasesOf = (lang: HsLocale) => curated.map((p) => new Set([p.es, p.en, ...p.synonyms.es, ...p.synonyms.en].map((t) => phraseKey(t, lang))));
    this.phrases = { es: phrasesOf('es'), en: phrasesOf('en') };
  }

  get counts(): { subheadings: number; curated: number } {
    return { subheadings: this.nomenclature.length, curated: this.curated.length };
  }

  private fromCurated(product: CuratedProduct, locale: HsLocale): HsSuggestion {
    return {
      code: formatHs6(product.hs6), hs6: product.hs6, label: product[locale], lang: locale,
      official: this.official.get(product.hs6)!.description, officialLang: 'en', source: 'curated',
      ...(product.note ? { note: product.note[locale] } : {}),
    };
  }

  /**
   * A nomenclature line. In Spanish, its label is the curated Spanish name of a product under
   * that code where there is one; else the English text, with a note saying so.
   */
  private fromLine(line: HsSubheading, locale: HsLocale): HsSuggestion {
    const base = { code: formatHs6(line.hs6), hs6: line.hs6, official: line.description, officialLang: 'en' as const, source: 'hs2022' as const };
    if (locale === 'en') return { ...base, label: line.description, lang: 'en' };
    const named = this.curatedByHs6.get(line.hs6);
    if (named) return { ...base, label: named.es, lang: 'es' };
    return { ...base, label: line.description, lang: 'en', note: 'Descripción oficial en inglés: no hay un nombre en español para este código.' };
  }

  /** Curated products under the code first, then the subheadings no curated product names, in code order. */
  private byCode(digits: string, locale: HsLocale, limit: number): HsSuggestion[] {
    const prefix = digits.slice(0, 6);
    const curated = this.curated.filter((p) => p.hs6.startsWith(prefix)).map((p) => this.fromCurated(p, locale));
    const named = new Set(curated.map((s) => s.hs6));
    const lines = this.nomenclature.filter((l) => l.hs6.startsWith(prefix) && !named.has(l.hs6)).map((l) => this.fromLine(l, locale));
    return [...curated, ...lines].slice(0, limit);
  }

  /** Every curated product and nomenclature line that matches some typed word, with what ranks it. */
  private candidates(query: string, typed: readonly string[], locale: HsLocale): Candidate[] {
    const run = (fuzzy: ReadonlySet<string>) => ({
      curated: searchIndex(this.curatedIndex[locale], typed, CURATED_TERMS[locale], fuzzy),
      names: searchIndex(this.curatedIndex[locale], typed, CURATED_TERMS[locale], fuzzy, NAME_FIELDS),
      official: searchIndex(this.officialIndex, typed, OFFICIAL_TERMS, fuzzy),
    });
    let found = run(new Set());
    const retry = wordsToRetryWithTypos(typed, [found.curated, found.official]);
    if (retry.size > 0) found = run(retry);

    const nameCoverage = new Map(found.names.map((h) => [h.id, h.coverage]));
    const phrase = phraseKey(query, locale);
    const out: Candidate[] = found.curated.map((h) => ({
      ...h, tier: 0, nameCoverage: nameCoverage.get(h.id) ?? 0, phrase: this.phrases[locale][h.id as number]!.has(phrase) ? 1 : 0,
      hs6: this.curated[h.id as number]!.hs6,
    }));
    for (const h of found.official) out.push({ ...h, tier: 1, nameCoverage: 0, phrase: 0, hs6: h.id as string });
    return out;
  }

  search(query: string, locale: HsLocale, limit = 8): HsSuggestion[] {
    const digits = query.replace(/[.\s]/g, '');
    if (/^\d{2,10}$/.test(digits)) return this.byCode(digits, locale, limit);
    const typed = typedWords(query, locale);
    if (typed.length === 0) return [];
    const candidates = this.candidates(query, typed, locale);
    if (candidates.length === 0) return [];
    // Every typed word when some suggestion has them all; otherwise the suggestions with the most of them.
    const best = Math.max(...candidates.map((c) => c.coverage));
    const out: HsSuggestion[] = [];
    const suggested = new Set<string>();
    for (const c of candidates.filter((x) => x.coverage === best).sort(byRank)) {
      // A nomenclature line is left out when a curated product above it already suggests that code.
      if (c.tier === 1 && suggested.has(c.hs6)) continue;
      suggested.add(c.hs6);
      out.push(c.tier === 0 ? this.fromCurated(this.curated[c.id as number]!, locale) : this.fromLine(this.official.get(c.hs6)!, locale));
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
