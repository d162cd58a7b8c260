import { z } from 'zod';
import { D } from '../domain/money';
import { currencyCodeSchema } from '../schema/primitives';
import type { RateTable } from './rate-table';

const MONTHS: Record<string, string> = {
  January: '01', February: '02', March: '03', April: '04', May: '05', June: '06',
  July: '07', August: '08', September: '09', October: '10', November: '11', December: '12',
};

const rateSchema = z.string().regex(/^\d+(\.\d+)?$/, { error: (i) => `expected a positive rate, got ${JSON.stringify(i.input)}` });

/** "13 April 2026" (daily file) or "2026-04-13" (history file) to YYYY-MM-DD. */
function parseEcbDate(text: string): string {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const m = /^(\d{1,2}) (\w+) (\d{4})$/.exec(t);
  const month = m ? MONTHS[m[2] as string] : undefined;
  if (!m || !month) throw new Error(`unreadable ECB date "${text}"`);
  return `${m[3]}-${month}-${(m[1] as string).padStart(2, '0')}`;
}

export const ECB_SOURCE = 'European Central Bank euro foreign exchange reference rates';

/**
 * Parse the ECB reference-rate CSV (the daily file, or the first data row of
 * the history file: the newest date). Throws with a precise message on bad
 * input; "N/A" columns are skipped.
 */
export function parseEcbCsv(text: string, source = ECB_SOURCE): RateTable {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new Error('ECB CSV: expected a header row and a data row');
  const header = (lines[0] as string).split(',').map((h) => h.trim());
  const row = (lines[1] as string).split(',').map((c) => c.trim());
  if (header[0] !== 'Date') throw new Error(`ECB CSV: first column must be "Date", got "${header[0]}"`);
  const asOf = parseEcbDate(row[0] ?? '');
  const rates = new Map<string, InstanceType<typeof D>>();
  header.slice(1).forEach((code, i) => {
    const cell = row[i + 1] ?? '';
    if (code === '' || cell === '' || cell === 'N/A') return;
    if (!currencyCodeSchema.safeParse(code).success) return; // retired codes such as CYP
    const parsed = rateSchema.safeParse(cell);
    if (!parsed.success) throw new Error(`ECB CSV: ${code}: ${parsed.error.issues[0]?.message}`);
    rates.set(code, new D(parsed.data));
  });
  if (rates.size === 0) throw new Error('ECB CSV: no rates found');
  return { asOf, source, base: 'EUR', rates };
}
