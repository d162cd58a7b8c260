import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { D } from '../../domain/money';
import { currencyCodeSchema } from '../../schema/primitives';
import { ECB_SOURCE } from '../ecb-csv';
import type { RateTable } from '../rate-table';

const RATE = /^\d+(\.\d+)?$/;

/** Namespaces dropped (`gesmes:Envelope` → `Envelope`), attributes kept as plain keys, every Cube a list. */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => name === 'Cube',
});

interface CubeNode {
  time?: string;
  currency?: string;
  rate?: string;
  Cube?: CubeNode[];
}

/**
 * Parse the ECB's daily reference-rate file (eurofxref-daily.xml: a gesmes
 * envelope holding `<Cube time="…">` with one `<Cube currency rate/>` per
 * currency, units per EUR) with an XML parser. Throws with a precise message
 * on anything else, so a feed that answers with an HTML error page or a
 * truncated body is refused, never half-used.
 */
export function parseEcbDailyXml(text: string, source = `${ECB_SOURCE} (live feed)`): RateTable {
  if (!/<(\w+:)?Envelope\b/.test(text) || !text.includes('eurofxref')) throw new Error('ECB XML: not a eurofxref envelope');
  // A truncated body (the usual failure of a feed) is not well-formed: the day block is not there whole.
  if (XMLValidator.validate(text) !== true) throw new Error('ECB XML: no <Cube time="YYYY-MM-DD"> block');
  const doc = parser.parse(text) as { Envelope?: { Cube?: CubeNode[] } };
  const day = doc.Envelope?.Cube?.[0]?.Cube?.find((c) => typeof c.time === 'string');
  if (!day?.time || !/^\d{4}-\d{2}-\d{2}$/.test(day.time)) throw new Error('ECB XML: no <Cube time="YYYY-MM-DD"> block');
  const asOf = day.time;
  if (Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) throw new Error(`ECB XML: "${asOf}" is not a date`);
  const rates = new Map<string, InstanceType<typeof D>>();
  for (const cube of day.Cube ?? []) {
    const { currency: code, rate } = cube;
    if (code === undefined || !currencyCodeSchema.safeParse(code).success) continue; // retired codes
    if (rate === undefined || !RATE.test(rate) || new D(rate).isZero()) throw new Error(`ECB XML: ${code}: expected a positive rate, got ${JSON.stringify(rate ?? null)}`);
    rates.set(code, new D(rate));
  }
  // The peso is what this service is for; a file without USD or MXN is not the ECB daily file.
  for (const needed of ['USD', 'MXN']) if (!rates.has(needed)) throw new Error(`ECB XML: no ${needed} rate`);
  return { asOf, source, base: 'EUR', rates };
}
