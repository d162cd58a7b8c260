import type { CarrierRater, RateResult } from '../../../src/carriers/carrier-rater';
import { TableCarrierRater } from '../../../src/carriers/table-carrier-rater';
import { rateCarriers } from '../../../src/quote/rate-carriers';
import { amounts, option } from '../rate-helpers';
import { FakeVendor, json } from './fake-vendor';
import { KARRIO_MXN, PATHS, TABLES, mxToUs, raters, vendorEnv } from './live-fixtures';

/**
 * karrio brings every carrier the shop connected there: one call per quote
 * feeds each table carrier it has rates for (same id, the table as the
 * fallback) and the carrier `karrio` for the rest.
 */
let fake: FakeVendor;
beforeAll(async () => {
  fake = await FakeVendor.start();
});
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

const USPS = {
  id: 'rat_2',
  object_type: 'rate',
  carrier_name: 'usps_international',
  carrier_id: 'usps-intl',
  currency: 'MXN',
  service: 'usps_international_priority_mail_international',
  total_charge: 1010.25,
  transit_days: 6,
  extra_charges: [{ name: 'Base Charge', amount: 1010.25, currency: 'MXN', id: null }],
  estimated_delivery: null,
  meta: { service_name: 'USPS Priority Mail International' },
  test_mode: false,
};
const FEDEX_VIA_KARRIO = { ...USPS, id: 'rat_3', carrier_name: 'fedex', carrier_id: 'fedex-mx', service: 'fedex_international_priority', total_charge: 1400, extra_charges: [], transit_days: 3 };

async function quoteAll(carriers: CarrierRater[]): Promise<RateResult> {
  return rateCarriers(carriers, mxToUs(), 5000);
}
const tableResult = (id: string) => new TableCarrierRater(TABLES.find((t) => t.id === id)!).rate(mxToUs());
const byCarrier = (r: RateResult, carrier: string) => r.options.filter((o) => o.carrier === carrier);

describe('karrio answering for Estafeta, USPS and FedEx', () => {
  it('then one call serves the whole quote: Estafeta live at 845.50, USPS as karrio:usps-international, FedEx replacing its table', async () => {
    fake.on(PATHS.karrio, json(200, { ...KARRIO_MXN, rates: [...KARRIO_MXN.rates, USPS, FEDEX_VIA_KARRIO] }));
    const result = await quoteAll(raters(vendorEnv(fake.url, ['karrio'])));
    expect(fake.to(PATHS.karrio)).toHaveLength(1);

    const [estafeta] = byCarrier(result, 'estafeta');
    expect(estafeta).toMatchObject({ service: 'internacional', status: 'contract', deliveryDate: '2026-05-11', serviceName: { en: 'Estafeta International (prepaid label)' } });
    expect(amounts(estafeta!)).toEqual([['base', '800'], ['fuel', '45.5']]);

    // No table for USPS: its own carrier id, 1010.25 all base, 6 days.
    const [usps] = byCarrier(result, 'karrio:usps-international');
    expect(usps).toMatchObject({ carrierName: 'Usps International (karrio)', service: 'priority-mail-international', transitDays: { min: 6, max: 6 } });
    expect(amounts(usps!)).toEqual([['base', '1010.25']]);

    // FedEx has a table and no direct adapter: karrio's price takes its place; the economy service it did not price is left out.
    expect(byCarrier(result, 'fedex').map((o) => [o.service, o.status, amounts(o)])).toEqual([['international-priority', 'contract', [['base', '1400']]]]);
    expect(result.rejections).toContainEqual(expect.objectContaining({ carrier: 'fedex', service: 'international-economy', code: 'NOT_OFFERED_LIVE' }));

    // Carriers karrio said nothing about keep their tables, untouched.
    for (const id of ['dhl-express', 'ups']) {
      expect(byCarrier(result, id).map((o) => [o.service, amounts(o), o.notes])).toEqual((await tableResult(id)).options.map((o) => [o.service, amounts(o), o.notes]));
    }
  });

  it('when FedEx is also set up directly, then karrio\'s FedEx price is left out, said so, and FedEx is asked through its own API', async () => {
    fake.on(PATHS.karrio, json(200, { messages: [], rates: [FEDEX_VIA_KARRIO] }));
    fake.on(PATHS.fedexToken, json(503, {}));
    const result = await quoteAll(raters(vendorEnv(fake.url, ['karrio', 'fedex'], { RETRIES: '0' })));
    expect(result.rejections).toContainEqual(expect.objectContaining({ carrier: 'karrio:fedex', service: '*', code: 'SERVED_DIRECTLY' }));
    expect(byCarrier(result, 'fedex').every((o) => o.status === 'illustrative' && o.notes[0]?.code === 'LIVE_RATES_UNAVAILABLE')).toBe(true);
  });

  it('when karrio reports an error for Estafeta instead of a rate, then Estafeta keeps its table with karrio\'s words', async () => {
    fake.on(PATHS.karrio, json(200, { rates: [], messages: [{ carrier_name: 'estafeta', carrier_id: 'estafeta-mty', code: 'ESTAFETA_ERROR', message: 'Código postal sin cobertura' }] }));
    const result = await quoteAll(raters(vendorEnv(fake.url, ['karrio'])));
    const [estafeta] = byCarrier(result, 'estafeta');
    expect(amounts(estafeta!)).toEqual(amounts(option(await tableResult('estafeta'), 'internacional')));
    expect(estafeta?.notes[0]).toEqual({ code: 'CARRIER_WARNING', severity: 'warning', text: { es: 'karrio: Código postal sin cobertura', en: 'karrio: Código postal sin cobertura' } });
  });
});

describe('karrio down', () => {
  it('then every table carrier shows its table with the reason, and karrio itself says it failed', async () => {
    fake.on(PATHS.karrio, json(502, { errors: [{ code: 'bad_gateway', message: 'upstream' }] }));
    const result = await quoteAll(raters(vendorEnv(fake.url, ['karrio'])));
    expect(fake.to(PATHS.karrio)).toHaveLength(2);
    const [estafeta] = byCarrier(result, 'estafeta');
    expect(estafeta?.notes[0]?.text.en).toBe('Live rates from Estafeta failed (karrio answered HTTP 502: upstream); its table prices are shown.');
    expect(result.rejections).toContainEqual({
      carrier: 'karrio',
      service: '*',
      code: 'LIVE_RATES_FAILED',
      reason: { es: 'karrio: las tarifas en vivo fallaron (karrio respondió HTTP 502: upstream).', en: 'karrio: live rates failed (karrio answered HTTP 502: upstream).' },
    });
  });
});
