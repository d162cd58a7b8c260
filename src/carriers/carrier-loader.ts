import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDataText, type DataProblem, type ParseResult } from '../schema/data-file';
import { carrierFileSchema, type CarrierFile, type CarrierService, type PostcodeRule, type Surcharge, type Trigger } from './carrier-schema';
import { normalisePostcode } from './table/zones';

/**
 * Loads carrier rate tables (`carriers/<id>.json`, format in
 * carriers/README.md): the zod schema, then the references a schema cannot
 * express. Never throws: every problem comes back with its file and JSON path.
 */
export function loadCarrierFile(path: string): ParseResult<CarrierFile> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { ok: false, problems: [{ file: path, path: '(root)', message: `cannot read the file: ${(err as Error).message}` }] };
  }
  return parseCarrierText(path, text);
}

export function parseCarrierText(file: string, text: string): ParseResult<CarrierFile> {
  const parsed = parseDataText(file, text, carrierFileSchema);
  if (!parsed.ok) return parsed;
  const problems = checkCarrierReferences(file, parsed.value);
  return problems.length === 0 ? parsed : { ok: false, problems };
}

/** Every `*.json` of the directory but `schema.json`, in name order; a bad file is reported and skipped. */
export function loadCarrierDirectory(dir: string): { carriers: CarrierFile[]; problems: DataProblem[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'schema.json').sort();
  } catch (err) {
    return { carriers: [], problems: [{ file: dir, path: '(root)', message: `cannot read the directory: ${(err as Error).message}` }] };
  }
  const carriers: CarrierFile[] = [];
  const problems: DataProblem[] = [];
  for (const name of names) {
    const result = loadCarrierFile(join(dir, name));
    if (result.ok) carriers.push(result.value);
    else problems.push(...result.problems);
  }
  return { carriers, problems };
}

type Add = (path: string, message: string) => void;

/** Checks between parts of one carrier file; each problem names the JSON path of the offending value. */
export function checkCarrierReferences(file: string, carrier: CarrierFile): DataProblem[] {
  const problems: DataProblem[] = [];
  const add: Add = (path, message) => problems.push({ file, path, message });
  checkSources(carrier, add);
  checkDates(carrier, '', add);
  checkFuel(carrier, add);
  carrier.services.forEach((s, i) => checkService(s, `services[${i}]`, add));
  const serviceIds = new Set(carrier.services.map((s) => s.id));
  const codes = new Set(carrier.surcharges.map((s) => s.code));
  carrier.surcharges.forEach((s, i) => checkSurcharge(s, `surcharges[${i}]`, { serviceIds, codes, fuelOn: carrier.fuel.appliesTo }, add));
  checkRestrictions(carrier, serviceIds, add);
  return problems;
}

/** Restricted-goods rules name groups of `hsGroups` and services of the file. */
function checkRestrictions(carrier: CarrierFile, serviceIds: Set<string>, add: Add): void {
  const groups = Object.keys(carrier.hsGroups);
  carrier.restrictions.forEach((r, i) => {
    r.groups.forEach((g, j) => {
      if (!groups.includes(g)) add(`restrictions[${i}].groups[${j}]`, `group "${g}" is not a key of "hsGroups" (known: ${groups.join(', ') || 'none'})`);
    });
    (r.services ?? []).forEach((id, j) => {
      if (!serviceIds.has(id)) add(`restrictions[${i}].services[${j}]`, `unknown service "${id}"`);
    });
    checkDates(r, `restrictions[${i}]`, add);
  });
}

/** Every `source`, wherever it is, is a key of `sources`. */
function checkSources(carrier: CarrierFile, add: Add): void {
  const keys = new Set(Object.keys(carrier.sources));
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`));
      return;
    }
    // Plain objects only: Decimal amounts are not walked.
    if (value === null || typeof value !== 'object' || value.constructor !== Object) return;
    for (const [key, v] of Object.entries(value)) {
      const p = path === '' ? key : `${path}.${key}`;
      if (key === 'source' && typeof v === 'string' && !keys.has(v)) {
        add(p, `source "${v}" is not a key of "sources" (known: ${[...keys].join(', ') || 'none'})`);
      }
      if (key !== 'sources') visit(v, p);
    }
  };
  visit(carrier, '');
}

function checkDates(dated: { effectiveFrom?: string; effectiveTo?: string }, path: string, add: Add): void {
  if (dated.effectiveFrom !== undefined && dated.effectiveTo !== undefined && dated.effectiveTo < dated.effectiveFrom) {
    add(path === '' ? 'effectiveTo' : `${path}.effectiveTo`, `ends (${dated.effectiveTo}) before it starts (${dated.effectiveFrom})`);
  }
}

function checkFuel(carrier: CarrierFile, add: Add): void {
  const codes = new Set(['base', ...carrier.surcharges.map((s) => s.code)]);
  carrier.fuel.appliesTo.forEach((code, i) => {
    if (!codes.has(code)) add(`fuel.appliesTo[${i}]`, `"${code}" is neither "base" nor the code of a surcharge`);
  });
  const seen = new Set<string>();
  carrier.fuel.history.forEach((h, i) => {
    if (seen.has(h.from)) add(`fuel.history[${i}].from`, `two fuel entries start on ${h.from}`);
    seen.add(h.from);
  });
  // Without an entry on the first day of the table, early ship dates would be priced without fuel.
  if (!carrier.fuel.history.some((h) => h.from <= carrier.effectiveFrom)) {
    add('fuel.history', `no fuel entry starts on or before the table's effectiveFrom (${carrier.effectiveFrom})`);
  }
}

function checkService(service: CarrierService, at: string, add: Add): void {
  checkDates(service, at, add);
  const zoneIds = checkZones(service, at, add);
  const known = (id: string, path: string) => {
    if (!zoneIds.has(id)) add(path, `zone "${id}" is not defined in ${at}.zones`);
  };
  checkRates(service.rates, `${at}.rates`, zoneIds, known, add);
  Object.keys(service.transit.byZone).forEach((id) => known(id, `${at}.transit.byZone.${id}`));
  zoneIds.forEach((id) => {
    if (service.transit.byZone[id] === undefined) add(`${at}.transit.byZone`, `zone "${id}" has no transit time`);
  });
  for (const [key, days] of [...Object.entries(service.transit.byZone), ...Object.entries(service.transit.customsDays)]) {
    if (days.max < days.min) add(`${at}.transit`, `"${key}": max ${days.max} is below min ${days.min}`);
  }
  service.remoteAreas.forEach((r, i) => checkPostcodeRule(r, `${at}.remoteAreas[${i}]`, add));
  checkWeight(service.weight, `${at}.weight`, add);
  checkRemoteAreaNames(service, at, add);
}

/** Remote-area kinds are only meaningful in `remoteAreas`; in a zone's postcodes they would be dead data. */
function checkRemoteAreaNames(service: CarrierService, at: string, add: Add): void {
  service.zones.forEach((z, i) =>
    z.postcodes.forEach((r, j) => {
      if (r.area !== undefined) add(`${at}.zones[${i}].postcodes[${j}].area`, '"area" belongs to remoteAreas, not to zone postcodes');
    }),
  );
}

function checkZones(service: CarrierService, at: string, add: Add): Set<string> {
  const ids = new Set<string>();
  const countryZone = new Map<string, string>();
  service.zones.forEach((z, i) => {
    if (ids.has(z.id)) add(`${at}.zones[${i}].id`, `zone "${z.id}" is defined twice`);
    ids.add(z.id);
    z.countries.forEach((c, j) => {
      const other = countryZone.get(c);
      // The first zone would always win: the second listing is dead data.
      if (other !== undefined) add(`${at}.zones[${i}].countries[${j}]`, `${c} is already in zone "${other}"`);
      else countryZone.set(c, z.id);
    });
    z.postcodes.forEach((r, j) => checkPostcodeRule(r, `${at}.zones[${i}].postcodes[${j}]`, add));
  });
  return ids;
}

function checkPostcodeRule(rule: PostcodeRule, at: string, add: Add): void {
  if (rule.prefix !== undefined && (rule.from !== undefined || rule.to !== undefined)) add(at, 'give "prefix" or "from"/"to", not both');
  if (rule.from !== undefined && rule.to !== undefined) {
    const from = normalisePostcode(rule.from);
    const to = normalisePostcode(rule.to);
    if (from.length !== to.length) add(at, `"from" (${rule.from}) and "to" (${rule.to}) must have the same length`);
    else if (to < from) add(at, `"to" (${rule.to}) is before "from" (${rule.from})`);
  }
}

function checkRates(rates: CarrierService['rates'], at: string, zoneIds: Set<string>, known: (id: string, path: string) => void, add: Add): void {
  rates.breaks.forEach((b, i) => {
    const prev = rates.breaks[i - 1];
    // First match wins, so breaks must climb.
    if (prev !== undefined && b.maxKg <= prev.maxKg) add(`${at}.breaks[${i}].maxKg`, `${b.maxKg} kg does not follow ${prev.maxKg} kg upwards`);
    Object.keys(b.byZone).forEach((id) => known(id, `${at}.breaks[${i}].byZone.${id}`));
    zoneIds.forEach((id) => {
      if (b.byZone[id] === undefined) add(`${at}.breaks[${i}].byZone`, `zone "${id}" has no price in the ${b.maxKg} kg break`);
    });
  });
  rates.beyond.forEach((band, i) => {
    Object.keys(band.byZone).forEach((id) => known(id, `${at}.beyond[${i}].byZone.${id}`));
    if (band.toKg !== null && band.toKg < band.fromKg) add(`${at}.beyond[${i}].toKg`, `${band.toKg} kg is below fromKg ${band.fromKg} kg`);
  });
  Object.keys(rates.minCharge ?? {}).forEach((id) => known(id, `${at}.minCharge.${id}`));
}

function checkWeight(weight: CarrierService['weight'], at: string, add: Add): void {
  weight.rounding.forEach((band, i) => {
    const prev = weight.rounding[i - 1];
    if (prev !== undefined && (prev.upToKg === null || (band.upToKg !== null && band.upToKg <= prev.upToKg))) {
      add(`${at}.rounding[${i}]`, 'rounding bands must climb, with the open band (upToKg null) last');
    }
  });
  weight.minimumBillable.forEach((rule, i) =>
    rule.triggers.forEach((t, j) => {
      // The minimum is decided piece by piece, before the shipment is known.
      if (!PIECE_TRIGGER_FIELDS.has(t.field) || t.op === 'in' || typeof t.value !== 'number') {
        add(`${at}.minimumBillable[${i}].triggers[${j}]`, `a minimum billable weight triggers on a piece field (${[...PIECE_TRIGGER_FIELDS].join(', ')}) compared with a number`);
      }
    }),
  );
  if (weight.chargeableScope === 'shipment' && weight.minimumBillable.length > 0) {
    add(`${at}.minimumBillable`, 'a per-piece minimum billable weight needs chargeableScope "piece"');
  }
  if (weight.chargeableScope === 'shipment' && weight.priceBy === 'piece') {
    add(`${at}.priceBy`, 'a shipment-scoped chargeable weight cannot be priced per piece');
  }
}

const PIECE_TRIGGER_FIELDS: ReadonlySet<string> = new Set(['pieceKg', 'longestSideCm', 'secondSideCm', 'lengthPlusGirthCm']);

interface SurchargeRefs {
  serviceIds: Set<string>;
  codes: Set<string>;
  fuelOn: readonly string[];
}

/** The fields each basis needs (carriers/README.md, "A surcharge"). */
const NEEDS: Record<Surcharge['basis'], { field: 'amount' | 'perKg' | 'percent'; text: string }> = {
  shipment: { field: 'amount', text: '"amount"' },
  piece: { field: 'amount', text: '"amount" (per piece)' },
  kg: { field: 'perKg', text: '"perKg"' },
  percent: { field: 'percent', text: '"percent" and "percentOf"' },
};

function checkSurcharge(s: Surcharge, at: string, refs: SurchargeRefs, add: Add): void {
  checkDates(s, at, add);
  const need = NEEDS[s.basis];
  if (s[need.field] === undefined || (s.basis === 'percent' && s.percentOf === undefined)) add(at, `basis "${s.basis}" needs ${need.text}`);
  if (s.min !== undefined && s.max !== undefined && s.max.lt(s.min)) add(`${at}.max`, 'is below min');
  if (s.percentOf === 'dutiesTaxes' && s.option !== 'ddp' && s.option !== 'dap') {
    add(`${at}.percentOf`, 'a percentage of duties and taxes is only known for a "ddp" or "dap" option');
  }
  s.services?.forEach((id, i) => {
    if (!refs.serviceIds.has(id)) add(`${at}.services[${i}]`, `service "${id}" is not defined in "services"`);
  });
  s.excludes?.forEach((code, i) => {
    if (code === s.code) add(`${at}.excludes[${i}]`, 'a surcharge cannot exclude itself');
    else if (!refs.codes.has(code)) add(`${at}.excludes[${i}]`, `"${code}" is not the code of a surcharge`);
  });
  if (s.fuelApplies && !refs.fuelOn.includes(s.code)) {
    add(`${at}.fuelApplies`, `fuel.appliesTo decides what fuel is charged on and does not list "${s.code}"`);
  }
  s.triggers?.forEach((t, i) => checkTrigger(t, `${at}.triggers[${i}]`, add));
}

/** The value and operator each trigger field can be compared with. */
function checkTrigger(t: Trigger, at: string, add: Add): void {
  if (t.currency !== undefined && t.field !== 'declaredValue') add(`${at}.currency`, 'only a declaredValue trigger takes a currency');
  if (t.field === 'remoteArea') {
    if (t.op !== '=' || (typeof t.value !== 'boolean' && typeof t.value !== 'string')) add(at, 'remoteArea takes op "=" and true, false or an area name');
  } else if (t.field === 'destination') {
    if (t.op !== 'in' || !Array.isArray(t.value)) add(at, 'destination takes op "in" and a list of country codes');
  } else if (t.op === 'in' || typeof t.value !== 'number') {
    add(at, `${t.field} takes a comparison (>, >=, <, <=, =) with a number`);
  }
}
