import { z } from 'zod';
import { countryCodeSchema, sourceEntrySchema } from '../../schema/primitives';
import { exciseRuleSchema } from '../excise-schema';
import { agreementSchema, feeSchema, noteSchema, taxComponentSchema, territorySchema } from '../tariff-schema';
import type { Json, JsonObject } from './tariff-writer';

/**
 * Researched additions to a generated tariff file (data/reference/world/overlays/<CC>.json,
 * documented in tariffs/README.md "Generated files"): excise, special territories, national fees,
 * notes, agreements with their proof of origin and components added to a tax base. A generated
 * file is rewritten by `npm run import:world`, so a hand edit would be lost: the generator merges
 * the overlay instead, and the output stays reproducible from the folder.
 */
export const worldOverlaySchema = z
  .object({
    /** Must be the file's name: overlays/NZ.json says "NZ". */
    country: countryCodeSchema,
    /** Added to the file's `sources`; a key the generator writes itself (WORLD-VAT…) is an error. */
    sources: z.record(z.string(), sourceEntrySchema),
    /** Added to the file's `agreements` (none are generated): only with a source for the preference. */
    agreements: z.record(z.string(), agreementSchema).optional(),
    excise: z.array(exciseRuleSchema).min(1).optional(),
    territories: z.array(territorySchema).min(1).optional(),
    /** Each fee goes into every generated period its own dates overlap. */
    fees: z.array(feeSchema).min(1).optional(),
    notes: z.array(noteSchema).min(1).optional(),
    /**
     * Components appended to the `base` of the generated tax with that code, with the source that
     * says so (NZ GST: `{ "add": ["excise"], "source": "NZ-EXC-2025" }`).
     */
    taxBase: z.record(z.string(), z.object({ add: z.array(taxComponentSchema).min(1), source: z.string().min(1) }).strict()).optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    for (const [code, b] of Object.entries(o.taxBase ?? {})) {
      if (!(b.source in o.sources)) ctx.addIssue({ code: 'custom', path: ['taxBase', code, 'source'], message: `no source "${b.source}" in this overlay's sources` });
    }
  });

export type WorldOverlay = z.infer<typeof worldOverlaySchema>;

/** An overlay parsed, with the raw JSON merged into the file (zod defaults are not written out). */
export interface ParsedOverlay {
  overlay: WorldOverlay;
  raw: JsonObject;
}

const asObject = (v: Json | undefined): JsonObject => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {});
const asList = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);

/** Whether a fee dated [from, to] is in force on some day of a period [from, to]. */
function overlaps(period: JsonObject, fee: JsonObject): boolean {
  const pTo = period['effectiveTo'];
  const fFrom = fee['effectiveFrom'];
  const fTo = fee['effectiveTo'];
  const startsInTime = typeof fTo !== 'string' || String(period['effectiveFrom']) <= fTo;
  return startsInTime && (typeof pTo !== 'string' || typeof fFrom !== 'string' || fFrom <= pTo);
}

function mergedPeriod(cc: string, period: JsonObject, raw: JsonObject, taxBase: WorldOverlay['taxBase']): JsonObject {
  const taxes = asList(period['taxes']).map((t) => {
    const tax = asObject(t);
    const more = taxBase?.[String(tax['code'])]?.add;
    return more ? { ...tax, base: [...asList(tax['base']), ...more.filter((c) => !asList(tax['base']).includes(c))] } : tax;
  });
  for (const code of Object.keys(taxBase ?? {})) {
    if (!taxes.some((t) => t['code'] === code)) throw new Error(`overlays/${cc}.json: taxBase.${code}: the generated file has no tax "${code}"`);
  }
  const fees = asList(raw['fees']).filter((f) => overlaps(period, asObject(f)));
  return { ...period, taxes, fees: [...asList(period['fees']), ...fees] };
}

/**
 * The generated file with the overlay merged: sources, agreements and notes added, excise and
 * territories set, fees into the periods they overlap, tax bases extended, and the overlay named
 * in the `generated` marker's `from` (so the file says where its researched parts come from).
 */
export function applyWorldOverlay(json: JsonObject, parsed: ParsedOverlay, overlayPath: string): JsonObject {
  const { overlay, raw } = parsed;
  const cc = overlay.country;
  const sources = asObject(json['sources']);
  for (const key of Object.keys(overlay.sources)) {
    if (key in sources) throw new Error(`${overlayPath}: sources.${key}: the generator already writes a source with this key; rename it`);
  }
  const marker = asObject(json['generated']);
  return {
    ...json,
    generated: { ...marker, from: [...asList(marker['from']), overlayPath] },
    sources: { ...sources, ...asObject(raw['sources']) },
    periods: asList(json['periods']).map((p) => mergedPeriod(cc, asObject(p), raw, overlay.taxBase)),
    agreements: { ...asObject(json['agreements']), ...asObject(raw['agreements']) },
    notes: [...asList(json['notes']), ...asList(raw['notes'])],
    ...(raw['excise'] !== undefined ? { excise: raw['excise'] } : {}),
    ...(raw['territories'] !== undefined ? { territories: raw['territories'] } : {}),
  };
}
