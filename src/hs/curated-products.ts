import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isoDateSchema } from '../schema/primitives';

/**
 * `data/hs/curated-products.json`: everyday products Mexican small exporters
 * ship, named the way shops name them in Spanish and in English, each with
 * the HS 2022 subheading it falls under and, where the code depends on the
 * material or the form, a note in both languages naming the other code.
 */

const MIN_PRODUCTS = 600;

const nameSchema = z.string().trim().min(2, { error: 'expected a name of at least 2 characters' }).max(80, { error: 'expected a name of at most 80 characters' });

const synonymsSchema = z.array(nameSchema).max(20, { error: 'expected at most 20 synonyms per language' });

export const curatedProductSchema = z.strictObject({
  es: nameSchema,
  en: nameSchema,
  /** Other names shops and buyers use, per language ("playera", "tee"). */
  synonyms: z.strictObject({ es: synonymsSchema, en: synonymsSchema }),
  hs6: z.string().regex(/^\d{6}$/, { error: (i) => `expected six digits without dots such as "610910", got ${JSON.stringify(i.input)}` }),
  /** Why this code, and where the product goes when the material or the form differs ("si es de poliéster: 6109.90"). */
  note: z.strictObject({ es: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) }).optional(),
});

export const curatedProductsFileSchema = z.strictObject({
  about: z.string().min(1),
  edition: z.literal('HS 2022'),
  reviewed: isoDateSchema,
  licence: z.string().min(1),
  products: z.array(curatedProductSchema).min(MIN_PRODUCTS, {
    error: (i) => `expected at least ${MIN_PRODUCTS} products, got ${Array.isArray(i.input) ? i.input.length : 0}`,
  }),
});

export type CuratedProduct = z.output<typeof curatedProductSchema>;
export type CuratedProductsFile = z.output<typeof curatedProductsFileSchema>;

/** Parse the file; throws naming the first bad field, since the file ships with the code. */
export function parseCuratedProducts(json: unknown, file = 'curated-products.json'): CuratedProductsFile {
  const parsed = curatedProductsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  return parsed.data;
}

export function loadCuratedProducts(path: string): CuratedProductsFile {
  return parseCuratedProducts(JSON.parse(readFileSync(path, 'utf8')), path);
}
