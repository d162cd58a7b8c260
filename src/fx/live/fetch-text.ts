import { redactUrlsIn } from '../../schema/redact-url';

/** Largest feed answer read; the ECB daily file is about 1.5 kB, a Banxico answer less. */
const MAX_BYTES = 1_000_000;

/**
 * GET a URL and return its body as text, or throw with a sentence that says
 * what went wrong (timeout, HTTP status, size). Node 20's fetch; the timeout
 * covers the whole exchange, body included.
 */
export async function fetchText(url: string, options: { timeoutMs: number; headers?: Record<string, string> }): Promise<string> {
  let res: Response;
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    res = await fetch(url, { headers: options.headers ?? {}, signal, redirect: 'follow' });
  } catch (err) {
    // The message may quote the URL (fetch refuses one with credentials and says which): never its secrets.
    const e = err as Error & { cause?: { message?: string } };
    const reason = e.cause?.message ? `${e.message}: ${e.cause.message}` : e.message;
    throw new Error(signal.aborted ? `no answer within ${options.timeoutMs} ms` : `cannot reach the feed: ${redactUrlsIn(reason)}`, { cause: err });
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
  }
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > MAX_BYTES) {
    await res.body?.cancel();
    throw new Error(`the answer is ${length} bytes, over the ${MAX_BYTES} limit`);
  }
  try {
    const text = await res.text();
    if (text.length > MAX_BYTES) throw new Error(`the answer is over the ${MAX_BYTES} limit`);
    return text;
  } catch (err) {
    throw new Error(signal.aborted ? `no answer within ${options.timeoutMs} ms` : (err as Error).message, { cause: err });
  }
}
