import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RateTable } from '../fx/rate-table';
import { checkDataText, isDataFileName, type DataKind, type LocatedProblem } from './check-data-file';
import { crossFileChecks, type CheckedCarrier, type CheckedTariff } from './cross-file-checks';
import { JsonLocator } from './json-locate';

export interface DataFolders {
  tariffsDir: string;
  carriersDir: string;
}

export interface FolderCheckResult {
  files: string[];
  problems: LocatedProblem[];
}

/**
 * Everything `npm run data:check` checks: each file as the service would
 * read it, then the checks across files. Problems are in file order, then
 * by position.
 */
export function checkDataFolders(folders: DataFolders, options: { rates: RateTable; today: string; maxAgeDays: number }): FolderCheckResult {
  const files: string[] = [];
  const problems: LocatedProblem[] = [];
  const tariffs: CheckedTariff[] = [];
  const carriers: CheckedCarrier[] = [];
  for (const [kind, dir, prefix] of [['tariff', folders.tariffsDir, 'tariffs'], ['carrier', folders.carriersDir, 'carriers']] as [DataKind, string, string][]) {
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => isDataFileName(kind, n)).sort();
    } catch (err) {
      problems.push({ file: prefix, line: 1, column: 1, path: '(folder)', message: `cannot read the folder: ${(err as Error).message}`, severity: 'error' });
      continue;
    }
    for (const name of names) {
      const file = `${prefix}/${name}`;
      files.push(file);
      const text = readFileSync(join(dir, name), 'utf8');
      const checked = checkDataText(kind, file, text);
      if (!checked.ok) problems.push(...checked.problems);
      else if (checked.kind === 'tariff') tariffs.push({ file, locator: new JsonLocator(text), tariff: checked.value });
      else carriers.push({ file, locator: new JsonLocator(text), carrier: checked.value });
    }
  }
  problems.push(...crossFileChecks(tariffs, carriers, options));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { files, problems };
}
