import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, runDataCheck } from '../../src/cli/data-check';
import { tariffJson } from '../helpers/engine-fixtures';
import { copyData } from '../data/temp-data';

const REPO = join(__dirname, '..', '..');

/** 1-based line:column of the first `needle` in `text` (after `after`, when given), found by plain search. */
function at(text: string, needle: string, after = ''): string {
  const from = after === '' ? 0 : text.indexOf(after);
  const offset = text.indexOf(needle, from);
  if (from < 0 || offset < 0) throw new Error(`"${needle}" not in the text`);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before.at(-1) ?? '').length + 1}`;
}

function run(root: string, extra: string[] = [], env: Record<string, string> = {}): { code: number; lines: string[] } {
  const lines: string[] = [];
  const args = parseArgs(['--root', root, '--today', '2026-12-02', ...extra], env, new Date('2026-12-02T00:00:00Z'), REPO);
  const code = runDataCheck(args, (l) => lines.push(l));
  return { code, lines };
}

/** A small data tree: tariffs/US.json (the engine test tariff), carriers/tiny-courier.json, the bundled exchange-rate tables. */
function tinyTree(tariff: Record<string, unknown> = tariffJson(), carrierEdit?: (c: Record<string, unknown>) => void): { root: string; text: string; carrierText: string } {
  const root = mkdtempSync(join(tmpdir(), 'frontera-check-'));
  for (const d of ['tariffs', 'carriers', join('data', 'fx')]) mkdirSync(join(root, d), { recursive: true });
  for (const f of ['eurofxref-daily.csv', 'official-eur-rates-2026-09-28_to_2026-10-08.csv', 'fawazahmed0-currency-api-2026-09-29.csv']) copyFileSync(join(REPO, 'data', 'fx', f), join(root, 'data', 'fx', f));
  const text = `${JSON.stringify({ $schema: './schema.json', ...tariff }, null, 2)}\n`;
  writeFileSync(join(root, 'tariffs', `${String(tariff.country)}.json`), text);
  const carrier = JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'carriers', 'tiny-courier.json'), 'utf8')) as Record<string, unknown>;
  carrierEdit?.(carrier);
  const carrierText = `${JSON.stringify(carrier, null, 2)}\n`;
  writeFileSync(join(root, 'carriers', 'tiny-courier.json'), carrierText);
  roots.push(root);
  return { root, text, carrierText };
}

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const SRC = { source: 'test' };
/** The engine fixture's one period, open-ended from 2020-01-01. */
const PERIOD = (tariffJson().periods as Record<string, unknown>[])[0] as Record<string, unknown>;

/** Every bundled exchange-rate publisher with its newest date, as the checks name them (data/fx/README.md). */
const BUNDLED_SOURCES = 'European Central Bank euro foreign exchange reference rates (bundled snapshot) of 2026-04-13; Central Bank of the UAE (EUR line of its daily table) (bundled) of 2026-10-08; BCRA official API, tipoCotizacion EUR (bundled) of 2026-10-08; Banco de la República (Colombia) series 30 "Euro - COP/EUR - tasa media" (Refinitiv-sourced) (bundled) of 2026-10-08; fawazahmed0 currency-api market rates (bundled) of 2026-09-29';

describe('npm run data:check', () => {
  it('when the bundled data is checked, then there is no error and it exits 0', () => {
    const data = copyData();
    roots.push(data.root);
    const { code, lines } = run(data.root);
    expect(lines.filter((l) => !l.includes(': warning: ') && !/files checked/.test(l))).toEqual([]);
    expect(code).toBe(0);
  }, 30_000);

  it('when tariffs/DE.json says "nineteen" for the VAT rate, then it exits 1 naming the file, line:column and path', () => {
    const data = copyData();
    roots.push(data.root);
    const original = data.read('tariffs/DE.json');
    const broken = original.replace('"rate": "19"', '"rate": "nineteen"');
    data.write('tariffs/DE.json', broken);
    const { code, lines } = run(data.root);
    expect(code).toBe(1);
    // The value "nineteen" starts at the quote after `"rate": `.
    expect(lines).toContain(`tariffs/DE.json:${at(broken, '"nineteen"')} periods[0].taxes[0].rate: expected a percentage such as "19", got "nineteen"`);
    expect(lines.at(-1)).toMatch(/files checked: 1 error,/);
  }, 30_000);

  const tariffCases: [string, Record<string, unknown>, string, (text: string) => string][] = [
    [
      'two periods overlap',
      tariffJson({ periods: [PERIOD, { ...PERIOD, effectiveFrom: '2025-06-01' }] }),
      'periods[1].effectiveFrom: period starting 2025-06-01 overlaps periods[0] (2020-01-01 to open end)',
      (t) => at(t, '"2025-06-01"'),
    ],
    [
      'an HS prefix has a dot',
      tariffJson({ duties: { default: { duty: { type: 'adValorem', percent: '5' }, ...SRC }, mfn: [{ hs: '6109.10', duty: { type: 'adValorem', percent: '10' }, ...SRC }] } }),
      'duties.mfn[0].hs: expected an HS prefix of 2 to 10 digits without dots such as "6109", got "6109.10"',
      (t) => at(t, '"6109.10"'),
    ],
    [
      'an agreement member is not an ISO code',
      tariffJson({ agreements: { USMCA: { name: { es: 'T-MEC', en: 'USMCA' }, members: ['MX', 'MEX'], ...SRC } } }),
      'agreements.USMCA.members[1]: expected an ISO 3166-1 alpha-2 country code such as "MX", got "MEX"',
      (t) => at(t, '"MEX"'),
    ],
    [
      'a de minimis origin is not an ISO code',
      tariffJson({}, { deMinimis: { duty: [{ id: 'X', amount: '800', currency: 'USD', basis: 'goods', origins: ['Mexico'], ...SRC }], tax: [] } }),
      'periods[0].deMinimis.duty[0].origins[0]: expected an ISO 3166-1 alpha-2 country code such as "MX" or "agreement:<ID>", got "Mexico"',
      (t) => at(t, '"Mexico"'),
    ],
    [
      'the currency is not an ISO code',
      tariffJson({ currency: 'DOLLARS' }),
      'currency: expected an ISO 4217 currency code such as "USD", got "DOLLARS"',
      (t) => at(t, '"DOLLARS"'),
    ],
    [
      // CLF (Chile's Unidad de Fomento) is an ISO 4217 funds code: neither the ECB, the central banks nor the market table quote it.
      'a currency is ISO but no exchange-rate table quotes it',
      tariffJson({}, { fees: [{ code: 'F', name: { es: 'F', en: 'F' }, currency: 'CLF', charge: { type: 'flat', amount: '1' }, ...SRC }] }),
      `periods[0].fees[0].currency: CLF is not quoted by the exchange rates (${BUNDLED_SOURCES}); quotes that need it would fail`,
      (t) => at(t, '"CLF"'),
    ],
    [
      'one HS code has two MFN measures in force on the same days',
      tariffJson({ duties: { default: { duty: { type: 'adValorem', percent: '5' }, ...SRC }, mfn: [
        { hs: '610910', duty: { type: 'adValorem', percent: '10' }, effectiveTo: '2026-06-30', ...SRC },
        { hs: '610910', duty: { type: 'adValorem', percent: '12' }, effectiveFrom: '2026-06-01', ...SRC },
      ] } }),
      'duties.mfn[1].hs: 610910 is also in duties.mfn[0] on overlapping dates (always to 2026-06-30 and 2026-06-01 to open end); end one with effectiveTo',
      (t) => at(t, '"610910"', '"effectiveTo": "2026-06-30"'),
    ],
  ];

  it.each(tariffCases)('when %s, then data:check prints file:line:column and the path, and exits 1', (_what, tariff, message, where) => {
    const { root, text } = tinyTree(tariff);
    const { code, lines } = run(root);
    expect(lines).toContain(`tariffs/US.json:${where(text)} ${message}`);
    expect(code).toBe(1);
  });

  it('when the destination currency itself is quoted by no table, then it is an error (every quote there would fail) and it exits 1', () => {
    const { root, text } = tinyTree(tariffJson({ currency: 'CLF' }));
    const { code, lines } = run(root);
    expect(lines).toContain(`tariffs/US.json:${at(text, '"CLF"')} currency: CLF is not quoted by the exchange rates (${BUNDLED_SOURCES}): every quote to US would fail with NO_EXCHANGE_RATE`);
    expect(code).toBe(1);
  });

  it('when the destination currency is one the ECB lacks (CLP), then the market table quotes it and nothing is reported', () => {
    const { root } = tinyTree(tariffJson({ currency: 'CLP' }));
    const { code, lines } = run(root);
    expect(lines.filter((l) => l.includes('CLP'))).toEqual([]);
    expect(code).toBe(0);
  });

  it('when a carrier zone lists "USA", then the zone country is reported as not an ISO code', () => {
    const { root, carrierText } = tinyTree(tariffJson(), (c) => {
      ((c.services as { zones: { countries: string[] }[] }[])[0]!.zones[0]!).countries = ['USA'];
    });
    const { code, lines } = run(root);
    expect(lines).toContain(`carriers/tiny-courier.json:${at(carrierText, '"USA"')} services[0].zones[0].countries[0]: expected an ISO 3166-1 alpha-2 country code such as "MX", got "USA"`);
    expect(code).toBe(1);
  });

  it('when a carrier zones countries without a tariff file, then it is one warning listing them and the exit code stays 0', () => {
    // tiny-courier zones US (zone 1), CA (zone 2, and a postcode rule of zone 3) and DE (zone 4); only US.json exists.
    const { root, carrierText } = tinyTree();
    const { code, lines } = run(root);
    expect(lines).toContain(`carriers/tiny-courier.json:${at(carrierText, '{\n          "id": "2"')} services[0].zones[1]: warning: zones 2 countries with no tariff file (CA, DE): quotes to them are refused (UNSUPPORTED_DESTINATION) until a tariffs/<ISO2>.json is added`);
    expect(lines.at(-1)).toBe('2 files checked: 0 errors, 1 warning (review dates older than 180 days on 2026-12-02 are warnings)');
    expect(code).toBe(0);
  });

  it.each([
    // 2026-11-25 → 2026-12-02 is 7 days: over a 5-day limit, within an 8-day one.
    ['--max-age-days 5', ['--max-age-days', '5'], {}, 1],
    ['DATA_MAX_AGE_DAYS=5', [], { DATA_MAX_AGE_DAYS: '5' }, 1],
    ['--max-age-days 8', ['--max-age-days', '8'], {}, 0],
    ['--max-age-days 7 (exactly 7 days is not older)', ['--max-age-days', '7'], {}, 0],
  ])('when a source was reviewed 7 days ago and %s, then it gets %s stale-source warnings, never an error', (_name, extra, env, expected) => {
    const { root, text } = tinyTree();
    const { code, lines } = run(root, extra as string[], env as Record<string, string>);
    const stale = lines.filter((l) => l.startsWith('tariffs/US.json') && l.includes('sources.test.reviewed'));
    expect(stale).toHaveLength(expected as number);
    if (expected === 1) {
      // The engine fixture cites "test" from valuation, the default duty and the MFN line: 3 figures.
      expect(stale[0]).toBe(`tariffs/US.json:${at(text, '"2026-11-25"')} sources.test.reviewed: warning: source "test" was reviewed 2026-11-25, 7 days ago (more than 5); 3 figures cite it: check them and update the date`);
    }
    expect(code).toBe(0);
  });

  it.each([
    // Cut inside the key "periods": the string that is not closed starts there.
    ['cut short half-way (a half-saved file)', (t: string) => t.slice(0, t.indexOf('"periods"') + 5), (b: string) => at(b, '"peri'), 'a string is not closed with a double quote'],
    // Line 8 is `  "currency": "USD",,`: 2 spaces + 18 characters, so the second comma is column 21.
    ['left with a double comma', (t: string) => t.replace('"currency": "USD",', '"currency": "USD",,'), () => '8:21', 'expected a property name in double quotes (a trailing comma before "}"?)'],
    // The comma after "USD" is gone: the next key, line 9 column 3, is where a comma was expected.
    ['missing a comma', (t: string) => t.replace('"currency": "USD",', '"currency": "USD"'), () => '9:3', 'expected a comma between values'],
    ['emptied', () => '', () => '1:1', 'the file is empty (saved half-way?)'],
  ])('when the tariff file is %s, then the syntax error has its line and column and it exits 1', (_what, edit, where, message) => {
    const { root, text } = tinyTree();
    const broken = edit(text);
    writeFileSync(join(root, 'tariffs', 'US.json'), broken);
    const { code, lines } = run(root);
    expect(lines.filter((l) => l.startsWith('tariffs/US.json:'))).toEqual([`tariffs/US.json:${where(broken)} (syntax): ${message}`]);
    expect(code).toBe(1);
  });

  it.each([
    [['--max-age-days', 'soon'], '--max-age-days expects a whole number of days, got "soon"'],
    [['--today', '2/12/2026'], '--today expects YYYY-MM-DD, got "2/12/2026"'],
    [['--verbose', 'yes'], 'unknown option --verbose'],
    [['--root'], '--root needs a value'],
  ])('when the options are %j, then the message says what is wrong', (argv, message) => {
    expect(() => parseArgs(argv, {}, new Date(), REPO)).toThrow(message);
  });
});
