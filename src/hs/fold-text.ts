/**
 * Text folding for the HS search: the same function turns a product name in
 * the index and what a user types into comparable terms, so "Café",
 * "cafe" and "CAFÉS" meet, and so do "huarache" and "huaraches".
 */

/** Lower case without diacritics: "Piña Café" → "pina cafe". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * Words carrying no product meaning in either language. "other" stays out of
 * this list: the IDF weight makes it cheap, and a search for "other" still finds.
 */
const STOPWORDS = new Set([
  'de', 'del', 'la', 'el', 'los', 'las', 'y', 'e', 'o', 'u', 'con', 'sin', 'para', 'en', 'a', 'al', 'un', 'una', 'por', 'tipo',
  'of', 'and', 'or', 'the', 'an', 'for', 'with', 'in', 'on', 'to', 'its', 'whether', 'not', 'than', 'nec',
]);

export function isStopword(term: string): boolean {
  return STOPWORDS.has(term);
}

/**
 * A light plural/gender-neutral stem for Spanish and English: "-ces" → "-z"
 * (nueces → nuez), "-ies" → "-y" (berries → berry), a final "s" (not "ss")
 * dropped, then a final "e" after a consonant dropped, so the singular and the
 * plural of "huarache", "limón", "chile", "glass" or "shoe" give the same stem.
 * Vowels other than "e" stay: "plata" (silver) must not meet "plato" (plate).
 */
export function stem(word: string): string {
  if (word.length <= 3 || /^\d+$/.test(word)) return word;
  let w = word;
  if (w.endsWith('ces') && w.length > 4) return `${w.slice(0, -3)}z`;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e') && !/[aeiou]/.test(w.charAt(w.length - 2))) w = w.slice(0, -1);
  return w;
}

const WORD_RE = /[a-z0-9]+(?:-[a-z0-9]+)*/g;

/**
 * Words of a folded text. A hyphenated word also yields its parts joined
 * ("t-shirts" → "t", "shirts", "tshirts") so "t-shirt", "tshirt" and "shirt" all find it.
 */
export function words(folded: string): string[] {
  const out: string[] = [];
  for (const chunk of folded.match(WORD_RE) ?? []) {
    if (!chunk.includes('-')) {
      out.push(chunk);
      continue;
    }
    const parts = chunk.split('-');
    out.push(...parts, parts.join(''));
  }
  return out;
}

/** The search terms of a text: folded, split, stemmed, without stopwords. */
export function terms(text: string): string[] {
  return words(foldText(text))
    .filter((w) => !isStopword(w))
    .map(stem);
}

/**
 * The terms of what a user typed. A hyphenated word counts once, joined
 * ("t-shirt" → "tshirt"), so the query does not demand each part separately.
 */
export function queryTerms(query: string): string[] {
  const out: string[] = [];
  for (const chunk of foldText(query).match(WORD_RE) ?? []) {
    const joined = chunk.replace(/-/g, '');
    if (!isStopword(joined)) out.push(stem(joined));
  }
  return out;
}
