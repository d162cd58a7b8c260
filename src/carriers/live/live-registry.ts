import type { DataProblem } from '../../schema/data-file';
import type { CarrierRater } from '../carrier-rater';
import { DhlExpressSource } from './dhl-express/dhl-express-source';
import { FedexSource } from './fedex/fedex-source';
import { KarrioCarrierSource, KarrioClient } from './karrio/karrio-client';
import { KarrioRater } from './karrio/karrio-rater';
import { LiveCarrierRater, type LiveSource } from './live-carrier-rater';
import { readLiveSettings } from './live-config';
import { defaultLiveDeps, type LiveDeps } from './live-http';
import { UpsSource } from './ups/ups-source';

/** Cut-off for live services the table does not know when the vendor gives none (the HTTP carriers' default too). */
const DEFAULT_CUTOFF = '17:00';

export interface LiveRegistryInput {
  /** The carriers so far (tables and HTTP carriers), replaced in place. */
  carriers: CarrierRater[];
  /** A fresh table rater for an id, the fallback of a vendor adapter. */
  tableOf: (id: string) => CarrierRater | undefined;
  /** True for a carrier that is its plain table (karrio may feed it). */
  isTable: (c: CarrierRater) => boolean;
  env: Readonly<Record<string, string | undefined>>;
  problems: DataProblem[];
  deps?: Partial<LiveDeps>;
}

/**
 * The vendor adapters configured in the environment: DHL Express, FedEx and
 * UPS replace the table carrier of the same id (the table becomes their
 * fallback); karrio feeds every remaining table carrier it has rates for,
 * and adds the carrier `karrio` for the karrio carriers without a table.
 */
export function applyLiveCarriers(input: LiveRegistryInput): void {
  const { carriers, problems } = input;
  const settings = readLiveSettings(input.env, problems);
  const deps: LiveDeps = { ...defaultLiveDeps, ...input.deps };
  const options = { defaultCutoff: DEFAULT_CUTOFF, now: deps.now };
  const direct = (id: string, name: string, prefix: string, source: LiveSource) => {
    const index = carriers.findIndex((c) => c.id === id);
    const current = carriers[index];
    if (current !== undefined && !input.isTable(current)) {
      problems.push({ file: 'environment', path: 'FRONTERA_HTTP_CARRIERS', message: `"${id}" is also set by ${prefix}*: its own rating API is used, not the HTTP endpoint` });
    }
    const table = input.tableOf(id);
    const rater = new LiveCarrierRater(id, table?.name ?? name, source, table, options);
    if (index === -1) carriers.push(rater);
    else carriers[index] = rater;
  };
  if (settings.dhlExpress) direct('dhl-express', 'DHL Express', 'DHL_EXPRESS_', new DhlExpressSource(settings.dhlExpress, deps));
  if (settings.fedex) direct('fedex', 'FedEx', 'FEDEX_', new FedexSource(settings.fedex, deps));
  if (settings.ups) direct('ups', 'UPS', 'UPS_', new UpsSource(settings.ups, deps));
  if (settings.karrio === undefined) return;
  const karrio = new KarrioClient(settings.karrio, deps);
  const elsewhere = new Map<string, 'table' | 'direct'>();
  carriers.forEach((c, i) => {
    if (!input.isTable(c)) {
      elsewhere.set(c.id, 'direct');
      return;
    }
    elsewhere.set(c.id, 'table');
    carriers[i] = new LiveCarrierRater(c.id, c.name, new KarrioCarrierSource(karrio, c.id), c, options);
  });
  carriers.push(new KarrioRater(karrio, elsewhere, options));
}
