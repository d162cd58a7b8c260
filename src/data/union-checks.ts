import type { LocatedProblem } from './check-data-file';
import type { CheckedUnion } from './cross-file-checks';

/** A tariff file found in tariffs/: its country, whether it is valid, and the union it names if any. */
export interface TariffFileSeen {
  country: string;
  valid: boolean;
  union?: string;
}

/**
 * A union's member list against the files: every member has a file, and that file says it is a
 * member of this union (a full tariff file would not take the union's common rules). A file that
 * names a union that does not list it is reported on the file itself, when it is read.
 */
export function checkUnionMembers(unions: readonly CheckedUnion[], seen: readonly TariffFileSeen[]): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  const files = new Map(seen.map((s) => [s.country, s]));
  for (const u of unions) {
    const id = u.union.id;
    u.union.members.forEach((m, i) => {
      const path = `members[${i}]`;
      const report = (message: string) => problems.push({ file: u.file, ...u.locator.locate(path), path, message, severity: 'error' });
      const f = files.get(m);
      if (!f) report(`${m} is listed as a member but there is no tariffs/${m}.json: add a member file saying "customsUnion": "${id}", or remove ${m} from "members"`);
      else if (!f.valid) return;
      else if (f.union === undefined) report(`tariffs/${m}.json does not say "customsUnion": "${id}": as a full tariff file it does not take this union's common rules; make it a member file (national rules only) or remove ${m} from "members"`);
      else if (f.union !== id) report(`tariffs/${m}.json says "customsUnion": "${f.union}", not "${id}": a country takes the common rules of one union; remove ${m} from one of the lists`);
    });
  }
  return problems;
}
