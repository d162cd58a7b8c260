import { z } from 'zod';
import type { Locale } from '../quote/quote-input';

/** The sentences of a bad `GET /hs/search` query, in each language (issue 14.6: no English sentence in a Spanish answer). */
const SAY = {
  en: {
    qRequired: 'is required: a product name or the start of an HS code, such as "camiseta" or "6109"',
    qText: (got: string) => `expected a single text value, got ${got}`,
    qEmpty: 'expected a product name or the start of an HS code, such as "camiseta" or "6109", got an empty text',
    qLong: (n: string) => `expected at most 100 characters, got ${n}`,
    locale: (got: string) => `expected "es" or "en", got ${got}`,
    limit: (got: string) => `expected a number from 1 to 20, got ${got}`,
    limitSingle: (got: string) => `expected a single number from 1 to 20, got ${got}`,
  },
  es: {
    qRequired: 'es obligatorio: el nombre de un producto o el inicio de un código SA, como "camiseta" o "6109"',
    qText: (got: string) => `se esperaba un solo texto, se recibió ${got}`,
    qEmpty: 'se esperaba el nombre de un producto o el inicio de un código SA, como "camiseta" o "6109", se recibió un texto vacío',
    qLong: (n: string) => `se esperaban como máximo 100 caracteres, se recibieron ${n}`,
    locale: (got: string) => `se esperaba "es" o "en", se recibió ${got}`,
    limit: (got: string) => `se esperaba un número de 1 a 20, se recibió ${got}`,
    limitSingle: (got: string) => `se esperaba un solo número de 1 a 20, se recibió ${got}`,
  },
} as const;

function hsSearchQuerySchemaFor(locale: Locale) {
  const t = SAY[locale];
  return z.object({
    q: z
      .string({ error: (i) => (i.input === undefined ? t.qRequired : t.qText(JSON.stringify(i.input))) })
      .trim()
      .min(1, { error: t.qEmpty })
      .max(100, { error: (i) => t.qLong(String((i.input as string | undefined)?.length ?? '')) }),
    locale: z.enum(['es', 'en'], { error: (i) => t.locale(JSON.stringify(i.input)) }).optional(),
    limit: z
      .string({ error: (i) => t.limitSingle(JSON.stringify(i.input)) })
      .regex(/^\d{1,2}$/, { error: (i) => t.limit(JSON.stringify(i.input)) })
      .transform(Number)
      .pipe(z.number().min(1, { error: t.limit('0') }).max(20, { error: (i) => t.limit(String(i.input)) }))
      .optional(),
  });
}

/** The `GET /hs/search` query schema, built once per language. */
export const hsSearchQuerySchemaIn: Record<Locale, ReturnType<typeof hsSearchQuerySchemaFor>> = {
  en: hsSearchQuerySchemaFor('en'),
  es: hsSearchQuerySchemaFor('es'),
};
