import MiniSearch, { type Query } from 'minisearch';
import { words, wordTerms, type TermLanguage } from './search-terms';

/**
 * Running one typed query against a MiniSearch index and measuring, for
 * each document, which of the typed words it matched: the HS search ranks
 * on that before it ranks on the BM25 score.
 */

/** Typo tolerance: one edit from 5 letters, two from 10 (MiniSearch: round(length × 0.2)). */
const FUZZY = 0.2;
const FUZZY_MIN_LENGTH = 5;

/** How one document matched the typed words. */
export interface Hit {
  id: number | string;
  score: number;
  /** Per typed word: matched as typed, by stem, as a prefix or with a typo. */
  matched: boolean[];
  /** Share of the typed words matched (0–1). */
  coverage: number;
  /** Share of the typed words found as typed (the last one also as the start of a word), not only through a stem or a typo. */
  literal: number;
}

/**
 * How an index turns a word into terms (the same function at indexing and
 * at query time), and from how many letters the word being typed also
 * matches as a prefix.
 */
export interface TermsOf {
  of: (word: string) => readonly string[];
  prefixFrom: number;
}

/** The words of a query that carry meaning, each once, in order. */
export function typedWords(query: string, lang: TermLanguage): string[] {
  return [...new Set(words(query))].filter((w) => wordTerms(w, lang).length > 0);
}

/**
 * One OR query with a sub-query per typed word. The last word also matches
 * as a prefix (the user may still be typing it); a word in `fuzzy` also
 * matches with a typo. Prefix and typo apply to the word as typed, not to
 * its stem, so "taza" does not reach "tazón" through the stem "taz".
 */
export function searchIndex<T>(index: MiniSearch<T>, typed: readonly string[], terms: TermsOf, fuzzy: ReadonlySet<string>, fields?: string[]): Hit[] {
  const last = typed.length - 1;
  const query: Query = {
    combineWith: 'OR',
    ...(fields ? { fields } : {}),
    queries: typed.map((w, i) => ({
      queries: [w],
      prefix: (_term: string, k: number) => i === last && k === 0 && w.length >= terms.prefixFrom,
      fuzzy: (_term: string, k: number) => (k === 0 && fuzzy.has(w) ? FUZZY : false),
      maxFuzzy: 2,
    })),
  };
  const termsByWord = typed.map((w) => terms.of(w));
  return index.search(query).map((result) => {
    const found = new Set(result.queryTerms);
    const matched = termsByWord.map((ts) => ts.some((t) => found.has(t)));
    const literal = typed.filter((w, i) => result.terms.some((t) => t === w || (i === last && t.startsWith(w)))).length;
    return {
      id: result.id as number | string,
      score: result.score,
      matched,
      coverage: matched.filter(Boolean).length / typed.length,
      literal: literal / typed.length,
    };
  });
}

/**
 * Typed words that no document matched as typed, by stem or as a prefix:
 * only these are tried again with a typo allowed, so "mezcal" never brings
 * "mezcla" and "earrings" never brings "bearings", while "tekila" still
 * finds tequila.
 */
export function wordsToRetryWithTypos(typed: readonly string[], hitLists: readonly Hit[][]): Set<string> {
  const out = new Set<string>();
  typed.forEach((w, i) => {
    if (w.length < FUZZY_MIN_LENGTH || /^\d+$/.test(w)) return;
    if (!hitLists.some((hits) => hits.some((h) => h.matched[i]))) out.add(w);
  });
  return out;
}
