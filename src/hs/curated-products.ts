import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isoDateSchema } from '../schema/primitives';

/**
 * `data/hs/curated-products.json`: products Mexican small exporters ship,
 * named the way they name them, each with the HS 2022 subheading it falls
 * under. Spanish search runs over these names; English search adds them to
 * the nomenclature so "tequila" finds 2208.90.
 */
export const curatedProductSchema = z.strictObject({
  es: z.string().min(2),
  en: z.string().min(2),
  synonyms: z.array(z.string().min(2)).default([]),
  hs6: z.string().regex(/^\d{6}$/, { error: (i) => `expected six digits without dots such as "610910", got ${JSON.stringify(i.input)}` }),
  /** Why this code, where the choice depends on the material or the form. */
  note: z.string().min(1).optional(),
});

export const curatedProductsFileSchema = z.strictObject({
  about: z.string().min(1),
  edition: z.literal('HS 2022'),
  reviewed: isoDateSchema,
  licence: z.string().min(1),
  products: z.array(curatedProductSchema).min(150, { error: (i) => `expected at least 150 products, got ${Array.isArray(i.input) ? i.input.length : 0}` }),
});

export type CuratedProduct = z.output<typeof curatedProductSchema>;
export type CuratedProductsFile = z.output<typeof curatedProductsFileSchema>;

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
