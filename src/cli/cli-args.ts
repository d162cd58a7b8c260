import { parseArgs } from 'node:util';

/** Command line: positional arguments and `--name value` options (each may repeat). */
export interface CliArgs {
  files: string[];
  options: Map<string, string[]>;
}

/**
 * Read a command line with node:util `parseArgs`: every known option takes a
 * value and may repeat; positionals are allowed. Node's errors become one
 * sentence naming the option ("unknown option --x", "--root needs a value").
 */
export function readCliArgs(argv: readonly string[], known: readonly string[]): CliArgs {
  const options = Object.fromEntries(known.map((k) => [k, { type: 'string' as const, multiple: true }]));
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const flag = /'(-[^' ]+)/.exec((err as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new Error(`unknown option ${flag} (known: ${known.map((k) => `--${k}`).join(', ')})`, { cause: err });
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new Error(`${flag} needs a value`, { cause: err });
    throw err;
  }
  const values = new Map<string, string[]>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) values.set(name, value);
  }
  return { files: parsed.positionals, options: values };
}

/** Today's date (UTC) as YYYY-MM-DD. */
export function todayIso(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Run a command: its exit code, or 1 with the error and the usage when it throws. */
export function runCommand(main: (argv: string[]) => number, usage: string): void {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    console.error(usage);
    process.exitCode = 1;
  }
}
