import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCarrierDirectory, loadCarrierFile, parseCarrierText } from '../../src/carriers/carrier-loader';
import { FIXTURES } from './rate-helpers';

const CARRIERS = join(__dirname, '..', '..', 'carriers');
const dataFiles = readdirSync(CARRIERS).filter((n) => n.endsWith('.json') && n !== 'schema.json');

describe('every carriers/*.json file', () => {
  it('there is at least one', () => {
    expect(dataFiles.length).toBeGreaterThan(0);
  });

  it.each(dataFiles)('%s passes the schema and the reference checks', (name) => {
    const result = loadCarrierFile(join(CARRIERS, name));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const fixtureText = readFileSync(join(FIXTURES, 'tiny-courier.json'), 'utf8');
function mutated(change: (f: Json) => void): string {
  const file = JSON.parse(fixtureText) as Json;
  change(file);
  return JSON.stringify(file);
}

describe('carrier reference checks', () => {
  it('the fixture itself is clean', () => {
    expect(parseCarrierText('tiny-courier.json', fixtureText).ok).toBe(true);
  });

  it.each<[string, (f: Json) => void, string, string]>([
    ['an unknown source key', (f) => (f.surcharges[0].source = 'nowhere'), 'surcharges[0].source', 'source "nowhere" is not a key of "sources" (known: fixture)'],
    ['fuel on an unknown code', (f) => f.fuel.appliesTo.push('GHOST'), 'fuel.appliesTo[4]', '"GHOST" is neither "base" nor the code of a surcharge'],
    ['no fuel entry on the first day', (f) => (f.fuel.history = [{ from: '2026-02-01', percent: '20', source: 'fixture' }]), 'fuel.history', "no fuel entry starts on or before the table's effectiveFrom (2026-01-01)"],
    ['a price for an undefined zone', (f) => (f.services[0].rates.breaks[1].byZone['9'] = '1.00'), 'services[0].rates.breaks[1].byZone.9', 'zone "9" is not defined in services[0].zones'],
    ['a zone without a price in a break', (f) => delete f.services[0].rates.breaks[2].byZone['4'], 'services[0].rates.breaks[2].byZone', 'zone "4" has no price in the 1.5 kg break'],
    ['breaks out of order', (f) => (f.services[0].rates.breaks[2].maxKg = 0.8), 'services[0].rates.breaks[2].maxKg', '0.8 kg does not follow 1 kg upwards'],
    ['transit for an undefined zone', (f) => (f.services[0].transit.byZone['9'] = { min: 1, max: 2 }), 'services[0].transit.byZone.9', 'zone "9" is not defined in services[0].zones'],
    ['a zone without transit', (f) => delete f.services[0].transit.byZone['4'], 'services[0].transit.byZone', 'zone "4" has no transit time'],
    ['a minimum for an undefined zone', (f) => (f.services[0].rates.minCharge['9'] = '1.00'), 'services[0].rates.minCharge.9', 'zone "9" is not defined in services[0].zones'],
    ['a country in two zones', (f) => f.services[0].zones[1].countries.push('US'), 'services[0].zones[1].countries[1]', 'US is already in zone "1"'],
    ['a postcode range of unequal lengths', (f) => (f.services[0].zones[2].postcodes[0].to = '9999'), 'services[0].zones[2].postcodes[0]', '"from" (995) and "to" (9999) must have the same length'],
    ['excludes an unknown code', (f) => (f.surcharges[2].excludes = ['NOPE']), 'surcharges[2].excludes[0]', '"NOPE" is not the code of a surcharge'],
    ['a kg surcharge without perKg', (f) => delete f.surcharges[0].perKg, 'surcharges[0]', 'basis "kg" needs "perKg"'],
    ['duties and taxes outside a ddp/dap option', (f) => delete f.surcharges[7].option, 'surcharges[7].percentOf', 'a percentage of duties and taxes is only known for a "ddp" or "dap" option'],
    ['a trigger comparing a number with "in"', (f) => (f.surcharges[1].triggers[0].op = 'in'), 'surcharges[1].triggers[0]', 'pieceKg takes a comparison (>, >=, <, <=, =) with a number'],
    ['a surcharge for an unknown service', (f) => (f.surcharges[1].services = ['ghost']), 'surcharges[1].services[0]', 'service "ghost" is not defined in "services"'],
    ['fuelApplies on a code fuel does not list', (f) => (f.surcharges[2].fuelApplies = true), 'surcharges[2].fuelApplies', 'fuel.appliesTo decides what fuel is charged on and does not list "OVERSIZE"'],
    ['a window ending before it starts', (f) => (f.surcharges[5].effectiveTo = '2026-11-01'), 'surcharges[5].effectiveTo', 'ends (2026-11-01) before it starts (2026-11-15)'],
    ['a currency on a trigger that is not declaredValue', (f) => (f.surcharges[1].triggers[0].currency = 'USD'), 'surcharges[1].triggers[0].currency', 'only a declaredValue trigger takes a currency'],
    ['a remote-area kind on a zone postcode', (f) => (f.services[0].zones[2].postcodes[0].area = 'extended'), 'services[0].zones[2].postcodes[0].area', '"area" belongs to remoteAreas, not to zone postcodes'],
    [
      'a minimum billable weight on a shipment field',
      (f) => (f.services[0].weight.minimumBillable = [{ minKg: 40, name: { es: 'x', en: 'x' }, triggers: [{ field: 'shipmentKg', op: '>', value: 1 }] }]),
      'services[0].weight.minimumBillable[0].triggers[0]',
      'a minimum billable weight triggers on a piece field (pieceKg, longestSideCm, secondSideCm, lengthPlusGirthCm) compared with a number',
    ],
  ])('%s', (_name, change, path, message) => {
    const result = parseCarrierText('tiny-courier.json', mutated(change));
    expect(result.ok ? [] : result.problems).toEqual([{ file: 'tiny-courier.json', path, message }]);
  });

  it('schema problems come back with their path', () => {
    const result = parseCarrierText('x.json', mutated((f) => (f.services[0].rates.breaks[0].byZone['1'] = 100)));
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['services[0].rates.breaks[0].byZone.1']);
  });
});

describe('loadCarrierFile and loadCarrierDirectory', () => {
  it('a missing file is a problem, not an exception', () => {
    const result = loadCarrierFile(join(FIXTURES, 'missing.json'));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problems[0]?.message).toMatch(/^cannot read the file: /);
  });

  it('reads every *.json but schema.json; a bad file is reported and skipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'carriers-'));
    writeFileSync(join(dir, 'tiny-courier.json'), fixtureText);
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    writeFileSync(join(dir, 'schema.json'), '{"$schema": "http://json-schema.org/draft-07/schema#"}');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const { carriers, problems } = loadCarrierDirectory(dir);
    expect(carriers.map((c) => c.id)).toEqual(['tiny-courier']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: join(dir, 'broken.json'), path: '(root)' });
    expect(problems[0]?.message).toMatch(/^not valid JSON: /);
  });

  it('a missing directory is a problem, not an exception', () => {
    const { carriers, problems } = loadCarrierDirectory(join(FIXTURES, 'no-such-dir'));
    expect(carriers).toEqual([]);
    expect(problems[0]?.message).toMatch(/^cannot read the directory: /);
  });
});
