import { resolve } from 'node:path';
import { importEuDuty } from '../tariffs/importers/eu-duty';
import { describeImport, readCsvFiles, writeImport } from '../tariffs/importers/run-import';
import { readCliArgs, runCommand, todayIso } from './cli-args';

/** The EU's common customs tariff is written once, in the customs union file every member file refers to. */
const EU_UNION_FILE = resolve(__dirname, '..', '..', 'tariffs', 'unions', 'EU.json');

const USAGE = `Usage: npm run import:eu-duty -- <eu-duty-by-origin.csv> [--out <file> ...] [--base <file>] [--origin MX] [--agreement EU-MX] [--reviewed YYYY-MM-DD]

Reads the EU duty-by-origin table (one row per HS6 and origin) and writes the EU MFN measures and
the origin's preferential measures into the EU customs union file, keeping its other parts; all 27
member files (tariffs/<ISO2>.json, "customsUnion": "EU") take the new schedule from it.
  --out        file to write; repeat for several (default tariffs/unions/EU.json)
  --base       tariff file whose other parts are kept (default: each --out)
  --origin     origin whose "pref" rows become preferential measures (default MX)
  --agreement  agreement id of those measures (default EU-MX)
  --reviewed   review date of the source (default: today)`;

function main(argv: string[]): number {
  if (argv.includes('--help') || argv.length === 0) {
    console.log(USAGE);
    return argv.length === 0 ? 1 : 0;
  }
  const args = readCliArgs(argv, ['out', 'base', 'origin', 'agreement', 'reviewed']);
  const outs = args.options.get('out') ?? [EU_UNION_FILE];
  const imp = importEuDuty(readCsvFiles(args.files), {
    origin: args.options.get('origin')?.[0] ?? 'MX',
    agreement: args.options.get('agreement')?.[0] ?? 'EU-MX',
  });
  const title = `EU customs duty by origin per HS6 for chapters ${imp.chapters.join(', ')} (EU TARIC as published by the UK Trade Tariff XI service, duty-by-origin table). Contains public sector information licensed under the Open Government Licence v3.0.`;
  const reviewed = args.options.get('reviewed')?.[0] ?? todayIso(new Date());
  console.log(describeImport(imp, args.files));
  let failed = false;
  for (const out of outs) {
    const problems = writeImport(imp, args.options.get('base')?.[0] ?? out, out, { title, reviewed, licence: 'OGL-3.0' });
    if (problems.length > 0) {
      console.error(`${out} not written\n${problems.join('\n')}`);
      failed = true;
    } else console.log(`wrote ${out}`);
  }
  return failed ? 1 : 0;
}

runCommand(main, USAGE);
