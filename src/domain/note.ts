import type { LocalizedText } from '../schema/primitives';

/**
 * A note the engine or a carrier attaches to a quote or an option, in both
 * languages; the answer keeps the request's. `sourceKey` names an entry of
 * the destination tariff file's `sources`.
 */
export interface Note {
  code: string;
  severity: 'info' | 'warning';
  text: LocalizedText;
  sourceKey?: string;
}
