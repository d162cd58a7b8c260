import type { LocalizedText } from '../schema/primitives';

/**
 * Text the engine builds (workings, rate expressions) without choosing a
 * language: numbers, codes and units are written once, words come from
 * phrase tables with an English and a Spanish template each, and the answer
 * renders the whole in the request's locale (`say`). Carriers and the duty,
 * tax and fee functions stay pure and language-free, so a carrier's answer
 * can be cached and reused for a request in the other language.
 *
 * A wording is a tree: a string is language-neutral ("16.5% × 700.00 USD"),
 * a LocalizedText is a data file's own name in both languages, a Phrase is
 * a template with its values, and a list is the parts in order.
 */
export type Locale = keyof LocalizedText;

/** A template per language: its arguments are the values, already rendered in the same language. */
export interface Template<A extends readonly string[] = readonly string[]> {
  readonly en: (...args: A) => string;
  readonly es: (...args: A) => string;
}

export interface Phrase {
  readonly template: Template;
  readonly args: readonly Wording[];
}

export type Wording = string | LocalizedText | Phrase | readonly Wording[];

type Args<A extends readonly unknown[]> = { readonly [I in keyof A]: Wording };

/** A phrase table: each entry becomes a function from its values to a Phrase (`P.piece('1')`). */
export function phrases<T extends Record<string, Template<never>>>(table: T): { [K in keyof T]: (...args: Args<Parameters<T[K]['en']>>) => Phrase } {
  const out: Record<string, (...args: Wording[]) => Phrase> = {};
  for (const [key, template] of Object.entries(table)) out[key] = (...args: Wording[]) => ({ template: template as unknown as Template, args });
  return out as { [K in keyof T]: (...args: Args<Parameters<T[K]['en']>>) => Phrase };
}

/** Tagged template: the literal text is language-neutral, the values are wordings (`w\`${n} × ${P.piece(i)}\``). */
export function w(strings: TemplateStringsArray, ...values: readonly Wording[]): Wording {
  const parts: Wording[] = [];
  strings.forEach((s, i) => {
    if (s !== '') parts.push(s);
    if (i < values.length) parts.push(values[i] as Wording);
  });
  return parts;
}

/** The parts with `separator` between them ("; ", " + "). */
export function joined(parts: readonly Wording[], separator: Wording): Wording {
  const out: Wording[] = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push(separator);
    out.push(p);
  });
  return out;
}

function isPhrase(x: Phrase | LocalizedText): x is Phrase {
  return 'template' in x;
}

/** The wording in one language. */
export function say(x: Wording, locale: Locale): string {
  if (typeof x === 'string') return x;
  if (Array.isArray(x)) {
    let s = '';
    for (const part of x as readonly Wording[]) s += say(part, locale);
    return s;
  }
  const y = x as Phrase | LocalizedText;
  if (!isPhrase(y)) return y[locale];
  return y.template[locale](...y.args.map((a) => say(a, locale)));
}

/** The wording in both languages, for a note (notes carry both; the answer keeps one). */
export function sayBoth(x: Wording): LocalizedText {
  return { es: say(x, 'es'), en: say(x, 'en') };
}
