import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inForce } from '../../src/domain/dates';
import { loadTariffFile } from '../../src/tariffs/tariff-loader';
import type { TariffFile } from '../../src/tariffs/tariff-schema';

const ROOT = join(__dirname, '..', '..');

/** The bundled ibericode/vat-rates table (MIT, data as of 2025-08-12): data/reference/vat-rates/. */
const IBERICODE = JSON.parse(readFileSync(join(ROOT, 'data', 'reference', 'vat-rates', 'eu-vat-rates.ibericode.json'), 'utf8')) as {
  items: Record<string, { effective_from: string; rates: { standard: number } }[]>;
};

const UNION = JSON.parse(readFileSync(join(ROOT, 'tariffs', 'unions', 'EU.json'), 'utf8')) as { members: string[] };

/**
 * Members whose standard rate differs from the reference table because the table (August 2025) is out
 * of date, with the research that says so. Empty on 2026-12-03: the 2024–2025 changes (RO 21 % from
 * 2025-08-01, EE 24 % from 2025-07-01, SK 23 % from 2025-01-01, FI 25.5 % from 2024-09-01) are in it.
 */
const OUTDATED_IN_REFERENCE: Record<string, string> = {};

/** The reference's standard rate on `date`: the block with the latest `effective_from` not after it. */
function referenceRate(cc: string, date: string): string {
  const blocks = (IBERICODE.items[cc] ?? []).filter((b) => b.effective_from <= date).sort((a, b) => a.effective_from.localeCompare(b.effective_from));
  const block = blocks.at(-1);
  if (!block) throw new Error(`${cc}: no reference rate on ${date}`);
  return String(block.rates.standard);
}

const loaded = new Map<string, TariffFile>();
function member(cc: string): TariffFile {
  const hit = loaded.get(cc);
  if (hit) return hit;
  const r = loadTariffFile(join(ROOT, 'tariffs', `${cc}.json`));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  loaded.set(cc, r.value.file);
  return r.value.file;
}

function fileRate(t: TariffFile, date: string): string {
  const vat = t.periods.find((p) => inForce(p, date))?.taxes.find((x) => x.code === 'VAT');
  if (!vat) throw new Error(`${t.country}: no VAT on ${date}`);
  return vat.rate.toString();
}

describe('EU member files against the ibericode/vat-rates reference table', () => {
  it('lists the 27 EU members, each in the reference table', () => {
    expect(UNION.members).toHaveLength(27);
    for (const cc of UNION.members) expect(IBERICODE.items[cc]).toBeDefined();
  });

  it.each(UNION.members)('%s: the standard VAT rate in force on 2026-12-03 is the reference\'s (or a listed exception)', (cc) => {
    const mine = fileRate(member(cc), '2026-12-03');
    if (cc in OUTDATED_IN_REFERENCE) expect(mine).not.toBe(referenceRate(cc, '2026-12-03'));
    else expect(mine).toBe(referenceRate(cc, '2026-12-03'));
  });

  it.each(UNION.members.filter((cc) => !(cc in OUTDATED_IN_REFERENCE)))('%s: every period from 2025-01-01 starts with the reference\'s standard rate of that day', (cc) => {
    const t = member(cc);
    for (const p of t.periods) expect([p.effectiveFrom, fileRate(t, p.effectiveFrom)]).toEqual([p.effectiveFrom, referenceRate(cc, p.effectiveFrom)]);
  });

  it('shows the dated changes of 2025: Estonia 22 → 24 % on 2025-07-01, Romania 19 → 21 % on 2025-08-01', () => {
    expect([fileRate(member('EE'), '2025-06-30'), fileRate(member('EE'), '2025-07-01')]).toEqual(['22', '24']);
    expect([fileRate(member('RO'), '2025-07-31'), fileRate(member('RO'), '2025-08-01')]).toEqual(['19', '21']);
  });
});
