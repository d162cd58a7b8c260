import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataStore } from '../../src/data/data-store';
import { RATES } from '../helpers/engine-fixtures';
import { memberJson, unionJson } from '../helpers/union-fixtures';
import { captureLogger, tinyFolders } from './tiny-data';

const json = (j: Record<string, unknown>) => `${JSON.stringify({ $schema: './schema.json', ...j }, null, 2)}\n`;

describe('DataStore with a customs union', () => {
  const folders = tinyFolders();
  afterAll(() => folders.cleanup());

  it('when a member file arrives before its union, then it is rejected, and served as soon as the union file is', () => {
    folders.write('tariffs/DE.json', json(memberJson()));
    const log = captureLogger();
    const store = DataStore.open({ tariffsDir: folders.tariffsDir, carriersDir: folders.carriersDir, rates: RATES, logger: log.logger, clock: () => new Date('2026-12-03T10:00:00Z') });
    const de = () => store.status().files.find((f) => f.file === 'tariffs/DE.json');
    expect(de()?.result).toBe('rejected');
    expect(de()?.rejected?.errors.map((e) => e.path)).toEqual(['customsUnion']);
    expect(store.snapshot().tariffs.has('DE')).toBe(false);
    // No tariffs/unions/ folder yet: not an error in the log.
    expect(log.lines.filter((l) => l.msg === 'cannot read the data folder; the loaded data keeps serving')).toEqual([]);

    mkdirSync(join(folders.tariffsDir, 'unions'));
    folders.write('tariffs/unions/XU.json', json(unionJson()));
    const union = store.reload('union', 'XU.json');
    expect(union).toMatchObject({ file: 'tariffs/unions/XU.json', kind: 'union', id: 'XU', members: ['DE', 'FR'], result: 'loaded' });
    expect(de()).toMatchObject({ result: 'loaded', id: 'DE', customsUnion: 'XU' });
    // Germany's national 19 % then 21 %, split again at the union's 2026-07-01.
    expect(de()?.periods).toEqual([
      { effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31' },
      { effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' },
      { effectiveFrom: '2026-07-01' },
    ]);
    expect(store.snapshot().tariffs.get('DE')?.file.duties.mfn.map((m) => m.hs)).toEqual(['610910']);
  });
});
