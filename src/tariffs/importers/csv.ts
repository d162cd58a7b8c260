import { parseCsv as parseCsvRows } from '../../schema/csv';

/**
 * RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF line
 * ends; a UTF-8 byte-order mark is dropped. The first row names the columns. Both published
 * formats the importers read (USITC HTS export, EU duty-by-origin table) are written this way.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const rows = parseCsvRows(text);
  const header = rows.shift();
  if (!header) return [];
  const names = header.cells.map((h) => h.trim());
  return rows
    .filter((r) => !(r.cells.length === 1 && r.cells[0] === ''))
    .map((r) => Object.fromEntries(names.map((n, i) => [n, r.cells[i] ?? ''])));
}

/** The columns a format needs; a file without them is not that format. */
export function requireColumns(rows: readonly Record<string, string>[], columns: readonly string[], what: string): void {
  const first = rows[0];
  if (!first) throw new Error(`${what}: the file has no data rows`);
  const missing = columns.filter((c) => !(c in first));
  if (missing.length > 0) throw new Error(`${what}: missing column(s) ${missing.join(', ')} (found: ${Object.keys(first).join(', ')})`);
}
