import { addDays } from './dates';
import { SATURDAY_AND_SUNDAY } from './weekend-days';

/**
 * Delivery window (landed-cost step 11): pickup on the ship date or the next
 * origin business day after the carrier's cut-off, then transit + customs
 * business days at the destination.
 *
 * Pure: the request time comes in as `now`, holidays through a
 * `HolidayCalendar`. Dates are YYYY-MM-DD strings; arithmetic goes through
 * UTC midnights so the server's own time zone can never shift a day.
 */

/** Public holidays by country and optional subdivision (ISO 3166-2 suffix, e.g. "ON"). */
export interface HolidayCalendar {
  isHoliday(country: string, region: string | undefined, isoDate: string): boolean;
  holidayName?(country: string, region: string | undefined, isoDate: string): string | undefined;
  /** Days of the week nobody works there (0 = Sunday … 6 = Saturday). Omitted: Saturday and Sunday. */
  weekendDays?(country: string): readonly number[];
  /** Whether the calendar knows the country's public holidays at all. Omitted: it does. */
  coversHolidays?(country: string): boolean;
}

export interface DeliveryWindowInput {
  /** YYYY-MM-DD, the day the seller hands the parcel over. */
  shipDate: string;
  /** The request time (an instant). */
  now: Date;
  origin: { country: string; region?: string; timeZone: string };
  destination: { country: string; region?: string };
  /** "HH:MM" in the origin time zone; a parcel handed over at or after it leaves the next business day. */
  cutoffLocal: string;
  /** Business days in transit. */
  transitDays: { min: number; max: number };
  /** Business days in customs at the destination. */
  customsDays: { min: number; max: number };
  /**
   * YYYY-MM-DD: the delivery date a carrier's rating API gave for a hand-over
   * on `shipDate` (live prices). It replaces transit + customs days; a pickup
   * later than the carrier assumed moves it by as many business days.
   */
  carrierDate?: string;
  holidays: HolidayCalendar;
}

export interface DeliveryWindow {
  pickupDate: string;
  earliest: string;
  latest: string;
  /** Business days after pickup: transit + customs. */
  deliveryDays: { min: number; max: number };
  /** Each step in plain English, in the order it was taken. */
  working: string[];
}

export class DeliveryWindowError extends Error {
  constructor(
    readonly code: 'INVALID_DELIVERY_INPUT' | 'NO_BUSINESS_DAY',
    message: string,
  ) {
    super(message);
    this.name = 'DeliveryWindowError';
  }
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Stops a calendar that marks every day a holiday from looping forever; no real closure lasts a year. */
const MAX_CONSECUTIVE_CLOSED_DAYS = 366;

export function estimateDeliveryWindow(input: DeliveryWindowInput): DeliveryWindow {
  validateInput(input);
  const working: string[] = [];
  const pickupDate = choosePickupDate(input, working);
  if (input.carrierDate !== undefined) return carrierDatedWindow(input, input.carrierDate, pickupDate, working);
  const deliveryDays = {
    min: input.transitDays.min + input.customsDays.min,
    max: input.transitDays.max + input.customsDays.max,
  };
  const closedAtDestination = (d: string) => closedReason(d, input.destination, input.holidays);
  const { earliest, latest } = countDeliveryDays(pickupDate, deliveryDays, closedAtDestination, working);
  working.push(describeBound('earliest', earliest, deliveryDays.min, input.transitDays.min, input.customsDays.min));
  working.push(describeBound('latest', latest, deliveryDays.max, input.transitDays.max, input.customsDays.max));
  return { pickupDate, earliest, latest, deliveryDays, working };
}

/**
 * Pickup: never before today at the origin; today only before the cut-off;
 * then the first origin business day (carriers do not collect on weekends
 * or the origin's public holidays).
 */
function choosePickupDate(input: DeliveryWindowInput, working: string[]): string {
  const { origin, cutoffLocal, holidays } = input;
  const local = localDateTime(input.now, origin.timeZone);
  let from = input.shipDate;
  if (from < local.date) {
    working.push(`ship date ${from} is before today (${local.date} in ${origin.timeZone}): counting from ${local.date}`);
    from = local.date;
  }
  // Past the cut-off the parcel leaves on the next business day, whatever today is.
  const afterCutoff = from === local.date && local.time >= cutoffLocal;
  const skipped: Skip[] = [];
  const pickup = firstOpenDay(afterCutoff ? addDays(from, 1) : from, (d) => closedReason(d, origin, holidays), skipped);
  const clock = `${local.date} ${local.time} ${origin.timeZone}`;
  if (afterCutoff) working.push(`${clock} is after the ${cutoffLocal} cut-off: pickup ${pickup}`);
  else if (from === local.date) working.push(`${clock} is before the ${cutoffLocal} cut-off: pickup can be today`);
  working.push(...skipped.map(describeSkip), `pickup ${pickup} (${weekdayName(pickup)})`);
  return pickup;
}

/**
 * The carrier's own date, for a hand-over on the ship date's first origin
 * business day (a carrier collects on those days only). Each origin business
 * day the pickup comes later moves it one destination business day.
 */
function carrierDatedWindow(input: DeliveryWindowInput, carrierDate: string, pickupDate: string, working: string[]): DeliveryWindow {
  const closedAtOrigin = (d: string) => closedReason(d, input.origin, input.holidays);
  const closedAtDestination = (d: string) => closedReason(d, input.destination, input.holidays);
  const planned = firstOpenDay(input.shipDate, closedAtOrigin, []);
  const late = countOpenDaysAfter(planned, pickupDate, closedAtOrigin);
  let date = carrierDate;
  for (let i = 0; i < late; i++) date = firstOpenDay(addDays(date, 1), closedAtDestination, []);
  if (date < pickupDate) date = pickupDate;
  const days = countOpenDaysAfter(pickupDate, date, closedAtDestination);
  working.push(`carrier's delivery date ${carrierDate} for a hand-over on ${planned}`);
  if (late > 0) working.push(`pickup ${late} business day${late === 1 ? '' : 's'} later than that: delivery ${date}`);
  working.push(`earliest and latest ${date} (${weekdayName(date)}): ${days} business day${days === 1 ? '' : 's'} after pickup, as the carrier dated it`);
  return { pickupDate, earliest: date, latest: date, deliveryDays: { min: days, max: days }, working };
}

/** Open days in (from, to]; 0 when `to` is not after `from`. */
function countOpenDaysAfter(from: string, to: string, closed: ClosedReason): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (closed(d) === undefined) count++;
  return count;
}

/**
 * Earliest and latest delivery: the min-th and max-th destination business
 * day after pickup. Zero days means the pickup day itself, unless the
 * destination is closed then.
 */
function countDeliveryDays(
  pickup: string,
  days: { min: number; max: number },
  closed: ClosedReason,
  working: string[],
): { earliest: string; latest: string } {
  const pickupClosed = closed(pickup);
  const reached = walkBusinessDays(pickup, days.max, pickupClosed !== undefined, closed, working);
  const after = (n: number) => (n === 0 && pickupClosed === undefined ? pickup : (reached[Math.max(n, 1) - 1] as string));
  const earliest = after(days.min);
  if (days.min === 0 && pickupClosed !== undefined) {
    working.push(`pickup day ${pickup} is closed at the destination (${pickupClosed}): zero-day delivery moves to ${earliest}`);
  }
  return { earliest, latest: after(days.max) };
}

/**
 * Destination business days strictly after `start`, up to the `count`th.
 * When `start` itself is closed, at least one: a zero-day delivery then
 * lands on the first open day. Transit is counted on the destination
 * calendar: aircraft fly on origin holidays, while customs and the last
 * mile stop on the destination's.
 */
function walkBusinessDays(start: string, count: number, startClosed: boolean, closed: ClosedReason, working: string[]): string[] {
  const reached: string[] = [];
  const needed = Math.max(count, startClosed ? 1 : 0);
  let day = start;
  while (reached.length < needed) {
    const skipped: Skip[] = [];
    day = firstOpenDay(addDays(day, 1), closed, skipped);
    working.push(...skipped.map(describeSkip));
    reached.push(day);
  }
  return reached;
}

type ClosedReason = (isoDate: string) => string | undefined;
interface Skip {
  day: string;
  reason: string;
}

/** First day on or after `from` that is open, noting each closed day passed over. */
function firstOpenDay(from: string, closed: ClosedReason, skipped: Skip[]): string {
  let day = from;
  for (let i = 0; i <= MAX_CONSECUTIVE_CLOSED_DAYS; i++) {
    const reason = closed(day);
    if (reason === undefined) return day;
    skipped.push({ day, reason });
    day = addDays(day, 1);
  }
  throw new DeliveryWindowError(
    'NO_BUSINESS_DAY',
    `No business day found within ${MAX_CONSECUTIVE_CLOSED_DAYS} days of ${from}; the holiday calendar looks wrong`,
  );
}

/** Why nobody works on `isoDate` at this place (its weekend or a public holiday), or undefined on a business day. */
function closedReason(isoDate: string, place: { country: string; region?: string }, holidays: HolidayCalendar): string | undefined {
  const weekday = dayOfWeek(isoDate);
  if ((holidays.weekendDays?.(place.country) ?? SATURDAY_AND_SUNDAY).includes(weekday)) return WEEKDAYS[weekday];
  if (!holidays.isHoliday(place.country, place.region, isoDate)) return undefined;
  const where = place.region === undefined ? place.country : `${place.country}-${place.region}`;
  const name = holidays.holidayName?.(place.country, place.region, isoDate);
  return name === undefined ? `${where} holiday` : `${name}, ${where} holiday`;
}

function describeSkip({ day, reason }: Skip): string {
  return `skipped ${day} (${reason})`;
}

function describeBound(label: string, date: string, days: number, transit: number, customs: number): string {
  const plural = days === 1 ? '' : 's';
  return `${label} ${date} (${weekdayName(date)}): ${days} business day${plural} after pickup (${transit} transit + ${customs} customs)`;
}

/** Formatters are cached per zone: building one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws RangeError for an unknown IANA zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let fmt = formatters.get(timeZone);
  if (fmt === undefined) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      // h23, not hour12:false: the latter prints midnight as "24" in some ICU versions.
      hourCycle: 'h23',
    });
    formatters.set(timeZone, fmt);
  }
  return fmt;
}

/** Wall-clock date and time of the instant `now` at `timeZone`. */
function localDateTime(now: Date, timeZone: string): { date: string; time: string } {
  const parts = new Map(formatterFor(timeZone).formatToParts(now).map((p) => [p.type, p.value]));
  return {
    date: `${parts.get('year')}-${parts.get('month')}-${parts.get('day')}`,
    time: `${parts.get('hour')}:${parts.get('minute')}`,
  };
}


function dayOfWeek(isoDate: string): number {
  return utcMidnight(isoDate).getUTCDay();
}

function weekdayName(isoDate: string): string {
  return WEEKDAYS[dayOfWeek(isoDate)] ?? '';
}

function utcMidnight(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

function isCalendarDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const t = utcMidnight(s);
  // The round trip rejects dates such as 2026-02-30, which Date would roll over.
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(s);
}

function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function validateInput(input: DeliveryWindowInput): void {
  const fail = (message: string): never => {
    throw new DeliveryWindowError('INVALID_DELIVERY_INPUT', message);
  };
  if (!isCalendarDate(input.shipDate)) fail(`The ship date must be a date such as 2026-11-27, not "${input.shipDate}"`);
  if (Number.isNaN(input.now.getTime())) fail('The request time is not a valid instant');
  if (!HH_MM.test(input.cutoffLocal)) fail(`The cut-off must be a 24-hour time such as "17:00", not "${input.cutoffLocal}"`);
  if (input.carrierDate !== undefined && !(isCalendarDate(input.carrierDate) && input.carrierDate <= addDays(input.shipDate, MAX_CONSECUTIVE_CLOSED_DAYS))) {
    fail(`The carrier's delivery date must be a date within a year of the ship date, not "${input.carrierDate}"`);
  }
  if (!isTimeZone(input.origin.timeZone)) fail(`"${input.origin.timeZone}" is not a known time zone`);
  for (const [label, range] of [['transit', input.transitDays], ['customs', input.customsDays]] as const) {
    const ok = Number.isInteger(range.min) && Number.isInteger(range.max) && range.min >= 0 && range.min <= range.max;
    if (!ok) fail(`The ${label} days must be whole numbers with 0 ≤ min ≤ max, not ${range.min}–${range.max}`);
  }
}
