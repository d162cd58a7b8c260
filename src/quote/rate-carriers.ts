import type { CarrierRater, RateRejection, RateResult, ShipmentToRate } from '../carriers/carrier-rater';

/**
 * Prices of table carriers for a shipment, reused across requests that
 * differ only in what does not change them (item prices, the incoterm, HS
 * codes no restricted-goods rule catches). Belongs to one data snapshot; bounded, oldest entry out first.
 */
export class RatingCache {
  private readonly entries = new Map<string, RateResult>();

  constructor(readonly maxEntries = 5_000) {}

  get(key: string): RateResult | undefined {
    return this.entries.get(key);
  }

  set(key: string, result: RateResult): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, result);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** What a carrier's answer depends on; undefined when it must be asked every time (live prices). */
export function ratingKey(carrier: CarrierRater, s: ShipmentToRate): string | undefined {
  const reuse = carrier.reuse ?? 'no';
  if (reuse === 'no') return undefined;
  // Insurance is re-priced for each value where the carrier allows it (rateCached), so only then is the value left out.
  const insuranceNeedsValue = s.insure && carrier.insuranceByValue !== true;
  const valueMatters = reuse === 'sameValue' || insuranceNeedsValue;
  // A table whose value rules are thresholds only counts which of them the value passes.
  const thresholds = reuse === 'sameValue' && !insuranceNeedsValue ? carrier.valueKey?.(s) : undefined;
  return JSON.stringify([
    carrier.id,
    s.origin.country,
    s.origin.postalCode ?? '',
    s.destination.country,
    s.destination.region ?? '',
    s.destination.postalCode ?? '',
    s.parcels.map((p) => [p.lengthCm.toString(), p.widthCm.toString(), p.heightCm.toString(), p.weightKg.toString()]),
    s.shipDate,
    s.insure,
    thresholds !== undefined ? ['thresholds', thresholds] : valueMatters ? [s.declaredValue.amount.toString(), s.declaredValue.currency] : null,
    // HS codes (and the buyer) only as far as the carrier's restricted-goods rules catch them.
    carrier.restrictionKey?.(s) ?? '',
  ]);
}

/**
 * Ask every selected carrier for prices. A carrier that throws or takes
 * longer than `timeoutMs` never fails the quote: its services are dropped
 * with a note (karrio's "carrier errors beside other carriers' results").
 * With a cache, a table carrier's answer for the same shipment is reused.
 */
export async function rateCarriers(carriers: readonly CarrierRater[], shipment: ShipmentToRate, timeoutMs: number, cache?: RatingCache): Promise<RateResult> {
  const results = await Promise.all(carriers.map((c) => rateCached(c, shipment, timeoutMs, cache)));
  return { options: results.flatMap((r) => r.options), rejections: results.flatMap((r, i) => r.rejections.map((x) => named(carriers[i]!.name, x))) };
}

/** A refusal that names its carrier: "DHL Express: …" unless the reason already says which carrier it is. */
function named(name: string, r: RateRejection): RateRejection {
  if (r.reason.en.includes(name) && r.reason.es.includes(name)) return r;
  return { ...r, reason: { es: `${name}: ${r.reason.es}`, en: `${name}: ${r.reason.en}` } };
}

async function rateCached(carrier: CarrierRater, shipment: ShipmentToRate, timeoutMs: number, cache: RatingCache | undefined): Promise<RateResult> {
  const key = cache ? ratingKey(carrier, shipment) : undefined;
  const hit = key === undefined ? undefined : cache?.get(key);
  if (hit) return shipment.insure && carrier.insuranceByValue === true ? insuredAt(hit, shipment.declaredValue) : hit;
  const result = await rateOne(carrier, shipment, timeoutMs);
  // Failures are not kept: the next request asks again.
  if (key !== undefined && result.rejections.every((r) => r.code !== 'CARRIER_ERROR' && r.code !== 'CARRIER_TIMEOUT')) cache?.set(key, result);
  return result;
}

/** A cached answer with each option's insurance priced for this declared value (the only part that depends on it). */
function insuredAt(result: RateResult, declaredValue: ShipmentToRate['declaredValue']): RateResult {
  return { ...result, options: result.options.map((o) => (o.insureFor ? { ...o, insurance: o.insureFor(declaredValue) } : o)) };
}

async function rateOne(carrier: CarrierRater, shipment: ShipmentToRate, timeoutMs: number): Promise<RateResult> {
  let answer: RateResult | Promise<RateResult>;
  try {
    answer = carrier.rate(shipment);
  } catch (err) {
    return errorResult(carrier, err);
  }
  // A table answers synchronously: no timer needed.
  if (!(answer instanceof Promise)) return answer;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const result = await Promise.race([answer, timeout]);
    if (result === 'timeout') return failed(carrier, 'CARRIER_TIMEOUT', { es: `${carrier.name} no respondió en ${timeoutMs} ms.`, en: `${carrier.name} did not answer within ${timeoutMs} ms.` });
    return result;
  } catch (err) {
    return errorResult(carrier, err);
  } finally {
    clearTimeout(timer);
  }
}

function errorResult(carrier: CarrierRater, err: unknown): RateResult {
  const message = err instanceof Error ? err.message : String(err);
  return failed(carrier, 'CARRIER_ERROR', { es: `${carrier.name} no pudo cotizar: ${message}`, en: `${carrier.name} could not quote: ${message}` });
}

function failed(carrier: CarrierRater, code: string, reason: { es: string; en: string }): RateResult {
  return { options: [], rejections: [{ carrier: carrier.id, service: '*', code, reason }] };
}
