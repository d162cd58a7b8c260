import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseDataValue, parseJsonText, type DataProblem, type ParseResult } from '../schema/data-file';
import { loadUnionDirectory, parseUnionText, unionLookup, UNIONS_FOLDER, type UnionLookup, type UnionRef } from './customs-union';
import { resolveMember } from './customs-union-merge';
import { memberFileSchema, type MemberFile } from './customs-union-schema';
import { checkTariffReferences } from './tariff-checks';
import { indexTariff, type LoadedTariff } from './tariff-index';
import { tariffFileSchema, type TariffFile } from './tariff-schema';

/** A tariff file as read: the resolved tariff, and for a member of a customs union its own national part. */
export interface ReadTariff {
  tariff: LoadedTariff;
  member?: MemberFile;
}

const NO_UNIONS: UnionLookup = { get: () => undefined, known: () => [] };

/** True for the JSON of a member file: it names its customs union. */
export function isMemberJson(json: unknown): boolean {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && 'customsUnion' in json;
}

/**
 * Parse and check one tariff file's text; the file name must be `<ISO2>.json` matching `country`.
 * A file saying `"customsUnion": "EU"` is a member file, resolved against that union from `unions`.
 */
export function readTariffText(file: string, text: string, unions: UnionLookup = NO_UNIONS): ParseResult<ReadTariff> {
  const json = parseJsonText(file, text);
  if (!json.ok) return json;
  if (isMemberJson(json.value)) {
    const member = parseDataValue(file, json.value, memberFileSchema);
    if (!member.ok) return member;
    const named = fileNameProblems(file, member.value.country);
    if (named.length > 0) return { ok: false, problems: named };
    const resolved = resolveMember(file, member.value, unions);
    return resolved.ok ? { ok: true, value: { tariff: indexTariff(resolved.value), member: member.value } } : resolved;
  }
  const parsed = parseDataValue(file, json.value, tariffFileSchema);
  if (!parsed.ok) return parsed;
  const problems = [...checkTariffReferences(file, parsed.value), ...fileNameProblems(file, parsed.value.country)];
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { tariff: indexTariff(parsed.value) } };
}

/** `readTariffText`, keeping only the resolved tariff. */
export function parseTariffText(file: string, text: string, unions?: UnionLookup): ParseResult<LoadedTariff> {
  const r = readTariffText(file, text, unions);
  return r.ok ? { ok: true, value: r.value.tariff } : r;
}

/** A member file resolved against its own union: what merging `member` into `ref` gives. */
export function resolveWith(file: string, member: MemberFile, ref: UnionRef): ParseResult<LoadedTariff> {
  const r = resolveMember(file, member, unionLookup(new Map([[ref.union.id, ref]])));
  return r.ok ? { ok: true, value: indexTariff(r.value) } : r;
}

function fileNameProblems(file: string, country: TariffFile['country']): DataProblem[] {
  const expected = basename(file, '.json');
  return country === expected ? [] : [{ file, path: 'country', message: `the file is named ${expected}.json but says country "${country}"` }];
}

/** One tariff file; a member file finds its union in `unions/` next to it. */
export function loadTariffFile(path: string): ParseResult<LoadedTariff> {
  const text = readFileSync(path, 'utf8');
  const json = parseJsonText(path, text);
  let unions = NO_UNIONS;
  if (json.ok && isMemberJson(json.value)) {
    const id = String((json.value as { customsUnion: unknown }).customsUnion);
    const unionPath = join(dirname(path), UNIONS_FOLDER, `${id}.json`);
    let unionText: string | undefined;
    try {
      unionText = readFileSync(unionPath, 'utf8');
    } catch {
      unionText = undefined;
    }
    const u = unionText === undefined ? undefined : parseUnionText(unionPath, unionText);
    if (u && !u.ok) return u;
    if (u) unions = unionLookup(new Map([[u.value.id, { file: unionPath, union: u.value }]]));
  }
  return parseTariffText(path, text, unions);
}

/** Every `XX.json` in the folder, members resolved against `unions/`; a bad file is reported and left out, never thrown. */
export function loadTariffDirectory(dir: string): { tariffs: Map<string, LoadedTariff>; problems: DataProblem[] } {
  const tariffs = new Map<string, LoadedTariff>();
  const loaded = loadUnionDirectory(dir);
  const problems: DataProblem[] = [...loaded.problems];
  const unions = unionLookup(loaded.unions);
  for (const name of readdirSync(dir).sort()) {
    if (!/^[A-Z]{2}\.json$/.test(name)) continue;
    const path = join(dir, name);
    const result = parseTariffText(path, readFileSync(path, 'utf8'), unions);
    if (result.ok) tariffs.set(result.value.file.country, result.value);
    else problems.push(...result.problems);
  }
  return { tariffs, problems };
}
