import { D } from '../../domain/money';
import { currencyCodeSchema } from '../../schema/primitives';
import { ECB_SOURCE } from '../ecb-csv';
import type { RateTable } from '../rate-table';

const TIME_CUBE = /<Cube\s+time\s*=\s*["'](\d{4}-\d{2}-\d{2})["']\s*>([\s\S]*?)<\/Cube>/;
const RATE_CUBE = /<Cube\s+currency\s*=\s*["']([A-Z]{3})["']\s+rate\s*=\s*["']([^"']*)["']\s*\/>/g;
const RATE = /^\d+(\.\d+)?$/;

/**
 * Parse the ECB's daily reference-rate file (eurofxref-daily.xml: a gesmes
 * envelope holding `<Cube time="…">` with one `<Cube currency rate/>` per
 * currency, units per EUR). Throws with a precise message on anything else,
 * so a feed that answers with an HTML error page or a truncated body is
 * refused, never half-used. The file is small and flat: a regular expression
 * over it is enough, without an XML library.
 */
export function parseEcbDailyXml(text: string, source = `${ECB_SOURCE} (live feed)`): RateTable {
  if (!/<(\w+:)?Envelope\b/.test(text) || !text.includes('eurofxref')) throw new Error('ECB XML: not a eurofxref envelope');
  const day = TIME_CUBE.exec(text);
  if (!day) throw new Error('ECB XML: no <Cube time="YYYY-MM-DD"> block');
  const asOf = day[1] as string;
  if (Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) throw new Error(`ECB XML: "${asOf}" is not a date`);
  const rates = new Map<string, InstanceType<typeof D>>();
  for (const m of (day[2] as string).matchAll(RATE_CUBE)) {
    const [, code, rate] = m as unknown as [string, string, string];
    if (!currencyCodeSchema.safeParse(code).success) continue; // retired codes
    if (!RATE.test(rate) || new D(rate).isZero()) throw new Error(`ECB XML: ${code}: expected a positive rate, got ${JSON.stringify(rate)}`);
    rates.set(code, new D(rate));
  }
  // The peso is what this service is for; a file without USD or MXN is not the ECB daily file.
  for (const needed of ['USD', 'MXN']) if (!rates.has(needed)) throw new Error(`ECB XML: no ${needed} rate`);
  return { asOf, source, base: 'EUR', rates };
}
