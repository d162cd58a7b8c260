import type Decimal from 'decimal.js';
import { sum } from '../../../domain/money';
import type { ShipmentToRate } from '../../carrier-rater';
import { upTo, valuePerParcel } from '../vendor-format';

/**
 * The FedEx Rates and Transit Times API request (POST {base}/rate/v1/rates/quotes),
 * written from FedEx's OpenAPI contract "Rates and Transit Times API" 1.0.0,
 * schema Full_Schema_Quote_Rate, as copied in karrio
 * modules/connectors/fedex/vendor/rate-api.json at commit
 * deea10f8568b2d48c71bbcc11ec11c62cdaf2a6a (read 2026-12-03).
 *
 * - `rateRequestType: ["ACCOUNT"]`: the account's own rates; transit times asked;
 * - one package line per parcel: kg to 2 decimals rounded up, whole cm rounded
 *   up (the contract's dimensions are integers), the goods value split over the
 *   parcels by weight as `declaredValue` when insurance is asked;
 * - across a border, one commodity holding the whole consignment: its weight
 *   and the goods value as `customsValue` (Frontera does not send item lines);
 * - `stateOrProvinceCode` from destination.region (FedEx requires it for US, CA, PR);
 * - drop-off at a FedEx location, the contract examples' pickup type.
 */
export function fedexRatesRequest(s: ShipmentToRate, account: string): Record<string, unknown> {
  const international = s.origin.country !== s.destination.country;
  const totalKg = sum(s.parcels.map((p) => p.weightKg));
  const values = s.insure ? valuePerParcel(s) : [];
  return {
    accountNumber: { value: account },
    rateRequestControlParameters: { returnTransitTimes: true },
    requestedShipment: {
      shipper: { address: address(s.origin) },
      recipient: { address: { ...address(s.destination), ...(s.destination.region === undefined ? {} : { stateOrProvinceCode: s.destination.region }) } },
      shipDateStamp: s.shipDate,
      pickupType: 'DROPOFF_AT_FEDEX_LOCATION',
      rateRequestType: ['ACCOUNT'],
      packagingType: 'YOUR_PACKAGING',
      totalPackageCount: s.parcels.length,
      totalWeight: upTo(totalKg, 1),
      requestedPackageLineItems: s.parcels.map((p, i) => ({
        weight: { units: 'KG', value: upTo(p.weightKg, 2) },
        dimensions: { length: upTo(p.lengthCm, 0), width: upTo(p.widthCm, 0), height: upTo(p.heightCm, 0), units: 'CM' },
        ...(values[i] === undefined ? {} : { declaredValue: { amount: Number((values[i] as Decimal).toFixed()), currency: s.declaredValue.currency } }),
      })),
      ...(international
        ? {
            customsClearanceDetail: {
              commodities: [
                {
                  description: 'Merchandise',
                  quantity: 1,
                  quantityUnits: 'PCS',
                  weight: { units: 'KG', value: upTo(totalKg, 2) },
                  customsValue: { amount: upTo(s.declaredValue.amount, 2), currency: s.declaredValue.currency },
                },
              ],
            },
          }
        : {}),
    },
  };
}

function address(a: { country: string; postalCode?: string; city?: string }): Record<string, string> {
  return { ...(a.postalCode === undefined ? {} : { postalCode: a.postalCode }), ...(a.city === undefined ? {} : { city: a.city }), countryCode: a.country };
}
