import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDataText, type DataProblem, type ParseResult } from '../schema/data-file';
import { checkTariffReferences } from './tariff-checks';
import { indexTariff, type LoadedTariff } from './tariff-index';
import { tariffFileSchema } from './tariff-schema';

/** Parse and check one tariff file's text; the file name must be `<ISO2>.json` matching `country`. */
export function parseTariffText(file: string, text: string): ParseResult<LoadedTariff> {
  const parsed = parseDataText(file, text, tariffFileSchema);
  if (!parsed.ok) return parsed;
  const problems = checkTariffReferences(file, parsed.value);
  const expected = basename(file, '.json');
  if (parsed.value.country !== expected) {
    problems.push({ file, path: 'country', message: `the file is named ${expected}.json but says country "${parsed.value.country}"` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: indexTariff(parsed.value) };
}

export function loadTariffFile(path: string): ParseResult<LoadedTariff> {
  return parseTariffText(path, readFileSync(path, 'utf8'));
}

/** Every `XX.json` in the folder; a bad file is reported and left out, never thrown. */
export function loadTariffDirectory(dir: string): { tariffs: Map<string, LoadedTariff>; problems: DataProblem[] } {
  const tariffs = new Map<string, LoadedTariff>();
  const problems: DataProblem[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/^[A-Z]{2}\.json$/.test(name)) continue;
    const result = loadTariffFile(join(dir, name));
    if (result.ok) tariffs.set(result.value.file.country, result.value);
    else problems.push(...result.problems);
  }
  return { tariffs, problems };
}
