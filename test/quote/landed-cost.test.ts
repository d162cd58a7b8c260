import { D } from '../../src/domain/money';
import { QuoteError } from '../../src/quote/quote-error';
import { input, item, only, quote, service, tariff } from '../helpers/engine-fixtures';

const SRC = { source: 'test' };
const ad = (percent: string) => ({ type: 'adValorem', percent });
const threshold = (id: string, amount: string, extra: Record<string, unknown> = {}) => ({ id, amount, currency: 'USD', basis: 'goods', ...SRC, ...extra });

/** landedCost = goods + shipping + insurance + duties + taxes + fees, to the cent (api.md). */
function expectSumIdentity(q: ReturnType<typeof quote>) {
  for (const o of q.options) {
    const parts = [q.goodsValue, o.shipping.amount, o.insurance.amount, o.duties.amount, o.taxes.amount, o.fees.amount];
    expect(parts.reduce((a, p) => a.plus(p), new D(0)).toFixed(2)).toBe(new D(o.landedCost).toFixed(2));
    expect(new D(o.payableAtCheckout).plus(o.payableOnDelivery).toString()).toBe(new D(o.landedCost).toString());
  }
}

describe('customs value: FOB vs CIF', () => {
  // 1 × 100.00 USD, shipping 12.50 USD, MFN 10% on 6109
  it.each([
    ['FOB', '100.00', '10.00'], // 10% × 100.00 (shipping excluded)
    ['CIF', '112.50', '11.25'], // 10% × (100.00 + 12.50)
  ])('when the destination values at %s, then duty is charged on %s = %s', (basis, base, duty) => {
    const t = tariff({}, { valuation: { basis, ...SRC } });
    const o = only(quote(t, input(), [service('12.50')]));
    expect(o.duties.lines[0]).toMatchObject({ base, amount: duty, rule: 'MFN', rate: '10' });
  });

  it('when CIF and shipping does not split evenly, then item bases add up to the shipping to the cent', () => {
    // shipping 10.00 over goods 100, 100, 100 → 3.34 + 3.33 + 3.33; CIF bases 103.34, 103.33, 103.33
    const t = tariff({}, { valuation: { basis: 'CIF', ...SRC } });
    const items = [0, 1, 2].map((index) => item({ index }));
    const o = only(quote(t, input({ items }), [service('10.00')]));
    expect(o.duties.lines.map((l) => l.base)).toEqual(['103.34', '103.33', '103.33']);
    // duties 10% each: 10.334 → 10.33, 10.333 → 10.33, 10.33
    expect(o.duties.lines.map((l) => l.amount)).toEqual(['10.33', '10.33', '10.33']);
    expect(o.duties.amount).toBe('30.99');
  });
});

describe('de minimis, separately for duty and tax', () => {
  const period = {
    deMinimis: { duty: [threshold('duty-100', '100')], tax: [threshold('tax-40', '40')] },
    taxes: [{ code: 'VAT', name: { es: 'IVA', en: 'VAT' }, rate: '10', base: ['customsValue', 'duties'], ...SRC }],
  };
  it.each([
    // goods value vs duty threshold 100 USD (≤ applies) and tax threshold 40 USD
    ['99.99', 'applied', 'not-applied', '0.00', '10.00'], // no duty; VAT 10% × 99.99 = 9.999 → 10.00
    ['100.00', 'applied', 'not-applied', '0.00', '10.00'], // at the boundary: still no duty; VAT 10.00
    ['100.01', 'not-applied', 'not-applied', '10.00', '11.00'], // duty 10% × 100.01 = 10.001 → 10.00; VAT 10% × 110.011 = 11.0011 → 11.00
    ['40.00', 'applied', 'applied', '0.00', '0.00'], // under both
    ['40.01', 'applied', 'not-applied', '0.00', '4.00'], // VAT 10% × 40.01 = 4.001 → 4.00
  ])('when the goods are worth %s USD, then duty de minimis is %s and tax de minimis is %s', (price, duty, tax, dutyAmt, taxAmt) => {
    const o = only(quote(tariff({}, period), input({ items: [item({ unitPrice: new D(price) })] })));
    expect(o.deMinimis).toEqual({ duty, tax });
    expect(o.duties.amount).toBe(dutyAmt);
    expect(o.taxes.amount).toBe(taxAmt);
  });

  it('when no threshold covers the channel, then the outcome is "none" and duty is charged', () => {
    const p = { deMinimis: { duty: [threshold('postal-only', '100', { channels: ['postal'] })], tax: [] } };
    const o = only(quote(tariff({}, p), input()));
    expect(o.deMinimis.duty).toBe('none');
    expect(o.duties.amount).toBe('10.00'); // 10% × 100.00
  });

  it('when the threshold depends on the ship-from country (Canada CUSMA courier), then shipping from MX gets it and from CN does not', () => {
    const p = { deMinimis: { duty: [threshold('cusma', '150', { shipFrom: ['MX', 'US'], channels: ['courier'] }), threshold('other', '20')], tax: [] } };
    const fromMx = only(quote(tariff({}, p), input()));
    const fromCn = only(quote(tariff({}, p), input({ origin: { country: 'CN' } })));
    expect(fromMx.deMinimis.duty).toBe('applied'); // 100 ≤ 150
    expect(fromCn.deMinimis.duty).toBe('not-applied'); // 100 > 20
  });
});

describe('duty measures: MFN, preferential, refused preference, additional', () => {
  const agreements = { USMCA: { name: { es: 'T-MEC', en: 'USMCA' }, members: ['MX', 'US', 'CA'], ...SRC } };
  const duties = {
    default: { duty: ad('5'), ...SRC },
    mfn: [{ hs: '61091000', duty: ad('16.5'), ...SRC }],
    preferential: [{ hs: '61091000', agreement: 'USMCA', duty: ad('0'), ...SRC }],
    additional: [
      { id: '9903.01.01', name: { es: 'IEEPA', en: 'IEEPA' }, origins: ['MX'], duty: ad('25'), effectiveFrom: '2025-03-04', effectiveTo: '2026-02-23', exemptUnder: ['USMCA'], ...SRC },
      { id: '9903.05.55', name: { es: 'Sección 301', en: 'Section 301' }, origins: ['MX'], duty: ad('10'), effectiveFrom: '2026-07-24', exemptUnder: ['USMCA'], ...SRC },
    ],
  };
  const t = tariff({ agreements, duties });

  it.each([
    // 1 × 100.00 USD of 6109.10 (FOB)
    ['MX, preference claimed', { originCountry: 'MX', claimPreference: true }, '2026-11-26', [['preferential:USMCA', '0.00']]],
    ['MX, preference refused', { originCountry: 'MX', claimPreference: false }, '2026-11-26', [['MFN', '16.50'], ['additional:9903.05.55', '10.00']]], // 16.5% and +10% × 100
    ['CN (not a member)', { originCountry: 'CN' }, '2026-11-26', [['MFN', '16.50']]],
    ['MX refused, the day before Sec. 301', { originCountry: 'MX', claimPreference: false }, '2026-07-23', [['MFN', '16.50']]],
    ['MX refused, under IEEPA', { originCountry: 'MX', claimPreference: false }, '2026-01-15', [['MFN', '16.50'], ['additional:9903.01.01', '25.00']]],
    ['MX claimed, under IEEPA (USMCA exempt)', { originCountry: 'MX', claimPreference: true }, '2026-01-15', [['preferential:USMCA', '0.00']]],
  ] as const)('when the item is %s on %s, then the duty lines are %j', (_name, over, shipDate, expected) => {
    const o = only(quote(t, input({ shipDate, items: [item({ hs: '6109100012', ...over })] })));
    expect(o.duties.lines.map((l) => [l.rule, l.amount])).toEqual(expected);
  });

  it('when the preference is refused, then a note says what it would have been', () => {
    const o = only(quote(t, input({ items: [item({ hs: '61091000', claimPreference: false })] })));
    expect(o.notes.map((n) => n.code)).toContain('PREFERENCE_NOT_CLAIMED');
  });

  it('when the preference is used, then a note asks for proof of origin', () => {
    const o = only(quote(t, input({ items: [item({ hs: '61091000' })] })));
    expect(o.notes.map((n) => n.code)).toContain('PROOF_OF_ORIGIN:USMCA');
  });

  it('when no HS line matches, then the country default is used and flagged as an estimate', () => {
    const o = only(quote(t, input({ items: [item({ hs: '420221', originCountry: 'CN' })] })));
    expect(o.duties.lines[0]).toMatchObject({ rule: 'estimated:country-default', amount: '5.00', estimated: true }); // 5% × 100
  });

  it('when the code is shorter than the tariff lines and they differ, then the highest is used and flagged', () => {
    const t2 = tariff({
      duties: {
        default: { duty: ad('5'), ...SRC },
        mfn: [
          { hs: '61091000', duty: ad('16.5'), ...SRC },
          { hs: '61099010', duty: ad('32'), ...SRC },
        ],
      },
    });
    const o = only(quote(t2, input({ items: [item({ hs: '610990', originCountry: 'CN' })] })));
    expect(o.duties.lines[0]).toMatchObject({ rule: 'MFN', amount: '32.00', matchedHs: '61099010' }); // one line under 610990
    const o2 = only(quote(t2, input({ items: [item({ hs: '610900', originCountry: 'CN' })] })));
    expect(o2.duties.lines).toHaveLength(1);
  });
});

describe('Canadian sales taxes by province', () => {
  const regions = Object.fromEntries(['ON', 'BC', 'QC', 'AB'].map((r) => [r, { es: r, en: r }]));
  const tax = (code: string, rate: string, regionList: string[]) => ({ code, name: { es: code, en: code }, rate, regions: regionList, base: ['customsValue', 'duties'], ...SRC });
  const period = {
    taxes: [tax('GST', '5', ['AB', 'BC', 'QC']), tax('HST', '13', ['ON']), tax('PST', '7', ['BC']), tax('QST', '9.975', ['QC'])],
  };
  const t = tariff({ country: 'CA', currency: 'CAD', regions, duties: { default: { duty: ad('0'), ...SRC }, mfn: [] } }, period);

  it.each([
    // 1 × 100.00 CAD, duty 0: the base is 100.00
    ['ON', [['HST', '13.00']]],
    ['BC', [['GST', '5.00'], ['PST', '7.00']]],
    ['QC', [['GST', '5.00'], ['QST', '9.98']]], // 9.975% × 100 = 9.975 → 9.98 half-up
    ['AB', [['GST', '5.00']]],
  ])('when the parcel goes to %s, then the tax lines are %j', (region, expected) => {
    const q = input({
      destination: { country: 'CA', region },
      currency: 'CAD',
      items: [item({ unitPrice: new D('100.00'), priceCurrency: 'CAD' })],
    });
    const o = only(quote(t, q));
    expect(o.taxes.lines.map((l) => [l.code, l.amount])).toEqual(expected);
  });

  it('when the region is missing, then the engine asks for it', () => {
    expect(() => quote(t, input({ destination: { country: 'CA' }, currency: 'CAD' }))).toThrow(QuoteError);
  });
});

describe('rounding to the answer currency', () => {
  it.each([
    // 10.33 USD: in JPY 10.33 × 128 = 1322.24 → 1322; duty 10% = 132.224 → 132
    ['JPY', '1322', '132'],
    // in MXN 10.33 × 16 = 165.28; duty 10% = 16.528 → 16.53
    ['MXN', '165.28', '16.53'],
  ])('when the answer is in %s, then goods are %s and duty %s', (currency, goods, duty) => {
    const q = quote(tariff(), input({ currency, items: [item({ unitPrice: new D('10.33') })] }));
    expect(q.goodsValue).toBe(goods);
    expect(only(q).duties.amount).toBe(duty);
    expectSumIdentity(q);
  });
});

describe('DDP vs DAP split', () => {
  const period = { taxes: [{ code: 'VAT', name: { es: 'IVA', en: 'VAT' }, rate: '20', base: ['customsValue', 'duties'], ...SRC }] };
  const dap = { code: 'DISB', name: { es: 'Gestión', en: 'Disbursement' }, option: 'dap' as const, price: (x: InstanceType<typeof D>) => ({ amount: x.times('0.02'), working: '2%' }) };
  const ddp = { code: 'DTP', name: { es: 'DTP', en: 'DTP' }, option: 'ddp' as const, price: () => ({ amount: new D('15'), working: 'flat 15' }) };

  it.each([
    // goods 100, shipping 20 (FOB), duty 10, VAT 20% × 110 = 22; D&T = 32
    ['DAP', '0.64', 'buyer', '152.64', '120.00', '32.64'], // disbursement 2% × 32 = 0.64, paid by the buyer on delivery
    ['DDP', '15.00', 'seller', '167.00', '167.00', '0.00'], // duties-paid fee 15, all at checkout
  ] as const)('when the incoterm is %s, then the carrier fee is %s (%s) and the split is right', (incoterm, fee, payer, landed, checkout, onDelivery) => {
    const q = quote(tariff({}, period), input({ incoterm }), [service('20.00', 'USD', { dutyFees: [dap, ddp] })]);
    const o = only(q);
    expect(o.fees.lines).toEqual([expect.objectContaining({ amount: fee, payer })]);
    expect([o.landedCost, o.payableAtCheckout, o.payableOnDelivery]).toEqual([landed, checkout, onDelivery]);
    expectSumIdentity(q);
  });

  it('when the seller collects VAT at the sale (UK ≤ 135), then it stays at checkout under DAP', () => {
    const p = {
      taxes: [{
        code: 'VAT', name: { es: 'IVA', en: 'VAT' }, rate: '20', base: ['customsValue', 'duties'], ...SRC,
        sellerCollection: { upTo: '135', currency: 'USD', basis: 'goods', note: { es: 'x', en: 'x' } },
      }],
    };
    const o = only(quote(tariff({}, p), input({ incoterm: 'DAP' }), [service('20.00')]));
    // duty 10.00 on delivery; VAT 20% × 110 = 22.00 at checkout
    expect(o.taxes.lines[0]).toMatchObject({ amount: '22.00', collectedAt: 'checkout', rule: 'seller-collected' });
    expect(o.payableOnDelivery).toBe('10.00');
    expect(o.payableAtCheckout).toBe('142.00'); // 100 + 20 + 22
  });
});

describe('simplified regimes', () => {
  it('when an EU-style EUR 3 per item category applies, then identical HS6 items pay once', () => {
    // 3 EUR = 3.75 USD; items: two T-shirts (6109.10) and a bag (4202.21) → 2 categories = 7.50 USD
    const regime = {
      id: 'EU-LVC-3EUR', name: { es: 'EUR 3', en: 'EUR 3' }, replaces: ['duty'], currency: 'EUR', basis: 'goods',
      bands: [{ upTo: '150', treatment: { type: 'perItemCategory', amount: '3', currency: 'EUR', hsDigits: 6 } }], ...SRC,
    };
    const items = [item({ index: 0, unitPrice: new D('20') }), item({ index: 1, unitPrice: new D('20') }), item({ index: 2, hs: '420221', unitPrice: new D('20') })];
    const o = only(quote(tariff({}, { regimes: [regime] }), input({ items })));
    expect(o.duties.lines.map((l) => [l.hsCode, l.amount, l.rule])).toEqual([
      ['610910', '3.75', 'regime:EU-LVC-3EUR'],
      ['420221', '3.75', 'regime:EU-LVC-3EUR'],
    ]);
    expect(o.deMinimis.regime).toBe('EU-LVC-3EUR');
  });

  it('when a rate-minus-deduction band applies (Brazil 60% minus USD 20), then duty = 60% × value − 20', () => {
    // goods 100 USD + shipping 20 = 120 basis goodsPlusShipping → 60% = 72 − 20 = 52.00
    const regime = {
      id: 'BR-RC', name: { es: 'Remessa Conforme', en: 'Remessa Conforme' }, replaces: ['duty'], currency: 'USD', basis: 'goodsPlusShipping',
      bands: [
        { upTo: '50', treatment: { type: 'rate', percent: '20' } },
        { above: '50', upTo: '3000', treatment: { type: 'rate', percent: '60', deduct: '20', deductCurrency: 'USD' } },
      ], ...SRC,
    };
    const o = only(quote(tariff({}, { regimes: [regime] }), input(), [service('20.00')]));
    expect(o.duties.lines.map((l) => [l.amount, l.rule])).toEqual([['52.00', 'regime:BR-RC']]);
  });

  it('when a regime replaces duty and tax (Mexico courier global rate), then there are no tax lines', () => {
    const regime = {
      id: 'MX-COURIER', name: { es: 'Tasa global', en: 'Global rate' }, replaces: ['duty', 'tax'], currency: 'USD', basis: 'customsValue',
      bands: [{ upTo: '2500', treatment: { type: 'rate', percent: '33.5' } }], ...SRC,
    };
    const p = { regimes: [regime], taxes: [{ code: 'IVA', name: { es: 'IVA', en: 'VAT' }, rate: '16', base: ['customsValue'], ...SRC }] };
    const o = only(quote(tariff({}, p), input()));
    expect(o.duties.amount).toBe('33.50'); // 33.5% × 100
    expect(o.taxes.lines).toEqual([]);
  });
});

describe('gross-up "por dentro" and taxes on taxes', () => {
  it('when ICMS 17% is computed por dentro, then tax = base × 17 / 83', () => {
    // base = customs 100 + duty 10 = 110; 110 × 17 / 83 = 22.5301… → 22.53
    const p = { taxes: [{ code: 'ICMS', name: { es: 'ICMS', en: 'ICMS' }, rate: '17', base: ['customsValue', 'duties'], grossUp: true, ...SRC }] };
    expect(only(quote(tariff({}, p), input())).taxes.lines[0]).toMatchObject({ amount: '22.53', base: '110.00' });
  });

  it('when VAT includes a consumption tax in its base, then it is charged on it', () => {
    // CT 10% × (100 + 10) = 11; VAT 13% × (110 + 11) = 15.73
    const p = {
      taxes: [
        { code: 'CT', name: { es: 'CT', en: 'CT' }, rate: '10', base: ['customsValue', 'duties'], ...SRC },
        { code: 'VAT', name: { es: 'IVA', en: 'VAT' }, rate: '13', base: ['customsValue', 'duties'], baseIncludesTaxes: ['CT'], ...SRC },
      ],
    };
    expect(only(quote(tariff({}, p), input())).taxes.lines.map((l) => [l.code, l.amount])).toEqual([['CT', '11.00'], ['VAT', '15.73']]);
  });

  it('when an HS prefix has a reduced rate, then it gets its own line', () => {
    // VAT 19% on the T-shirt (100 + 10 duty), 7% on the coffee (50 + 2.50 duty at 5% default)
    const p = { taxes: [{ code: 'VAT', name: { es: 'IVA', en: 'VAT' }, rate: '19', base: ['customsValue', 'duties'], reduced: [{ hs: '0901', rate: '7', ...SRC }], ...SRC }] };
    const items = [item({ index: 0 }), item({ index: 1, hs: '090121', unitPrice: new D('50'), originCountry: 'CO' })];
    const o = only(quote(tariff({}, p), input({ items })));
    expect(o.taxes.lines.map((l) => [l.rate, l.base, l.amount, l.rule])).toEqual([
      ['19', '110.00', '20.90', 'standard'],
      ['7', '52.50', '3.68', 'reduced:0901'], // 3.675 → 3.68
    ]);
  });
});

describe('customs fees with band, min and max, and an agreement exemption', () => {
  const agreements = { USMCA: { name: { es: 'T-MEC', en: 'USMCA' }, members: ['MX'], defaultDuty: ad('0'), ...SRC } };
  const fees = [
    { code: 'MPF-INFORMAL', name: { es: 'MPF', en: 'MPF' }, currency: 'USD', charge: { type: 'flat', amount: '2.69' }, upTo: '2500', exemptUnder: ['USMCA'], ...SRC },
    { code: 'MPF', name: { es: 'MPF', en: 'MPF' }, currency: 'USD', charge: { type: 'adValorem', percent: '0.3464', min: '33.58', max: '651.50' }, above: '2500', exemptUnder: ['USMCA'], ...SRC },
  ];
  const t = tariff({ agreements }, { fees });
  it.each([
    ['100.00', 'CN', [['MPF-INFORMAL', '2.69']]], // informal entry, flat
    ['2500.00', 'CN', [['MPF-INFORMAL', '2.69']]], // at the band ceiling
    ['5000.00', 'CN', [['MPF', '33.58']]], // 0.3464% × 5000 = 17.32 → raised to the minimum
    ['20000.00', 'CN', [['MPF', '69.28']]], // 0.3464% × 20000 = 69.28
    ['500000.00', 'CN', [['MPF', '651.50']]], // 1732.00 → capped at the maximum
    ['100.00', 'MX', []], // USMCA-originating goods are exempt
  ])('when the entry is worth %s from %s, then the fees are %j', (price, origin, expected) => {
    const o = only(quote(t, input({ items: [item({ unitPrice: new D(price), originCountry: origin })] })));
    expect(o.fees.lines.map((l) => [l.code, l.amount])).toEqual(expected);
  });
});

describe('options', () => {
  it('when there are several services, then they are sorted by landed cost, then by slowest delivery', () => {
    const slow = service('20.00', 'USD', { service: 'economy', transitDays: { min: 4, max: 6 } });
    const fast = service('20.00', 'USD', { service: 'express', transitDays: { min: 1, max: 2 } });
    const cheap = service('10.00', 'USD', { service: 'cheap', transitDays: { min: 8, max: 12 } });
    const q = quote(tariff(), input(), [slow, fast, cheap]);
    expect(q.options.map((o) => o.service)).toEqual(['cheap', 'express', 'economy']);
    expectSumIdentity(q);
  });

  it('when the shipping is priced in MXN, then each line is converted and rounded once', () => {
    // 1250.00 MXN × 0.0625 = 78.125 → 78.13 USD; fuel 381.25 MXN → 23.828125 → 23.83
    const s = service('1250.00', 'MXN', {
      lines: [
        { code: 'base', name: { es: 'b', en: 'b' }, amount: new D('1250.00'), working: 'zone 1' },
        { code: 'fuel', name: { es: 'f', en: 'f' }, amount: new D('381.25'), working: '30.5% × 1250' },
      ],
    });
    const o = only(quote(tariff(), input(), [s]));
    expect(o.shipping.lines.map((l) => l.amount)).toEqual(['78.13', '23.83']);
    expect(o.shipping.amount).toBe('101.96');
  });
});
