import { queryTerms, terms } from './fold-text';

/** A text of a document and how much a match in it counts (1 = the name itself). */
export interface IndexField {
  text: string;
  weight: number;
}

export interface IndexEntry<T> {
  value: T;
  /** The first field is the document's name: its length and first word shape the ranking. */
  fields: IndexField[];
  /** Multiplies the score (curated product names over generic nomenclature lines). */
  boost?: number;
  /**
   * For long descriptive texts (nomenclature lines): a shorter text, and one
   * starting with the first word typed, ranks higher. Short product names
   * skip this, and rank among equals in the order given.
   */
  descriptive?: boolean;
}

export interface Ranked<T> {
  value: T;
  score: number;
}

interface Doc<T> {
  value: T;
  boost: number;
  descriptive: boolean;
  nameLength: number;
  firstTerm: string | undefined;
  /** Each field's terms joined: a query equal to one of them is the thing itself. */
  phrases: Set<string>;
}

/** A match on a word's beginning counts half a whole-word match: the user may still be typing. */
const PREFIX_FACTOR = 0.5;
/** A description that starts with the first word typed ("Coffee; roasted…" for "coffee") ranks above one that merely contains it. */
const FIRST_WORD_BONUS = 1.15;
/** Shorter descriptions are more likely the thing itself: "Coffee; roasted" before "Extracts, essences and concentrates; of coffee…". */
const LENGTH_PENALTY = 0.04;
/** The query is a whole name or synonym ("plata", "salsa"). */
const EXACT_PHRASE_BONUS = 1.5;

/**
 * An in-memory ranked word index, built once: every term of every field is
 * posted with the best field weight it appears in; a query term matches a
 * term exactly or as a prefix; each match is weighted by the term's inverse
 * document frequency (ln(1 + N/df)), so "cotton" counts more than "other".
 * Every typed term must match (AND); when no document has them all, the
 * documents matching most of them are returned.
 */
export class TextIndex<T> {
  private readonly docs: Doc<T>[] = [];
  /** term → the documents it appears in (ascending) and the best field weight in each. */
  private readonly postings = new Map<string, { docs: number[]; weights: number[] }>();
  private readonly vocabulary: string[];

  constructor(entries: readonly IndexEntry<T>[]) {
    // Nomenclature headings repeat under each of their subheadings: fold each text once.
    const termsOf = new Map<string, string[]>();
    const cachedTerms = (text: string) => {
      let t = termsOf.get(text);
      if (!t) termsOf.set(text, (t = terms(text)));
      return t;
    };
    entries.forEach((entry, id) => {
      const fieldTerms = entry.fields.map((f) => cachedTerms(f.text));
      this.docs.push({
        value: entry.value,
        boost: entry.boost ?? 1,
        descriptive: entry.descriptive ?? false,
        nameLength: fieldTerms[0]?.length ?? 0,
        firstTerm: fieldTerms[0]?.[0],
        phrases: new Set(fieldTerms.map((t) => t.join(' '))),
      });
      entry.fields.forEach((field, k) => {
        for (const term of fieldTerms[k]!) {
          let p = this.postings.get(term);
          if (!p) this.postings.set(term, (p = { docs: [], weights: [] }));
          const last = p.docs.length - 1;
          if (p.docs[last] !== id) {
            p.docs.push(id);
            p.weights.push(field.weight);
          } else if (field.weight > p.weights[last]!) p.weights[last] = field.weight;
        }
      });
    });
    this.vocabulary = [...this.postings.keys()].sort();
  }

  get size(): number {
    return this.docs.length;
  }

  private idf(term: string): number {
    return Math.log(1 + this.docs.length / (this.postings.get(term)?.docs.length ?? this.docs.length));
  }

  /** Vocabulary terms that start with `prefix` (and are longer), by binary search on the sorted list. */
  private termsStartingWith(prefix: string): string[] {
    let lo = 0;
    let hi = this.vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.vocabulary[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.vocabulary.length && this.vocabulary[i]!.startsWith(prefix); i++) {
      if (this.vocabulary[i] !== prefix) out.push(this.vocabulary[i]!);
    }
    return out;
  }

  /** For one query term: each matching document's best contribution. */
  private contributions(queryTerm: string): Map<number, number> {
    const out = new Map<number, number>();
    const exactIdf = this.idf(queryTerm);
    const exact = this.postings.get(queryTerm);
    exact?.docs.forEach((doc, k) => out.set(doc, exact.weights[k]! * exactIdf));
    if (queryTerm.length < 2) return out;
    // A prefix match never outweighs a whole-word match of the same term.
    const cap = this.postings.has(queryTerm) ? exactIdf : Infinity;
    for (const term of this.termsStartingWith(queryTerm)) {
      const idf = PREFIX_FACTOR * Math.min(this.idf(term), cap);
      const p = this.postings.get(term)!;
      p.docs.forEach((doc, k) => {
        const c = p.weights[k]! * idf;
        if (c > (out.get(doc) ?? 0)) out.set(doc, c);
      });
    }
    return out;
  }

  search(query: string, limit: number): Ranked<T>[] {
    const qTerms = [...new Set(queryTerms(query))];
    if (qTerms.length === 0) return [];
    const perTerm = qTerms.map((t) => this.contributions(t));
    const totals = new Map<number, { score: number; matched: number }>();
    for (const contributions of perTerm) {
      for (const [doc, c] of contributions) {
        const t = totals.get(doc) ?? { score: 0, matched: 0 };
        t.score += c;
        t.matched += 1;
        totals.set(doc, t);
      }
    }
    const best = Math.max(0, ...[...totals.values()].map((t) => t.matched));
    const phrase = qTerms.join(' ');
    const ranked: (Ranked<T> & { id: number })[] = [];
    for (const [id, t] of totals) {
      if (t.matched < best) continue;
      const doc = this.docs[id]!;
      let score = t.score * doc.boost * (t.matched / qTerms.length) ** 2;
      if (doc.phrases.has(phrase)) score *= EXACT_PHRASE_BONUS;
      if (doc.descriptive) {
        score /= 1 + LENGTH_PENALTY * doc.nameLength;
        if (doc.firstTerm?.startsWith(qTerms[0]!)) score *= FIRST_WORD_BONUS;
      }
      ranked.push({ value: doc.value, score, id });
    }
    ranked.sort((a, b) => b.score - a.score || a.id - b.id);
    return ranked.slice(0, limit).map(({ value, score }) => ({ value, score }));
  }
}
