import { buildCarrierRegistry } from '../../../src/carriers/carrier-registry';
import type { CarrierRater, ShipmentToRate } from '../../../src/carriers/carrier-rater';
import type { CarrierFile } from '../../../src/carriers/carrier-schema';
import type { LiveDeps } from '../../../src/carriers/live/live-http';
import { convert, loadCarrier, parcel, shipment } from '../rate-helpers';
import { json, type FakeVendor } from './fake-vendor';

/**
 * Settings and answers for the vendor fakes: one loopback server plays the
 * four vendors under different base paths. The credentials are made up and
 * distinctive, so a test can prove they never come out.
 */
export const SECRETS = {
  dhlKey: 'dhl-key-4821q',
  dhlSecret: 'dhl-secret-77aa',
  dhlAccount: '950000123',
  fedexId: 'fedex-client-9a1',
  fedexSecret: 'fedex-secret-c0ffee',
  fedexAccount: '740561073',
  upsId: 'ups-client-5b2x',
  upsSecret: 'ups-secret-d00d',
  upsAccount: 'A1B2C3',
  karrioKey: 'key_karrio_0f9e8d',
};

export const PATHS = {
  dhl: '/mydhlapi/rates',
  fedexToken: '/fedex/oauth/token',
  fedexRates: '/fedex/rate/v1/rates/quotes',
  upsToken: '/ups/security/v1/oauth/token',
  upsRates: '/ups/api/rating/v2409/Shop',
  karrio: '/karrio/v1/proxy/rates',
};

export type Vendor = 'dhl' | 'fedex' | 'ups' | 'karrio';

/** Quick retries for tests: one retry after 10 ms; limits wide enough for a busy test machine (1000 ms an attempt, 3000 ms in all). */
const TUNING = { TIMEOUT_MS: '1000', RETRIES: '1', BACKOFF_MS: '10', BUDGET_MS: '3000' };

export function vendorEnv(base: string, vendors: readonly Vendor[], tuning: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  const add = (prefix: string, vars: Record<string, string>) => {
    for (const [k, v] of Object.entries({ ...vars, ...TUNING, ...tuning })) env[prefix + k] = v;
  };
  if (vendors.includes('dhl')) add('DHL_EXPRESS_', { API_URL: `${base}/mydhlapi`, API_KEY: SECRETS.dhlKey, API_SECRET: SECRETS.dhlSecret, ACCOUNT: SECRETS.dhlAccount });
  if (vendors.includes('fedex')) add('FEDEX_', { API_URL: `${base}/fedex`, CLIENT_ID: SECRETS.fedexId, CLIENT_SECRET: SECRETS.fedexSecret, ACCOUNT: SECRETS.fedexAccount });
  if (vendors.includes('ups')) add('UPS_', { API_URL: `${base}/ups`, CLIENT_ID: SECRETS.upsId, CLIENT_SECRET: SECRETS.upsSecret, ACCOUNT: SECRETS.upsAccount });
  if (vendors.includes('karrio')) add('KARRIO_', { API_URL: `${base}/karrio`, API_KEY: SECRETS.karrioKey });
  return env;
}

export const TABLES: CarrierFile[] = ['dhl-express.json', 'fedex.json', 'ups.json', 'estafeta.json', 'correos-de-mexico.json'].map(loadCarrier);

/** The registry as the server builds it, with the fakes' settings. */
export function raters(env: Record<string, string>, deps: Partial<LiveDeps> = {}, tables: CarrierFile[] = TABLES): CarrierRater[] {
  const built = buildCarrierRegistry(tables, env, deps);
  if (built.problems.length > 0) throw new Error(JSON.stringify(built.problems));
  return built.carriers;
}

export function rater(carriers: CarrierRater[], id: string): CarrierRater {
  const found = carriers.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no carrier ${id}`);
  return found;
}

/** Test rates: 1 USD = 18 MXN, both ways (the carrier tests' own). */
export { convert };

/** Monterrey → New York, Monday 2026-05-04: one 30×20×10 cm box of 1.2 kg, MXN 1000.00 of goods. */
export function mxToUs(over: Partial<ShipmentToRate> = {}): ShipmentToRate {
  return shipment({
    origin: { country: 'MX', postalCode: '64000', city: 'Monterrey' },
    destination: { country: 'US', postalCode: '10001', city: 'New York' },
    parcels: [parcel(30, 20, 10, '1.2')],
    ...over,
  });
}

/**
 * MXN answers for that shipment, in each vendor's documented shape:
 * DHL 987.65 + fuel 246.91 = 1234.56, delivery 2026-05-06;
 * FedEx 1100.10 + fuel 264.02 = 1364.12, delivery 2026-05-07;
 * UPS negotiated 1000.00 + fuel 250.50 = 1250.50 (published 1500.00), arrival 2026-05-06;
 * karrio Estafeta 800.00 + fuel 45.50 = 845.50, delivery 2026-05-11.
 */
export const DHL_MXN = {
  products: [
    {
      productName: 'EXPRESS WORLDWIDE',
      productCode: 'P',
      localProductCode: 'P',
      localProductCountryCode: 'MX',
      networkTypeCode: 'TD',
      isCustomerAgreement: false,
      weight: { volumetric: 1.2, provided: 1.2, unitOfMeasurement: 'metric' },
      totalPrice: [{ currencyType: 'BILLC', priceCurrency: 'MXN', price: 1234.56 }],
      totalPriceBreakdown: [{ currencyType: 'BILLC', priceCurrency: 'MXN', priceBreakdown: [{ typeCode: 'SPRQT', price: 987.65 }] }],
      detailedPriceBreakdown: [
        {
          currencyType: 'BILLC',
          priceCurrency: 'MXN',
          breakdown: [
            { name: 'EXPRESS WORLDWIDE', price: 987.65 },
            { name: 'FUEL SURCHARGE', serviceCode: 'FF', localServiceCode: 'FF', serviceTypeCode: 'SCH', price: 246.91 },
            { name: 'SATURDAY DELIVERY', serviceCode: 'AA', localServiceCode: 'AA', serviceTypeCode: 'XCH' },
          ],
        },
      ],
      pickupCapabilities: { nextBusinessDay: false, localCutoffDateAndTime: '2026-05-04T18:00:00', pickupEarliest: '09:00:00', pickupLatest: '18:00:00' },
      deliveryCapabilities: { deliveryTypeCode: 'QDDC', estimatedDeliveryDateAndTime: '2026-05-06T23:59:00', totalTransitDays: 2 },
      pricingDate: '2026-05-01',
    },
  ],
};

export const FEDEX_TOKEN = { access_token: 'fedex-access-token-xyz987', token_type: 'bearer', expires_in: 3599, scope: 'CXS' };
export const UPS_TOKEN = { token_type: 'Bearer', issued_at: '1777900000000', client_id: SECRETS.upsId, access_token: 'ups-access-token-abc123', expires_in: '14399', status: 'approved' };

export const FEDEX_MXN = {
  transactionId: '624deea6-b709-470c-8c39-4b5511281492',
  output: {
    rateReplyDetails: [
      {
        serviceType: 'FEDEX_INTERNATIONAL_PRIORITY',
        serviceName: 'FedEx International Priority®',
        packagingType: 'YOUR_PACKAGING',
        ratedShipmentDetails: [
          {
            rateType: 'ACCOUNT',
            ratedWeightMethod: 'ACTUAL',
            totalDiscounts: 0,
            totalBaseCharge: 1100.1,
            totalNetCharge: 1364.12,
            totalNetFedExCharge: 1364.12,
            shipmentRateDetail: {
              rateZone: 'A',
              fuelSurchargePercent: 24,
              totalSurcharges: 264.02,
              totalFreightDiscount: 0,
              surCharges: [{ type: 'FUEL', description: 'Fuel Surcharge', amount: 264.02 }],
              totalBillingWeight: { units: 'KG', value: 1.5 },
              currency: 'MXN',
            },
            currency: 'MXN',
          },
        ],
        commit: { dateDetail: { dayOfWeek: 'THU', dayFormat: '2026-05-07T10:30:00' } },
      },
    ],
    quoteDate: '2026-05-04',
    isEncoded: false,
  },
};

const mxn = (v: string) => ({ CurrencyCode: 'MXN', MonetaryValue: v });
export const UPS_MXN = {
  RateResponse: {
    Response: { ResponseStatus: { Code: '1', Description: 'Success' } },
    RatedShipment: [
      {
        Service: { Code: '65', Description: '' },
        Zone: '008',
        BillingWeight: { UnitOfMeasurement: { Code: 'KGS', Description: 'Kilograms' }, Weight: '1.5' },
        TransportationCharges: mxn('1500.00'),
        BaseServiceCharge: mxn('1200.00'),
        ItemizedCharges: [{ Code: '375', Description: 'Fuel Surcharge', CurrencyCode: 'MXN', MonetaryValue: '300.00' }],
        ServiceOptionsCharges: mxn('0.00'),
        TotalCharges: mxn('1500.00'),
        NegotiatedRateCharges: {
          BaseServiceCharge: [mxn('1000.00')],
          ItemizedCharges: [{ Code: '375', Description: 'Fuel Surcharge', CurrencyCode: 'MXN', MonetaryValue: '250.50' }],
          TotalCharge: mxn('1250.50'),
        },
        RatedPackage: [{ TransportationCharges: mxn('1500.00'), TotalCharges: mxn('1500.00'), Weight: '1.2' }],
        TimeInTransit: {
          PickupDate: '20260504',
          PackageBillType: '03',
          ServiceSummary: {
            Service: { Description: 'UPS Worldwide Saver' },
            EstimatedArrival: { Arrival: { Date: '20260506', Time: '103000' }, BusinessDaysInTransit: '2', Pickup: { Date: '20260504', Time: '180000' }, DayOfWeek: 'WED' },
          },
        },
      },
    ],
  },
};

export const KARRIO_MXN = {
  messages: [],
  rates: [
    {
      id: 'rat_5c1b3b0e4b2a4e0f',
      object_type: 'rate',
      carrier_name: 'estafeta',
      carrier_id: 'estafeta-mty',
      currency: 'MXN',
      service: 'estafeta_internacional',
      total_charge: 845.5,
      transit_days: 5,
      extra_charges: [
        { name: 'Base charge', amount: 800.0, currency: 'MXN', id: null },
        { name: 'Fuel surcharge', amount: 45.5, currency: 'MXN', id: null },
      ],
      estimated_delivery: '2026-05-11',
      meta: { carrier: 'estafeta', service_name: 'Estafeta Internacional' },
      test_mode: false,
    },
  ],
};

/** Every vendor path answering well (MXN). */
export function answerWell(fake: FakeVendor): void {
  fake
    .on(PATHS.dhl, json(200, DHL_MXN))
    .on(PATHS.fedexToken, json(200, FEDEX_TOKEN))
    .on(PATHS.fedexRates, json(200, FEDEX_MXN))
    .on(PATHS.upsToken, json(200, UPS_TOKEN))
    .on(PATHS.upsRates, json(200, UPS_MXN))
    .on(PATHS.karrio, json(200, KARRIO_MXN));
}
