import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatProblem, parseDataText } from '../../schema/data-file';
import { parseUnionText } from '../customs-union';
import { checkTariffReferences } from '../tariff-checks';
import { tariffFileSchema } from '../tariff-schema';
import { parseCsvRecords } from '../../schema/csv';
import type { ScheduleImport } from './schedule';
import { formatTariffJson, mergeSchedule, type Json, type JsonObject, type SourceJson } from './tariff-writer';

/** Rows of every CSV file, in order (the reference extract comes in two files). */
export function readCsvFiles(files: readonly string[]): Record<string, string>[] {
  if (files.length === 0) throw new Error('give at least one CSV file');
  return files.flatMap((f) => {
    if (!existsSync(f)) throw new Error(`${f}: no such file`);
    return parseCsvRecords(readFileSync(f, 'utf8'));
  });
}

/** The problems of the merged text, checked as the kind of file it is: a customs union file or a tariff file. */
function problemsOf(out: string, text: string, isUnion: boolean): string[] {
  if (isUnion) {
    const u = parseUnionText(out, text);
    return u.ok ? [] : u.problems.map(formatProblem);
  }
  const parsed = parseDataText(out, text, tariffFileSchema);
  if (!parsed.ok) return parsed.problems.map(formatProblem);
  return checkTariffReferences(out, parsed.value).map(formatProblem);
}

/**
 * Merge an import into `base` (a tariff file, or a customs union file such as
 * tariffs/unions/EU.json), check the result as that kind of file, and write it
 * to `out` only when it is valid. A member of a customs union takes its duties
 * from the union, so it is refused. Returns the problems (empty when written).
 */
export function writeImport(imp: ScheduleImport, base: string, out: string, source: SourceJson): string[] {
  if (!existsSync(base)) return [`${base}: no tariff file to merge the schedule into (give --base <an existing tariff file>)`];
  const baseJson = JSON.parse(readFileSync(base, 'utf8')) as JsonObject;
  if (typeof baseJson['customsUnion'] === 'string') {
    return [`${base} is a member of customs union ${baseJson['customsUnion']}: its duties are written once in the union file; import into tariffs/unions/${baseJson['customsUnion']}.json (--out)`];
  }
  const text = `${formatTariffJson(mergeSchedule(baseJson, imp, source) as Json)}\n`;
  const problems = problemsOf(out, text, Array.isArray(baseJson['members']) && typeof baseJson['id'] === 'string');
  if (problems.length > 0) return problems;
  writeFileSync(out, text);
  return [];
}

/** One line per count, for the command's report. */
export function describeImport(imp: ScheduleImport, files: readonly string[]): string {
  const counts = Object.entries(imp.stats)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `  ${k}: ${v}`)
    .join('\n');
  return `read ${files.map((f) => basename(f)).join(', ')}: chapters ${imp.chapters.join(' ')}\n${counts}\n  mfn measures: ${imp.mfn.length}, preferential measures: ${imp.preferential.length}`;
}
