import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Shopify signs with X-Shopify-Hmac-Sha256: base64 of HMAC-SHA256 over the
 * raw request body, keyed with the app's API secret (shopify.dev, "Verify
 * webhooks"). The body must be the bytes received, before any JSON parsing.
 * Compared in constant time so the answer time leaks nothing about the
 * expected signature.
 */
export function shopifyHmac(rawBody: Buffer, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/**
 * A SHA-256 (32 bytes) in standard base64 with its padding, as Shopify sends
 * it: 43 characters of A–Z a–z 0–9 + / and one "=". Node's base64 decoder is
 * lenient (it takes base64url, skips junk, stops early), so the form is
 * checked before decoding: only one spelling of a signature is accepted.
 */
const SHOPIFY_SIGNATURE = /^[A-Za-z0-9+/]{43}=$/;

export function verifyShopifyHmac(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  if (header === undefined || !SHOPIFY_SIGNATURE.test(header)) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(header, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
