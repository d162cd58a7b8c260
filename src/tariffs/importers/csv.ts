/**
 * RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF line
 * ends; a UTF-8 byte-order mark is dropped. The first row names the columns. Both published
 * formats the importers read (USITC HTS export, EU duty-by-origin table) are written this way.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const records = splitRecords(text.replace(/^\uFEFF/, ''));
  const header = records.shift();
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return records
    .filter((r) => !(r.length === 1 && r[0] === ''))
    .map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? ''])));
}

function splitRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** The columns a format needs; a file without them is not that format. */
export function requireColumns(rows: readonly Record<string, string>[], columns: readonly string[], what: string): void {
  const first = rows[0];
  if (!first) throw new Error(`${what}: the file has no data rows`);
  const missing = columns.filter((c) => !(c in first));
  if (missing.length > 0) throw new Error(`${what}: missing column(s) ${missing.join(', ')} (found: ${Object.keys(first).join(', ')})`);
}
