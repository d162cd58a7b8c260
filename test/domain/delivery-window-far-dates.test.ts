import { estimateDeliveryWindow } from '../../src/domain/delivery-window';
import { createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { NO_HOLIDAYS } from '../helpers/engine-fixtures';

const window = (shipDate: string, holidays = NO_HOLIDAYS) =>
  estimateDeliveryWindow({
    shipDate, now: new Date('2026-12-03T15:00:00Z'), origin: { country: 'MX', timeZone: 'America/Mexico_City' }, destination: { country: 'US' },
    cutoffLocal: '17:00', transitDays: { min: 2, max: 4 }, customsDays: { min: 0, max: 1 }, holidays,
  });

describe('the delivery-window search near the end of the calendar (issue 13.2)', () => {
  it('when the ship date is 9999-12-24 (a Friday), then the window runs past 9999-12-31 without looping or throwing', () => {
    // pickup Fri 9999-12-24 (MX); US business days after it: Mon 27 (1), Tue 28 (2) = earliest; Wed 29 (3), Thu 30 (4);
    // Fri 31 is New Year's Day observed (1 Jan 10000 is a Saturday), then Sat, Sun; Mon +010000-01-03 (5) = latest
    const w = window('9999-12-24', createHolidayCalendar());
    expect(w.pickupDate).toBe('9999-12-24');
    expect(w.earliest).toBe('9999-12-28');
    expect(w.latest).toBe('+010000-01-03');
  });

  it('when the ship date is 9999-12-31 with the real holiday calendar, then the latest day is in year 10000, written as ISO 8601 expanded years', () => {
    // Fri 9999-12-31 pickup; Mon +010000-01-03 … +2 = Tue 01-04, +5 = Fri 01-07 (no holidays known that far out)
    const w = window('9999-12-31', createHolidayCalendar());
    expect(w.pickupDate).toBe('9999-12-31');
    expect(w.earliest).toBe('+010000-01-04');
    expect(w.latest).toBe('+010000-01-07');
  });
});
