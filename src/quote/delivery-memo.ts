import { estimateDeliveryWindow, type DeliveryWindow, type DeliveryWindowInput, type HolidayCalendar } from '../domain/delivery-window';

/**
 * Delivery windows depend on the ship date, the route, the carrier's days and
 * cut-off, and on `now` only to the minute (cut-offs are HH:MM): options and
 * requests that share those share the window. Bounded per holiday calendar.
 */
const windowMemo = new WeakMap<HolidayCalendar, Map<string, DeliveryWindow>>();
const WINDOW_MEMO_MAX = 5_000;

export function memoDeliveryWindow(w: DeliveryWindowInput): DeliveryWindow {
  let memo = windowMemo.get(w.holidays);
  if (!memo) {
    memo = new Map();
    windowMemo.set(w.holidays, memo);
  }
  const key = [
    Math.floor(w.now.getTime() / 60_000), w.shipDate, w.origin.country, w.origin.region ?? '', w.origin.timeZone,
    w.destination.country, w.destination.region ?? '', w.cutoffLocal, w.transitDays.min, w.transitDays.max, w.customsDays.min, w.customsDays.max, w.carrierDate ?? '',
  ].join('|');
  const hit = memo.get(key);
  if (hit) return hit;
  const window = estimateDeliveryWindow(w);
  if (memo.size >= WINDOW_MEMO_MAX) memo.clear();
  memo.set(key, window);
  return window;
}
