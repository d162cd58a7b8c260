import { buildCarrierRegistry } from '../../src/carriers/carrier-registry';
import type { RateResult, ShipmentItem } from '../../src/carriers/carrier-rater';
import { parseCarrierText } from '../../src/carriers/carrier-loader';
import type { CarrierFile } from '../../src/carriers/carrier-schema';
import { TableCarrierRater } from '../../src/carriers/table-carrier-rater';
import { ratingKey } from '../../src/quote/rate-carriers';
import { convertBothWays, loadCarrier, loadFixture, shipment } from './rate-helpers';

/**
 * Restricted goods (issue 12 item 2, carriers/README.md "Restricted goods") on
 * the bundled tables; each rule's source is the file's `sources` entry named in
 * the test. HS groups: alcoholic beverages 2203–2206, 2208; perfume 3303;
 * lithium 850650 / 850760; cigarettes 240220.
 */
const TEQUILA: ShipmentItem = { index: 0, hs: '22089001', description: 'Tequila añejo' };
const SHIRT: ShipmentItem = { index: 1, hs: '610910', description: 'Cotton T-shirt' };
const PERFUME: ShipmentItem = { index: 0, hs: '330300' };
const LI_ION: ShipmentItem = { index: 0, hs: '850760' };
const CIGARETTES: ShipmentItem = { index: 0, hs: '240220' };

const dhl = new TableCarrierRater(loadCarrier('dhl-express.json'));
const fedex = new TableCarrierRater(loadCarrier('fedex.json'));
const ups = new TableCarrierRater(loadCarrier('ups.json'));
const estafeta = new TableCarrierRater(loadCarrier('estafeta.json'));
const correos = new TableCarrierRater(loadCarrier('correos-de-mexico.json'));

const to = (country: string, postalCode?: string) => ({ country, ...(postalCode ? { postalCode } : {}) });
const codes = (r: RateResult) => r.rejections.map((x) => `${x.service}:${x.code}`);
const noteCodes = (r: RateResult) => r.options.flatMap((o) => o.notes.map((n) => n.code));

describe('DHL Express: alcohol to the US only for licensed importers (dhl-us-import-alcohol)', () => {
  it('when tequila goes to a US consumer, then Express Worldwide is refused naming the item, the group and the rule, in es and en', () => {
    const r = dhl.rate(shipment({ destination: to('US', '10001'), items: [TEQUILA, SHIRT], buyer: 'consumer', convert: convertBothWays }));
    expect(r.options).toEqual([]);
    expect(codes(r)).toEqual(['express-worldwide:RESTRICTED_GOODS']);
    const reason = r.rejections[0]!.reason;
    expect(reason.en).toContain('item 1 "Tequila añejo" (HS 22089001, alcoholic beverages)');
    expect(reason.en).toContain('[rule dhl-us-alcohol-consumers]');
    expect(reason.en).not.toContain('T-shirt');
    expect(reason.es).toContain('artículo 1 "Tequila añejo" (HS 22089001, bebidas alcohólicas)');
    expect(reason.es).toContain('no a consumidores');
  });

  it('when the same tequila goes to a US business, then the option stays, with the approval warning (dhl-sg-restricted)', () => {
    const r = dhl.rate(shipment({ destination: to('US', '10001'), items: [TEQUILA], buyer: 'business', convert: convertBothWays }));
    expect(r.rejections).toEqual([]);
    expect(noteCodes(r)).toContain('RESTRICTED_GOODS:dhl-alcohol-approval');
  });

  it('when tequila goes to a consumer in Spain, then the US rule does not apply (lane-specific): a warning, no refusal', () => {
    const r = dhl.rate(shipment({ destination: to('ES', '28001'), items: [TEQUILA], buyer: 'consumer', convert: convertBothWays }));
    expect(r.rejections).toEqual([]);
    expect(noteCodes(r)).toEqual(expect.arrayContaining(['RESTRICTED_GOODS:dhl-alcohol-approval']));
  });

  it('when a T-shirt goes to a US consumer, then nothing is restricted', () => {
    const r = dhl.rate(shipment({ destination: to('US', '10001'), items: [SHIRT], convert: convertBothWays }));
    expect(r.rejections).toEqual([]);
    expect(noteCodes(r).filter((c) => c.startsWith('RESTRICTED'))).toEqual([]);
  });
});

describe('FedEx: tobacco prohibited in the US (fedex-fasc-dg), whoever receives it', () => {
  it('when cigarettes go to a US business, then both services are refused', () => {
    const r = fedex.rate(shipment({ destination: to('US', '10001'), items: [CIGARETTES], buyer: 'business', convert: convertBothWays }));
    expect(codes(r)).toEqual(['international-priority:RESTRICTED_GOODS', 'international-economy:RESTRICTED_GOODS']);
    expect(r.rejections[0]!.reason.en).toContain('[rule fedex-us-tobacco]');
  });

  it('when cigarettes go to Japan, then the US rule does not apply', () => {
    const r = fedex.rate(shipment({ destination: to('JP', '100-0001'), items: [CIGARETTES], convert: convertBothWays }));
    expect(r.rejections).toEqual([]);
    expect(r.options.length).toBe(2);
  });
});

describe('UPS: cigarettes to US consumers (ny-ag-ups-cigarettes); loose lithium batteries need a DG contract (ups-batteries)', () => {
  it('when cigarettes go to a US consumer, then refused; to a US business, then offered', () => {
    expect(codes(ups.rate(shipment({ destination: to('US', '10001'), items: [CIGARETTES], buyer: 'consumer', convert: convertBothWays })))).toEqual([
      'worldwide-saver:RESTRICTED_GOODS',
      'worldwide-expedited:RESTRICTED_GOODS',
    ]);
    expect(ups.rate(shipment({ destination: to('US', '10001'), items: [CIGARETTES], buyer: 'business', convert: convertBothWays })).rejections).toEqual([]);
  });

  it('when loose lithium-ion batteries go to Canada, then the options stay with the dangerous-goods warning', () => {
    const r = ups.rate(shipment({ destination: to('CA', 'M5V 2T6'), items: [LI_ION], convert: convertBothWays }));
    expect(r.rejections).toEqual([]);
    expect(noteCodes(r).filter((c) => c.startsWith('RESTRICTED'))).toEqual(['RESTRICTED_GOODS:ups-lithium-loose', 'RESTRICTED_GOODS:ups-lithium-loose']);
  });
});

describe('Correos de México: no dangerous goods in international mail (upu-article-19, cep-upu-lithium)', () => {
  it('when perfume goes to Canada, then Mexpost is refused', () => {
    const r = correos.rate(shipment({ destination: to('CA', 'M5V 2T6'), items: [PERFUME], convert: convertBothWays }));
    expect(codes(r)).toEqual(['mexpost:RESTRICTED_GOODS']);
    expect(r.rejections[0]!.reason.es).toContain('Convenio Postal Universal, art. 19');
  });

  it('when a loose lithium-ion battery goes to Spain, then refused; a T-shirt is carried', () => {
    expect(codes(correos.rate(shipment({ destination: to('ES', '28001'), items: [LI_ION], convert: convertBothWays })))).toEqual(['mexpost:RESTRICTED_GOODS']);
    expect(correos.rate(shipment({ destination: to('ES', '28001'), items: [SHIRT], convert: convertBothWays })).options.length).toBe(1);
  });
});

describe('Estafeta: alcohol not carried (estafeta-prohibidos, a secondary source)', () => {
  it('when tequila goes to Canada, then refused', () => {
    const r = estafeta.rate(shipment({ destination: to('CA', 'M5V 2T6'), items: [TEQUILA], convert: convertBothWays }));
    expect(codes(r)).toEqual(['internacional:RESTRICTED_GOODS']);
  });
});

/** The tiny-courier fixture with one dated rule: spirits to US consumers refused from 2026-06-01, express only. */
function tinyWithRules(): CarrierFile {
  const base = loadFixture('tiny-courier.json');
  return {
    ...base,
    hsGroups: { spirits: { name: { es: 'destilados', en: 'spirits' }, hs: ['2208'] } },
    restrictions: [
      {
        id: 'tiny-spirits',
        groups: ['spirits'],
        services: ['express'],
        destinations: ['US'],
        consumersOnly: true,
        action: 'refuse',
        reason: { es: 'no a consumidores', en: 'not to consumers' },
        effectiveFrom: '2026-06-01',
        source: 'fixture',
      },
    ],
  };
}

describe('a dated, per-service rule (fixture)', () => {
  const rater = new TableCarrierRater(tinyWithRules());
  it('when shipped on 2026-05-31, the day before it starts, then express is offered; on 2026-06-01, then refused, economy still offered', () => {
    const before = rater.rate(shipment({ shipDate: '2026-05-31', items: [TEQUILA] }));
    expect(before.options.map((o) => o.service)).toEqual(['express', 'economy']);
    const on = rater.rate(shipment({ shipDate: '2026-06-01', items: [TEQUILA] }));
    expect(on.options.map((o) => o.service)).toEqual(['economy']);
    expect(codes(on)).toEqual(['express:RESTRICTED_GOODS']);
  });
});

describe('rating-cache key: HS codes count only where a rule catches them', () => {
  const rater = new TableCarrierRater(tinyWithRules());
  const at = { shipDate: '2026-06-01' };
  it('when two shipments differ only in unrestricted HS codes, then they share the key', () => {
    const a = ratingKey(rater, shipment({ ...at, items: [SHIRT] }));
    const b = ratingKey(rater, shipment({ ...at, items: [{ index: 0, hs: '420221' }] }));
    expect(a).toBe(b);
  });
  it('when one holds tequila, then the key differs; to a business, then the rule does not fire and the key is the plain one', () => {
    const plain = ratingKey(rater, shipment({ ...at, items: [SHIRT] }));
    expect(ratingKey(rater, shipment({ ...at, items: [TEQUILA] }))).not.toBe(plain);
    expect(ratingKey(rater, shipment({ ...at, items: [TEQUILA], buyer: 'business' }))).toBe(plain);
  });
});

describe('live rates keep the table rules (withRestrictions in buildCarrierRegistry)', () => {
  const LIVE = {
    currency: 'MXN',
    services: [{ service: 'express', lines: [{ code: 'base', amount: '150.00' }], transitDays: { min: 1, max: 1 } }],
  };
  const fetch = (async () => new Response(JSON.stringify(LIVE), { status: 200, headers: { 'content-type': 'application/json' } })) as typeof globalThis.fetch;
  const env = { FRONTERA_HTTP_CARRIERS: 'tiny-courier', FRONTERA_HTTP_CARRIER_TINY_COURIER_URL: 'http://127.0.0.1:9/rate' };

  it('when the endpoint offers express for tequila to a US consumer, then the live option is refused with RESTRICTED_GOODS', async () => {
    const { carriers, problems } = buildCarrierRegistry([tinyWithRules()], env, { fetch });
    expect(problems).toEqual([]);
    const r = await carriers[0]!.rate(shipment({ shipDate: '2026-06-01', items: [TEQUILA] }));
    expect(r.options).toEqual([]);
    expect(codes(r)).toEqual(expect.arrayContaining(['express:RESTRICTED_GOODS']));
  });

  it('when the goods are a T-shirt, then the live price is the answer', async () => {
    const { carriers } = buildCarrierRegistry([tinyWithRules()], env, { fetch });
    const r = await carriers[0]!.rate(shipment({ shipDate: '2026-06-01', items: [SHIRT] }));
    expect(r.options.map((o) => [o.service, o.lines[0]!.amount.toString()])).toEqual([['express', '150']]);
  });
});

describe('loader checks', () => {
  it('when a rule names a group the file does not define, then the file is refused at that path', () => {
    const file = { ...JSON.parse(JSON.stringify(tinyWithRules())) };
    file.restrictions[0].groups = ['wine'];
    // Decimals became strings in the JSON round trip, as in a file.
    const result = parseCarrierText('tiny.json', JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain('restrictions[0].groups[0]');
  });
});
