import { parseCarrierText } from '../carriers/carrier-loader';
import type { CarrierFile } from '../carriers/carrier-schema';
import type { DataProblem } from '../schema/data-file';
import { isUnionFileName, parseUnionText, type UnionLookup } from '../tariffs/customs-union';
import type { CustomsUnionFile, MemberFile } from '../tariffs/customs-union-schema';
import type { LoadedTariff } from '../tariffs/tariff-index';
import { readTariffText } from '../tariffs/tariff-loader';
import { JsonLocator } from './json-locate';

/** Tariff files (`tariffs/XX.json`), customs union files (`tariffs/unions/EU.json`), carrier tables. */
export type DataKind = 'tariff' | 'carrier' | 'union';

/** A problem placed in its file: `tariffs/DE.json:42:17 periods[1].taxes[0].rate: …`. */
export interface LocatedProblem {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export function formatLocated(p: LocatedProblem): string {
  return `${p.file}:${p.line}:${p.column} ${p.path}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

export type CheckedFile =
  | { ok: true; kind: 'tariff'; value: LoadedTariff; member?: MemberFile }
  | { ok: true; kind: 'union'; value: CustomsUnionFile }
  | { ok: true; kind: 'carrier'; value: CarrierFile }
  | { ok: false; kind: DataKind; problems: LocatedProblem[] };

/** Place problems found on the parsed value back in the text they came from. */
export function locateProblems(file: string, locator: JsonLocator, problems: readonly DataProblem[], severity: LocatedProblem['severity'] = 'error'): LocatedProblem[] {
  return problems.map((p) => ({ file, ...locator.locate(p.path), path: p.path, message: p.message, severity }));
}

/**
 * Validate the text of one data file exactly as the service will read it
 * (syntax, zod schema, the file's own references). `file` is the name to
 * print (`tariffs/DE.json`); a tariff's base name must be its country, a
 * union's its id. A member of a customs union is resolved against `unions`.
 */
export function checkDataText(kind: DataKind, file: string, text: string, unions?: UnionLookup): CheckedFile {
  const locator = new JsonLocator(text);
  if (locator.syntaxErrors.length > 0) {
    return { ok: false, kind, problems: locator.syntaxErrors.map((e) => ({ file, line: e.line, column: e.column, path: '(syntax)', message: e.message, severity: 'error' })) };
  }
  const failed = (problems: readonly DataProblem[]): CheckedFile => ({ ok: false, kind, problems: locateProblems(file, locator, problems) });
  if (kind === 'tariff') {
    const read = readTariffText(file, text, unions);
    if (!read.ok) return failed(read.problems);
    return { ok: true, kind, value: read.value.tariff, ...(read.value.member ? { member: read.value.member } : {}) };
  }
  if (kind === 'union') {
    const parsed = parseUnionText(file, text);
    return parsed.ok ? { ok: true, kind, value: parsed.value } : failed(parsed.problems);
  }
  const parsed = parseCarrierText(file, text);
  return parsed.ok ? { ok: true, kind, value: parsed.value } : failed(parsed.problems);
}

/**
 * Which files of a folder are data files, as the loaders read them: tariffs
 * are `<ISO2>.json`, customs unions `<ID>.json` (in `tariffs/unions/`),
 * carriers any `*.json`; never `schema.json`, never a hidden file (editors'
 * lock files such as Emacs's `.#DE.json`).
 */
export function isDataFileName(kind: DataKind, name: string): boolean {
  if (name === 'schema.json' || name.startsWith('.')) return false;
  if (kind === 'union') return isUnionFileName(name);
  return kind === 'tariff' ? /^[A-Z]{2}\.json$/.test(name) : name.endsWith('.json');
}
