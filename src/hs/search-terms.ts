import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemSpanish } from '@orama/stemmers/spanish';

/**
 * How the HS search turns text into terms, the same way for what it indexes
 * and for what a user types: folded to lower case without diacritics, split
 * into words, stopwords dropped, and each word kept both as written and as
 * its Snowball stem (Spanish or English), so "tazas" meets "taza" and a
 * stemmer's quirk ("camarón" → "cam") never loses the plain word.
 */

export type TermLanguage = 'es' | 'en';

/** Lower case without diacritics: "Piña Café" → "pina cafe". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Words that carry no product meaning in either language. */
const STOPWORDS = new Set([
  'de', 'del', 'la', 'el', 'los', 'las', 'y', 'e', 'o', 'u', 'con', 'sin', 'para', 'en', 'a', 'al', 'un', 'una', 'unos', 'unas', 'por', 'tipo', 'su', 'sus',
  'of', 'and', 'or', 'the', 'an', 'for', 'with', 'in', 'on', 'to', 'its', 'whether', 'not', 'than', 'nec', 'by', 'as', 'other', 'excluding', 'kind', 'used',
]);

const WORD_RE = /[a-z0-9]+(?:-[a-z0-9]+)*/g;

/**
 * The words of a text, folded. A hyphenated word also yields its parts
 * joined ("t-shirts" → "t", "shirts", "tshirts"), so "t-shirt", "tshirt"
 * and "shirt" all find it.
 */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const chunk of foldText(text).match(WORD_RE) ?? []) {
    if (!chunk.includes('-')) {
      out.push(chunk);
      continue;
    }
    const parts = chunk.split('-');
    out.push(...parts, parts.join(''));
  }
  return out;
}

const STEMMERS: Record<TermLanguage, (word: string) => string> = { es: stemSpanish, en: stemEnglish };

/**
 * Terms already worked out, per language. The nomenclature repeats a few
 * thousand words 190,000 times: stemming each once keeps the index build
 * cheap. Bounded by the vocabulary of the bundled files plus what users
 * type, which is capped at 100 characters a query.
 */
const MEMO: Record<TermLanguage, Map<string, readonly string[]>> = { es: new Map(), en: new Map() };
const MEMO_LIMIT = 50_000;

/**
 * The terms of one folded word: none for a stopword or a single letter;
 * a number as it is; otherwise the word and, when it differs, its stem.
 */
export function wordTerms(word: string, lang: TermLanguage): readonly string[] {
  const memo = MEMO[lang];
  const known = memo.get(word);
  if (known) return known;
  let out: string[];
  if (word.length < 2 || STOPWORDS.has(word)) out = [];
  else if (/^\d+$/.test(word)) out = [word];
  else {
    const stem = STEMMERS[lang](word);
    out = stem === word || stem.length < 2 ? [word] : [word, stem];
  }
  if (memo.size < MEMO_LIMIT) memo.set(word, out);
  return out;
}

/** The stem of a folded word (its last term), or undefined for a stopword. */
export function wordStem(word: string, lang: TermLanguage): string | undefined {
  const ts = wordTerms(word, lang);
  return ts[ts.length - 1];
}

/** A text as its sequence of stems: "Tazas de cerámica" and "taza ceramica" give the same phrase. */
export function phraseKey(text: string, lang: TermLanguage): string {
  return words(text).map((w) => wordStem(w, lang)).filter((s) => s !== undefined).join(' ');
}

/** All the terms of a text, in order (for tests and for checking a query). */
export function textTerms(text: string, lang: TermLanguage): string[] {
  return words(text).flatMap((w) => wordTerms(w, lang));
}
