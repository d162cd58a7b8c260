import { copyData, deQuoteBody, eventually, withDeVat, type TempData } from './temp-data';
import { quoteDe, serveData, type DeMarker } from './served-app';

/**
 * Version A is the bundled DE member file (VAT 19 %, its source VATNODE
 * reviewed 2026-12-03, the newest review of DE and the EU union file);
 * version B raises the VAT to 21 % and reviews VATNODE on 2026-12-10 (an
 * invented change, for the test only). Every answer must be all A or all B.
 */
const A = { vatRate: '19', vatSourceDate: '2026-12-03', tariffDate: '2026-12-03' };
const B = { vatRate: '21', vatSourceDate: '2026-12-10', tariffDate: '2026-12-10' };

describe('hot reload under concurrent quote requests', () => {
  let data: TempData;
  let served: Awaited<ReturnType<typeof serveData>>;
  beforeAll(async () => {
    data = copyData();
    served = await serveData(data, 20);
  }, 30_000);
  afterAll(async () => {
    await served.close();
    data.cleanup();
  });

  it('when DE.json is edited good and bad, in place and by rename, while quotes run, then no request fails and no answer mixes versions', async () => {
    const original = data.read('tariffs/DE.json');
    const versionB = withDeVat(original, '21', '2026-12-10');
    const edits: ((d: TempData) => void)[] = [
      (d) => d.write('tariffs/DE.json', versionB),
      (d) => d.write('tariffs/DE.json', versionB.slice(0, Math.floor(versionB.length / 2))), // half-saved
      (d) => d.writeByRename('tariffs/DE.json', original),
      (d) => d.write('tariffs/DE.json', original.replace('"rate": "19"', '"rate": "nineteen"')), // schema error
      (d) => d.writeByRename('tariffs/DE.json', versionB),
      (d) => d.write('tariffs/DE.json', '{ "country": "DE", '), // cut short
      (d) => d.write('tariffs/DE.json', original),
    ];
    const answers: DeMarker[] = [];
    let editing = true;
    let rewrites = 0;
    const editor = (async () => {
      // 8 rounds of 7 edits: 56 rewrites, good and bad (issue: at least 50 under load).
      for (let round = 0; round < 8; round++) {
        for (const edit of edits) {
          edit(data);
          rewrites += 1;
          await new Promise((r) => setTimeout(r, 60));
        }
      }
      editing = false;
    })();
    const client = async () => {
      while (editing) answers.push(await quoteDe(served.url, deQuoteBody()));
    };
    await Promise.all([editor, ...Array.from({ length: 8 }, client)]);

    expect(rewrites).toBe(56);
    expect(answers.length).toBeGreaterThan(50);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    const mixed = answers.filter((a) => !(isVersion(a, A) || isVersion(a, B)));
    expect(mixed).toEqual([]);
    // Both versions were really served while the requests ran.
    expect(answers.some((a) => isVersion(a, A))).toBe(true);
    expect(answers.some((a) => isVersion(a, B))).toBe(true);

    // The last edit restored the original: it is served, and the status says so.
    await eventually('DE back to version A', async () => isVersion(await quoteDe(served.url, deQuoteBody()), A), 20_000);
    const de = served.store.status().files.find((f) => f.file === 'tariffs/DE.json');
    expect(de?.result).toBe('loaded');
  }, 120_000);
});

function isVersion(a: DeMarker, v: typeof A): boolean {
  return a.vatRate === v.vatRate && a.vatSourceDate === v.vatSourceDate && a.tariffDate === v.tariffDate;
}
