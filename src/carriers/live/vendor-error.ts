import { z } from 'zod';

/**
 * The explanation a vendor puts in an error body, for the fallback note:
 * MyDHL problem+json (`detail`, `title`), FedEx (`errors[].message`), UPS
 * (`response.errors[].message`), karrio (`errors[].message`,
 * `messages[].message`) and OAuth (`error_description`, `error`). At most
 * 200 characters; the caller redacts it.
 */
const MAX_DETAIL = 200;

const text = z.string().min(1);
const messages = z.array(z.object({ message: text.optional(), code: z.string().optional() }).loose()).min(1);
const vendorErrorSchema = z
  .object({
    detail: text.optional(),
    title: text.optional(),
    errors: messages.optional(),
    messages: messages.optional(),
    response: z.object({ errors: messages.optional() }).loose().optional(),
    error_description: text.optional(),
    error: text.optional(),
  })
  .loose();

export function vendorErrorDetail(body: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parsed = vendorErrorSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  const first = (e.errors ?? e.response?.errors ?? e.messages)?.[0];
  const said = e.detail ?? e.error_description ?? first?.message ?? first?.code ?? e.title ?? e.error;
  if (said === undefined) return undefined;
  const oneLine = said.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_DETAIL ? `${oneLine.slice(0, MAX_DETAIL - 1)}…` : oneLine;
}
