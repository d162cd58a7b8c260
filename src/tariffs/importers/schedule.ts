import type { z } from 'zod';
import type { agreementSchema, measureSchema, noteSchema, preferenceSchema } from '../tariff-schema';

/** Tariff-file parts as written in JSON (decimal strings), which the importers produce. */
export type MeasureJson = z.input<typeof measureSchema>;
export type PreferenceJson = z.input<typeof preferenceSchema>;
export type NoteJson = z.input<typeof noteSchema>;
export type AgreementJson = z.input<typeof agreementSchema>;

/** What an importer turns a published schedule into: the parts of a tariff file it owns. */
export interface ScheduleImport {
  /** Key of `sources` every generated measure and note cites. */
  sourceKey: string;
  mfn: MeasureJson[];
  preferential: PreferenceJson[];
  /** Agreements the measures name, with a definition to add when the target file lacks one. */
  agreements: Record<string, AgreementJson>;
  /** Notes generated from the data (skipped lines, approximations). */
  notes: NoteJson[];
  /** Every code the importer may generate: notes with these codes in the target file are replaced. */
  noteCodes: string[];
  /** HS chapters seen in the input. */
  chapters: string[];
  /** Counts for the command's report. */
  stats: Record<string, number>;
}
