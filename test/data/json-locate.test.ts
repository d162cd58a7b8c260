import { JsonLocator, positionAt } from '../../src/data/json-locate';

// Line numbers below are counted by hand on this text (line 1 is "{").
const TEXT = [
  '{', //                                             1
  '  "sources": { "EU-4": { "reviewed": "2026" } },', // 2
  '  "zones": { "1.5": { "price": "9" } },', //          3
  '  "periods": [', //                                   4
  '    { "taxes": [ { "rate": "19" } ] },', //           5
  '    { "taxes": [ { "rate": "nineteen" } ] }', //      6
  '  ]', //                                              7
  '}', //                                                8
].join('\n');

describe('JsonLocator: a JSON path back to line and column', () => {
  const loc = new JsonLocator(TEXT);

  it.each([
    // `"nineteen"` starts after 4 spaces + `{ "taxes": [ { "rate": ` (23 characters): column 4 + 23 + 1 = 28.
    ['periods[1].taxes[0].rate', { line: 6, column: 28 }],
    // A key holding a dash: `"2026"` is after 2 spaces + `"sources": { "EU-4": { "reviewed": ` (35): column 38.
    ['sources.EU-4.reviewed', { line: 2, column: 38 }],
    // A key holding a dot ("1.5" is one zone id, not "1" then "5"): `"9"` after 2 spaces + `"zones": { "1.5": { "price": ` (29): column 32.
    ['zones.1.5.price', { line: 3, column: 32 }],
    // A missing field points at the object that should hold it: `{ "rate"` of line 5 at column 18.
    ['periods[0].taxes[0].base', { line: 5, column: 18 }],
    ['(root)', { line: 1, column: 1 }],
  ])('when the path is %s, then the position is %j', (path, expected) => {
    expect(loc.locate(path)).toEqual(expected);
  });

  it('when the text is valid JSON, then there is no syntax error', () => {
    expect(loc.syntaxErrors).toEqual([]);
  });

  it.each([
    ['a\nbc', 4, { line: 2, column: 3 }],
    ['abc', 0, { line: 1, column: 1 }],
  ])('when the offset in %j is %i, then positionAt gives %j', (text, offset, expected) => {
    expect(positionAt(text, offset)).toEqual(expected);
  });
});
