import { formatProblem } from '../../schema/data-file';
import { parseTariffText } from '../tariff-loader';
import { formatTariffJson, type Json } from './tariff-writer';
import { buildWorldTariff, type WorldOptions } from './world-tariff';
import type { WorldTables } from './world-tables';

/**
 * The 27 EU member states: their files are researched (a customs-union file and national files),
 * so `npm run import:world` never writes them, marker or not.
 */
export const EU_MEMBERS: readonly string[] = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
];

export interface PlannedFile {
  country: string;
  text: string;
  status: 'new' | 'changed' | 'unchanged';
  remarks: string[];
}

/** What a run would write and what it leaves alone, with the reason for each. */
export interface WorldPlan {
  files: PlannedFile[];
  /** Researched files (no `generated` marker): never overwritten. */
  kept: string[];
  euSkipped: string[];
  notGenerated: { country: string; reason: string }[];
  /** Generated files whose country the tables no longer give a file: listed, not deleted. */
  stale: string[];
  /** Overlays (overlays/<CC>.json) of a country that got no generated file: their data goes nowhere. */
  unusedOverlays: string[];
}

/** True when a tariff file's text carries the `generated` marker (a broken file counts as researched). */
export function isGeneratedText(text: string): boolean {
  try {
    const json = JSON.parse(text) as unknown;
    return typeof json === 'object' && json !== null && typeof (json as Record<string, unknown>)['generated'] === 'object';
  } catch {
    return false;
  }
}

/**
 * Plan a run over every country with a VAT/GST row: build each generated file, check it exactly
 * as the service loads it, and compare it with the file already there (`existing`, by country).
 * Pure: the caller reads and writes the files.
 */
export function planWorldImport(tables: WorldTables, existing: ReadonlyMap<string, string>, options: WorldOptions & { only?: readonly string[] }): WorldPlan {
  const plan: WorldPlan = { files: [], kept: [], euSkipped: [], notGenerated: [], stale: [], unusedOverlays: [] };
  const wanted = (cc: string) => options.only === undefined || options.only.length === 0 || options.only.includes(cc);
  for (const cc of [...tables.vat.keys()].sort()) {
    if (!wanted(cc)) continue;
    if (EU_MEMBERS.includes(cc)) {
      plan.euSkipped.push(cc);
      continue;
    }
    const before = existing.get(cc);
    if (before !== undefined && !isGeneratedText(before)) {
      plan.kept.push(cc);
      continue;
    }
    const built = buildWorldTariff(cc, tables, options);
    if (!built.ok) {
      plan.notGenerated.push({ country: cc, reason: built.reason });
      continue;
    }
    const text = `${formatTariffJson(built.json as Json)}\n`;
    const checked = parseTariffText(`${cc}.json`, text);
    if (!checked.ok) {
      plan.notGenerated.push({ country: cc, reason: `the generated file would not load: ${checked.problems.map(formatProblem).join('; ')}` });
      continue;
    }
    const status = before === undefined ? 'new' : before === text ? 'unchanged' : 'changed';
    plan.files.push({ country: cc, text, status, remarks: built.remarks });
  }
  const produced = new Set(plan.files.map((f) => f.country));
  for (const [cc, text] of [...existing].sort(([a], [b]) => a.localeCompare(b))) {
    if (wanted(cc) && !produced.has(cc) && isGeneratedText(text)) plan.stale.push(cc);
  }
  for (const cc of [...tables.overlays.keys()].sort()) if (wanted(cc) && !produced.has(cc)) plan.unusedOverlays.push(cc);
  return plan;
}

/** The command's report: counts, then every country left out and why. */
export function describeWorldPlan(plan: WorldPlan, wrote: boolean): string[] {
  const count = (s: PlannedFile['status']) => plan.files.filter((f) => f.status === s).length;
  const verb = wrote ? 'written' : 'to write';
  const lines = [
    `${plan.files.length} generated files: ${count('new')} new and ${count('changed')} changed ${verb}, ${count('unchanged')} unchanged`,
    `${plan.kept.length} researched files kept (no "generated" marker): ${plan.kept.join(' ') || '-'}`,
    `${plan.euSkipped.length} EU members skipped (researched elsewhere): ${plan.euSkipped.join(' ') || '-'}`,
    `${plan.notGenerated.length} countries without a file:`,
    ...plan.notGenerated.map((n) => `  ${n.country}: ${n.reason}`),
  ];
  const remarked = plan.files.filter((f) => f.remarks.length > 0);
  if (remarked.length > 0) lines.push('remarks:', ...remarked.map((f) => `  ${f.country}: ${f.remarks.join('; ')}`));
  if (plan.unusedOverlays.length > 0) lines.push(`overlays of countries without a generated file (not merged anywhere): ${plan.unusedOverlays.join(' ')}`);
  if (plan.stale.length > 0) lines.push(`stale generated files (the tables no longer give them; delete them by hand): ${plan.stale.join(' ')}`);
  return lines;
}
