import { resolveWith } from '../tariffs/tariff-loader';
import type { UnionRef } from '../tariffs/customs-union';
import { locateProblems, type LocatedProblem } from './check-data-file';
import { dated, type FileState, type Serving } from './file-status';
import { JsonLocator } from './json-locate';

/**
 * Every member file being served that takes its common rules from `ref`'s union, resolved
 * against the new version of the union: all of them, or the problems that stop the union edit
 * (placed in the member files they concern), so that the edit is taken for every member in one
 * swap or for none. A member keeps its own version; it is its resolved tariff that changes.
 */
export function reresolveMembers(states: readonly FileState[], ref: UnionRef, now: Date): { updated: [FileState, Serving][] } | { errors: LocatedProblem[] } {
  const updated: [FileState, Serving][] = [];
  const errors: LocatedProblem[] = [];
  for (const s of states) {
    const sv = s.serving;
    if (s.kind !== 'tariff' || !sv?.member || sv.member.own.customsUnion !== ref.union.id) continue;
    const r = resolveWith(s.display, sv.member.own, ref);
    if (!r.ok) {
      errors.push(...locateProblems(s.display, new JsonLocator(sv.member.text), r.problems));
      continue;
    }
    updated.push([s, { ...sv, loadedAt: now, periods: r.value.file.periods.map(dated), tariff: r.value }]);
  }
  return errors.length > 0 ? { errors } : { updated };
}
