import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseCsv } from '../schema/csv';

/** One six-digit HS 2022 subheading with the heading it belongs to. */
export interface HsSubheading {
  hs6: string;
  description: string;
  heading: string;
  headingDescription: string;
}

const HEADER = ['section', 'hscode', 'description', 'parent', 'level'];

const rowSchema = z.object({
  section: z.string().min(1),
  hscode: z.string().regex(/^(\d{2}|\d{4}|\d{6})$/, { error: (i) => `expected a 2-, 4- or 6-digit HS code, got ${JSON.stringify(i.input)}` }),
  description: z.string().min(1, { error: 'expected a description' }),
  parent: z.string().min(1),
  level: z.enum(['2', '4', '6'], { error: (i) => `expected level 2, 4 or 6, got ${JSON.stringify(i.input)}` }),
});

/**
 * Rows of the UN Comtrade HS 2022 table that are not HS lines: the "TOTAL"
 * aggregate and 9999/999999 "commodities not specified according to kind".
 */
function isComtradeAggregate(section: string): boolean {
  return section === 'TOTAL';
}

/**
 * Parse `harmonized-system.csv` (datasets/harmonized-system, ODC-PDDL-1.0:
 * `section,hscode,description,parent,level`) into its six-digit subheadings.
 * Throws naming the line when the file does not have that shape: the file
 * ships with the code, so a bad copy must stop the build, not hide suggestions.
 */
export function parseHsNomenclature(csv: string, file = 'harmonized-system.csv'): HsSubheading[] {
  const [headerRow, ...rows] = parseCsv(csv);
  const header = headerRow?.cells;
  if (!header || header.join(',') !== HEADER.join(',')) {
    throw new Error(`${file}: expected the header "${HEADER.join(',')}", got "${header?.join(',') ?? ''}"`);
  }
  const headings = new Map<string, string>();
  const six: { hs6: string; description: string; parent: string }[] = [];
  rows.forEach(({ cells, line }) => {
    if (cells.length !== HEADER.length) throw new Error(`${file} line ${line}: expected ${HEADER.length} fields, got ${cells.length}`);
    if (isComtradeAggregate(cells[0]!)) return;
    const parsed = rowSchema.safeParse(Object.fromEntries(HEADER.map((h, k) => [h, cells[k]])));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${file} line ${line}: ${issue.path.join('.')}: ${issue.message}`);
    }
    const r = parsed.data;
    if (r.hscode.length !== Number(r.level)) throw new Error(`${file} line ${line}: code ${r.hscode} does not have ${r.level} digits`);
    if (r.level === '4') headings.set(r.hscode, r.description);
    if (r.level === '6') six.push({ hs6: r.hscode, description: r.description, parent: r.parent });
  });
  return six.map((s) => {
    const heading = s.hs6.slice(0, 4);
    const headingDescription = headings.get(heading);
    if (s.parent !== heading || headingDescription === undefined) throw new Error(`${file}: subheading ${s.hs6} has no heading ${heading}`);
    return { hs6: s.hs6, description: s.description, heading, headingDescription };
  });
}

export function loadHsNomenclature(path: string): HsSubheading[] {
  return parseHsNomenclature(readFileSync(path, 'utf8'), path);
}
