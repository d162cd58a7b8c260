import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataStore } from '../../src/data/data-store';
import { watchDataFolders, type DataWatcher } from '../../src/data/data-watcher';
import { RATES } from '../helpers/engine-fixtures';
import { eventually } from './temp-data';
import { captureLogger, tinyFolders, tinyTariffText } from './tiny-data';

const mfnAt = (percent: string) =>
  tinyTariffText({ duties: { default: { duty: { type: 'adValorem', percent: '5' }, source: 'test' }, mfn: [{ hs: '610910', duty: { type: 'adValorem', percent }, source: 'test' }] } });

function mfn(store: DataStore): string {
  const d = store.snapshot().tariffs.get('US')?.file.duties.mfn[0]?.duty;
  return d && d.type === 'adValorem' ? d.percent.toString() : 'none';
}

describe('watching tariffs/ and carriers/', () => {
  let watcher: DataWatcher | undefined;
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    watcher?.close();
    cleanup?.();
  });

  function start(debounceMs = 60) {
    const folders = tinyFolders();
    cleanup = folders.cleanup;
    const log = captureLogger();
    const store = DataStore.open({ tariffsDir: folders.tariffsDir, carriersDir: folders.carriersDir, rates: RATES, logger: log.logger });
    watcher = watchDataFolders(store, { logger: log.logger, debounceMs });
    const us = () => store.status().files.find((f) => f.file === 'tariffs/US.json');
    return { folders, store, log, us };
  }

  it('when the file is saved in place, then the change is served without a restart', async () => {
    const { folders, store } = start();
    folders.write('tariffs/US.json', mfnAt('12'));
    await eventually('MFN 12 % served', () => mfn(store) === '12');
  });

  it('when an editor saves by writing a temp file and renaming it over the original, then the change is served', async () => {
    const { folders, store } = start();
    writeFileSync(join(folders.tariffsDir, 'US.json.tmp'), mfnAt('14'));
    renameSync(join(folders.tariffsDir, 'US.json.tmp'), join(folders.tariffsDir, 'US.json'));
    await eventually('MFN 14 % served', () => mfn(store) === '14');
    // The watch is on the folder, so the replaced file (a new inode) is still watched.
    folders.write('tariffs/US.json', mfnAt('15'));
    await eventually('MFN 15 % served', () => mfn(store) === '15');
  });

  it('when a save arrives in two writes closer than the debounce, then only the complete file is read', async () => {
    const { folders, store, log } = start(150);
    const full = mfnAt('16');
    folders.write('tariffs/US.json', full.slice(0, 200));
    folders.write('tariffs/US.json', full);
    await eventually('MFN 16 % served', () => mfn(store) === '16');
    expect(log.lines.filter((l) => /rejected/.test(l.msg))).toEqual([]);
  });

  it('when a half-saved file stays on disk, then it is rejected, the last good data serves, and completing the save is picked up', async () => {
    const { folders, store, us } = start();
    const full = mfnAt('18');
    folders.write('tariffs/US.json', full.slice(0, 200));
    await eventually('the half-saved file rejected', () => us()?.result === 'rejected');
    expect(mfn(store)).toBe('10');
    expect(us()?.rejected?.errors[0]?.path).toBe('(syntax)');
    folders.write('tariffs/US.json', full);
    await eventually('MFN 18 % served', () => mfn(store) === '18');
    expect(us()?.rejected).toBeUndefined();
  });

  it('when the watcher is closed, then later edits are not read', async () => {
    const { folders, store } = start();
    watcher?.close();
    folders.write('tariffs/US.json', mfnAt('20'));
    await new Promise((r) => setTimeout(r, 300));
    expect(mfn(store)).toBe('10');
  });
});
