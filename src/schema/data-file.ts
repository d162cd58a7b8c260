import { z } from 'zod';

/** A problem found in a data file: which file, where in it, what is wrong. */
export interface DataProblem {
  file: string;
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: DataProblem[] };

/** `periods[1].taxes[0].rate` from a zod issue path. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

export function zodProblems(file: string, error: z.ZodError): DataProblem[] {
  return error.issues.map((issue) => ({ file, path: formatJsonPath(issue.path), message: issue.message }));
}

/** The JSON value of a data file's text; never throws. */
export function parseJsonText(file: string, text: string): ParseResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, problems: [{ file, path: '(root)', message: `not valid JSON: ${(err as Error).message}` }] };
  }
}

/** A data file's JSON value checked with its schema; never throws. */
export function parseDataValue<S extends z.ZodType>(file: string, json: unknown, schema: S): ParseResult<z.output<S>> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: zodProblems(file, parsed.error) };
  return { ok: true, value: parsed.data };
}

/** Parse the text of a data file with its schema; never throws. */
export function parseDataText<S extends z.ZodType>(file: string, text: string, schema: S): ParseResult<z.output<S>> {
  const json = parseJsonText(file, text);
  return json.ok ? parseDataValue(file, json.value, schema) : json;
}

export function formatProblem(p: DataProblem): string {
  return `${p.file} ${p.path}: ${p.message}`;
}
