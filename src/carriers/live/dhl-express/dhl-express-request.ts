import type { ShipmentToRate } from '../../carrier-rater';
import { upTo } from '../vendor-format';

/**
 * The MyDHL API rate request (POST {base}/rates), written from DHL's OpenAPI
 * contract "DHL Express APIs (MyDHL API)" 3.1.1, schema
 * supermodelIoLogisticsExpressRateRequest, as copied in karrio
 * modules/connectors/mydhl/vendors/dpdhl-express-api-3.1.1_swagger.yaml at
 * commit deea10f8568b2d48c71bbcc11ec11c62cdaf2a6a (read 2026-12-03).
 *
 * - cities are required by the contract (`cityName`); the caller checks them first;
 * - `plannedShippingDateAndTime` is noon of the ship date: Frontera does not
 *   know the hand-over hour, and noon keeps the date for any origin from UTC−11 to UTC+11;
 * - metric units: kg to 3 decimals and cm to 3 decimals (`multipleOf: 0.001`), rounded up;
 * - `isCustomsDeclarable` when the shipment crosses a border, with the goods
 *   value as `monetaryAmount` declaredValue; insurance asked as value-added service II;
 * - `estimatedDeliveryDate` QDDC: DHL's delivery commitment including clearance.
 */
export function dhlRatesRequest(s: ShipmentToRate, account: string): Record<string, unknown> {
  const declarable = s.origin.country !== s.destination.country;
  const value = { value: upTo(s.declaredValue.amount, 2), currency: s.declaredValue.currency };
  return {
    customerDetails: {
      shipperDetails: { postalCode: s.origin.postalCode ?? '', cityName: s.origin.city ?? '', countryCode: s.origin.country },
      receiverDetails: {
        postalCode: s.destination.postalCode ?? '',
        cityName: s.destination.city ?? '',
        countryCode: s.destination.country,
        ...(s.destination.region === undefined ? {} : { provinceCode: s.destination.region }),
      },
    },
    accounts: [{ typeCode: 'shipper', number: account }],
    plannedShippingDateAndTime: `${s.shipDate}T12:00:00GMT+00:00`,
    unitOfMeasurement: 'metric',
    isCustomsDeclarable: declarable,
    ...(declarable ? { monetaryAmount: [{ typeCode: 'declaredValue', ...value }] } : {}),
    ...(s.insure ? { valueAddedServices: [{ serviceCode: 'II', ...value }] } : {}),
    estimatedDeliveryDate: { isRequested: true, typeCode: 'QDDC' },
    nextBusinessDay: true,
    returnStandardProductsOnly: false,
    productTypeCode: 'all',
    packages: s.parcels.map((p) => ({
      weight: upTo(p.weightKg, 3),
      dimensions: { length: upTo(p.lengthCm, 3), width: upTo(p.widthCm, 3), height: upTo(p.heightCm, 3) },
    })),
  };
}
