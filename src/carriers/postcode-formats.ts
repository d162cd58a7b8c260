import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseCsvRecords, requireColumns } from '../schema/csv';

/**
 * What a country's postcodes look like, from data/reference/world/countries.csv (patterns from
 * google/libaddressinput, Apache-2.0). Used only where a postcode decides something (a carrier's
 * postcode zone or remote-area rule): a postcode that does not fit is not used for those rules and
 * the option says so. It never refuses a sale.
 */
export interface PostcodeFormat {
  /** The whole postcode must match (anchored, case-insensitive). */
  pattern: RegExp;
  /** The table's first example, for the note ("e.g. K1A 0B1"). */
  example?: string;
}

export type PostcodeFormats = ReadonlyMap<string, PostcodeFormat>;

/** The bundled table, found from this module in src/ (ts-node, tests) and in dist/ alike. */
export const BUNDLED_POSTCODE_FORMATS = resolve(__dirname, '..', '..', 'data', 'reference', 'world', 'countries.csv');

const rowSchema = z.object({
  iso2: z.string().regex(/^[A-Z]{2}$/),
  postal_code_regex: z.string().trim(),
  postal_code_examples: z.string().trim(),
});

/** Parse countries.csv; a pattern that does not compile stops with the country named. */
export function parsePostcodeFormats(text: string, file = 'countries.csv'): PostcodeFormats {
  const records = parseCsvRecords(text);
  requireColumns(records, Object.keys(rowSchema.shape), file);
  const formats = new Map<string, PostcodeFormat>();
  for (const record of records) {
    const row = rowSchema.safeParse(record);
    if (!row.success) throw new Error(`${file}, row ${record['iso2'] ?? '?'}: ${row.error.issues[0]?.message ?? 'invalid'}`);
    const { iso2, postal_code_regex: source, postal_code_examples: examples } = row.data;
    if (source === '') continue;
    let pattern: RegExp;
    try {
      pattern = new RegExp(`^(?:${source})$`, 'i');
    } catch (err) {
      throw new Error(`${file}, row ${iso2}: the postcode pattern ${JSON.stringify(source)} is not a valid regular expression`, { cause: err });
    }
    const example = examples.split(',')[0]?.trim();
    formats.set(iso2, { pattern, ...(example ? { example } : {}) });
  }
  return formats;
}

let bundled: PostcodeFormats | undefined;

/** The bundled table, read once (it is reference data, not a hot-reloaded file). */
export function bundledPostcodeFormats(): PostcodeFormats {
  bundled ??= parsePostcodeFormats(readFileSync(BUNDLED_POSTCODE_FORMATS, 'utf8'), BUNDLED_POSTCODE_FORMATS);
  return bundled;
}

/** Spaces trimmed and runs of them made one, upper case: how the patterns expect a postcode. */
export function tidyPostcode(code: string): string {
  return code.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** True when the country has no known format, or the postcode fits it. */
export function looksLikePostcode(formats: PostcodeFormats, country: string, postalCode: string): boolean {
  const format = formats.get(country);
  return format === undefined || format.pattern.test(tidyPostcode(postalCode));
}
