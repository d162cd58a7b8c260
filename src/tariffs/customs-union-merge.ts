import { addDays, inForce } from '../domain/dates';
import type { DataProblem, ParseResult } from '../schema/data-file';
import type { UnionLookup, UnionRef } from './customs-union';
import type { MemberFile, MemberPeriod, UnionPeriod } from './customs-union-schema';
import { agreementChecker, checkNamedReferences, checkNationalRules, checkPeriodOverlaps, checkTaxRegions, type Add } from './tariff-checks';
import type { TariffFile, TariffPeriod } from './tariff-schema';

/**
 * A member file resolved against its customs union into the tariff file shape the engine reads:
 * periods split at every date boundary of either file, each merged period being the union's
 * common rules (valuation, relief, regimes, seller collection) plus the member's national rules
 * (taxes, fees) for that range; sources of both; agreements and duties of the union; the union's
 * notes, then the member's. Problems are reported on the member file's own paths.
 */
export function resolveMember(file: string, member: MemberFile, unions: UnionLookup): ParseResult<TariffFile> {
  const problems: DataProblem[] = [];
  const add: Add = (path, message) => problems.push({ file, path, message });
  const ref = unions.get(member.customsUnion);
  if (!ref) {
    const known = unions.known();
    add('customsUnion', `there is no valid customs union "${member.customsUnion}" (the file unions/${member.customsUnion}.json next to this one is missing or has errors; known: ${known.join(', ') || 'none'})`);
    return { ok: false, problems };
  }
  checkMembership(member, ref, add);
  checkReferences(member, ref, add);
  const periods = mergePeriods(member, ref, add);
  if (problems.length > 0) return { ok: false, problems: unique(problems) };
  const u = ref.union;
  const value: TariffFile = {
    ...(member.$schema !== undefined ? { $schema: member.$schema } : {}),
    country: member.country,
    name: member.name,
    currency: member.currency,
    timeZone: member.timeZone,
    ...(member.regions ? { regions: member.regions } : {}),
    sources: { ...u.sources, ...member.sources },
    periods,
    agreements: u.agreements,
    duties: u.duties,
    notes: [...u.notes, ...member.notes],
    excise: member.excise,
    ...(member.exportNotes ? { exportNotes: member.exportNotes } : {}),
    ...(member.territories ? { territories: member.territories } : {}),
  };
  // Territories, excise and rounding are national: checked on the merged file (their paths are the member's).
  checkNationalRules(value, add);
  return problems.length > 0 ? { ok: false, problems: unique(problems) } : { ok: true, value };
}

/** Each problem once (a member period split by the union's dates is checked once per part). */
function unique(problems: DataProblem[]): DataProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The member is listed in the union; its source keys and note codes are its own, not the union's. */
function checkMembership(member: MemberFile, ref: UnionRef, add: Add): void {
  const u = ref.union;
  if (!u.members.includes(member.country)) {
    add('customsUnion', `${member.country} is not listed in the "members" of customs union ${u.id} (${ref.file}): add it there, or remove "customsUnion" and write a full tariff file`);
  }
  for (const key of Object.keys(member.sources)) {
    if (key in u.sources) add(`sources.${key}`, `source key "${key}" is also defined in ${ref.file}: a member file may cite the union's sources but not define one with the same key; rename this one`);
  }
  const unionNotes = new Set(u.notes.map((n) => n.code));
  member.notes.forEach((n, i) => {
    if (unionNotes.has(n.code)) add(`notes[${i}].code`, `note "${n.code}" is also a note of ${ref.file}: the answer would show both; give this one its own code`);
  });
}

/** Sources (the member's or the union's), agreements (the union's), regions and period overlaps. */
function checkReferences(member: MemberFile, ref: UnionRef, add: Add): void {
  const sourceKeys = new Set([...Object.keys(ref.union.sources), ...Object.keys(member.sources)]);
  checkNamedReferences(member, sourceKeys, agreementChecker(new Set(Object.keys(ref.union.agreements)), add), add);
  checkPeriodOverlaps(member.periods, add);
  checkTaxRegions(member.periods, member.regions, add);
}

/** Every date on which a period of either file starts or the day after one ends, in order. */
function boundaries(periods: readonly { effectiveFrom: string; effectiveTo?: string | undefined }[]): string[] {
  const dates = new Set<string>();
  for (const p of periods) {
    dates.add(p.effectiveFrom);
    if (p.effectiveTo !== undefined) dates.add(addDays(p.effectiveTo, 1));
  }
  return [...dates].sort();
}

/**
 * One merged period per range between two boundaries where both files have a period in force.
 * A range covered by only one of them is a problem: the member would have no taxes there, or
 * no customs rules.
 */
function mergePeriods(member: MemberFile, ref: UnionRef, add: Add): TariffPeriod[] {
  const out: TariffPeriod[] = [];
  const dates = boundaries([...member.periods, ...ref.union.periods]);
  dates.forEach((from, k) => {
    const next = dates[k + 1];
    const to = next === undefined ? undefined : addDays(next, -1);
    const u = ref.union.periods.find((p) => inForce(p, from));
    const m = member.periods.find((p) => inForce(p, from));
    const range = `${from} to ${to ?? 'open end'}`;
    if (u && m) out.push(mergedPeriod(from, to, u, m, member, ref, add));
    else if (u) add('periods', `no national period is in force from ${range}, while ${ref.file} has common rules then: extend the periods to cover it`);
    else if (m) add('periods', `${ref.file} has no common rules in force from ${range}, while this file has a national period then`);
  });
  return out;
}

function mergedPeriod(from: string, to: string | undefined, u: UnionPeriod, m: MemberPeriod, member: MemberFile, ref: UnionRef, add: Add): TariffPeriod {
  const sc = u.sellerCollection;
  const collected = new Set(sc?.taxes ?? []);
  const at = member.periods.indexOf(m);
  for (const code of collected) {
    if (!m.taxes.some((t) => t.code === code)) {
      add(`periods[${at}].taxes`, `no tax "${code}": ${ref.file} applies its seller collection to tax "${code}"; give the national tax that code`);
    }
  }
  const sellerCollection = sc ? { upTo: sc.upTo, currency: sc.currency, basis: sc.basis, note: sc.note, ...(sc.excludeHs ? { excludeHs: sc.excludeHs } : {}) } : undefined;
  return {
    effectiveFrom: from,
    ...(to !== undefined ? { effectiveTo: to } : {}),
    valuation: u.valuation,
    deMinimis: u.deMinimis,
    regimes: u.regimes,
    taxes: m.taxes.map(({ sellerCollection: _none, ...t }) => (sellerCollection && collected.has(t.code) ? { ...t, sellerCollection } : t)),
    fees: m.fees,
    rounding: m.rounding,
  };
}
