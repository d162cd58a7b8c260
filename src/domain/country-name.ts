import type { LocalizedText } from '../schema/primitives';

type Locale = keyof LocalizedText;

/** Node's ICU region names (CLDR), one formatter per language. */
const NAMES: Record<Locale, Intl.DisplayNames> = {
  es: new Intl.DisplayNames(['es'], { type: 'region', fallback: 'code' }),
  en: new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }),
};

/** "Taiwán (TW)": a country as a shop owner reads it, with its ISO code for the API. */
export function countryLabel(code: string, locale: Locale): string {
  let name: string | undefined;
  try {
    name = NAMES[locale].of(code);
  } catch {
    name = undefined; // not a well-formed region code: the code alone
  }
  return name && name !== code ? `${name} (${code})` : code;
}
