import { say, type Wording } from '../../src/domain/wording';

/** A working as the answer shows it in English (undefined stays undefined, so a missing line still fails clearly). */
export function en(x: Wording | undefined): string | undefined {
  return x === undefined ? undefined : say(x, 'en');
}

/** The same working in Spanish. */
export function es(x: Wording | undefined): string | undefined {
  return x === undefined ? undefined : say(x, 'es');
}
