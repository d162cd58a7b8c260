import type { LocalizedText } from '../../schema/primitives';
import { redactUrlsIn } from '../../schema/redact-url';

/**
 * Credentials never leave through a note, an answer or a log: every text a
 * live adapter builds from a vendor's answer or an error goes through here.
 * The configured secrets (keys, passwords, tokens, account numbers) become
 * "***"; URLs lose their user name, password, query and fragment; an
 * Authorization value (Basic, Bearer, Token) is masked whatever it is.
 */
const AUTH_VALUE = /\b(Basic|Bearer|Token)\s+[A-Za-z0-9._~+/=-]{6,}/g;
/** Shorter values are too likely to appear by chance (a "1" in a price) to be masked. */
const MIN_SECRET_LENGTH = 4;

export function redactText(text: string, secrets: readonly string[]): string {
  let out = redactUrlsIn(text).replace(AUTH_VALUE, (_m, kind: string) => `${kind} ***`);
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join('***');
  }
  return out;
}

export function redactLocalized(text: LocalizedText, secrets: readonly string[]): LocalizedText {
  return { es: redactText(text.es, secrets), en: redactText(text.en, secrets) };
}
