import { D } from '../../src/domain/money';
import { quoteResponseSchema } from '../../src/schema/quote-response-schema';
import { input, item, only, quote, service, tariff } from '../helpers/engine-fixtures';

/**
 * National parcel charges (issue 12 item 3; tariffs/README.md "Fees"), on a
 * fixture EU-like destination in EUR: FOB, no duty (default 0 %), VAT 20 % on
 * customsValue + duties + fees. The fees copy the shapes of the researched
 * charges (sources cited in tariffs/FR.json, IT.json, RO.json and the NZ overlay): FR TPC EUR 2 per HS6
 * line 2026-03-01 → 2026-12-31 on intrinsic value ≤ EUR 150, IT EUR 2 per
 * consignment outside the VAT base, RO per parcel on < EUR 150 B2C, NZ levy +
 * GST on the levy. Shipping is 0, so customs value = goods value.
 */
const SRC = { source: 'test', confidence: 'confirmed' as const };
const VAT = { code: 'VAT', name: { es: 'IVA', en: 'VAT' }, rate: '20', base: ['customsValue', 'duties', 'fees'], ...SRC };
const EU_LIKE = ['FR', 'DE', 'IT', 'ES'];

const TPC = {
  code: 'TPC',
  name: { es: 'Tasa sobre paquetes pequeños', en: 'Small-parcels tax' },
  currency: 'EUR',
  charge: { type: 'perCount', amount: '2', per: 'hsLine', hsDigits: 6 },
  effectiveFrom: '2026-03-01',
  effectiveTo: '2026-12-31',
  scope: { exceptShipFrom: EU_LIKE, maxValue: { amount: '150', currency: 'EUR', basis: 'goods' } },
  payer: 'seller',
  inTaxBase: 'unknown',
  ...SRC,
};
const IT = {
  code: 'ITC',
  name: { es: 'Contribución por envío', en: 'Consignment contribution' },
  currency: 'EUR',
  charge: { type: 'flat', amount: '2' },
  scope: { exceptShipFrom: EU_LIKE, maxValue: { amount: '150', currency: 'EUR', basis: 'customsValue' } },
  payer: 'carrier',
  inTaxBase: false,
  note: { es: 'Aplazada; estado desconocido.', en: 'Deferred; status unknown.' },
  source: 'test',
  confidence: 'unconfirmed' as const,
};
const RO = {
  code: 'ROT',
  name: { es: 'Tasa logística', en: 'Logistics tax' },
  currency: 'EUR',
  charge: { type: 'perCount', amount: '5', per: 'parcel' },
  scope: { exceptShipFrom: EU_LIKE, buyers: ['consumer'], maxValue: { amount: '150', currency: 'EUR', basis: 'goods', inclusive: false } },
  payer: 'seller',
  ...SRC,
};

function eu(fees: unknown[]) {
  return tariff(
    { country: 'FR', currency: 'EUR', timeZone: 'Europe/Paris', duties: { default: { duty: { type: 'adValorem', percent: '0' }, ...SRC }, mfn: [] } },
    { taxes: [VAT], fees },
  );
}

/** 2 × 20.00 + 10.00 T-shirts (HS6 610910 twice) and a 50.00 handbag (420221): 100.00 EUR, 2 HS6 lines. */
const CART = [
  item({ index: 0, hs: '6109100010', quantity: new D(2), unitPrice: new D('20.00'), priceCurrency: 'EUR' }),
  item({ index: 1, hs: '420221', unitPrice: new D('50.00'), priceCurrency: 'EUR' }),
  item({ index: 2, hs: '6109100090', unitPrice: new D('10.00'), priceCurrency: 'EUR' }),
];
const q = (fees: unknown[], over: Parameters<typeof input>[0] = {}) =>
  only(quote(eu(fees), input({ destination: { country: 'FR' }, currency: 'EUR', items: CART, shipDate: '2026-06-15', ...over }), [service('0', 'EUR')]));
const fee = (o: ReturnType<typeof q>, code: string) => o.fees.lines.find((l) => l.code === code);
const vat = (o: ReturnType<typeof q>) => o.taxes.lines.find((l) => l.code === 'VAT')!;

describe('per HS6 line (FR TPC shape): EUR 2 × distinct HS6 codes', () => {
  it('when the cart has 610910 twice and 420221 once, then 2 × 2 lines = 4.00 EUR, owed by the seller, with the working', () => {
    const l = fee(q([TPC]), 'TPC')!;
    expect(l.amount).toBe('4.00');
    expect(l.rule).toBe('per-hs-line');
    expect(l.working).toBe('2 EUR × 2 HS6 lines (610910, 420221) = 4.00 EUR; owed by the seller');
    expect(l.payer).toBe('seller');
    expect(l.inTaxBase).toBe(false);
  });

  it.each([
    ['2026-02-28', undefined],
    ['2026-03-01', '4.00'],
    ['2026-12-31', '4.00'],
    ['2027-01-01', undefined],
  ])('when shipped on %s (in force 2026-03-01 → 2026-12-31), then the fee is %s', (shipDate, amount) => {
    expect(fee(q([TPC], { shipDate }), 'TPC')?.amount).toBe(amount);
  });

  it('when the intrinsic value is exactly 150.00 EUR (≤ 150), then charged; at 150.01, then not', () => {
    const at = (price: string) => q([TPC], { items: [item({ hs: '610910', unitPrice: new D(price), priceCurrency: 'EUR' })] });
    expect(fee(at('150.00'), 'TPC')?.amount).toBe('2.00');
    expect(fee(at('150.01'), 'TPC')).toBeUndefined();
  });

  it('when the parcel ships from an EU country, then no fee', () => {
    expect(fee(q([TPC], { origin: { country: 'DE' } }), 'TPC')).toBeUndefined();
  });

  it('when its VAT-base treatment is unknown, then VAT is 20% × 100.00 = 20.00 (fee left out) and a warning says so; DAP: the seller-owed fee is not collected on delivery', () => {
    const o = q([TPC]);
    expect(vat(o).amount).toBe('20.00');
    expect(o.notes.map((n) => n.code)).toContain('FEE_TAX_BASE_UNKNOWN:TPC');
    // landed 100.00 + 0 shipping + 20.00 VAT + 4.00 TPC = 124.00; on delivery only the VAT: 20.00.
    expect(o.landedCost).toBe('124.00');
    expect(o.payableOnDelivery).toBe('20.00');
    expect(o.payableAtCheckout).toBe('104.00');
  });

  it('when the same fee is in the VAT base, then VAT is 20% × (100.00 + 4.00) = 20.80', () => {
    const o = q([{ ...TPC, inTaxBase: true }]);
    expect(vat(o).amount).toBe('20.80');
    expect(fee(o, 'TPC')?.inTaxBase).toBe(true);
  });
});

describe('per consignment (IT shape): EUR 2 once, outside the VAT base, unconfirmed', () => {
  it('when the same 2-line cart is quoted, then 2.00 (not 4.00), VAT 20% × 100.00 = 20.00, and the note and the unconfirmed list name it', () => {
    const o = q([IT]);
    expect(fee(o, 'ITC')).toMatchObject({ amount: '2.00', rule: 'flat', payer: 'buyer', inTaxBase: false });
    expect(fee(o, 'ITC')!.working).toBe('flat 2 EUR; billed to the carrier, passed on with the import charges');
    expect(vat(o).amount).toBe('20.00');
    const codes = o.notes.map((n) => n.code);
    expect(codes).toContain('FEE:ITC');
    expect(o.notes.find((n) => n.code === 'UNCONFIRMED_FIGURES')?.text).toContain('fee ITC');
    // DAP: a fee passed on to the buyer is paid on delivery with the VAT: 20.00 + 2.00.
    expect(o.payableOnDelivery).toBe('22.00');
  });
});

describe('per parcel, B2C, strict ceiling (RO shape): EUR 5 × parcels on goods < EUR 150', () => {
  const twoParcels = [
    { lengthCm: new D(30), widthCm: new D(20), heightCm: new D(10), weightKg: new D('1') },
    { lengthCm: new D(20), widthCm: new D(20), heightCm: new D(10), weightKg: new D('0.5') },
  ];
  it('when two parcels go to a consumer, then 5 × 2 = 10.00, in the VAT base (omitted flag): VAT 20% × 110.00 = 22.00', () => {
    const o = q([RO], { parcels: twoParcels });
    expect(fee(o, 'ROT')).toMatchObject({ amount: '10.00', rule: 'per-parcel', inTaxBase: true });
    expect(fee(o, 'ROT')!.working).toBe('5 EUR × 2 parcels = 10.00 EUR; owed by the seller');
    expect(vat(o).amount).toBe('22.00');
  });
  it('when the buyer is a business, then no fee', () => {
    expect(fee(q([RO], { buyer: 'business' }), 'ROT')).toBeUndefined();
  });
  it('when the goods are exactly 150.00 (the ceiling is "below 150"), then no fee; at 149.99, then 5.00', () => {
    const at = (price: string) => q([RO], { items: [item({ hs: '610910', unitPrice: new D(price), priceCurrency: 'EUR' })] });
    expect(fee(at('150.00'), 'ROT')).toBeUndefined();
    expect(fee(at('149.99'), 'ROT')?.amount).toBe('5.00');
  });
});

describe('a tax on the fee itself (NZ levy shape, fixture in USD): 2.21 + 15% = 2.5415', () => {
  it('when charged, then the line is 2.54 with the working, and the answer parses', () => {
    const levy = {
      code: 'LVG',
      name: { es: 'Tasa por envío de bajo valor', en: 'Low-value goods levy' },
      currency: 'USD',
      charge: { type: 'flat', amount: '2.21' },
      effectiveFrom: '2026-04-01',
      scope: { maxValue: { amount: '1000', currency: 'USD', basis: 'customsValue' }, channels: ['courier'] },
      payer: 'carrier',
      inTaxBase: false,
      taxOnFee: { percent: '15', name: { es: 'GST', en: 'GST' } },
      ...SRC,
    };
    const result = quote(tariff({}, { fees: [levy] }), input({ shipDate: '2026-04-01' }));
    const l = only(result).fees.lines[0]!;
    expect(l.amount).toBe('2.54');
    expect(l.working).toBe('flat 2.21 USD; + 15% GST on the fee = 2.54 USD; billed to the carrier, passed on with the import charges');
    expect(() => quoteResponseSchema.parse(result)).not.toThrow();
    expect(only(quote(tariff({}, { fees: [levy] }), input({ shipDate: '2026-03-31' }))).fees.lines).toEqual([]);
  });
});
