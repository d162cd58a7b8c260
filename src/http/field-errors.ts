import type { z } from 'zod';
import type { FieldError } from '../quote/quote-error';

/** zod issues as `{ path: "items.0.hsCode", message }`. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.length === 0 ? '(body)' : issue.path.map(String).join('.');
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    const message = missing && issue.message.startsWith('Invalid input') ? `is required (${issue.message.replace(/^Invalid input: /, '')})` : issue.message;
    return { path, message };
  });
}
