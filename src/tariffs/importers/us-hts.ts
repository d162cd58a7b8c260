import type { DutyExpressionInput } from '../duty-expression-schema';
import { requireColumns } from '../../schema/csv';
import { adValorem, canonical } from './duty-json';
import type { AgreementJson, MeasureJson, NoteJson, PreferenceJson, ScheduleImport } from './schedule';
import { parseUsRate, parseUsSpecial, type UsRateFlag, type UsRateParse } from './us-rate-text';
import usProgrammes from './us-programmes.json';

/** Columns of the USITC HTS CSV export used here. */
export const US_HTS_COLUMNS = ['digits', 'full_description', 'general_rate', 'special_rate'] as const;

const SOURCE = 'US-HTS';

/**
 * Special-programme codes of the HTS special column (General Note 3(c)(i)) that are free-trade
 * agreements with fixed members, and the agreement each becomes in the tariff file
 * (us-programmes.json).
 */
export const US_PROGRAMMES: Record<string, { id: string; members: string[]; es: string; en: string }> = usProgrammes;

/**
 * Codes deliberately not modelled: unilateral programmes need beneficiary lists and rules the
 * format does not carry (GSP, AGOA, CBERA, CBTPA, Nepal); product programmes (B, C, K, L) need
 * end-use proof; `S+`/`P+` preferences go through chapter-98 quotas.
 */
export const US_NOT_MODELLED = new Set(['A', 'A*', 'A+', 'D', 'E', 'E*', 'R', 'NP', 'B', 'C', 'K', 'L', 'S+', 'P+', 'J', 'J+']);

type Row = Record<string, string>;

/** A rate-bearing tariff line: an 8-digit code, or a 10-digit one whose rates differ from its siblings. */
interface Line {
  hs: string;
  row: Row;
}

/**
 * The lines that carry rates. The 8-digit line is the legal rate line; statistical 10-digit
 * rows are kept only where they differ from it. Where only 10-digit rows exist under an
 * 8-digit code, they become one 8-digit line when their rates agree.
 */
export function rateLines(rows: readonly Row[]): Line[] {
  const rated = (r: Row) => (r['general_rate'] ?? '').trim() !== '';
  const key = (r: Row) => `${(r['general_rate'] ?? '').trim()}|${(r['special_rate'] ?? '').trim()}`;
  const eights = new Map<string, Row>();
  const tens = new Map<string, Row[]>();
  for (const r of rows) {
    const d = (r['digits'] ?? '').trim();
    if (d.length === 8) eights.set(d, r);
    else if (d.length === 10 && rated(r)) tens.set(d.slice(0, 8), [...(tens.get(d.slice(0, 8)) ?? []), r]);
  }
  const lines: Line[] = [];
  for (const code of new Set([...eights.keys(), ...tens.keys()])) {
    const parent = eights.get(code);
    const children = tens.get(code) ?? [];
    if (parent && rated(parent)) {
      lines.push({ hs: code, row: parent });
      for (const c of children) if (key(c) !== key(parent)) lines.push({ hs: (c['digits'] as string).trim(), row: c });
    } else if (children.length > 0) {
      const same = new Set(children.map(key)).size === 1;
      if (same) lines.push({ hs: code, row: { ...(children[0] as Row), full_description: parent?.['full_description'] ?? (children[0] as Row)['full_description'] ?? '' } });
      else for (const c of children) lines.push({ hs: (c['digits'] as string).trim(), row: c });
    }
  }
  return lines.sort((a, b) => a.hs.localeCompare(b.hs));
}

function dotted(hs: string): string {
  return [hs.slice(0, 4), hs.slice(4, 6), hs.slice(6, 8), hs.slice(8)].filter((p) => p !== '').join('.');
}

/** The last two levels of the description path, cut to 80 characters. */
function shortDescription(row: Row): string {
  const segs = (row['full_description'] ?? '').split(' > ').map((s) => s.trim());
  const d = segs.slice(-2).join(' > ');
  return d.length > 80 ? `${d.slice(0, 77).trimEnd()}...` : d;
}

const FLAG_TEXT: Record<UsRateFlag, string> = {
  'proof-litre': 'specific part per proof litre (litres × ABV / 50)',
  'vinegar-proof-litre': 'specific part per proof litre of vinegar, computed per litre of product',
  pair: 'specific part per pair: quantity counted as pairs',
};

interface Collected {
  mfn: MeasureJson[];
  /** agreement id → line code → preferential duty (and flags) */
  prefs: Map<string, Map<string, { duty: DutyExpressionInput; flags: UsRateFlag[] }>>;
  notHs: { ensemble: string[]; reference: string[]; proof: string[]; vinegar: string[]; trq: string[] };
  stats: Record<string, number>;
}

function bump(stats: Record<string, number>, key: string): void {
  stats[key] = (stats[key] ?? 0) + 1;
}

function perLitre(e: DutyExpressionInput): DutyExpressionInput {
  if (e.type === 'specific') return e.per === 'proofLitre' ? { ...e, per: 'litre' } : e;
  if (e.type === 'adValorem') return e;
  return { ...e, of: e.of.map(perLitre) };
}

/**
 * A line's rate. On vinegar (heading 2209) a "proof liter" is not a litre at 50 % alcohol and the
 * request's alcoholByVolume does not apply: the part is computed per litre of product, flagged.
 */
function lineRate(hs: string, text: string): UsRateParse {
  const parsed = parseUsRate(text);
  if (!parsed.ok || !hs.startsWith('2209') || !parsed.flags.includes('proof-litre')) return parsed;
  return { ok: true, duty: perLitre(parsed.duty), flags: parsed.flags.map((f) => (f === 'proof-litre' ? 'vinegar-proof-litre' : f)) };
}

function noteProof(c: Collected, hs: string, flags: readonly UsRateFlag[]): void {
  if (flags.includes('proof-litre')) c.notHs.proof.push(hs);
  if (flags.includes('vinegar-proof-litre')) c.notHs.vinegar.push(hs);
}

function collect(lines: readonly Line[]): Collected {
  const c: Collected = { mfn: [], prefs: new Map(), notHs: { ensemble: [], reference: [], proof: [], vinegar: [], trq: [] }, stats: {} };
  const setPref = (agreement: string, hs: string, duty: DutyExpressionInput, flags: UsRateFlag[]) => {
    const m = c.prefs.get(agreement) ?? new Map();
    m.set(hs, { duty, flags });
    c.prefs.set(agreement, m);
  };
  for (const { hs, row } of lines) {
    const general = (row['general_rate'] ?? '').trim();
    const parsed = lineRate(hs, general);
    if (parsed.ok) {
      const extra = parsed.flags.map((f) => FLAG_TEXT[f]);
      noteProof(c, hs, parsed.flags);
      c.mfn.push({ hs, description: `${dotted(hs)} ${shortDescription(row)}${extra.length ? `; ${extra.join('; ')}` : ''}`, duty: parsed.duty, source: SOURCE, confidence: 'confirmed' });
      bump(c.stats, 'mfn');
    } else {
      (parsed.reason === 'ensemble' ? c.notHs.ensemble : c.notHs.reference).push(hs);
      bump(c.stats, `skipped:${parsed.reason}`);
    }
    // A Free general rate is Free under every agreement; listing it lets a claimed USMCA entry
    // exempt the goods from Section 301 (HTSUS ch. 99 note 52(h)) and the MPF.
    if (general === 'Free') {
      for (const p of Object.values(US_PROGRAMMES)) setPref(p.id, hs, adValorem('0'), []);
      continue;
    }
    for (const group of parseUsSpecial(row['special_rate'] ?? '')) {
      for (const code of group.codes) {
        const programme = US_PROGRAMMES[code];
        if (!programme) {
          if (code === 'S+') c.notHs.trq.push(hs);
          bump(c.stats, US_NOT_MODELLED.has(code) ? 'special:not-modelled' : `special:unknown-code:${code}`);
          continue;
        }
        if (/^See\b/.test(group.rate)) {
          if (code === 'S') c.notHs.trq.push(hs);
          bump(c.stats, 'special:see-chapter-98');
          continue;
        }
        const pref = lineRate(hs, group.rate);
        if (!pref.ok) {
          bump(c.stats, 'special:not-parsed');
          continue;
        }
        noteProof(c, hs, pref.flags);
        setPref(programme.id, hs, pref.duty, pref.flags);
      }
    }
  }
  return c;
}

/**
 * Preferences, written once per code and duty: per agreement, the lines under an HS6 collapse to
 * one HS6 measure when every line has the same preferential duty; then measures with the same
 * code and duty under several agreements become one measure naming them all.
 */
function groupPreferences(lines: readonly Line[], prefs: Collected['prefs']): PreferenceJson[] {
  const byHs6 = new Map<string, string[]>();
  for (const { hs } of lines) byHs6.set(hs.slice(0, 6), [...(byHs6.get(hs.slice(0, 6)) ?? []), hs]);
  const merged = new Map<string, { hs: string; duty: DutyExpressionInput; flags: UsRateFlag[]; agreements: string[] }>();
  const add = (agreement: string, hs: string, duty: DutyExpressionInput, flags: UsRateFlag[]) => {
    const k = `${hs}|${canonical(duty)}`;
    const m = merged.get(k);
    if (m) m.agreements.push(agreement);
    else merged.set(k, { hs, duty, flags, agreements: [agreement] });
  };
  const order = Object.values(US_PROGRAMMES).map((p) => p.id);
  for (const agreement of order) {
    const table = prefs.get(agreement);
    if (!table) continue;
    for (const [h6, members] of byHs6) {
      const vals = members.map((h) => table.get(h));
      const first = vals[0];
      if (first && vals.every((v) => v && canonical(v.duty) === canonical(first.duty))) add(agreement, h6, first.duty, first.flags);
      else members.forEach((h, i) => {
        const v = vals[i];
        if (v) add(agreement, h, v.duty, v.flags);
      });
    }
  }
  return [...merged.values()]
    .sort((a, b) => a.hs.localeCompare(b.hs) || a.agreements.length - b.agreements.length)
    .map((m) => ({
      hs: m.hs,
      ...(m.agreements.length === 1 ? { agreement: m.agreements[0] as string } : { agreements: m.agreements }),
      ...(m.flags.length ? { description: m.flags.map((f) => FLAG_TEXT[f]).join('; ') } : {}),
      duty: m.duty,
      source: SOURCE,
      confidence: 'confirmed' as const,
    }));
}

function note(code: string, severity: 'info' | 'warning', es: string, en: string, hs?: string[]): NoteJson {
  return { code, severity, text: { es, en }, ...(hs ? { hs } : {}), source: SOURCE, confidence: 'confirmed' };
}

/** Warnings for the lines the importer could only estimate, by what kept them from being modelled. */
const LINE_WARNINGS: { key: keyof Collected['notHs']; code: string; es: string; en: string; severity?: 'info' }[] = [
  { key: 'proof', code: 'US-PROOF-LITRE', severity: 'info', es: 'En estas fracciones de bebidas alcohólicas parte del arancel es por litro prueba (un litro con 50 % de alcohol): se calcula con el volumen y la graduación del artículo (litros × % vol / 50), que la solicitud debe indicar (unitVolume, alcoholByVolume). El impuesto federal (FET) al alcohol se muestra aparte, como impuesto especial.', en: 'On these alcoholic-beverage lines part of the duty is per proof litre (a litre at 50% alcohol): it is computed from the item\'s volume and strength (litres × % vol / 50), which the request must give (unitVolume, alcoholByVolume). The federal excise tax (FET) on alcohol is shown separately, as an excise line.' },
  { key: 'vinegar', code: 'US-VINEGAR-PROOF-LITRE', es: 'En el vinagre (partida 2209) parte del arancel es por litro prueba de vinagre; la graduación alcohólica no aplica y se calcula por litro de producto, una aproximación.', en: 'On vinegar (heading 2209) part of the duty is per proof litre of vinegar; alcoholic strength does not apply and it is computed per litre of product, an approximation.' },
  { key: 'ensemble', code: 'US-ENSEMBLES', es: 'Conjuntos (ensembles) de prendas: el arancel es el de cada prenda como si se importara por separado. Cotice cada prenda con su propia fracción; para estas fracciones solo se usa una estimación.', en: 'Garment ensembles: the duty is that of each garment as if entered separately. Quote each garment under its own subheading; for these lines only an estimate is used.' },
  { key: 'reference', code: 'US-RATE-BY-REFERENCE', es: 'En estas fracciones la tasa general remite a otra (la del artículo al que pertenece el accesorio, la del jugo natural o la del artículo sin esta subpartida) o usa una unidad no modelada (por m², por kg de azúcares totales, por línea por gruesa); no se pudo expresar y se usa una estimación.', en: 'On these lines the general rate refers to another rate (that of the article the accessory belongs to, of the natural juice, or of the article without this subheading) or uses a unit that is not modelled (per m², per kg of total sugars, per line per gross); it could not be expressed and an estimate is used.' },
  { key: 'trq', code: 'US-USMCA-SUGAR-TRQ', es: 'En estas fracciones con azúcar o lácteos la preferencia del T-MEC se da mediante cupos del capítulo 98 (9823.xx, código S+) y no se modela: se usa la tasa general y, para México, el arancel adicional vigente.', en: 'On these sugar- or dairy-containing lines the USMCA preference is given through chapter 98 quotas (9823.xx, code S+) and is not modelled: the general rate is used and, for Mexico, the additional duty in force.' },
];

function generatedNotes(chapters: string[], n: Collected['notHs']): NoteJson[] {
  const list = chapters.join(', ');
  const uniq = (xs: string[]) => [...new Set(xs)].sort();
  const notes = [
    note(
      'US-DATA-COVERAGE',
      'info',
      `Las tasas NMF y preferenciales vienen del HTS importado para los capítulos ${list}, a 8 dígitos (10 donde difieren). Para otros capítulos se usa una tasa general estimada. Los programas unilaterales (SGP A/A*/A+, AGOA D, CBERA E/E*, CBTPA R, Nepal NP) y los de producto (B, C, K, L) no se modelan.`,
      `MFN and preferential rates come from the imported HTS for chapters ${list}, at 8 digits (10 where they differ). Other chapters use an estimated country-default rate. Unilateral programmes (GSP A/A*/A+, AGOA D, CBERA E/E*, CBTPA R, Nepal NP) and product programmes (B, C, K, L) are not modelled.`,
    ),
  ];
  for (const w of LINE_WARNINGS) {
    if (n[w.key].length) notes.push(note(w.code, w.severity ?? 'warning', w.es, w.en, uniq(n[w.key])));
  }
  return notes;
}

/**
 * MFN lines collapse to one HS6 measure when every line under the HS6 has a parsed rate and the
 * rates are equal: a code under it then matches the HS6 measure (6 digits: not an estimate), and
 * the file stays small. Lines whose rates differ keep their own measures.
 */
function collapseMfn(lines: readonly Line[], mfn: MeasureJson[]): MeasureJson[] {
  const byHs = new Map(mfn.map((m) => [m.hs, m]));
  const byHs6 = new Map<string, Line[]>();
  for (const l of lines) byHs6.set(l.hs.slice(0, 6), [...(byHs6.get(l.hs.slice(0, 6)) ?? []), l]);
  const out: MeasureJson[] = [];
  for (const [h6, group] of byHs6) {
    const measures = group.map((l) => byHs.get(l.hs));
    const first = measures[0];
    const same = first !== undefined && group.length > 1 && measures.every((m) => m && canonical(m.duty) === canonical(first.duty) && !m.description?.includes(';'));
    if (same) {
      const parent = ((group[0] as Line).row['full_description'] ?? '').split(' > ').map((x) => x.trim()).slice(-2, -1)[0] ?? '';
      const text = parent.length > 70 ? `${parent.slice(0, 67).trimEnd()}...` : parent;
      out.push({ hs: h6, description: `${dotted(h6)} ${text} (${group.length} lines, same rate)`, duty: first.duty, source: SOURCE, confidence: 'confirmed' });
    } else out.push(...measures.filter((m): m is MeasureJson => m !== undefined));
  }
  return out;
}

/** Turn rows of the USITC HTS CSV export (any number of chapters) into tariff-file measures. */
export function importUsHts(rows: readonly Row[]): ScheduleImport {
  requireColumns(rows, US_HTS_COLUMNS, 'USITC HTS CSV export');
  const lines = rateLines(rows);
  const collected = collect(lines);
  const preferential = groupPreferences(lines, collected.prefs);
  const used = new Set(preferential.flatMap((p) => p.agreements ?? (p.agreement ? [p.agreement] : [])));
  const agreements: Record<string, AgreementJson> = {};
  for (const p of Object.values(US_PROGRAMMES)) {
    if (used.has(p.id)) agreements[p.id] = { name: { es: p.es, en: p.en }, members: p.members, source: SOURCE, confidence: 'confirmed' };
  }
  const chapters = [...new Set(lines.map((l) => l.hs.slice(0, 2)))].sort();
  return {
    sourceKey: SOURCE,
    mfn: collapseMfn(lines, collected.mfn),
    preferential,
    agreements,
    notes: generatedNotes(chapters, collected.notHs),
    noteCodes: ['US-DATA-COVERAGE', 'US-PROOF-LITRE', 'US-VINEGAR-PROOF-LITRE', 'US-ENSEMBLES', 'US-RATE-BY-REFERENCE', 'US-USMCA-SUGAR-TRQ'],
    chapters,
    stats: { lines: lines.length, ...collected.stats },
  };
}
