import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatProblem, parseDataText } from '../../schema/data-file';
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

/**
 * Merge an import into `base`, check the result with the tariff schema and reference checks,
 * and write it to `out` only when it is valid. Returns the problems (empty when written).
 */
export function writeImport(imp: ScheduleImport, base: string, out: string, source: SourceJson): string[] {
  if (!existsSync(base)) return [`${base}: no tariff file to merge the schedule into (give --base <an existing tariff file>)`];
  const baseJson = JSON.parse(readFileSync(base, 'utf8')) as JsonObject;
  const text = `${formatTariffJson(mergeSchedule(baseJson, imp, source) as Json)}\n`;
  const parsed = parseDataText(out, text, tariffFileSchema);
  if (!parsed.ok) return parsed.problems.map(formatProblem);
  const problems = checkTariffReferences(out, parsed.value);
  if (problems.length > 0) return problems.map(formatProblem);
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
