import type { z } from 'zod';

/**
 * A feed's JSON answer checked with its zod schema, or an error naming the
 * feed (`what`) and the first place the answer is not what was expected.
 */
export function parseJsonAnswer<S extends z.ZodType>(text: string, schema: S, what: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${what}: the answer is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${what}: unexpected shape at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}
