import type { LocalizedText } from '../schema/primitives';
import type { Locale } from './quote-input';

export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
