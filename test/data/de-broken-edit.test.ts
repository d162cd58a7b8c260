import { parseArgs, runDataCheck } from '../../src/cli/data-check';
import type { DataStatus } from '../../src/data/data-store';
import { copyData, deQuoteBody, eventually, withDeVat, type TempData } from './temp-data';
import { quoteDe, serveData } from './served-app';

/** The "done when", end to end on a private copy of the data. */
describe('a broken edit of tariffs/DE.json, then its fix', () => {
  let data: TempData;
  let served: Awaited<ReturnType<typeof serveData>>;
  beforeAll(async () => {
    data = copyData();
    served = await serveData(data);
  }, 30_000);
  afterAll(async () => {
    await served.close();
    data.cleanup();
  });

  const status = async (): Promise<DataStatus> => (await fetch(`${served.url}/data/status`)).json() as Promise<DataStatus>;
  const de = async () => (await status()).files.find((f) => f.file === 'tariffs/DE.json');

  it('when DE.json is broken, then data:check exits 1 naming file, line and path; the service keeps quoting DE with the last good data; /data/status shows the rejected edit; the fix is served without a restart', async () => {
    const original = data.read('tariffs/DE.json');
    const goodVersion = (await de())?.version;
    expect(await quoteDe(served.url, deQuoteBody())).toMatchObject({ status: 200, vatRate: '19' });

    // 1. The broken edit: a VAT rate written as a word.
    const broken = original.replace('"rate": "19"', '"rate": "nineteen"');
    data.write('tariffs/DE.json', broken);
    const lines = broken.split('\n');
    const line = lines.findIndex((l) => l.includes('"nineteen"')) + 1;
    const column = (lines[line - 1] ?? '').indexOf('"nineteen"') + 1;
    const printed: string[] = [];
    const code = runDataCheck(parseArgs(['--root', data.root, '--today', '2026-12-02'], {}, new Date(), data.root), (l) => printed.push(l));
    expect(code).toBe(1);
    expect(printed).toContain(`tariffs/DE.json:${line}:${column} periods[0].taxes[0].rate: expected a percentage such as "19", got "nineteen"`);

    // 2. The running service rejects it and keeps the last good DE.
    await eventually('the edit rejected', async () => (await de())?.result === 'rejected', 20_000);
    const rejected = await de();
    expect(rejected?.version).toBe(goodVersion);
    expect(rejected?.rejected?.errors).toEqual([
      { file: 'tariffs/DE.json', line, column, path: 'periods[0].taxes[0].rate', message: 'expected a percentage such as "19", got "nineteen"', severity: 'error' },
    ]);
    // The tariff data date is the newest review of DE.json's national sources and tariffs/unions/EU.json's: 2026-12-03.
    expect(await quoteDe(served.url, deQuoteBody())).toMatchObject({ status: 200, vatRate: '19', tariffDate: '2026-12-03' });

    // 3. The fix (here: an invented 21 % VAT, reviewed 2026-12-01) is served without a restart.
    data.write('tariffs/DE.json', withDeVat(original, '21', '2026-12-01'));
    await eventually('the fix served', async () => (await quoteDe(served.url, deQuoteBody())).vatRate === '21', 20_000);
    const fixed = await de();
    expect(fixed?.result).toBe('loaded');
    expect(fixed?.rejected).toBeUndefined();
    expect(fixed?.version).not.toBe(goodVersion);
    expect(fixed?.periods).toEqual([{ effectiveFrom: '2025-01-01', effectiveTo: '2026-06-30' }, { effectiveFrom: '2026-07-01' }]);
  }, 60_000);
});
