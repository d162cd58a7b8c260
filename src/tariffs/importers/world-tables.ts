import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseCsvRecords, requireColumns } from '../../schema/csv';
import { isoDateSchema } from '../../schema/primitives';
import type { JsonObject } from './tariff-writer';
import { worldOverlaySchema, type ParsedOverlay } from './world-overlay';

/**
 * The reference tables `npm run import:world` reads (data/reference/world/, described in its
 * README.md), parsed and checked row by row with zod. A malformed row stops the command with the
 * table and country named: a generated file is never built from a row that was not understood.
 */
export const WORLD_FILES = {
  manifest: 'manifest.json',
  countries: 'countries.csv',
  vat: 'vat-standard-rates-worldwide.csv',
  deMinimis: 'de-minimis-verified.csv',
  deMinimisNotes: 'de-minimis-notes.json',
  tariffMean: 'wb-applied-tariff-simple-mean.csv',
} as const;

/** Folder of the researched additions to generated files (world-overlay.ts), inside the tables' folder. */
export const WORLD_OVERLAYS = 'overlays';

/** The six tables' texts, and the overlays' texts by country (overlays/<CC>.json; none: no folder). */
export type WorldTexts = Record<keyof typeof WORLD_FILES, string> & { overlays?: Readonly<Record<string, string>> };

const DECIMAL = /^\d+(\.\d+)?$/;
const decimalOrEmpty = z.string().trim().refine((s) => s === '' || DECIMAL.test(s), { error: 'expected a number such as "15" or nothing' });
const codeList = z.string().transform((s) => s.split(',').map((c) => c.trim()).filter((c) => c !== ''));

const manifestSchema = z.object({
  gathered: isoDateSchema,
  tables: z.record(z.string(), z.object({ title: z.string().min(1), url: z.string().optional(), licence: z.string().optional() })),
});

const countryRowSchema = z.object({
  iso2: z.string().regex(/^[A-Z]{2}$/),
  currency: codeList,
  currency_minor_unit: codeList,
  capital_timezone: z.string().trim(),
  date_holidays_supported: z.enum(['yes', 'no']),
});

const vatRowSchema = z.object({
  iso2: z.string().regex(/^[A-Z]{2}$/),
  currency: codeList,
  tax_name: z.string().trim(),
  standard_rate_pct: decimalOrEmpty,
  effective_from: z.string().trim(),
  confidence: z.enum(['high', 'medium', 'low', 'none']),
  source: z.string().trim(),
  notes: z.string().trim(),
});

const deMinimisRowSchema = z.object({
  iso2: z.string().regex(/^[A-Z]{2}$/),
  duty_threshold: decimalOrEmpty,
  duty_currency: z.string().trim(),
  duty_basis: z.string().trim(),
  tax_threshold: decimalOrEmpty,
  tax_currency: z.string().trim(),
  tax_basis: z.string().trim(),
  effective_from: z.string().trim(),
  status: z.string().trim(),
  confidence: z.enum(['high', 'medium', 'low', 'none']),
  source: z.string().trim(),
});

const tariffMeanRowSchema = z.object({
  iso2: z.string().regex(/^[A-Z]{2}$/),
  year: z.string().regex(/^\d{4}$/),
  applied_simple_mean_all_products_pct: z.string().regex(DECIMAL),
  indicator: z.literal('TM.TAX.MRCH.SM.AR.ZS'),
});

const deMinimisNotesSchema = z.object({
  notes: z.record(z.string(), z.object({ severity: z.enum(['info', 'warning']), es: z.string().min(20), en: z.string().min(20) })),
});

export type CountryRow = z.infer<typeof countryRowSchema>;
export type VatRow = z.infer<typeof vatRowSchema>;
export type DeMinimisRow = z.infer<typeof deMinimisRowSchema>;
export type TariffMeanRow = z.infer<typeof tariffMeanRowSchema>;
export type DeMinimisNote = z.infer<typeof deMinimisNotesSchema>['notes'][string];
export type TableSource = z.infer<typeof manifestSchema>['tables'][string];

export interface WorldTables {
  /** The date the tables were gathered (manifest.json). */
  gathered: string;
  /** Title, address and licence of each table, by file name. */
  tables: Record<string, TableSource>;
  countries: ReadonlyMap<string, CountryRow>;
  vat: ReadonlyMap<string, VatRow>;
  /** Only rows with status verified-*; "unknown" rows are the same as no row. */
  deMinimis: ReadonlyMap<string, DeMinimisRow>;
  deMinimisNotes: ReadonlyMap<string, DeMinimisNote>;
  tariffMean: ReadonlyMap<string, TariffMeanRow>;
  /** Researched additions by country (overlays/<CC>.json), merged into the generated file. */
  overlays: ReadonlyMap<string, ParsedOverlay>;
}

function rowsOf<S extends z.ZodType<{ iso2: string }>>(file: string, text: string, schema: S): Map<string, z.infer<S>> {
  const records = parseCsvRecords(text);
  requireColumns(records, Object.keys((schema as unknown as z.ZodObject).shape), file);
  const rows = new Map<string, z.infer<S>>();
  for (const record of records) {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${file}, row ${record['iso2'] ?? '?'}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }
    if (rows.has(parsed.data.iso2)) throw new Error(`${file}: two rows for ${parsed.data.iso2}`);
    rows.set(parsed.data.iso2, parsed.data);
  }
  return rows;
}

function jsonOf<S extends z.ZodType>(file: string, text: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Parse the text of overlays/<cc>.json; a problem stops the command with the file and path named. */
export function parseWorldOverlay(file: string, cc: string, text: string): ParsedOverlay {
  const overlay = jsonOf(file, text, worldOverlaySchema);
  if (overlay.country !== cc) throw new Error(`${file}: country: says "${overlay.country}", expected "${cc}" (the file's name)`);
  // The file's own JSON is what gets merged: zod defaults are not written into the generated file.
  return { overlay, raw: JSON.parse(text) as JsonObject };
}

/** Parse the six files of data/reference/world/ (their texts, by role). */
export function readWorldTables(texts: WorldTexts): WorldTables {
  const manifest = jsonOf(WORLD_FILES.manifest, texts.manifest, manifestSchema);
  const verified = [...rowsOf(WORLD_FILES.deMinimis, texts.deMinimis, deMinimisRowSchema)].filter(([, r]) => r.status.startsWith('verified'));
  return {
    gathered: manifest.gathered,
    tables: manifest.tables,
    countries: rowsOf(WORLD_FILES.countries, texts.countries, countryRowSchema),
    vat: rowsOf(WORLD_FILES.vat, texts.vat, vatRowSchema),
    deMinimis: new Map(verified),
    deMinimisNotes: new Map(Object.entries(jsonOf(WORLD_FILES.deMinimisNotes, texts.deMinimisNotes, deMinimisNotesSchema).notes)),
    tariffMean: rowsOf(WORLD_FILES.tariffMean, texts.tariffMean, tariffMeanRowSchema),
    overlays: new Map(Object.entries(texts.overlays ?? {}).map(([cc, text]) => [cc, parseWorldOverlay(`${WORLD_OVERLAYS}/${cc}.json`, cc, text)])),
  };
}

/** The texts of the six files in a folder (data/reference/world/ by default in the command). */
export function readWorldFolder(dir: string): WorldTexts {
  const read = (name: string) => {
    const path = join(dir, name);
    if (!existsSync(path)) throw new Error(`${path}: no such file`);
    return readFileSync(path, 'utf8');
  };
  return {
    manifest: read(WORLD_FILES.manifest),
    countries: read(WORLD_FILES.countries),
    vat: read(WORLD_FILES.vat),
    deMinimis: read(WORLD_FILES.deMinimis),
    deMinimisNotes: read(WORLD_FILES.deMinimisNotes),
    tariffMean: read(WORLD_FILES.tariffMean),
    overlays: readOverlays(join(dir, WORLD_OVERLAYS)),
  };
}

/** overlays/<CC>.json by country; any other file name there is an error (a typo would be skipped silently). */
function readOverlays(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const texts: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name === 'README.md') continue;
    const m = /^([A-Z]{2})\.json$/.exec(name);
    if (!m?.[1]) throw new Error(`${join(dir, name)}: an overlay is named <ISO2>.json, such as NZ.json`);
    texts[m[1]] = readFileSync(join(dir, name), 'utf8');
  }
  return texts;
}
