/** An input quoted in an error message is cut to this many characters, so a message never grows with the input. */
export const MAX_QUOTED_INPUT = 60;

/**
 * An input as JSON for an error message ("got …"): `nothing` when absent,
 * cut to MAX_QUOTED_INPUT characters, and never a throw (a value too deep
 * or too odd to serialise is named by its type).
 */
export function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(input) ?? String(input);
  } catch {
    text = Array.isArray(input) ? 'a list' : typeof input;
  }
  return text.length <= MAX_QUOTED_INPUT ? text : `${text.slice(0, MAX_QUOTED_INPUT)}…`;
}
