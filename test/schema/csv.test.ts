import { parseCsv } from '../../src/schema/csv';

/** The cells of each row, without the line numbers. */
const cellsOf = (text: string) => parseCsv(text).map((r) => r.cells);

describe('parseCsv (RFC 4180)', () => {
  it.each([
    ['plain fields', 'a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['a quoted comma', 'a,"b, c"\n', [['a', 'b, c']]],
    ['a doubled quote inside quotes', '"say ""hola""",x\n', [['say "hola"', 'x']]],
    ['CRLF line ends and no final newline', 'a,b\r\nc,d', [['a', 'b'], ['c', 'd']]],
    ['a byte-order mark', '\uFEFFsection,name\n', [['section', 'name']]],
    ['empty fields, also the last one', 'a,,\n', [['a', '', '']]],
    ['a newline inside quotes', '"two\nlines",z\n', [['two\nlines', 'z']]],
  ])('when the text has %s, then the rows are right', (_what, text, rows) => {
    expect(cellsOf(text)).toEqual(rows);
  });

  it('when a quoted field is never closed, then it says so', () => {
    expect(() => parseCsv('a,"open\n')).toThrow('a quoted field is not closed');
  });
});

describe('parseCsv line numbers', () => {
  it('when a quoted field spans lines and blank lines are skipped, then each row keeps the line it starts on', () => {
    expect(parseCsv('a,b\n\n"x\ny",z\n\nlast,row\n').map((r) => r.line)).toEqual([1, 3, 6]);
  });
});
