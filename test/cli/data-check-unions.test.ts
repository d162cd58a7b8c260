import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, runDataCheck } from '../../src/cli/data-check';
import { tariffJson } from '../helpers/engine-fixtures';
import { memberJson, unionJson } from '../helpers/union-fixtures';

const REPO = join(__dirname, '..', '..');
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const text = (json: Record<string, unknown>) => `${JSON.stringify({ $schema: './schema.json', ...json }, null, 2)}\n`;

/** 1-based line:column of the first `needle` in `t`, by plain search. */
function at(t: string, needle: string): string {
  const offset = t.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not in the text`);
  const before = t.slice(0, offset).split('\n');
  return `${before.length}:${(before.at(-1) ?? '').length + 1}`;
}

/** A data tree with tariffs/unions/XU.json and the given tariff files; `npm run data:check` on it. */
function check(union: Record<string, unknown>, tariffs: Record<string, Record<string, unknown>>): { code: number; lines: string[]; texts: Record<string, string> } {
  const root = mkdtempSync(join(tmpdir(), 'frontera-unions-'));
  roots.push(root);
  for (const d of ['tariffs/unions', 'carriers', 'data/fx']) mkdirSync(join(root, d), { recursive: true });
  for (const f of ['eurofxref-daily.csv', 'official-eur-rates-2026-09-28_to_2026-10-08.csv', 'fawazahmed0-currency-api-2026-09-29.csv']) copyFileSync(join(REPO, 'data', 'fx', f), join(root, 'data', 'fx', f));
  copyFileSync(join(REPO, 'test', 'fixtures', 'carriers', 'tiny-courier.json'), join(root, 'carriers', 'tiny-courier.json'));
  const texts: Record<string, string> = { 'tariffs/unions/XU.json': text(union) };
  for (const [name, json] of Object.entries(tariffs)) texts[`tariffs/${name}`] = text(json);
  for (const [rel, t] of Object.entries(texts)) writeFileSync(join(root, rel), t);
  const lines: string[] = [];
  const code = runDataCheck(parseArgs(['--root', root, '--today', '2026-12-03'], {}, new Date('2026-12-03T00:00:00Z'), REPO), (l) => lines.push(l));
  return { code, lines, texts };
}

const errors = (lines: string[]) => lines.filter((l) => !l.includes(': warning: ') && !/files checked/.test(l));

describe('npm run data:check with a customs union', () => {
  it('when the union lists DE and tariffs/DE.json is its member, then no error, and the union file is counted', () => {
    const { code, lines } = check(unionJson({ members: ['DE'] }), { 'DE.json': memberJson() });
    expect(errors(lines)).toEqual([]);
    expect(lines.at(-1)).toMatch(/^3 files checked: 0 errors/);
    expect(code).toBe(0);
  });

  it('when a member names a union that has no file, then the member file says so at "customsUnion"', () => {
    const { code, lines, texts } = check(unionJson({ members: ['FR'] }), { 'DE.json': memberJson({ customsUnion: 'ZZ' }), 'FR.json': memberJson({ country: 'FR' }) });
    expect(errors(lines)).toEqual([
      `tariffs/DE.json:${at(texts['tariffs/DE.json']!, '"ZZ"')} customsUnion: there is no valid customs union "ZZ" (the file unions/ZZ.json next to this one is missing or has errors; known: XU)`,
    ]);
    expect(code).toBe(1);
  });

  it('when the union lists a member without a file, and one whose file is a full tariff file, then the union file says so at each', () => {
    const union = unionJson({ members: ['DE', 'FR', 'IT'] });
    const { code, lines, texts } = check(union, { 'DE.json': memberJson(), 'FR.json': tariffJson({ country: 'FR', currency: 'EUR', timeZone: 'Europe/Paris' }) });
    const u = texts['tariffs/unions/XU.json']!;
    expect(errors(lines)).toEqual([
      `tariffs/unions/XU.json:${at(u, '"FR"')} members[1]: tariffs/FR.json does not say "customsUnion": "XU": as a full tariff file it does not take this union's common rules; make it a member file (national rules only) or remove FR from "members"`,
      `tariffs/unions/XU.json:${at(u, '"IT"')} members[2]: IT is listed as a member but there is no tariffs/IT.json: add a member file saying "customsUnion": "XU", or remove IT from "members"`,
    ]);
    expect(code).toBe(1);
  });

  it('when a member file is not in the union\'s list, and redefines a union source key, then the member file says both, naming the union file', () => {
    const { lines, texts } = check(unionJson({ members: ['FR'] }), {
      'DE.json': memberJson({ sources: { 'DE-1': { title: 'National source', reviewed: '2026-12-03' }, 'U-1': { title: 'Copied union source', reviewed: '2026-12-03' } } }),
      'FR.json': memberJson({ country: 'FR' }),
    });
    const de = texts['tariffs/DE.json']!;
    expect(errors(lines)).toEqual([
      `tariffs/DE.json:${at(de, '"XU"')} customsUnion: DE is not listed in the "members" of customs union XU (tariffs/unions/XU.json): add it there, or remove "customsUnion" and write a full tariff file`,
      `tariffs/DE.json:${at(de, '{\n      "title": "Copied')} sources.U-1: source key "U-1" is also defined in tariffs/unions/XU.json: a member file may cite the union's sources but not define one with the same key; rename this one`,
    ]);
  });

  it('when the union file itself is broken, then its own error is given and its members cannot be resolved', () => {
    const broken = unionJson({ members: ['DE'], currency: 'EURO' });
    const { lines, texts } = check(broken, { 'DE.json': memberJson() });
    expect(errors(lines)).toEqual([
      `tariffs/DE.json:${at(texts['tariffs/DE.json']!, '"XU"')} customsUnion: there is no valid customs union "XU" (the file unions/XU.json next to this one is missing or has errors; known: none)`,
      `tariffs/unions/XU.json:${at(texts['tariffs/unions/XU.json']!, '"EURO"')} currency: expected an ISO 4217 currency code such as "USD", got "EURO"`,
    ]);
  });
});
