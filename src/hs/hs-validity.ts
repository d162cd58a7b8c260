import { join } from 'node:path';
import { loadHsNomenclature, type HsSubheading } from './hs-nomenclature';

/** A code to try instead of one that does not exist: a subheading ("6109.10") or a heading ("6109"). */
export interface HsAlternative {
  code: string;
  description: string;
}

/** Why a code is not an HS 2022 subheading, and what exists nearby. */
export interface HsCodeProblem {
  hs6: string;
  /** The first level that does not exist: the subheading (its heading exists), the heading, or the chapter. */
  missing: 'subheading' | 'heading' | 'chapter';
  alternatives: HsAlternative[];
}

const MAX_ALTERNATIVES = 10;

function dotted(hs6: string): string {
  return `${hs6.slice(0, 4)}.${hs6.slice(4)}`;
}

/** Closest first by number, the lower first on a tie. */
function byDistance(target: number) {
  return (a: string, b: string) => Math.abs(Number(a) - target) - Math.abs(Number(b) - target) || Number(a) - Number(b);
}

/**
 * The HS 2022 subheadings (UN Comtrade, `data/hs/harmonized-system.csv`) as a lookup: does a
 * code's six-digit part exist, and if not, which subheadings or headings are nearest. National
 * digits beyond six (US 8–10, EU CN 8) are not in the nomenclature: a code is valid when its
 * first six digits are a subheading, and the destination's schedule decides the rest.
 */
export class HsNomenclature {
  private readonly subheadings = new Map<string, HsSubheading>();
  private readonly byHeading = new Map<string, HsSubheading[]>();
  private readonly headings = new Map<string, string>();
  private readonly byChapter = new Map<string, string[]>();

  constructor(lines: readonly HsSubheading[]) {
    for (const l of lines) {
      this.subheadings.set(l.hs6, l);
      this.byHeading.set(l.heading, [...(this.byHeading.get(l.heading) ?? []), l]);
      if (!this.headings.has(l.heading)) {
        this.headings.set(l.heading, l.headingDescription);
        const ch = l.heading.slice(0, 2);
        this.byChapter.set(ch, [...(this.byChapter.get(ch) ?? []), l.heading]);
      }
    }
  }

  get size(): number {
    return this.subheadings.size;
  }

  has(hs6: string): boolean {
    return this.subheadings.has(hs6);
  }

  /** Undefined when the code's first six digits are an HS 2022 subheading. */
  check(code: string): HsCodeProblem | undefined {
    const hs6 = code.slice(0, 6);
    if (this.subheadings.has(hs6)) return undefined;
    const heading = hs6.slice(0, 4);
    const under = this.byHeading.get(heading);
    if (under) {
      return { hs6, missing: 'subheading', alternatives: under.slice(0, MAX_ALTERNATIVES).map((l) => ({ code: dotted(l.hs6), description: l.description })) };
    }
    const chapter = hs6.slice(0, 2);
    const siblings = this.byChapter.get(chapter);
    if (siblings) return { hs6, missing: 'heading', alternatives: this.headingsNear(siblings, Number(heading)) };
    const nearest = [...this.byChapter.keys()].sort(byDistance(Number(chapter)))[0];
    return { hs6, missing: 'chapter', alternatives: nearest ? this.headingsNear(this.byChapter.get(nearest)!, Number(heading)) : [] };
  }

  private headingsNear(headings: readonly string[], target: number): HsAlternative[] {
    return [...headings]
      .sort(byDistance(target))
      .slice(0, MAX_ALTERNATIVES)
      .sort()
      .map((h) => ({ code: h, description: this.headings.get(h) ?? '' }));
  }
}

/** The bundled HS 2022 table. */
export const BUNDLED_HS_NOMENCLATURE = join(__dirname, '..', '..', 'data', 'hs', 'harmonized-system.csv');

export function loadHsValidity(path: string = BUNDLED_HS_NOMENCLATURE): HsNomenclature {
  return new HsNomenclature(loadHsNomenclature(path));
}

let bundled: HsNomenclature | undefined;

/** The bundled table, read once per process (it ships with the code and never changes while running). */
export function bundledHsNomenclature(): HsNomenclature {
  bundled ??= loadHsValidity();
  return bundled;
}
