import type { ScheduleImport } from './schedule';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface SourceJson {
  title: string;
  url?: string;
  reviewed: string;
  licence?: string;
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Merge an import into a tariff file's JSON: the measures and generated notes citing the
 * importer's source key are replaced; measures from other sources, periods, taxes, fees,
 * additional duties, other notes and agreement definitions are kept. Agreements the import
 * names and the file lacks are added. `$schema` stays first.
 */
export function mergeSchedule(base: JsonObject, imp: ScheduleImport, source: SourceJson): JsonObject {
  const fromOthers = (list: Json | undefined) => (Array.isArray(list) ? list.filter((m) => !(isObject(m) && m['source'] === imp.sourceKey)) : []);
  const duties = isObject(base['duties']) ? base['duties'] : {};
  const agreements: JsonObject = { ...(isObject(base['agreements']) ? base['agreements'] : {}) };
  for (const [id, a] of Object.entries(imp.agreements)) if (!(id in agreements)) agreements[id] = a as unknown as Json;
  const generated = new Set(imp.noteCodes);
  const notes = (Array.isArray(base['notes']) ? base['notes'] : []).filter((n) => !(isObject(n) && typeof n['code'] === 'string' && generated.has(n['code'])));
  const sources: JsonObject = { ...(isObject(base['sources']) ? base['sources'] : {}) };
  const previous = isObject(sources[imp.sourceKey]) ? (sources[imp.sourceKey] as JsonObject) : {};
  sources[imp.sourceKey] = { ...previous, ...(source as unknown as JsonObject) };
  const merged: JsonObject = {
    ...base,
    sources,
    agreements,
    duties: {
      ...duties,
      mfn: [...fromOthers(duties['mfn']), ...(imp.mfn as unknown as Json[])],
      preferential: [...fromOthers(duties['preferential']), ...(imp.preferential as unknown as Json[])],
    },
    notes: [...notes, ...(imp.notes as unknown as Json[])],
  };
  const { $schema, ...rest } = merged;
  return { $schema: $schema ?? './schema.json', ...rest };
}

/** Keys whose array items are written one per line, each on a single line (measures). */
const ONE_PER_LINE = new Set(['mfn', 'preferential']);
const EXPRESSION_KEYS = new Set(['duty', 'defaultDuty', 'of', 'treatment', 'charge']);

/**
 * JSON as the tariff files are written: two-space indent, measures and short objects (≤ 110
 * characters) on one line, so a file diff shows one changed measure as one changed line.
 */
export function formatTariffJson(value: Json, indent = 0, parentKey?: string): string {
  const compact = JSON.stringify(value);
  if (value === null || typeof value !== 'object') return compact;
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return compact;
  if (!Array.isArray(value)) {
    if (compact.length <= 110) return compact;
    if (parentKey !== undefined && ONE_PER_LINE.has(parentKey)) return compact;
    if ('type' in value && parentKey !== undefined && EXPRESSION_KEYS.has(parentKey)) return compact;
  }
  const pad = '  '.repeat(indent + 1);
  const end = '  '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => pad + formatTariffJson(v, indent + 1, parentKey)).join(',\n')}\n${end}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${formatTariffJson(v, indent + 1, k)}`).join(',\n')}\n${end}}`;
}

export type { Json, JsonObject };
