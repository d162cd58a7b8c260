import { inForce, type Dated } from '../domain/dates';

/** Something listed under an HS prefix. */
export interface HsKeyed extends Dated {
  hs: string;
}

export type HsMatch<T> =
  | { kind: 'exact'; prefix: string; entry: T }
  /** A shorter listed prefix covers the code (heading or chapter level). */
  | { kind: 'ancestor'; prefix: string; entry: T }
  /** The code is shorter than the listed lines; every line under it is returned. */
  | { kind: 'descendants'; prefix: string; entries: T[] };

/** Lookups an index remembers (each a few hundred bytes at most). */
const LOOKUP_MEMO_ENTRIES = 4096;

/**
 * Index of HS-keyed entries for longest-prefix lookup: a map from prefix to
 * entries plus a sorted key list for "lines under this code". Built once per
 * loaded file, so a lookup costs at most 10 map probes and one binary search.
 */
export class HsIndex<T extends HsKeyed> {
  private readonly byPrefix = new Map<string, T[]>();
  private readonly sortedKeys: string[];

  constructor(entries: readonly T[]) {
    for (const e of entries) {
      const list = this.byPrefix.get(e.hs);
      if (list) list.push(e);
      else this.byPrefix.set(e.hs, [e]);
    }
    this.sortedKeys = [...this.byPrefix.keys()].sort();
  }

  get size(): number {
    return this.sortedKeys.length;
  }

  private inForceAt(prefix: string, date: string): T | undefined {
    return this.byPrefix.get(prefix)?.find((e) => inForce(e, date));
  }

  /**
   * Answers by code and date: the index never changes, so a code asked again (every quote of a
   * catalogue's products) is found without probing (issue 17). Bounded: cleared when full.
   */
  private readonly answers = new Map<string, HsMatch<T> | null>();

  /** Exact code, then the lines under it, then its heading/chapter ancestors. */
  lookup(hs: string, date: string): HsMatch<T> | undefined {
    const key = `${hs}|${date}`;
    const known = this.answers.get(key);
    if (known !== undefined) return known ?? undefined;
    const found = this.find(hs, date);
    if (this.answers.size >= LOOKUP_MEMO_ENTRIES) this.answers.clear();
    this.answers.set(key, found ?? null);
    return found;
  }

  private find(hs: string, date: string): HsMatch<T> | undefined {
    const exact = this.inForceAt(hs, date);
    if (exact) return { kind: 'exact', prefix: hs, entry: exact };
    const under = this.under(hs, date);
    if (under.length > 0) return { kind: 'descendants', prefix: hs, entries: under };
    for (let len = hs.length - 1; len >= 2; len--) {
      const prefix = hs.slice(0, len);
      const entry = this.inForceAt(prefix, date);
      if (entry) return { kind: 'ancestor', prefix, entry };
    }
    return undefined;
  }

  /** Entries in force whose HS code starts with `hs` and is longer than it. */
  under(hs: string, date: string): T[] {
    const keys = this.sortedKeys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((keys[mid] as string) <= hs) lo = mid + 1;
      else hi = mid;
    }
    const out: T[] = [];
    for (let i = lo; i < keys.length && (keys[i] as string).startsWith(hs); i++) {
      const e = this.inForceAt(keys[i] as string, date);
      if (e) out.push(e);
    }
    return out;
  }
}
