/** True when `hs` (digits) falls under any of the prefixes. */
export function matchesAnyPrefix(hs: string, prefixes: readonly string[] | undefined): boolean {
  return prefixes !== undefined && prefixes.some((p) => hs.startsWith(p));
}
