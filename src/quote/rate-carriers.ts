import type { CarrierRater, RateResult, ShipmentToRate } from '../carriers/carrier-rater';

/**
 * Ask every selected carrier for prices. A carrier that throws or takes
 * longer than `timeoutMs` never fails the quote: its services are dropped
 * with a note (karrio's "carrier errors beside other carriers' results").
 */
export async function rateCarriers(carriers: readonly CarrierRater[], shipment: ShipmentToRate, timeoutMs: number): Promise<RateResult> {
  const results = await Promise.all(carriers.map((c) => rateOne(c, shipment, timeoutMs)));
  return { options: results.flatMap((r) => r.options), rejections: results.flatMap((r) => r.rejections) };
}

async function rateOne(carrier: CarrierRater, shipment: ShipmentToRate, timeoutMs: number): Promise<RateResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const result = await Promise.race([Promise.resolve().then(() => carrier.rate(shipment)), timeout]);
    if (result === 'timeout') return failed(carrier, 'CARRIER_TIMEOUT', { es: `${carrier.name} no respondió en ${timeoutMs} ms.`, en: `${carrier.name} did not answer within ${timeoutMs} ms.` });
    return result;
  } catch (err) {
    return failed(carrier, 'CARRIER_ERROR', {
      es: `${carrier.name} no pudo cotizar: ${(err as Error).message}`,
      en: `${carrier.name} could not quote: ${(err as Error).message}`,
    });
  } finally {
    clearTimeout(timer);
  }
}

function failed(carrier: CarrierRater, code: string, reason: { es: string; en: string }): RateResult {
  return { options: [], rejections: [{ carrier: carrier.id, service: '*', code, reason }] };
}
