import { stringify } from 'csv-stringify/sync';
import type { CompareResult } from '../schema/compare-schema';

/**
 * The price list columns: stable snake_case names (a shop imports them into a marketplace
 * sheet whatever the answer's language); amounts are the rows' decimal strings, in `currency`.
 */
const COLUMNS = [
  'country', 'name', 'currency', 'goods_value', 'carrier', 'service', 'shipping', 'insurance', 'duties', 'taxes', 'fees',
  'landed_cost', 'payable_at_checkout', 'payable_on_delivery', 'delivery_earliest', 'delivery_latest', 'confidence',
] as const;

/**
 * `POST /compare` with `Accept: text/csv`: one row per ranked destination (its cheapest
 * option), in ranking order, written by csv-stringify (RFC 4180: comma-separated, CRLF
 * line ends, a field with a comma, quote or line break in double quotes, quotes doubled).
 * UTF-8 with a byte-order mark, so spreadsheet programs read "Japón" as it is written.
 * Refused destinations are not rows (the JSON answer lists them; the header X-Frontera-Refused counts them).
 */
export function compareCsv(result: CompareResult): string {
  const rows = result.destinations.map((d) => [
    d.country, d.name, d.currency, d.goodsValue, d.cheapest.carrier, d.cheapest.service, d.cheapest.shipping, d.cheapest.insurance,
    d.cheapest.duties, d.cheapest.taxes, d.cheapest.fees, d.cheapest.landedCost, d.cheapest.payableAtCheckout, d.cheapest.payableOnDelivery,
    d.cheapest.estimatedDelivery.earliest, d.cheapest.estimatedDelivery.latest, d.confidence,
  ]);
  return stringify(rows, { header: true, columns: [...COLUMNS], bom: true, record_delimiter: 'windows' });
}

/** The download's file name: origin, ship date and the currency (or "local" when each row is in its destination's). */
export function compareCsvFileName(origin: string, result: CompareResult): string {
  const money = result.priceIn === 'destination' ? 'local' : result.currency;
  return `frontera-where-to-sell-${origin}-${result.shipDate}-${money}.csv`;
}
