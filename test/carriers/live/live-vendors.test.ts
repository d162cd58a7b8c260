import type { CarrierRater, RateResult } from '../../../src/carriers/carrier-rater';
import { TableCarrierRater } from '../../../src/carriers/table-carrier-rater';
import { amounts, option, parcel } from '../rate-helpers';
import { FakeVendor, json, slow } from './fake-vendor';
import { DHL_MXN, FEDEX_MXN, FEDEX_TOKEN, KARRIO_MXN, PATHS, SECRETS, TABLES, UPS_MXN, UPS_TOKEN, mxToUs, rater, raters, vendorEnv, type Vendor } from './live-fixtures';

/**
 * Each vendor adapter against its fake, through the registry as the server
 * builds it: the answer in the vendor's shape becomes the carrier's option
 * at exactly the vendor's price; each way of failing gives the table's
 * prices with a note that says why, and never a credential.
 */
let fake: FakeVendor;
beforeAll(async () => {
  fake = await FakeVendor.start();
});
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

interface Spec {
  vendor: Vendor;
  carrier: string;
  ratesPath: string;
  /** The routes besides the rate call (OAuth sign-in). */
  signIn: (f: FakeVendor) => void;
  good: unknown;
  service: string;
  lines: Array<[string, string]>;
  deliveryDate: string;
  /** Weekdays from Monday 2026-05-04 to the delivery date. */
  transit: number;
  /** Table services the live answer did not offer. */
  notOffered: string[];
  /** Where credentials are refused, what the vendor says then, and the reason in the note. */
  refused: { path: string; answer: unknown; why: string };
  malformed: { answer: unknown; why: string };
}

const noSignIn = () => undefined;
const SPECS: Spec[] = [
  {
    vendor: 'dhl', carrier: 'dhl-express', ratesPath: PATHS.dhl, signIn: noSignIn, good: DHL_MXN,
    // 987.65 + 246.91 = 1234.56, DHL's totalPrice (BILLC).
    service: 'express-worldwide', lines: [['base', '987.65'], ['fuel', '246.91']], deliveryDate: '2026-05-06', transit: 2, notOffered: [],
    refused: { path: PATHS.dhl, answer: { instance: '/expressapi/rates', title: 'Unauthorized', detail: 'Invalid Credentials', status: '401' }, why: 'answered HTTP 401: Invalid Credentials' },
    malformed: { answer: { products: [{ productCode: 'P', weight: {}, totalPrice: [{ price: '1234.56' }] }] }, why: 'invalid answer: products.0.totalPrice.0.price: Invalid input: expected number, received string' },
  },
  {
    vendor: 'fedex', carrier: 'fedex', ratesPath: PATHS.fedexRates, signIn: (f) => f.on(PATHS.fedexToken, json(200, FEDEX_TOKEN)), good: FEDEX_MXN,
    // 1100.10 + 264.02 = 1364.12, FedEx's totalNetCharge (ACCOUNT).
    service: 'international-priority', lines: [['base', '1100.1'], ['fuel', '264.02']], deliveryDate: '2026-05-07', transit: 3, notOffered: ['international-economy'],
    refused: {
      path: PATHS.fedexToken, answer: { transactionId: 't1', errors: [{ code: 'NOT.AUTHORIZED.ERROR', message: 'The given client credentials were not valid.' }] },
      why: 'refused the credentials (answered HTTP 401: The given client credentials were not valid.)',
    },
    malformed: { answer: { output: { rateReplyDetails: [{ serviceType: 'FEDEX_INTERNATIONAL_PRIORITY', ratedShipmentDetails: [] }] } }, why: 'invalid answer: output.rateReplyDetails.0.ratedShipmentDetails: Too small: expected array to have >=1 items' },
  },
  {
    vendor: 'ups', carrier: 'ups', ratesPath: PATHS.upsRates, signIn: (f) => f.on(PATHS.upsToken, json(200, UPS_TOKEN)), good: UPS_MXN,
    // Negotiated: 1000.00 + 250.50 = 1250.50, UPS's NegotiatedRateCharges.TotalCharge.
    service: 'worldwide-saver', lines: [['base', '1000'], ['UPS_375', '250.5']], deliveryDate: '2026-05-06', transit: 2, notOffered: ['worldwide-expedited'],
    refused: { path: PATHS.upsToken, answer: { response: { errors: [{ code: '10401', message: 'ClientId is Invalid' }] } }, why: 'refused the credentials (answered HTTP 401: ClientId is Invalid)' },
    malformed: { answer: { RateResponse: { Response: { ResponseStatus: { Code: '1' } }, RatedShipment: [{ Service: { Code: '65' } }] } }, why: 'invalid answer: RateResponse.RatedShipment.0.TransportationCharges: Invalid input: expected object, received undefined' },
  },
  {
    vendor: 'karrio', carrier: 'estafeta', ratesPath: PATHS.karrio, signIn: noSignIn, good: KARRIO_MXN,
    // 800.00 + 45.50 = 845.50, karrio's total_charge.
    service: 'internacional', lines: [['base', '800'], ['fuel', '45.5']], deliveryDate: '2026-05-11', transit: 5, notOffered: [],
    refused: { path: PATHS.karrio, answer: { errors: [{ code: 'authentication_failed', message: 'Invalid token.' }] }, why: 'karrio answered HTTP 401: Invalid token.' },
    malformed: { answer: { rates: [{ carrier_name: 'estafeta', carrier_id: 'e', total_charge: '845.50', test_mode: false }] }, why: 'karrio invalid answer: rates.0.total_charge: Invalid input: expected number, received string' },
  },
];

function carrierOf(spec: Spec, tuning: Record<string, string> = {}): CarrierRater {
  return rater(raters(vendorEnv(fake.url, [spec.vendor], tuning)), spec.carrier);
}

async function tablePrices(id: string): Promise<RateResult> {
  const file = TABLES.find((t) => t.id === id);
  if (file === undefined) throw new Error(id);
  return new TableCarrierRater(file).rate(mxToUs());
}

function expectNoSecret(result: unknown): void {
  const text = JSON.stringify(result);
  for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
}

describe.each(SPECS)('$vendor: when the vendor answers in its documented shape', (spec) => {
  it(`then ${spec.carrier} shows the vendor's price exactly, itemised, as the shop's own (contract)`, async () => {
    spec.signIn(fake);
    fake.on(spec.ratesPath, json(200, spec.good));
    const result = await carrierOf(spec).rate(mxToUs());
    const live = option(result, spec.service);
    expect(amounts(live)).toEqual(spec.lines);
    expect(live).toMatchObject({
      carrier: spec.carrier,
      status: 'contract',
      currency: 'MXN',
      deliveryDate: spec.deliveryDate,
      transitDays: { min: spec.transit, max: spec.transit },
      customsDays: { min: 0, max: 0 },
    });
    expect(live.notes.map((n) => n.code)).toContain('LIVE_RATES');
    expect(live.notes.map((n) => n.code)).toContain('CARRIER_DELIVERY_DATE');
    expect(result.options.map((o) => o.service)).toEqual([spec.service]);
    expect(result.rejections.filter((r) => r.code === 'NOT_OFFERED_LIVE').map((r) => r.service)).toEqual(spec.notOffered);
    expectNoSecret(result);
  });
});

describe.each(SPECS)('$vendor: when the vendor fails, then the table prices come back with a note that says why', (spec) => {
  const cases: Array<[string, () => void, Record<string, string>, (s: Spec) => string, number]> = [
    ['credentials refused', () => fake.on(spec.refused.path, json(401, spec.refused.answer)), {}, (s) => s.refused.why, 1],
    ['a malformed answer', () => fake.on(spec.ratesPath, json(200, spec.malformed.answer)), {}, (s) => s.malformed.why, 1],
    ['HTTP 503 twice (one retry)', () => fake.on(spec.ratesPath, json(503, { detail: 'down' })), {}, (s) => `${s.vendor === 'karrio' ? 'karrio ' : ''}answered HTTP 503: down`, 2],
    [
      'no answer within the 100 ms timeout (one retry)',
      () => fake.on(spec.ratesPath, slow(3000, json(200, spec.good))),
      { TIMEOUT_MS: '100', BUDGET_MS: '2000' },
      (s) => `${s.vendor === 'karrio' ? 'karrio ' : ''}no answer within 100 ms`,
      2,
    ],
  ];
  it.each(cases)('%s', async (_name, arrange, tuning, why, calls) => {
    spec.signIn(fake);
    arrange();
    const result = await carrierOf(spec, tuning).rate(mxToUs());
    const table = await tablePrices(spec.carrier);
    // The table's own options and amounts, each with the warning first.
    expect(result.options.map((o) => [o.service, amounts(o)])).toEqual(table.options.map((o) => [o.service, amounts(o)]));
    for (const o of result.options) {
      expect(o.status).toBe('illustrative');
      expect(o.notes[0]).toEqual({
        code: 'LIVE_RATES_UNAVAILABLE',
        severity: 'warning',
        text: expect.objectContaining({ en: `Live rates from ${o.carrierName} failed (${why(spec)}); its table prices are shown.` }),
      });
    }
    // A refused sign-in or a bad answer is not asked again; 503 and timeouts get the one retry.
    const asked = _name === 'credentials refused' ? spec.refused.path : spec.ratesPath;
    expect(fake.to(asked)).toHaveLength(calls);
    expectNoSecret(result);
  });
});

describe('the request each vendor receives (what is sent to the carrier)', () => {
  it('DHL: POST /rates with HTTP Basic key:secret, the account, both cities, metric sizes, the customs value and QDDC', async () => {
    const spec = SPECS[0] as Spec;
    fake.on(PATHS.dhl, json(200, DHL_MXN));
    await carrierOf(spec).rate(mxToUs());
    const [sent] = fake.to(PATHS.dhl);
    expect(sent?.headers.authorization).toBe(`Basic ${Buffer.from(`${SECRETS.dhlKey}:${SECRETS.dhlSecret}`).toString('base64')}`);
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      customerDetails: {
        shipperDetails: { postalCode: '64000', cityName: 'Monterrey', countryCode: 'MX' },
        receiverDetails: { postalCode: '10001', cityName: 'New York', countryCode: 'US' },
      },
      accounts: [{ typeCode: 'shipper', number: SECRETS.dhlAccount }],
      plannedShippingDateAndTime: '2026-05-04T12:00:00GMT+00:00',
      unitOfMeasurement: 'metric',
      isCustomsDeclarable: true,
      monetaryAmount: [{ typeCode: 'declaredValue', value: 1000, currency: 'MXN' }],
      estimatedDeliveryDate: { isRequested: true, typeCode: 'QDDC' },
      nextBusinessDay: true,
      returnStandardProductsOnly: false,
      productTypeCode: 'all',
      packages: [{ weight: 1.2, dimensions: { length: 30, width: 20, height: 10 } }],
    });
  });

  it('DHL: without the cities it is not asked, and the table answers with a note naming the fields', async () => {
    const spec = SPECS[0] as Spec;
    const result = await carrierOf(spec).rate(mxToUs({ origin: { country: 'MX', postalCode: '64000' } }));
    expect(fake.seen).toEqual([]);
    expect(option(result, 'express-worldwide').notes[0]?.text.en).toBe(
      'Live rates from DHL Express failed (DHL Express needs the origin and destination cities (origin.city)); its table prices are shown.',
    );
  });

  it('FedEx: signs in with the client credentials in a form, then sends the bearer token, the account, kg, whole cm and the customs value', async () => {
    const spec = SPECS[1] as Spec;
    spec.signIn(fake);
    fake.on(PATHS.fedexRates, json(200, FEDEX_MXN));
    await carrierOf(spec).rate(mxToUs({ destination: { country: 'US', region: 'NY', postalCode: '10001', city: 'New York' } }));
    const [token] = fake.to(PATHS.fedexToken);
    expect(token?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(token?.body))).toEqual({ grant_type: 'client_credentials', client_id: SECRETS.fedexId, client_secret: SECRETS.fedexSecret });
    const [rates] = fake.to(PATHS.fedexRates);
    expect(rates?.headers.authorization).toBe(`Bearer ${FEDEX_TOKEN.access_token}`);
    const body = JSON.parse(rates?.body ?? '');
    expect(body.accountNumber).toEqual({ value: SECRETS.fedexAccount });
    expect(body.requestedShipment).toMatchObject({
      shipper: { address: { postalCode: '64000', city: 'Monterrey', countryCode: 'MX' } },
      recipient: { address: { postalCode: '10001', city: 'New York', countryCode: 'US', stateOrProvinceCode: 'NY' } },
      shipDateStamp: '2026-05-04',
      rateRequestType: ['ACCOUNT'],
      totalPackageCount: 1,
      totalWeight: 1.2,
      requestedPackageLineItems: [{ weight: { units: 'KG', value: 1.2 }, dimensions: { length: 30, width: 20, height: 10, units: 'CM' } }],
      customsClearanceDetail: { commodities: [{ quantity: 1, weight: { units: 'KG', value: 1.2 }, customsValue: { amount: 1000, currency: 'MXN' } }] },
    });
  });

  it('UPS: signs in with HTTP Basic and x-merchant-id, then shops with time in transit and negotiated rates', async () => {
    const spec = SPECS[2] as Spec;
    spec.signIn(fake);
    fake.on(PATHS.upsRates, json(200, UPS_MXN));
    await carrierOf(spec).rate(mxToUs());
    const [token] = fake.to(PATHS.upsToken);
    expect(token?.headers.authorization).toBe(`Basic ${Buffer.from(`${SECRETS.upsId}:${SECRETS.upsSecret}`).toString('base64')}`);
    expect(token?.headers['x-merchant-id']).toBe(SECRETS.upsAccount);
    expect(token?.body).toBe('grant_type=client_credentials');
    const [rates] = fake.to(PATHS.upsRates);
    expect(rates?.url).toBe('/ups/api/rating/v2409/Shop?additionalinfo=timeintransit');
    expect(rates?.headers.authorization).toBe(`Bearer ${UPS_TOKEN.access_token}`);
    const shipment = JSON.parse(rates?.body ?? '').RateRequest.Shipment;
    expect(shipment).toMatchObject({
      Shipper: { ShipperNumber: SECRETS.upsAccount, Address: { City: 'Monterrey', PostalCode: '64000', CountryCode: 'MX' } },
      ShipTo: { Address: { City: 'New York', PostalCode: '10001', CountryCode: 'US' } },
      PaymentDetails: { ShipmentCharge: [{ Type: '01', BillShipper: { AccountNumber: SECRETS.upsAccount } }] },
      ShipmentRatingOptions: { NegotiatedRatesIndicator: 'Y' },
      DeliveryTimeInformation: { PackageBillType: '03', Pickup: { Date: '20260504' } },
      InvoiceLineTotal: { CurrencyCode: 'MXN', MonetaryValue: '1000' },
      Package: [{ Dimensions: { Length: '30', Width: '20', Height: '10' }, PackageWeight: { UnitOfMeasurement: { Code: 'KGS' }, Weight: '1.2' } }],
    });
  });

  it('karrio: POST /v1/proxy/rates with Authorization: Token, the addresses, the parcels and the declared value', async () => {
    const spec = SPECS[3] as Spec;
    fake.on(PATHS.karrio, json(200, KARRIO_MXN));
    await carrierOf(spec).rate(mxToUs());
    const [sent] = fake.to(PATHS.karrio);
    expect(sent?.headers.authorization).toBe(`Token ${SECRETS.karrioKey}`);
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      shipper: { postal_code: '64000', city: 'Monterrey', country_code: 'MX' },
      recipient: { postal_code: '10001', city: 'New York', country_code: 'US' },
      parcels: [{ weight: 1.2, weight_unit: 'KG', length: 30, width: 20, height: 10, dimension_unit: 'CM' }],
      options: { currency: 'MXN', declared_value: 1000, shipping_date: '2026-05-04T12:00' },
    });
  });
});


describe('with insurance asked, the carrier prices it apart from the shipping', () => {
  const insured = () => mxToUs({ insure: true, parcels: [parcel(30, 20, 10, '1.2'), parcel(20, 20, 10, '0.8')] });
  const dhlProduct = DHL_MXN.products[0]!;
  const fedexReply = FEDEX_MXN.output.rateReplyDetails[0]!;
  const fedexDetail = fedexReply.ratedShipmentDetails[0]!;
  const upsShipment = UPS_MXN.RateResponse.RatedShipment[0]!;
  const cases: Array<[Vendor, Spec, unknown, string]> = [
    [
      'dhl',
      SPECS[0] as Spec,
      // DHL: the II (SHIPMENT INSURANCE) item of 55.00 inside a total of 1234.56 + 55.00 = 1289.56.
      { products: [{ ...dhlProduct, totalPrice: [{ currencyType: 'BILLC', priceCurrency: 'MXN', price: 1289.56 }], detailedPriceBreakdown: [{ ...dhlProduct.detailedPriceBreakdown[0]!, breakdown: [...dhlProduct.detailedPriceBreakdown[0]!.breakdown, { name: 'SHIPMENT INSURANCE', serviceCode: 'II', price: 55 }] }] }] },
      '55',
    ],
    [
      'fedex',
      SPECS[1] as Spec,
      // FedEx: an INSURED_VALUE surcharge of 55.00, totalNetCharge 1364.12 + 55.00 = 1419.12.
      { ...FEDEX_MXN, output: { ...FEDEX_MXN.output, rateReplyDetails: [{ ...fedexReply, ratedShipmentDetails: [{ ...fedexDetail, totalNetCharge: 1419.12, shipmentRateDetail: { ...fedexDetail.shipmentRateDetail, surCharges: [...fedexDetail.shipmentRateDetail.surCharges, { type: 'INSURED_VALUE', description: 'Insured value', amount: 55 }] } }] }] } },
      '55',
    ],
    [
      'ups',
      SPECS[2] as Spec,
      // UPS: the accessorial (declared value) of 55.00 within the negotiated total 1250.50 + 55.00 = 1305.50.
      { RateResponse: { ...UPS_MXN.RateResponse, RatedShipment: [{ ...upsShipment, ServiceOptionsCharges: { CurrencyCode: 'MXN', MonetaryValue: '55.00' }, NegotiatedRateCharges: { ...upsShipment.NegotiatedRateCharges, TotalCharge: { CurrencyCode: 'MXN', MonetaryValue: '1305.50' } } }] } },
      '55',
    ],
  ];

  it.each(cases)('%s: the shipping lines stay as without insurance, and insurance is 55.00', async (_vendor, spec, answer, insurance) => {
    spec.signIn(fake);
    fake.on(spec.ratesPath, json(200, answer));
    const live = option(await carrierOf(spec).rate(insured()), spec.service);
    expect(amounts(live)).toEqual(spec.lines);
    expect(live.insurance?.amount.toFixed()).toBe(insurance);
  });

  it('what is sent: DHL asks for II on 1000 MXN; FedEx and UPS declare each box its share by weight (1.2 : 0.8 → 600.00 and 400.00)', async () => {
    for (const spec of SPECS.slice(0, 3)) {
      spec.signIn(fake);
      fake.on(spec.ratesPath, json(200, spec.good));
      await carrierOf(spec).rate(insured());
    }
    expect(JSON.parse(fake.to(PATHS.dhl)[0]?.body ?? '').valueAddedServices).toEqual([{ serviceCode: 'II', value: 1000, currency: 'MXN' }]);
    const fedexBoxes = JSON.parse(fake.to(PATHS.fedexRates)[0]?.body ?? '').requestedShipment.requestedPackageLineItems;
    expect(fedexBoxes.map((b: { declaredValue: unknown }) => b.declaredValue)).toEqual([{ amount: 600, currency: 'MXN' }, { amount: 400, currency: 'MXN' }]);
    const upsBoxes = JSON.parse(fake.to(PATHS.upsRates)[0]?.body ?? '').RateRequest.Shipment.Package;
    expect(upsBoxes.map((b: { PackageServiceOptions: unknown }) => b.PackageServiceOptions)).toEqual([
      { DeclaredValue: { CurrencyCode: 'MXN', MonetaryValue: '600.00' } },
      { DeclaredValue: { CurrencyCode: 'MXN', MonetaryValue: '400.00' } },
    ]);
  });

  it('karrio: no insurance price comes back, and the option says so', async () => {
    const spec = SPECS[3] as Spec;
    fake.on(spec.ratesPath, json(200, spec.good));
    const live = option(await carrierOf(spec).rate(insured()), spec.service);
    expect(live.insurance).toBeUndefined();
    expect(live.notes.map((n) => n.code)).toContain('INSURANCE_UNAVAILABLE');
  });
});

describe('restricted goods on live answers', () => {
  it('when DHL answers live for tequila to a US consumer, then the table rule dhl-us-alcohol-consumers still refuses the option', async () => {
    fake.on(PATHS.dhl, json(200, DHL_MXN));
    const dhl = rater(raters(vendorEnv(fake.url, ['dhl'])), 'dhl-express');
    const r = await dhl.rate(mxToUs({ items: [{ index: 0, hs: '22089001', description: 'Tequila añejo' }], buyer: 'consumer' }));
    expect(r.options).toEqual([]);
    expect(r.rejections.map((x) => `${x.service}:${x.code}`)).toEqual(['express-worldwide:RESTRICTED_GOODS']);
    expect(r.rejections[0]!.reason.en).toContain('[rule dhl-us-alcohol-consumers]');
  });
});
