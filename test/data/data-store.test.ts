import { createHash } from 'node:crypto';
import { D } from '../../src/domain/money';
import { DataStore } from '../../src/data/data-store';
import { RATES } from '../helpers/engine-fixtures';
import { captureLogger, tinyFolders, tinyTariffText, TINY_COURIER } from './tiny-data';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const CLOCK = () => new Date('2026-12-02T10:00:00Z');

function open() {
  const folders = tinyFolders();
  const log = captureLogger();
  const store = DataStore.open({ tariffsDir: folders.tariffsDir, carriersDir: folders.carriersDir, rates: RATES, logger: log.logger, clock: CLOCK });
  return { folders, store, log, us: () => store.status().files.find((f) => f.file === 'tariffs/US.json') };
}

/** The MFN duty of 610910 in the snapshot's US tariff, as a string. */
function mfn(store: DataStore): string {
  const entry = store.snapshot().tariffs.get('US')?.file.duties.mfn[0]?.duty;
  return entry && entry.type === 'adValorem' ? entry.percent.toString() : 'none';
}

const at12 = tinyTariffText({ duties: { default: { duty: { type: 'adValorem', percent: '5' }, source: 'test' }, mfn: [{ hs: '610910', duty: { type: 'adValorem', percent: '12' }, source: 'test' }] } });

describe('DataStore: one file at a time, whole snapshots swapped', () => {
  const opened: { cleanup(): void }[] = [];
  afterAll(() => opened.forEach((f) => f.cleanup()));
  const start = () => {
    const s = open();
    opened.push(s.folders);
    return s;
  };

  it('when it opens the folders, then every file is listed with its sha256, periods and load time', () => {
    const { store } = start();
    expect(store.status().files).toEqual([
      { file: 'carriers/tiny-courier.json', kind: 'carrier', id: 'tiny-courier', version: sha(TINY_COURIER), periods: [{ effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31' }], loadedAt: '2026-12-02T10:00:00.000Z', checkedAt: '2026-12-02T10:00:00.000Z', result: 'loaded' },
      { file: 'tariffs/US.json', kind: 'tariff', id: 'US', version: sha(tinyTariffText()), periods: [{ effectiveFrom: '2020-01-01' }], loadedAt: '2026-12-02T10:00:00.000Z', checkedAt: '2026-12-02T10:00:00.000Z', result: 'loaded' },
    ]);
    expect(store.snapshot().carriers.map((c) => c.id)).toEqual(['tiny-courier']);
    expect(mfn(store)).toBe('10');
  });

  it('when a good edit is reloaded, then a NEW snapshot serves it and the old one is left as it was', () => {
    const { folders, store, us } = start();
    const before = store.snapshot();
    folders.write('tariffs/US.json', at12);
    store.reload('tariff', 'US.json');
    expect(store.snapshot()).not.toBe(before);
    expect(mfn(store)).toBe('12');
    // A request that took `before` keeps answering from it to the end.
    const old = before.tariffs.get('US')?.file.duties.mfn[0]?.duty;
    expect(old?.type === 'adValorem' && old.percent.toString()).toBe('10');
    expect(us()?.version).toBe(sha(at12));
    expect(us()?.result).toBe('loaded');
  });

  it('when a bad edit is reloaded, then the snapshot is untouched, the error is logged once and status shows it with line and column', () => {
    const { folders, store, log, us } = start();
    const before = store.snapshot();
    const bad = tinyTariffText().replace('"percent": "10"', '"percent": "ten"');
    folders.write('tariffs/US.json', bad);
    store.reload('tariff', 'US.json');
    store.reload('tariff', 'US.json');
    expect(store.snapshot()).toBe(before);
    expect(mfn(store)).toBe('10');
    const line = bad.split('\n').findIndex((l) => l.includes('"ten"')) + 1;
    const column = (bad.split('\n')[line - 1] ?? '').indexOf('"ten"') + 1;
    expect(us()).toMatchObject({
      version: sha(tinyTariffText()),
      result: 'rejected',
      rejected: {
        version: sha(bad),
        at: '2026-12-02T10:00:00.000Z',
        errors: [{ file: 'tariffs/US.json', line, column, path: 'duties.mfn[0].duty.percent', message: 'expected a percentage such as "19", got "ten"', severity: 'error' }],
      },
    });
    const rejections = log.lines.filter((l) => l.msg === 'data file edit rejected; the last good version keeps serving');
    expect(rejections).toHaveLength(1);
    expect(rejections[0]?.problems).toEqual([`tariffs/US.json:${line}:${column} duties.mfn[0].duty.percent: expected a percentage such as "19", got "ten"`]);
  });

  it('when the bad edit is fixed, then the fix is served and the rejection is cleared', () => {
    const { folders, store, us } = start();
    folders.write('tariffs/US.json', '{ "country": ');
    store.reload('tariff', 'US.json');
    expect(us()?.result).toBe('rejected');
    folders.write('tariffs/US.json', at12);
    store.reload('tariff', 'US.json');
    expect(mfn(store)).toBe('12');
    expect(us()?.result).toBe('loaded');
    expect(us()?.rejected).toBeUndefined();
  });

  it('when the file disappears, then its last good version keeps serving and status says "missing"; when it is back, "loaded"', () => {
    const { folders, store, us } = start();
    folders.remove('tariffs/US.json');
    store.reload('tariff', 'US.json');
    expect(store.snapshot().tariffs.has('US')).toBe(true);
    expect(us()?.result).toBe('missing');
    folders.write('tariffs/US.json', tinyTariffText());
    store.reload('tariff', 'US.json');
    expect(us()?.result).toBe('loaded');
  });

  it('when a new tariff file appears and the folder is rescanned, then its country is served', () => {
    const { folders, store } = start();
    folders.write('tariffs/CA.json', tinyTariffText({ country: 'CA', currency: 'CAD' }));
    store.rescan('tariff');
    expect([...store.snapshot().tariffs.keys()]).toEqual(['CA', 'US']);
  });

  it('when a second carrier file reuses an id, then it is rejected and the first keeps pricing', () => {
    const { folders, store } = start();
    folders.write('carriers/copy.json', TINY_COURIER);
    store.reload('carrier', 'copy.json');
    expect(store.snapshot().carriers.map((c) => c.id)).toEqual(['tiny-courier']);
    expect(store.status().files.find((f) => f.file === 'carriers/copy.json')).toMatchObject({
      result: 'rejected',
      rejected: { errors: [{ path: 'id', message: 'carrier id "tiny-courier" is already used by carriers/tiny-courier.json' }] },
    });
  });

  it.each(['schema.json', '.#US.json', 'US.json.swp', 'notes.txt'])('when %s changes, then it is not a data file and nothing is read', (name) => {
    const { store } = start();
    expect(store.reload('tariff', name)).toBeUndefined();
  });

  it('when new exchange rates arrive, then a new snapshot carries them with the same files', () => {
    const { store } = start();
    const before = store.snapshot();
    store.setRates({ ...RATES, asOf: '2026-12-01', rates: new Map([...RATES.rates, ['USD', new D('1.2')]]) });
    expect(store.snapshot()).not.toBe(before);
    expect(store.snapshot().rates.asOf).toBe('2026-12-01');
    expect(store.snapshot().tariffs.get('US')).toBe(before.tariffs.get('US'));
    expect(store.status().exchangeRates).toEqual({ asOf: '2026-12-01', source: 'test rates' });
  });
});
