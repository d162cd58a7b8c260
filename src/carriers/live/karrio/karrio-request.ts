import type { ShipmentToRate } from '../../carrier-rater';
import { upTo } from '../vendor-format';

/**
 * The karrio rate request (POST {base}/v1/proxy/rates), written from
 * karrio's OpenAPI document "Karrio API" 2026.1.32, schema RateRequest
 * (schemas/openapi.yml in karrioapi/karrio at commit
 * deea10f8568b2d48c71bbcc11ec11c62cdaf2a6a, read 2026-12-03). No
 * `carrier_ids`: karrio asks every carrier the shop has connected.
 *
 * - kg to 3 decimals and cm to 2, rounded up;
 * - the goods value as the `declared_value` option in its currency;
 * - `shipping_date` at noon of the ship date (Frontera does not know the hour).
 */
export function karrioRatesRequest(s: ShipmentToRate): Record<string, unknown> {
  return {
    shipper: address(s.origin),
    recipient: { ...address(s.destination), ...(s.destination.region === undefined ? {} : { state_code: s.destination.region }) },
    parcels: s.parcels.map((p) => ({
      weight: upTo(p.weightKg, 3),
      weight_unit: 'KG',
      length: upTo(p.lengthCm, 2),
      width: upTo(p.widthCm, 2),
      height: upTo(p.heightCm, 2),
      dimension_unit: 'CM',
    })),
    options: { currency: s.declaredValue.currency, declared_value: upTo(s.declaredValue.amount, 2), shipping_date: `${s.shipDate}T12:00` },
  };
}

function address(a: { country: string; postalCode?: string; city?: string }): Record<string, string> {
  return { ...(a.postalCode === undefined ? {} : { postal_code: a.postalCode }), ...(a.city === undefined ? {} : { city: a.city }), country_code: a.country };
}
