import { resolve } from 'node:path';
import { checkDataFolders } from '../data/check-data-folders';
import { formatLocated } from '../data/check-data-file';
import { defaultDataPaths } from '../data/load-data';
import { loadBundledRates } from '../fx/snapshot-loader';
import { readCliArgs } from './cli-args';

export interface DataCheckArgs {
  root: string;
  maxAgeDays: number;
  today: string;
}

const USAGE = 'usage: npm run data:check -- [--root <folder holding tariffs/ and carriers/>] [--max-age-days N] [--today YYYY-MM-DD]';

/** Options from argv, then the environment (DATA_MAX_AGE_DAYS), then defaults (180 days, today UTC). */
export function parseArgs(argv: readonly string[], env: Record<string, string | undefined>, now: Date, defaultRoot: string): DataCheckArgs {
  const args: DataCheckArgs = {
    root: defaultRoot,
    maxAgeDays: 180,
    today: now.toISOString().slice(0, 10),
  };
  const fromEnv = env.DATA_MAX_AGE_DAYS;
  if (fromEnv !== undefined && fromEnv !== '') args.maxAgeDays = days('DATA_MAX_AGE_DAYS', fromEnv);
  let cli;
  try {
    cli = readCliArgs(argv, ['root', 'max-age-days', 'today']);
  } catch (err) {
    throw new Error(`${(err as Error).message}; ${USAGE}`, { cause: err });
  }
  if (cli.files.length > 0) throw new Error(`unexpected argument "${cli.files[0]}"; ${USAGE}`);
  const last = (name: string) => cli.options.get(name)?.at(-1);
  const maxAge = last('max-age-days');
  if (maxAge !== undefined) args.maxAgeDays = days('--max-age-days', maxAge);
  const root = last('root');
  if (root !== undefined) args.root = resolve(root);
  const today = last('today');
  if (today !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`--today expects YYYY-MM-DD, got "${today}"`);
    args.today = today;
  }
  return args;
}

function days(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new Error(`${name} expects a whole number of days, got "${value}"`);
  return Number(value);
}

/**
 * `npm run data:check`: validates every tariff and carrier file and prints
 * one line per problem, `file:line:column path: sentence`. Returns the exit
 * code: 1 when any error is found, 0 when there are only warnings or none.
 */
export function runDataCheck(args: DataCheckArgs, print: (line: string) => void): number {
  const paths = defaultDataPaths(args.root);
  const rates = loadBundledRates(paths);
  const { files, problems } = checkDataFolders(paths, { rates, today: args.today, maxAgeDays: args.maxAgeDays });
  for (const p of problems) print(formatLocated(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  print(`${files.length} files checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (review dates older than ${args.maxAgeDays} days on ${args.today} are warnings)`);
  return errors > 0 ? 1 : 0;
}

if (require.main === module) {
  try {
    const args = parseArgs(process.argv.slice(2), process.env, new Date(), resolve(__dirname, '..', '..'));
    process.exitCode = runDataCheck(args, (line) => process.stdout.write(`${line}\n`));
  } catch (err) {
    process.stderr.write(`data:check: ${(err as Error).message}\n`);
    process.exitCode = 2;
  }
}
