import { parseCsv } from '../../src/hs/parse-csv';

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
    expect(parseCsv(text)).toEqual(rows);
  });

  it('when a quoted field is never closed, then it says so', () => {
    expect(() => parseCsv('a,"open\n')).toThrow('a quoted field is not closed');
  });
});
