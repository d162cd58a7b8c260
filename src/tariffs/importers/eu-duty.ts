import type { DutyExpressionInput } from '../duty-expression-schema';
import { requireColumns } from '../../schema/csv';
import { higherOf } from './duty-json';
import { parseEuDuty } from './eu-rate-text';
import type { MeasureJson, NoteJson, PreferenceJson, ScheduleImport } from './schedule';

/** Columns of the EU duty-by-origin table (one row per HS6 and origin). */
export const EU_DUTY_COLUMNS = ['hs6', 'origin', 'cn_codes', 'duty_min', 'duty_max', 'basis'] as const;

const SOURCE = 'EU-TARIC';
const MFN_ORIGIN = 'ALL (MFN)';

export interface EuImportOptions {
  /** Origin whose preferential rows become preferential measures (default MX). */
  origin: string;
  /** Agreement id those measures name (default EU-MX). */
  agreement: string;
}

type Row = Record<string, string>;

/**
 * One HS6 row as a measure. Where the CN codes under the HS6 have different duties, the source
 * gives the two ends: the higher is charged (the end that is always at least the other, else
 * MAX of both) and the range is kept so the quote flags the line as an estimate.
 */
function measureOf(row: Row): { measure: MeasureJson } | { skipped: string } {
  const hs = (row['hs6'] ?? '').replace(/\D/g, '');
  const low = (row['duty_min'] ?? '').trim();
  const high = (row['duty_max'] ?? '').trim() || low;
  const a = parseEuDuty(low);
  const b = low === high ? a : parseEuDuty(high);
  if (!a.ok) return { skipped: a.reason };
  if (!b.ok) return { skipped: b.reason };
  const duty: DutyExpressionInput = low === high ? a.duty : higherOf(a.duty, b.duty);
  const remarks: string[] = [];
  if (a.grossWeight || b.grossWeight) remarks.push('per 100 kg gross weight, computed on net weight');
  if ((row['anti_dumping_possible'] ?? '').trim() === 'yes') remarks.push('anti-dumping duty possible on some CN codes (not included)');
  return {
    measure: {
      hs,
      ...(remarks.length ? { description: remarks.join('; ') } : {}),
      duty,
      ...(low !== high ? { range: { low, high } } : {}),
      source: SOURCE,
      confidence: 'confirmed',
    },
  };
}

const NOT_MODELLED = 'EU-DUTY-NOT-MODELLED';

/** The note listing the subheadings whose duty could not be expressed (none: no note). */
function notModelledNotes(hs: readonly string[]): NoteJson[] {
  if (hs.length === 0) return [];
  return [{
    code: NOT_MODELLED,
    severity: 'warning',
    text: {
      es: 'En estas subpartidas el arancel incluye un componente agrícola (EA, azúcar o harina añadidos) o depende de la graduación alcohólica (EUR por % vol por hl) o del contenido de azúcar, que no se modelan: se usa una estimación. Incluye chocolate, preparaciones de café y alimenticias, vermut y otros vinos, y destilados como tequila y mezcal (2208.90).',
      en: 'On these subheadings the duty includes an agricultural component (EA, added sugar or flour) or depends on alcoholic strength (EUR per % vol per hl) or sugar content, which are not modelled: an estimate is used. This covers chocolate, coffee and food preparations, vermouth and other wines, and spirits such as tequila and mezcal (2208.90).',
    },
    hs: [...hs],
    source: SOURCE,
    confidence: 'confirmed',
  }];
}

/** Turn rows of the EU duty-by-origin table into MFN measures and one origin's preferences. */
export function importEuDuty(rows: readonly Row[], opts: EuImportOptions = { origin: 'MX', agreement: 'EU-MX' }): ScheduleImport {
  requireColumns(rows, EU_DUTY_COLUMNS, 'EU duty-by-origin table');
  const mfn: MeasureJson[] = [];
  const preferential: PreferenceJson[] = [];
  const notModelled = new Map<string, Set<string>>();
  const stats: Record<string, number> = {};
  const bump = (k: string) => (stats[k] = (stats[k] ?? 0) + 1);
  for (const row of rows) {
    const origin = (row['origin'] ?? '').trim();
    const kind = origin === MFN_ORIGIN ? 'mfn' : origin === opts.origin ? 'pref' : undefined;
    if (!kind) continue;
    // A row of the origin at the MFN rate means no preference: the MFN measure covers it.
    if (kind === 'pref' && (row['basis'] ?? '').trim() !== 'pref') {
      bump('pref:no-preference');
      continue;
    }
    const r = measureOf(row);
    if ('skipped' in r) {
      bump(`${kind}:skipped:${r.skipped}`);
      const hs = (row['hs6'] ?? '').replace(/\D/g, '');
      notModelled.set(r.skipped, (notModelled.get(r.skipped) ?? new Set()).add(hs));
      continue;
    }
    bump(kind);
    if (r.measure.range) bump(`${kind}:range`);
    if (kind === 'mfn') mfn.push(r.measure);
    else {
      const { hs, ...rest } = r.measure;
      preferential.push({ hs, agreement: opts.agreement, ...rest });
    }
  }
  mfn.sort((a, b) => a.hs.localeCompare(b.hs));
  preferential.sort((a, b) => a.hs.localeCompare(b.hs));
  const skippedHs = [...new Set([...notModelled.values()].flatMap((s) => [...s]))].sort();
  const chapters = [...new Set(rows.map((r) => (r['hs6'] ?? '').slice(0, 2)).filter((c) => /^\d\d$/.test(c)))].sort();
  return {
    sourceKey: SOURCE,
    mfn,
    preferential,
    agreements: {
      [opts.agreement]: { name: { es: `Preferencia arancelaria de la UE para ${opts.origin}`, en: `EU tariff preference for ${opts.origin}` }, members: [opts.origin], source: SOURCE, confidence: 'confirmed' },
    },
    notes: notModelledNotes(skippedHs),
    noteCodes: [NOT_MODELLED],
    chapters,
    stats,
  };
}
