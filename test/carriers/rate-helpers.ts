import { join } from 'node:path';
import type Decimal from 'decimal.js';
import { D } from '../../src/domain/money';
import { loadCarrierFile } from '../../src/carriers/carrier-loader';
import type { CarrierFile } from '../../src/carriers/carrier-schema';
import type { NormalisedParcel, RateResult, RatedService, ShipmentToRate } from '../../src/carriers/carrier-rater';
import { formatProblem } from '../../src/schema/data-file';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'carriers');

export function loadFixture(name: string): CarrierFile {
  const result = loadCarrierFile(join(FIXTURES, name));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.value;
}

/** Sides in cm, weight in kg (the caller has already converted lb and in). */
export function parcel(lengthCm: Decimal.Value, widthCm: Decimal.Value, heightCm: Decimal.Value, weightKg: Decimal.Value): NormalisedParcel {
  return { lengthCm: new D(lengthCm), widthCm: new D(widthCm), heightCm: new D(heightCm), weightKg: new D(weightKg) };
}

/** Test rates: 1 USD = 18 MXN, both ways; anything else unknown. */
export function convert(amount: Decimal, from: string, to: string): Decimal {
  if (from === to) return amount;
  if (from === 'USD' && to === 'MXN') return amount.times(18);
  if (from === 'MXN' && to === 'USD') return amount.div(18);
  throw new Error(`no test rate ${from}→${to}`);
}

export function shipment(over: Partial<ShipmentToRate> = {}): ShipmentToRate {
  return {
    origin: { country: 'MX', postalCode: '64000' },
    destination: { country: 'US', postalCode: '10001' },
    parcels: [parcel(10, 10, 10, '1.2')],
    declaredValue: { amount: new D(1000), currency: 'MXN' },
    shipDate: '2026-05-04',
    insure: false,
    items: [],
    buyer: 'consumer',
    convert,
    ...over,
  };
}

export function option(result: RateResult, service: string): RatedService {
  const found = result.options.find((o) => o.service === service);
  if (found === undefined) throw new Error(`no ${service} option; rejections: ${JSON.stringify(result.rejections)}`);
  return found;
}

/** [code, amount] pairs, amounts at full precision. */
export function amounts(rated: RatedService): Array<[string, string]> {
  return rated.lines.map((l) => [l.code, l.amount.toFixed()]);
}

export const CARRIERS_DIR = join(__dirname, '..', '..', 'carriers');

/** A table from carriers/, failing the test file with the loader's problems. */
export function loadCarrier(name: string): CarrierFile {
  const result = loadCarrierFile(join(CARRIERS_DIR, name));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.value;
}

/** Test rates both ways: 1 USD = 18 MXN. */
export function convertBothWays(amount: Decimal, from: string, to: string): Decimal {
  if (from === to) return amount;
  if (from === 'USD' && to === 'MXN') return amount.times(18);
  if (from === 'MXN' && to === 'USD') return amount.div(18);
  throw new Error(`no test rate ${from}→${to}`);
}
