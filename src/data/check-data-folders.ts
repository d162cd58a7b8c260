import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RateTable } from '../fx/rate-table';
import { unionLookup, UNIONS_FOLDER, type UnionLookup, type UnionRef } from '../tariffs/customs-union';
import { checkDataText, isDataFileName, type DataKind, type LocatedProblem } from './check-data-file';
import { crossFileChecks, type CheckedCarrier, type CheckedTariff, type CheckedUnion } from './cross-file-checks';
import { JsonLocator } from './json-locate';
import { checkUnionMembers, type TariffFileSeen } from './union-checks';

export interface DataFolders {
  tariffsDir: string;
  carriersDir: string;
}

export interface FolderCheckResult {
  files: string[];
  problems: LocatedProblem[];
}

interface Collected {
  files: string[];
  problems: LocatedProblem[];
  unions: CheckedUnion[];
  tariffs: CheckedTariff[];
  carriers: CheckedCarrier[];
  seen: TariffFileSeen[];
}

/** The data file names of a folder; a folder that cannot be read is a problem, except an absent optional one. */
function namesIn(kind: DataKind, dir: string, display: string, optional: boolean, problems: LocatedProblem[]): string[] {
  try {
    return readdirSync(dir).filter((n) => isDataFileName(kind, n)).sort();
  } catch (err) {
    const absent = (err as NodeJS.ErrnoException).code === 'ENOENT';
    if (!(optional && absent)) problems.push({ file: display, line: 1, column: 1, path: '(folder)', message: `cannot read the folder: ${(err as Error).message}`, severity: 'error' });
    return [];
  }
}

/** Check every file of one folder as the service would read it, collecting the valid ones. */
function checkFolder(kind: DataKind, dir: string, display: string, c: Collected, unions: UnionLookup): void {
  for (const name of namesIn(kind, dir, display, kind === 'union', c.problems)) {
    const file = `${display}/${name}`;
    c.files.push(file);
    const text = readFileSync(join(dir, name), 'utf8');
    const checked = checkDataText(kind, file, text, unions);
    if (kind === 'tariff') c.seen.push({ country: name.slice(0, 2), valid: checked.ok, ...(checked.ok && checked.kind === 'tariff' && checked.member ? { union: checked.member.customsUnion } : {}) });
    if (!checked.ok) c.problems.push(...checked.problems);
    else if (checked.kind === 'union') c.unions.push({ file, locator: new JsonLocator(text), union: checked.value });
    else if (checked.kind === 'tariff') c.tariffs.push({ file, locator: new JsonLocator(text), tariff: checked.value, ...(checked.member ? { own: checked.member } : {}) });
    else c.carriers.push({ file, locator: new JsonLocator(text), carrier: checked.value });
  }
}

/**
 * Everything `npm run data:check` checks: each file as the service would
 * read it (customs unions first, so that member files resolve against
 * them), then the checks across files. Problems are in file order, then by
 * position.
 */
export function checkDataFolders(folders: DataFolders, options: { rates: RateTable; today: string; maxAgeDays: number }): FolderCheckResult {
  const c: Collected = { files: [], problems: [], unions: [], tariffs: [], carriers: [], seen: [] };
  checkFolder('union', join(folders.tariffsDir, UNIONS_FOLDER), `tariffs/${UNIONS_FOLDER}`, c, unionLookup(new Map()));
  const unions = unionLookup(new Map<string, UnionRef>(c.unions.map((u) => [u.union.id, { file: u.file, union: u.union }])));
  checkFolder('tariff', folders.tariffsDir, 'tariffs', c, unions);
  checkFolder('carrier', folders.carriersDir, 'carriers', c, unions);
  c.problems.push(...crossFileChecks(c.tariffs, c.carriers, options, c.unions));
  c.problems.push(...checkUnionMembers(c.unions, c.seen));
  c.problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { files: c.files, problems: c.problems };
}
