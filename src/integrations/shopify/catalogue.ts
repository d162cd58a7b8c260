import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { z } from 'zod';
import { alcoholByVolumeSchema, hsCodeSchema } from '../../schema/quote-request-schema';
import { formatJsonPath, type DataProblem } from '../../schema/data-file';
import { countryCodeSchema } from '../../schema/primitives';
import { parseCsv } from '../../schema/csv';

/**
 * The product catalogue: what Shopify's rate request does not carry (HS
 * code, country of origin, unit size, a packed weight, a volume and an
 * alcoholic strength for duties and excise on drinks), keyed by Shopify variant id or SKU. JSON
 * (`{ "products": [...] }`) or CSV with one header row.
 */

const got = (input: unknown) => (input === undefined ? 'nothing' : JSON.stringify(input));
const positive = (what: string) =>
  z.number({ error: (i) => `expected ${what} as a positive number, got ${got(i.input)}` }).positive({ error: (i) => `expected ${what} greater than 0, got ${got(i.input)}` });

export const catalogueEntrySchema = z
  .strictObject({
    sku: z.string().min(1).max(255).optional(),
    variantId: z
      .union([z.number().int().positive(), z.string().regex(/^\d{1,20}$/)], { error: (i) => `expected a Shopify variant id (digits), got ${got(i.input)}` })
      .transform(String)
      .optional(),
    description: z.string().max(500).optional(),
    hsCode: hsCodeSchema,
    originCountry: countryCodeSchema.optional(),
    claimPreference: z.boolean().optional(),
    unitWeight: z.strictObject({ value: positive('a weight'), unit: z.enum(['kg', 'lb']) }).optional(),
    unitSize: z.strictObject({ length: positive('a length'), width: positive('a width'), height: positive('a height'), unit: z.enum(['cm', 'in']) }).optional(),
    /** Needed only where a duty is charged per litre (spirits, wine). */
    unitVolume: z.strictObject({ value: positive('a volume'), unit: z.enum(['l', 'ml']) }).optional(),
    /** % vol, needed where an excise or a duty depends on the strength (spirits, wine, beer). */
    alcoholByVolume: alcoholByVolumeSchema.optional(),
  })
  .refine((e) => e.sku !== undefined || e.variantId !== undefined, { error: 'expected "sku" or "variantId" (or both) to find the product by' });

export const catalogueFileSchema = z.strictObject({
  $schema: z.string().optional(),
  about: z.string().optional(),
  products: z.array(catalogueEntrySchema),
});

export type CatalogueEntry = z.output<typeof catalogueEntrySchema>;

export interface Catalogue {
  /** The entry for a variant id, else for a SKU. */
  find(variantId: number | null | undefined, sku: string | null | undefined): CatalogueEntry | undefined;
  readonly size: number;
}

export class CatalogueError extends Error {
  constructor(readonly problems: DataProblem[]) {
    super(problems.map((p) => `${p.file} ${p.path}: ${p.message}`).join('\n'));
  }
}

export function buildCatalogue(entries: readonly CatalogueEntry[], file: string, where: (i: number) => string = (i) => `products[${i}]`): Catalogue {
  const byVariant = new Map<string, CatalogueEntry>();
  const bySku = new Map<string, CatalogueEntry>();
  const problems: DataProblem[] = [];
  entries.forEach((e, i) => {
    if (e.variantId !== undefined) {
      if (byVariant.has(e.variantId)) problems.push({ file, path: where(i), message: `variant id ${e.variantId} is listed twice` });
      byVariant.set(e.variantId, e);
    }
    if (e.sku !== undefined) {
      if (bySku.has(e.sku)) problems.push({ file, path: where(i), message: `SKU "${e.sku}" is listed twice` });
      bySku.set(e.sku, e);
    }
  });
  if (problems.length > 0) throw new CatalogueError(problems);
  return {
    size: entries.length,
    find: (variantId, sku) => (variantId != null ? byVariant.get(String(variantId)) : undefined) ?? (sku ? bySku.get(sku) : undefined),
  };
}

export function parseCatalogueJson(text: string, file: string): Catalogue {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CatalogueError([{ file, path: '(root)', message: `not valid JSON: ${(err as Error).message}` }]);
  }
  const parsed = catalogueFileSchema.safeParse(json);
  if (!parsed.success) throw new CatalogueError(parsed.error.issues.map((i) => ({ file, path: formatJsonPath(i.path), message: i.message })));
  return buildCatalogue(parsed.data.products, file);
}

/** CSV columns, in any order; only hs_code and one of sku / variant_id are required. */
export const CSV_COLUMNS = ['sku', 'variant_id', 'description', 'hs_code', 'origin_country', 'claim_preference', 'unit_weight', 'weight_unit', 'length', 'width', 'height', 'dimension_unit', 'unit_volume', 'volume_unit', 'alcohol_by_volume'] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

const FIELD_COLUMN: Record<string, CsvColumn> = {
  sku: 'sku', variantId: 'variant_id', description: 'description', hsCode: 'hs_code', originCountry: 'origin_country', claimPreference: 'claim_preference',
  'unitWeight.value': 'unit_weight', 'unitWeight.unit': 'weight_unit', 'unitSize.length': 'length', 'unitSize.width': 'width', 'unitSize.height': 'height', 'unitSize.unit': 'dimension_unit',
  'unitVolume.value': 'unit_volume', 'unitVolume.unit': 'volume_unit', alcoholByVolume: 'alcohol_by_volume',
};

/** A cell that should be a number stays text when it is not one, so the schema's message shows what was written. */
function num(cell: string | undefined): number | string | undefined {
  if (cell === undefined) return undefined;
  const n = Number(cell);
  return cell.trim() !== '' && Number.isFinite(n) ? n : cell;
}

function rowToEntry(row: Partial<Record<CsvColumn, string>>): unknown {
  const bool = row.claim_preference === undefined ? undefined : ({ true: true, false: false, yes: true, no: false, '1': true, '0': false } as Record<string, boolean>)[row.claim_preference.toLowerCase()] ?? row.claim_preference;
  const sized = row.length !== undefined || row.width !== undefined || row.height !== undefined;
  return {
    ...(row.sku !== undefined ? { sku: row.sku } : {}),
    ...(row.variant_id !== undefined ? { variantId: row.variant_id } : {}),
    ...(row.description !== undefined ? { description: row.description } : {}),
    hsCode: row.hs_code,
    ...(row.origin_country !== undefined ? { originCountry: row.origin_country.toUpperCase() } : {}),
    ...(bool !== undefined ? { claimPreference: bool } : {}),
    ...(row.unit_weight !== undefined ? { unitWeight: { value: num(row.unit_weight), unit: row.weight_unit ?? 'kg' } } : {}),
    ...(sized ? { unitSize: { length: num(row.length), width: num(row.width), height: num(row.height), unit: row.dimension_unit ?? 'cm' } } : {}),
    ...(row.unit_volume !== undefined ? { unitVolume: { value: num(row.unit_volume), unit: row.volume_unit ?? 'l' } } : {}),
    ...(row.alcohol_by_volume !== undefined ? { alcoholByVolume: num(row.alcohol_by_volume) } : {}),
  };
}

export function parseCatalogueCsv(text: string, file: string): Catalogue {
  const rows = parseCsv(text);
  const header = (rows.shift()?.cells ?? []).map((h) => h.trim().toLowerCase());
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0 || !header.includes('hs_code')) {
    throw new CatalogueError([{ file, path: 'line 1', message: `expected a header row with hs_code and sku or variant_id, from: ${CSV_COLUMNS.join(', ')}${unknown.length ? `; unknown column(s): ${unknown.join(', ')}` : ''}` }]);
  }
  const problems: DataProblem[] = [];
  const entries: CatalogueEntry[] = [];
  const lines: number[] = [];
  rows.forEach(({ cells, line }) => {
    if (cells.every((c) => c.trim() === '')) return;
    const row: Partial<Record<CsvColumn, string>> = {};
    header.forEach((h, i) => {
      const cell = cells[i]?.trim();
      if (cell) row[h as CsvColumn] = cell;
    });
    const parsed = catalogueEntrySchema.safeParse(rowToEntry(row));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = FIELD_COLUMN[issue.path.map(String).join('.')];
        problems.push({ file, path: `line ${line}${column ? ` ${column}` : ''}`, message: issue.message });
      }
      return;
    }
    entries.push(parsed.data);
    lines.push(line);
  });
  if (problems.length > 0) throw new CatalogueError(problems);
  return buildCatalogue(entries, file, (i) => `line ${lines[i]}`);
}

/** Load a .json or .csv catalogue; throws CatalogueError naming the file, line or path, and the field. */
export function loadCatalogue(path: string): Catalogue {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CatalogueError([{ file: path, path: '(file)', message: (err as Error).message }]);
  }
  return extname(path).toLowerCase() === '.csv' ? parseCatalogueCsv(text, path) : parseCatalogueJson(text, path);
}
