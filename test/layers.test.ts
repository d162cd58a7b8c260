import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importCycles, importGraph, tsFiles } from './helpers/import-graph';

const ROOT = join(__dirname, '..');
const SRC_FILES = tsFiles(join(ROOT, 'src'));

describe('layers of src/', () => {
  it('when the import graph of src/ is built, then it has no cycle', () => {
    const graph = importGraph(SRC_FILES, ROOT);
    // The graph is real: hundreds of imports between the files of src/.
    expect([...graph.values()].flat().length).toBeGreaterThan(300);
    expect(importCycles(graph)).toEqual([]);
  });

  it('when a file is over 400 lines, then it is named here', () => {
    const long = SRC_FILES.map((f) => [relative(ROOT, f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });

  it.each([
    ['a → b → a', { a: ['b'], b: ['a'], c: ['a'] }, [['a', 'b']]],
    ['a → b → c → a and d → d', { a: ['b'], b: ['c'], c: ['a'], d: ['d'] }, [['a', 'b', 'c'], ['d']]],
    ['a → b → c', { a: ['b'], b: ['c'], c: [] }, []],
  ])('when the graph is %s, then the cycles found are exactly those', (_what, edges, cycles) => {
    const found = importCycles(new Map(Object.entries(edges))).sort((x, y) => x[0]!.localeCompare(y[0]!));
    expect(found).toEqual(cycles);
  });
});
