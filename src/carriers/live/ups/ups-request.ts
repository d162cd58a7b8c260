import { sum } from '../../../domain/money';
import type { ShipmentToRate } from '../../carrier-rater';
import { upToText, valuePerParcel } from '../vendor-format';

/**
 * The UPS Rating API request (POST {base}/api/rating/{version}/Shop?additionalinfo=timeintransit),
 * written from UPS's OpenAPI contract "Rate" (Rating.yaml), schema
 * RATERequestWrapper, as copied in karrio modules/connectors/ups/vendors/Rating.yaml
 * at commit deea10f8568b2d48c71bbcc11ec11c62cdaf2a6a (read 2026-12-03).
 *
 * - Shop with time in transit: every UPS service for the route, each with its
 *   estimated arrival (`DeliveryTimeInformation` with the pickup date is
 *   required for that; `ShipmentTotalWeight` too);
 * - `NegotiatedRatesIndicator`: the account's negotiated rates, billed to the
 *   shipper's account; SubVersion 2409 for itemised charges and the zone;
 * - `AddressLine` is required by the contract but Frontera has no street: an empty list;
 * - kg to 1 decimal and cm to 2 decimals, rounded up, as strings;
 * - across a border, the goods value as `InvoiceLineTotal` (whole units, at least 1);
 *   with insurance, each package's share of it as `DeclaredValue`.
 */
export function upsRatesRequest(s: ShipmentToRate, account: string): Record<string, unknown> {
  const international = s.origin.country !== s.destination.country;
  const kgs = { Code: 'KGS', Description: 'Kilograms' };
  const values = s.insure ? valuePerParcel(s) : [];
  const currency = s.declaredValue.currency;
  return {
    RateRequest: {
      Request: { SubVersion: '2409', TransactionReference: { CustomerContext: 'Frontera landed-cost quote' } },
      Shipment: {
        Shipper: { ShipperNumber: account, Address: address(s.origin) },
        ShipTo: { Address: address(s.destination) },
        ShipFrom: { Address: address(s.origin) },
        PaymentDetails: { ShipmentCharge: [{ Type: '01', BillShipper: { AccountNumber: account } }] },
        ShipmentRatingOptions: { NegotiatedRatesIndicator: 'Y' },
        ShipmentTotalWeight: { UnitOfMeasurement: kgs, Weight: upToText(sum(s.parcels.map((p) => p.weightKg)), 1) },
        DeliveryTimeInformation: { PackageBillType: '03', Pickup: { Date: s.shipDate.replace(/-/g, '') } },
        ...(international ? { InvoiceLineTotal: { CurrencyCode: currency, MonetaryValue: upToText(s.declaredValue.amount, 0).replace(/^0$/, '1') } } : {}),
        Package: s.parcels.map((p, i) => ({
          PackagingType: { Code: '02', Description: 'Package' },
          Dimensions: {
            UnitOfMeasurement: { Code: 'CM', Description: 'Centimeters' },
            Length: upToText(p.lengthCm, 2),
            Width: upToText(p.widthCm, 2),
            Height: upToText(p.heightCm, 2),
          },
          PackageWeight: { UnitOfMeasurement: kgs, Weight: upToText(p.weightKg, 1) },
          ...(values[i] === undefined ? {} : { PackageServiceOptions: { DeclaredValue: { CurrencyCode: currency, MonetaryValue: values[i].toFixed(2) } } }),
        })),
      },
    },
  };
}

function address(a: { country: string; postalCode?: string; city?: string; region?: string }): Record<string, unknown> {
  return {
    AddressLine: [],
    ...(a.city === undefined ? {} : { City: a.city }),
    ...(a.region === undefined ? {} : { StateProvinceCode: a.region }),
    ...(a.postalCode === undefined ? {} : { PostalCode: a.postalCode }),
    CountryCode: a.country,
  };
}
