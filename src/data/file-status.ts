import { createHash } from 'node:crypto';
import type { CarrierFile } from '../carriers/carrier-schema';
import type { FeedStatus } from '../fx/live/live-rates';
import type { CustomsUnionFile, MemberFile } from '../tariffs/customs-union-schema';
import type { LoadedTariff } from '../tariffs/tariff-index';
import type { DataKind, LocatedProblem } from './check-data-file';

/** What `GET /data/status` reports for one data file. */
export interface FileStatus {
  file: string;
  kind: DataKind;
  /** Country (tariffs), union id (customs unions) or carrier id of the version being served. */
  id?: string;
  /** sha256 of the text being served; absent when no version of the file was ever valid. */
  version?: string;
  /** Tariff periods (a member's merged with its union's), a union's own periods, or the carrier table's validity. */
  periods?: { effectiveFrom: string; effectiveTo?: string }[];
  /** A customs union's member states. */
  members?: string[];
  /** The customs union a member file takes its common rules from. */
  customsUnion?: string;
  /** When the version being served was loaded. */
  loadedAt?: string;
  /** When the file was last read. */
  checkedAt: string;
  /** Outcome of the last read: the file is served as read, was rejected, or has disappeared. */
  result: 'loaded' | 'rejected' | 'missing';
  /** The edit that was turned down, while it is still on disk. */
  rejected?: { version: string; at: string; errors: LocatedProblem[] };
}

export interface DataStatus {
  files: FileStatus[];
  /** The rates in use; with live feeds on, how each feed is doing. */
  exchangeRates: { asOf: string; source: string; feeds?: FeedStatus[] };
}

/** The version of a file being served, with what it was read into. */
export interface Serving {
  version: string;
  loadedAt: Date;
  id: string;
  periods: { effectiveFrom: string; effectiveTo?: string }[];
  tariff?: LoadedTariff;
  /** A member file's own national part and text: re-resolved, and its problems placed, when its union changes. */
  member?: { own: MemberFile; text: string };
  union?: CustomsUnionFile;
  carrier?: CarrierFile;
}

export interface FileState {
  kind: DataKind;
  name: string;
  display: string;
  serving?: Serving;
  checkedAt: Date;
  result: FileStatus['result'];
  rejected?: { version: string; at: Date; errors: LocatedProblem[] };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function dated<T extends { effectiveFrom: string; effectiveTo?: string | undefined }>(p: T): { effectiveFrom: string; effectiveTo?: string } {
  return { effectiveFrom: p.effectiveFrom, ...(p.effectiveTo !== undefined ? { effectiveTo: p.effectiveTo } : {}) };
}

export function statusOf(s: FileState): FileStatus {
  const sv = s.serving;
  return {
    file: s.display,
    kind: s.kind,
    ...(sv ? { id: sv.id, version: sv.version, periods: sv.periods } : {}),
    ...(sv?.union ? { members: sv.union.members } : {}),
    ...(sv?.member ? { customsUnion: sv.member.own.customsUnion } : {}),
    ...(sv ? { loadedAt: sv.loadedAt.toISOString() } : {}),
    checkedAt: s.checkedAt.toISOString(),
    result: s.result,
    ...(s.rejected ? { rejected: { version: s.rejected.version, at: s.rejected.at.toISOString(), errors: s.rejected.errors } } : {}),
  };
}
