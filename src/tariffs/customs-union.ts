import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDataText, type DataProblem, type ParseResult } from '../schema/data-file';
import { customsUnionFileSchema, type CustomsUnionFile } from './customs-union-schema';
import { checkScheduleReferences, type Add } from './tariff-checks';

/** A valid customs union file and the name it is reported under (`tariffs/unions/EU.json`). */
export interface UnionRef {
  file: string;
  union: CustomsUnionFile;
}

/** Finds a loaded customs union by id; `known` lists the ids there are, for messages. */
export interface UnionLookup {
  get(id: string): UnionRef | undefined;
  known(): string[];
}

export function unionLookup(unions: ReadonlyMap<string, UnionRef>): UnionLookup {
  return { get: (id) => unions.get(id), known: () => [...unions.keys()].sort() };
}

/** The folder of the customs union files, next to the member files: `tariffs/unions/`. */
export const UNIONS_FOLDER = 'unions';

/** Union files are `<ID>.json` (2 to 8 capital letters); never `schema.json` or a hidden file. */
export function isUnionFileName(name: string): boolean {
  return /^[A-Z]{2,8}\.json$/.test(name);
}

/**
 * Parse and check a customs union file's text: the schema, then the references inside it (every
 * `source` a key of `sources`, every agreement named is defined, periods do not overlap), the
 * file name (`<id>.json`), members listed once, and seller-collection rules naming a tax.
 */
export function parseUnionText(file: string, text: string): ParseResult<CustomsUnionFile> {
  const parsed = parseDataText(file, text, customsUnionFileSchema);
  if (!parsed.ok) return parsed;
  const u = parsed.value;
  const problems: DataProblem[] = [];
  const add: Add = (path, message) => problems.push({ file, path, message });
  checkScheduleReferences(u, add);
  const expected = basename(file, '.json');
  if (u.id !== expected) add('id', `the file is named ${expected}.json but says id "${u.id}"`);
  u.members.forEach((m, i) => {
    const first = u.members.indexOf(m);
    if (first !== i) add(`members[${i}]`, `${m} is listed twice (also members[${first}])`);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: u };
}

/** Every `<ID>.json` in `<tariffs>/unions/`; no folder means no unions. A bad file is reported, never thrown. */
export function loadUnionDirectory(tariffsDir: string): { unions: Map<string, UnionRef>; problems: DataProblem[] } {
  const dir = join(tariffsDir, UNIONS_FOLDER);
  const unions = new Map<string, UnionRef>();
  const problems: DataProblem[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter(isUnionFileName).sort();
  } catch {
    return { unions, problems };
  }
  for (const name of names) {
    const path = join(dir, name);
    const result = parseUnionText(path, readFileSync(path, 'utf8'));
    if (result.ok) unions.set(result.value.id, { file: path, union: result.value });
    else problems.push(...result.problems);
  }
  return { unions, problems };
}
