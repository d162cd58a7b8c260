import { z } from 'zod';
import type { FieldError } from '../quote/quote-error';
import type { Locale } from '../quote/quote-input';

/** At most this many field errors go back in one answer; the detail says how many more there were (README "Limits"). */
export const MAX_FIELD_ERRORS = 20;
/** A field error's message is cut to this many characters, so an answer never grows with the input it quotes. */
export const MAX_FIELD_MESSAGE_LENGTH = 300;

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Parse options for a schema whose own messages are in `locale`: zod's
 * messages for the rest (a wrong type, an unknown option) from zod's own
 * locale of that language (zod/v4/locales).
 */
export const ZOD_PARSE_OPTIONS: Record<Locale, { reportInput: true; error?: z.core.$ZodErrorMap }> = {
  en: { reportInput: true },
  es: { reportInput: true, error: z.locales.es().localeError },
};

const REQUIRED: Record<Locale, { prefix: string; say: (what: string) => string }> = {
  en: { prefix: 'Invalid input: ', say: (what) => `is required (${what})` },
  es: { prefix: 'Entrada inválida: ', say: (what) => `es obligatorio (${what})` },
};

/** zod issues as `{ path: "items.0.hsCode", message }`, at most MAX_FIELD_ERRORS + 1 of them (enough to know some were left out). */
export function fieldErrors(error: z.ZodError, locale: Locale = 'en'): FieldError[] {
  const required = REQUIRED[locale];
  return error.issues.slice(0, MAX_FIELD_ERRORS + 1).map((issue) => {
    const path = issue.path.length === 0 ? '(body)' : cut(issue.path.map(String).join('.'), MAX_FIELD_MESSAGE_LENGTH);
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    const message = missing && issue.message.startsWith(required.prefix) ? required.say(issue.message.slice(required.prefix.length)) : issue.message;
    return { path, message: cut(message, MAX_FIELD_MESSAGE_LENGTH) };
  });
}

/**
 * The first MAX_FIELD_ERRORS errors and a detail that lists them, saying in
 * the request's language how many more were left out (of `total`).
 */
export function cappedFieldErrors(errors: FieldError[], locale: Locale, total = errors.length): { errors: FieldError[]; detail: string } {
  const shown = errors.slice(0, MAX_FIELD_ERRORS).map((e) => ({ ...e, path: cut(e.path, MAX_FIELD_MESSAGE_LENGTH), message: cut(e.message, MAX_FIELD_MESSAGE_LENGTH) }));
  const omitted = Math.max(0, total - shown.length);
  const listed = shown.map((e) => `${e.path}: ${e.message}`).join('; ');
  if (omitted === 0) return { errors: shown, detail: listed };
  const more = locale === 'es' ? `… y ${omitted} más (se muestran los primeros ${shown.length})` : `… and ${omitted} more (the first ${shown.length} are shown)`;
  return { errors: shown, detail: `${listed}; ${more}` };
}
