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

export function verifyShopifyHmac(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(header.trim(), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
