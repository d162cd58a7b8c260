import { createHash } from 'node:crypto';
import { D } from '../../src/domain/money';
import type { DataStatus } from '../../src/data/data-store';
import { copyData, deQuoteBody, eventually, withDeVat, type TempData } from './temp-data';
import { serveData } from './served-app';

const MFN_610910 = '{"hs":"610910","duty":{"type":"adValorem","percent":"12"},"source":"EU-TARIC","confidence":"confirmed"}';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Ten T-shirts at MXN 500 (MXN 5,000 = EUR 246.06 at the bundled 20.3203): over EUR 150, so the EUR 3 regime does not apply. */
function body(cc: string): Record<string, unknown> {
  return {
    origin: { country: 'MX', postalCode: '64000' },
    destination: { country: cc },
    incoterm: 'DDP',
    shipDate: '2026-12-10',
    items: [{ description: 'Cotton T-shirt', hsCode: '6109.10', originCountry: 'MX', quantity: 10, unitPrice: { amount: '500.00', currency: 'MXN' }, unitWeight: { value: 0.2, unit: 'kg' }, claimPreference: false }],
    carriers: ['dhl-express'],
    locale: 'en',
  };
}

/**
 * The common EU tariff written once: one edit of tariffs/unions/EU.json (the MFN duty of 6109.10 from
 * 12 % to an invented 20 %) reaches all 27 members without a restart, in one swap; a bad edit of the
 * union keeps the last good union serving every member, and /data/status shows it on the union file.
 */
describe('hot reload of the EU customs union file', () => {
  let data: TempData;
  let served: Awaited<ReturnType<typeof serveData>>;
  let members: string[];
  beforeAll(async () => {
    data = copyData();
    served = await serveData(data);
    members = (JSON.parse(data.read('tariffs/unions/EU.json')) as { members: string[] }).members;
  }, 30_000);
  afterAll(async () => {
    await served.close();
    data.cleanup();
  });

  /** The MFN duty line of each member's answer: [country, rate, whether amount = rate × base, half-up to cents]. */
  const dutyLines = async () =>
    Promise.all(
      members.map(async (cc) => {
        const res = await fetch(`${served.url}/quote`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body(cc)) });
        const json = (await res.json()) as { options?: { duties: { lines: { rule: string; rate: string; base: string; amount: string }[] } }[] };
        const line = json.options?.[0]?.duties.lines[0];
        const worked = line ? new D(line.base).times(line.rate).div(100).toFixed(2) === line.amount : false;
        return [cc, res.status, line?.rule, line?.rate, worked];
      }),
    );
  const status = async () => (await (await fetch(`${served.url}/data/status`)).json()) as DataStatus;
  const unionStatus = async () => (await status()).files.find((f) => f.file === 'tariffs/unions/EU.json');

  it('when the common duty of 6109.10 is rewritten once, then all 27 members answer it; a bad union edit changes none of them', async () => {
    const original = data.read('tariffs/unions/EU.json');
    expect(original).toContain(MFN_610910);
    expect(await dutyLines()).toEqual(members.map((cc) => [cc, 200, 'MFN', '12', true]));
    const before = await status();
    const deVersion = before.files.find((f) => f.file === 'tariffs/DE.json')?.version;
    expect(await unionStatus()).toMatchObject({ kind: 'union', id: 'EU', version: sha(original), members, result: 'loaded', periods: [{ effectiveFrom: '2025-01-01', effectiveTo: '2026-06-30' }, { effectiveFrom: '2026-07-01' }] });

    // 1. One edit of the union file: 12 % → 20 % (invented, for the test).
    const at20 = original.replace(MFN_610910, MFN_610910.replace('"percent":"12"', '"percent":"20"'));
    data.write('tariffs/unions/EU.json', at20);
    await eventually('the union edit served', async () => (await unionStatus())?.version === sha(at20), 20_000);
    expect(await dutyLines()).toEqual(members.map((cc) => [cc, 200, 'MFN', '20', true]));
    // The member files did not change: their versions stay, and each still names its union.
    const de = (await status()).files.find((f) => f.file === 'tariffs/DE.json');
    expect([de?.version, de?.customsUnion, de?.result]).toEqual([deVersion, 'EU', 'loaded']);

    // 2. A bad edit (a rate written as a word): rejected on the union file, every member keeps 20 %.
    const broken = at20.replace('"percent":"20"', '"percent":"twenty"');
    data.write('tariffs/unions/EU.json', broken);
    await eventually('the bad edit rejected', async () => (await unionStatus())?.result === 'rejected', 20_000);
    const rejected = await unionStatus();
    expect(rejected?.version).toBe(sha(at20));
    expect(rejected?.rejected?.errors.map((e) => [e.file, e.path, e.message])).toEqual([['tariffs/unions/EU.json', expect.stringMatching(/^duties\.mfn\[\d+\]\.duty\.percent$/), 'expected a percentage such as "19", got "twenty"']]);
    expect(await dutyLines()).toEqual(members.map((cc) => [cc, 200, 'MFN', '20', true]));

    // 3. A union edit that drops Germany from "members" would leave tariffs/DE.json without its union: rejected whole.
    const withoutDe = at20.replace('"members": ["AT","BE","BG","CY","CZ","DE",', '"members": ["AT","BE","BG","CY","CZ",').replace('"percent":"20"', '"percent":"15"');
    expect(withoutDe).not.toBe(at20);
    data.write('tariffs/unions/EU.json', withoutDe);
    await eventually('the edit without DE rejected', async () => (await unionStatus())?.rejected?.version === sha(withoutDe), 20_000);
    expect((await unionStatus())?.rejected?.errors.map((e) => [e.file, e.path, e.message])).toEqual([
      ['tariffs/DE.json', 'customsUnion', 'DE is not listed in the "members" of customs union EU (tariffs/unions/EU.json): add it there, or remove "customsUnion" and write a full tariff file'],
    ]);
    expect(await dutyLines()).toEqual(members.map((cc) => [cc, 200, 'MFN', '20', true]));
  }, 120_000);

  it('when Germany\'s VAT is edited, then Germany answers the new rate and France keeps its own', async () => {
    const vatOf = async (cc: string, postalCode: string) => {
      const res = await fetch(`${served.url}/quote`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...deQuoteBody(), destination: { country: cc, postalCode } }) });
      const json = (await res.json()) as { options?: { taxes: { lines: { code: string; rate: string }[] } }[] };
      return json.options?.[0]?.taxes.lines.find((l) => l.code === 'VAT')?.rate;
    };
    expect([await vatOf('DE', '10115'), await vatOf('FR', '75001')]).toEqual(['19', '20']);
    data.write('tariffs/DE.json', withDeVat(data.read('tariffs/DE.json'), '21', '2026-12-10'));
    await eventually('the DE edit served', async () => (await vatOf('DE', '10115')) === '21', 20_000);
    expect(await vatOf('FR', '75001')).toBe('20');
  }, 60_000);
});
