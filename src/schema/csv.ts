import { CsvError, parse } from 'csv-parse/sync';

/** One CSV record and the line of the file it starts on (1-based), for messages. */
export interface CsvRow {
  cells: string[];
  line: number;
}

/**
 * The one CSV reader of Frontera (csv-parse, RFC 4180): comma-separated,
 * fields in double quotes may hold commas, line breaks and doubled quotes;
 * LF or CRLF line ends; a UTF-8 byte-order mark (as Excel writes it) is
 * dropped; blank lines are skipped. Rows may have different lengths (the
 * callers check their own columns). A malformed file throws with its line.
 */
export function parseCsv(text: string): CsvRow[] {
  let records: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] }) as unknown as typeof records;
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const where = `line ${(err as CsvError & { lines?: number }).lines ?? '?'}`;
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') throw new Error(`CSV: a quoted field is not closed (${where})`, { cause: err });
    throw new Error(`CSV ${where}: ${err.message}`, { cause: err });
  }
  const rows: CsvRow[] = [];
  let endLine = 0;
  let emptyLines = 0;
  for (const { record, info } of records) {
    // A record starts after the previous one's last line and the blank lines skipped since.
    rows.push({ cells: record, line: endLine + 1 + (info.empty_lines - emptyLines) });
    endLine = info.lines;
    emptyLines = info.empty_lines;
  }
  return rows;
}

/** The rows after a header row, as objects keyed by the (trimmed) column names. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const rows = parseCsv(text);
  const header = rows.shift();
  if (!header) return [];
  const names = header.cells.map((h) => h.trim());
  return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, r.cells[i] ?? ''])));
}

/** The columns a format needs; a file without them is not that format. */
export function requireColumns(rows: readonly Record<string, string>[], columns: readonly string[], what: string): void {
  const first = rows[0];
  if (!first) throw new Error(`${what}: the file has no data rows`);
  const missing = columns.filter((c) => !(c in first));
  if (missing.length > 0) throw new Error(`${what}: missing column(s) ${missing.join(', ')} (found: ${Object.keys(first).join(', ')})`);
}
